"""The trigger lexicon: verb and noun phrases -> PLOVER type, mode, CAMEO code and roles.

A row of ``dyad/data/triggers/*.tsv`` names a phrase by its lemmas (``call upon``,
``drag heel over``, ``throw support behind``); the first lemma is the head, which must
carry the row's part of speech; the later lemmas follow in order, each within
``MAX_GAP`` tokens of the one before. ``recipient`` lists the dependency roles and
prepositions that carry the recipient (default: the direct object and a few
prepositions); ``flags`` mark reciprocal events (``recip``), host/visitor swaps
(``swap``) and verbs whose complement is the content of the act (``embed``: "urged X to
withdraw" is a REQUEST whose content is a withdrawal); ``requires`` restricts a row to
objects of a word class (``@weapons``) or a list of lemmas (``aid|assistance``).
Word classes live in ``classes.tsv`` beside the triggers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.datafiles import data_path, read_tsv
from dyad.errors import LexiconError
from dyad.ontology import EVENT_TYPES

MAX_GAP = 8
POS_OF = {"VERB": ("VERB",), "NOUN": ("NOUN", "PROPN"), "ADJ": ("ADJ",)}
DEFAULT_VERB_RECIPIENT = ("obj", "to", "with", "against", "on", "into", "toward", "towards")
DEFAULT_NOUN_RECIPIENT = ("of", "against", "on", "with", "to", "into", "toward", "towards")
NAME_ENTS = {"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "NORP"}
FLAGS = {"recip", "swap", "embed", "content", "intent"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    source: str
    recipient: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    words: tuple[str, ...] = field(default=())

    @property
    def rule(self) -> str:
        return f"trigger:{self.source}:{self.lemma}/{self.pos}"

    @property
    def reciprocal(self) -> bool:
        return "recip" in self.flags

    def recipient_roles(self) -> tuple[str, ...]:
        if self.recipient:
            return self.recipient
        return DEFAULT_NOUN_RECIPIENT if self.pos == "NOUN" else DEFAULT_VERB_RECIPIENT


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A lexicon row found in a sentence: ``head`` is the token the roles hang on."""

    trigger: Trigger
    head: Any
    tokens: tuple[Any, ...]

    @property
    def start_char(self) -> int:
        return int(self.tokens[0].idx)

    @property
    def end_char(self) -> int:
        last = self.tokens[-1]
        return int(last.idx + len(last.text))


def _load_classes(files: list[Path]) -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for path in files:
        for row in read_tsv(path, ("class", "lemmas")):
            classes.setdefault(row["class"], set()).update(w.strip() for w in row["lemmas"].split("|") if w.strip())
    return {k: frozenset(v) for k, v in classes.items()}


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    by_head: dict[tuple[str, str], tuple[Trigger, ...]]
    classes: dict[str, frozenset[str]]
    contexts: dict[str, str] = field(default_factory=dict)
    """Lemma -> PLOVER context (``dyad/data/coding/contexts.tsv``)."""

    @classmethod
    def load(cls, extra: tuple[Path, ...] = ()) -> TriggerLexicon:
        folder = data_path("triggers")
        class_files = sorted(folder.glob("classes*.tsv"))
        files = [p for p in sorted(folder.glob("*.tsv")) if p not in class_files] + [Path(p) for p in extra]
        classes = _load_classes(class_files)
        heads: dict[tuple[str, str], list[Trigger]] = {}
        for path in files:
            for row in read_tsv(path, ("phrase", "pos", "type", "mode", "cameo")):
                heads_row = _row_trigger(row, path, classes)
                heads.setdefault((heads_row.words[0], heads_row.pos), []).append(heads_row)
        # longest phrases first; rows with a requirement before the plain row of a phrase
        ordered = {k: tuple(sorted(v, key=lambda t: (-len(t.words), not t.requires))) for k, v in heads.items()}
        contexts = {row["lemma"]: row["context"]
                    for row in read_tsv(data_path("coding", "contexts.tsv"), ("lemma", "context"))}
        return cls(ordered, classes, contexts)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_head.values())

    def rows(self) -> Iterator[Trigger]:
        for rows in self.by_head.values():
            yield from rows

    def get(self, lemma: str, pos: str) -> Trigger | None:
        """The plain one-word row of ``lemma`` as ``pos``, if any."""
        for t in self.by_head.get((lemma, pos), ()):
            if len(t.words) == 1 and not t.requires:
                return t
        return None

    def match_sentence(self, sent: Any) -> list[TriggerMatch]:
        """Longest lexicon matches in a sentence, left to right, no token used twice."""
        out: list[TriggerMatch] = []
        used: set[int] = set()
        toks = list(sent)
        for k, tok in enumerate(toks):
            if tok.i in used:
                continue
            pos = _pos_key(tok)
            if pos is None or _in_name(tok, k):
                continue
            rows: tuple[Trigger, ...] = ()
            for lemma in _lemma_candidates(tok):
                rows = self.by_head.get((lemma, pos), ())
                if rows:
                    break
            for trig in rows:
                matched = _match_rest(toks, k, trig.words[1:], used, trig.pos == "NOUN")
                if matched is None:
                    continue
                if trig.requires and not self._satisfied(tok, trig.requires):
                    continue
                tokens = (tok, *matched)
                used.update(t.i for t in tokens)
                out.append(TriggerMatch(trig, _anchor(tok), tokens))
                break
        return out

    def _satisfied(self, tok: Any, requires: frozenset[str]) -> bool:
        words: set[str] = set()
        for r in requires:
            words |= self.classes.get(r[1:], frozenset()) if r.startswith("@") else {r}
        return any(t.lemma_.lower() in words or t.lower_ in words for t in _object_words(tok))


