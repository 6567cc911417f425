"""The detector learns trigger tokens from gold articles and round-trips through its file."""

from __future__ import annotations

from pathlib import Path

from dyad.detector.model import LABELS, DetectorModel, train
from dyad.detector.train import BUCKETS, evaluate, examples_for, gold_tokens, lexicon_typer
from dyad.training.corpus import GoldArticle, GoldEvent


def _event(sentence: str, type_: str, trigger: str) -> GoldEvent:
    return GoldEvent(sentence, type_, None, ("AAA",), (), (), None, None, "author", trigger, None, None)


def _articles() -> list[GoldArticle]:
    pairs = [
        ("Chile recalled its ambassador from Peru on Monday.", "SANCTION", "recalled"),
        ("Kenya deployed troops to the border with Somalia.", "MOBILIZE", "deployed"),
        ("Brazil praised Argentina for the new trade deal.", "SUPPORT", "praised"),
        ("India accused Pakistan of shelling villages in Kashmir.", "ACCUSE", "accused"),
        ("Police arrested dozens of protesters in the capital.", "COERCE", "arrested"),
        ("The two presidents met in Geneva on Tuesday.", "CONSULT", "met"),
    ]
    filler = "The economy has grown slowly for a decade. Analysts expect little change this year."
    arts = []
    for i in range(4):
        text = "\n\n".join(f"{s} {filler}" for s, _, _ in pairs[i % 2:] + pairs[: i % 2])
        events = tuple(_event(s, t, trig) for s, t, trig in pairs)
        arts.append(GoldArticle(f"a{i}", "b", "2024-01-01", "T", (), "P", None, text, events))
    return arts


def test_gold_triggers_align_to_their_tokens(nlp):
    art = _articles()[0]
    doc = nlp(art.text)
    gold = gold_tokens(doc, art)
    assert sorted((doc[i].text, t) for i, t in gold.items()) == sorted(
        [("recalled", "SANCTION"), ("deployed", "MOBILIZE"), ("praised", "SUPPORT"), ("accused", "ACCUSE"),
         ("arrested", "COERCE"), ("met", "CONSULT")])


def test_training_learns_the_triggers_and_round_trips(nlp, knowledge, tmp_path: Path):
    typer = lexicon_typer(knowledge)
    examples = examples_for(_articles(), nlp, typer, buckets=1 << 12)
    assert sum(1 for *_, y in examples if y) == 24 and any(y == 0 for *_, y in examples)
    model = train(examples, 1 << 12, examples[0][1].shape[0], epochs=8)
    figures = evaluate(model, examples)
    assert figures["f1"] > 0.9
    path = tmp_path / "m.npz"
    model.meta = {"version": "test"}
    model.save(path)
    again = DetectorModel.load(path)
    assert again.version == "test" and again.buckets == 1 << 12
    doc = nlp("Kenya deployed troops near the border. The economy has grown slowly for a decade.")
    found = again.detect(next(iter(doc.sents)), typer)
    assert [(doc[d.token].text, d.type) for d in found] == [("deployed", "MOBILIZE")]
    assert not again.detect(list(doc.sents)[1], typer)
    assert LABELS[0] == "O" and BUCKETS > 1 << 12
