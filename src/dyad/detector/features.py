"""Features of a candidate trigger token, from the spaCy parse dyad already computes.

Sparse features (lemma, its syntactic frame, its neighbours, the trigger lexicon's
opinion) are hashed into a fixed number of buckets; dense features are the token's
contextual vector from the English model's own tok2vec (``doc.tensor``), so the
detector adds no second neural pass over the text.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

CANDIDATE_POS = frozenset({"VERB", "NOUN", "AUX", "ADJ", "PROPN"})
DEP_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})


def is_candidate(tok: Any) -> bool:
    """Tokens that may head a codable event: verbs, nouns (nominal events), a few others."""
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha and len(tok.text) > 1


def _hash(feature: str, buckets: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % buckets


def sparse_features(tok: Any, lexicon_type: Callable[[Any], str | None]) -> Iterator[str]:
    """Named features of ``tok``; ``lexicon_type`` says what the trigger lexicon makes of it."""
    lemma = tok.lemma_.lower()
    head = tok.head
    yield "bias"
    yield f"l={lemma}"
    yield f"p={tok.pos_}"
    yield f"lp={lemma}|{tok.pos_}"
    yield f"d={tok.dep_}"
    yield f"ld={lemma}|{tok.dep_}"
    yield f"t={tok.tag_}"
    yield f"hl={head.lemma_.lower()}"
    yield f"hl_l={head.lemma_.lower()}|{lemma}"
    yield f"hd={tok.dep_}|{head.pos_}"
    lex = lexicon_type(tok)
    yield f"lex={lex}"
    if lex:
        yield f"lex_p={lex}|{tok.pos_}"
    has_subj = has_obj = False
    for child in tok.children:
        dep = child.dep_
        yield f"c={dep}"
        if dep in ("prt", "prep", "neg", "aux", "auxpass", "dobj", "xcomp", "ccomp", "poss", "amod", "compound"):
            yield f"c={dep}|{child.lemma_.lower()}"
            yield f"lc={lemma}|{dep}|{child.lemma_.lower()}"
        if dep in DEP_SUBJ:
            has_subj = True
            yield f"subj_ent={child.ent_type_ or '-'}"
        if dep in ("dobj", "pobj", "dative"):
            has_obj = True
            yield f"obj_ent={child.ent_type_ or '-'}"
        if dep == "poss":
            yield f"poss_ent={child.ent_type_ or '-'}"
    yield f"frame={int(has_subj)}{int(has_obj)}"
    doc = tok.doc
    prev = doc[tok.i - 1].lemma_.lower() if tok.i > 0 else "<s>"
    nxt = doc[tok.i + 1].lemma_.lower() if tok.i + 1 < len(doc) else "</s>"
    yield f"prev={prev}"
    yield f"next={nxt}"
    yield f"l_next={lemma}|{nxt}"
    yield f"prev_l={prev}|{lemma}"
    yield f"sent_start={int(tok.i == tok.sent.start)}"
    ents = {t.ent_type_ for t in tok.sent if t.ent_type_}
    yield f"sent_has_gpe={int('GPE' in ents or 'NORP' in ents)}"


def featurise(tok: Any, lexicon_type: Callable[[Any], str | None], buckets: int) -> tuple[np.ndarray, np.ndarray]:
    """(hashed sparse indices, dense vector) of one token."""
    idx = np.fromiter((_hash(f, buckets) for f in sparse_features(tok, lexicon_type)), dtype=np.int64)
    tensor = tok.doc.tensor
    has_tensor = tensor is not None and len(tensor)
    dense = np.asarray(tensor[tok.i], dtype=np.float32) if has_tensor else np.zeros(0, np.float32)
    return np.unique(idx), dense
