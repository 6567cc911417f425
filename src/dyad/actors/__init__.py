"""Actors: the lexicon of who can act (countries, metonyms, organisations, persons) and
the stage that finds their mentions in an annotated text."""

from dyad.actors.lexicon import ActorLexicon
from dyad.actors.resolve import find_mentions

__all__ = ["ActorLexicon", "find_mentions"]
