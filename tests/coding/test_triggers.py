from __future__ import annotations

from pathlib import Path

import pytest

from dyad.coding.triggers import TriggerLexicon
from dyad.errors import LexiconError
from dyad.ontology import EVENT_TYPES, Ontology


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.load()


def test_lexicon_is_broad(lexicon):
    rows = list(lexicon.rows())
    assert len(rows) >= 400
    assert {r.type for r in rows} == set(EVENT_TYPES)
    verbs = {r.words[0] for r in rows if r.pos == "VERB"}
    nouns = {r.words[0] for r in rows if r.pos == "NOUN"}
    assert len(verbs) >= 250 and len(nouns) >= 80


def test_every_mode_is_in_the_ontology_and_cameo_is_numeric(lexicon):
    onto = Ontology.load()
    for r in lexicon.rows():
        if r.mode:
            assert r.mode in onto.modes(r.type), (r.lemma, r.type, r.mode)
        assert r.cameo is None or r.cameo.isdigit(), r.lemma


def test_every_type_has_its_modes_covered(lexicon):
    onto = Ontology.load()
    used = {(r.type, r.mode) for r in lexicon.rows()}
    for t in ("RETREAT", "COERCE", "ASSAULT", "SANCTION", "PROTEST"):
        covered = {m for (tt, m) in used if tt == t and m}
        assert len(covered) >= len(onto.modes(t)) // 2, t


@pytest.mark.parametrize(("sentence", "phrase", "type_"), [
    ("The ministry has dragged its heels over the reform for months.", "drag heel", "REJECT"),
    ("The party threw its full support behind the candidate.", "throw support behind", "SUPPORT"),
    ("The envoy called upon the rebels to lay down their arms.", "call upon", "REQUEST"),
    ("The minister ruled out any talks with the opposition.", "rule out", "REJECT"),
    ("The two armies exchanged heavy fire across the river.", "exchange fire", "ASSAULT"),
])
def test_idioms_match_with_words_between(lexicon, nlp, sentence, phrase, type_):
    sent = next(nlp(sentence).sents)
    found = {(m.trigger.lemma, m.trigger.type) for m in lexicon.match_sentence(sent)}
    assert (phrase, type_) in found


def test_word_class_requirement_picks_the_row(lexicon, nlp):
    def types(text: str) -> set[str]:
        return {m.trigger.type for m in lexicon.match_sentence(next(nlp(text).sents))}

    assert "MOBILIZE" in types("The navy sent two warships to the strait.")
    assert "AID" in types("The government sent food and medicine to the flooded region.")
    assert "SANCTION" in types("The country withdrew from the treaty last year.")
    assert "RETREAT" in types("The army withdrew its troops from the border.")


def test_names_are_not_events(lexicon, nlp):
    sent = next(nlp("The Multinational Security Support Mission arrived.").sents)
    assert not [m for m in lexicon.match_sentence(sent) if m.trigger.type == "SUPPORT"]


def test_user_file_adds_rows_and_bad_rows_fail(tmp_path: Path):
    good = tmp_path / "mine.tsv"
    good.write_text("phrase\tpos\ttype\tmode\tcameo\trecipient\tflags\trequires\n"
                    "stonewall on\tVERB\tREJECT\t\t120\ton\t\t\n", encoding="utf-8")
    lex = TriggerLexicon.load((good,))
    assert any(r.lemma == "stonewall on" and r.source == "mine" for r in lex.rows())
    bad = tmp_path / "bad.tsv"
    bad.write_text("phrase\tpos\ttype\tmode\tcameo\nglare\tVERB\tSTARE\t\t\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        TriggerLexicon.load((bad,))
    flag = tmp_path / "flag.tsv"
    flag.write_text("phrase\tpos\ttype\tmode\tcameo\trecipient\tflags\nglare\tVERB\tACCUSE\t\t\t\tshout\n",
                    encoding="utf-8")
    with pytest.raises(LexiconError):
        TriggerLexicon.load((flag,))
