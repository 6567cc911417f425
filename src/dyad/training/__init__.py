"""The training corpus written for dyad: loading, quality control, splits and drafts."""

from dyad.training.corpus import GoldArticle, GoldEvent, load_article, load_corpus, split_of

__all__ = ["GoldArticle", "GoldEvent", "load_article", "load_corpus", "split_of"]