def _lemma_candidates(tok: Any) -> list[str]:
    """The lemma, then the word and its regular de-inflections (the tagger's lemma is
    sometimes wrong: "installed" -> "instal")."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                         ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(low[: -len(suffix)] + repl)
    return out


def _in_name(tok: Any, k: int) -> bool:
    """A capitalised word inside a name ("the Security Support Mission") is not an event."""
    return k > 0 and tok.text[:1].isupper() and (tok.pos_ == "PROPN" or tok.ent_type_ in NAME_ENTS)


def _pos_key(tok: Any) -> str | None:
    if tok.pos_ in ("VERB",):
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if tok.pos_ == "ADJ":
        return "ADJ"
    return None


def _match_rest(toks: list[Any], k: int, rest: tuple[str, ...], used: set[int],
                nominal: bool = False) -> list[Any] | None:
    """The later words of a phrase after token ``k`` (a noun phrase takes no verbs)."""
    matched: list[Any] = []
    j = k
    for word in rest:
        for step in range(1, MAX_GAP + 2):
            if j + step >= len(toks):
                return None
            cand = toks[j + step]
            if (cand.i not in used and (cand.lemma_.lower() == word or cand.lower_ == word)
                    and not (nominal and cand.pos_ in ("VERB", "AUX"))
                    and _linked(cand, toks[k], matched)):
                matched.append(cand)
                j += step
                break
        else:
            return None
    return matched


def _linked(cand: Any, head: Any, matched: list[Any]) -> bool:
    """A later word of a phrase hangs on the head or on an earlier word (or vice versa)."""
    near = [head, *matched]
    return (cand.head in near or any(t.head.i == cand.i for t in near)
            or cand.head.head.i == head.i or cand.head.i == head.head.i)


def _anchor(tok: Any) -> Any:
    """The token whose dependents carry the roles: a compound's head ("hunger strike")."""
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _object_words(tok: Any) -> Iterator[Any]:
    """Head words of the trigger's objects (the noun itself for nouns), with their
    compounds and conjuncts, one preposition deep; not the subject, not whole clauses."""
    head = _anchor(tok)
    heads = [head]
    for child in head.children:
        if child.dep_ in ("dobj", "obj", "dative", "attr", "nsubjpass", "oprd"):
            heads.append(child)
        elif child.dep_ in ("prep", "prt"):
            heads.extend(c for c in child.children if c.dep_ == "pobj")
    if head.dep_ in ("dobj", "pobj", "nsubjpass") and head.pos_ in ("NOUN", "PROPN"):
        heads.append(head)
    for h in heads:
        yield h
        for c in h.children:
            if c.dep_ in ("compound", "amod", "conj", "nmod"):
                yield c
                yield from (cc for cc in c.children if cc.dep_ in ("conj", "compound"))


def _row_trigger(row: dict[str, str], path: Path, classes: dict[str, frozenset[str]]) -> Trigger:
    phrase = row["phrase"].lower().split()
    if not phrase:
        raise LexiconError(f"{path}: empty phrase")
    if row["type"] not in EVENT_TYPES:
        raise LexiconError(f"{path}: unknown PLOVER type {row['type']!r} for {row['phrase']}")
    if row["pos"] not in POS_OF:
        raise LexiconError(f"{path}: unknown part of speech {row['pos']!r} for {row['phrase']}")
    flags = frozenset(f for f in row.get("flags", "").split(";") if f)
    if flags - FLAGS:
        raise LexiconError(f"{path}: unknown flags {sorted(flags - FLAGS)} for {row['phrase']}")
    requires = frozenset(r for r in row.get("requires", "").split("|") if r)
    for r in requires:
        if r.startswith("@") and r[1:] not in classes:
            raise LexiconError(f"{path}: unknown word class {r} for {row['phrase']}")
    recipient = tuple(r for r in row.get("recipient", "").split(";") if r)
    return Trigger(
        lemma=row["phrase"], pos=row["pos"], type=row["type"], mode=row["mode"] or None,
        cameo=row["cameo"] or None, source=path.stem, recipient=recipient, flags=flags,
        requires=requires, words=tuple(phrase),
    )
