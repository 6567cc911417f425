from __future__ import annotations

import time

from dyad.coding.context import event_contexts


def test_every_event_names_its_rule_and_confidence(code):
    events = code("India attacked Pakistan. Egypt condemned the attack. France urged India to withdraw.")
    assert events
    for e in events:
        assert e.rule and e.rule.startswith("trigger:")
        assert e.confidence is not None and 0 < e.confidence < 1
        assert e.evidence.trigger is not None
        assert e.cameo and e.score is not None and e.quad_class in (1, 2, 3, 4)


def test_content_of_an_act_is_not_coded_twice(code):
    events = code("Japan accused China of shelling its fishing boats.")
    assert [e.type for e in events] == ["ACCUSE"]
    events = code("The European Union called on Russia to stop attacking Ukraine.")
    assert [e.type for e in events] == ["REQUEST"]


def test_one_event_per_predicate(code):
    events = code("Germany welcomed the agreement signed by Serbia and Kosovo.")
    assert [e.type for e in events] == ["SUPPORT"]


def test_commentary_is_not_coded(code):
    assert not code("Relations between the two countries remain tense, analysts say.")
    assert not code("Serbia and Kosovo have been rivals since the 1990s.")


def test_descriptive_participles_are_not_events(code):
    events = code("Chinese troops backed by Pakistan entered the valley.")
    assert not [e for e in events if e.type == "SUPPORT"]


def test_implicit_recipient_from_context(code):
    events = code("Russian troops seized two villages in Georgia. The next day France condemned the seizure.")
    (acc,) = [e for e in events if e.type == "ACCUSE"]
    assert {r.country for r in acc.recipient} == {"RUS"}


def test_contexts(nlp):
    sent = next(nlp("The army fired missiles at the border.").sents)
    assert event_contexts(sent, {"missile": "military", "border": "territory"}, "cyber") == [
        "cyber", "military", "territory"]


def test_coding_is_fast_and_linear(pipe, code):
    para = ("Egypt and Ethiopia held talks in Cairo on Monday. Egypt accused Ethiopia of filling the dam. "
            "Sudan urged both sides to agree. ") * 10
    code(para)
    t0 = time.perf_counter()
    code(para)
    small = time.perf_counter() - t0
    t0 = time.perf_counter()
    code(para * 8)
    big = time.perf_counter() - t0
    assert big < small * 8 * 2.5 + 0.5


def test_a_judge_filters_and_extends_the_lexicon_matches(pipe):
    from dyad.coding import code_events
    from dyad.coding.triggers import Trigger, TriggerMatch
    from dyad.records import Document

    text = "India attacked Pakistan. Egypt scolded Israel."
    document = Document(id="j", source="<test>", text=text, published="2024-03-14", language="en")
    ann = pipe.annotate(document, pipe.nlp(text))

    class DropAttacksAddScolding:
        def judge(self, sent, matches):
            kept = [m for m in matches if m.trigger.type != "ASSAULT"]
            for tok in sent:
                if tok.lemma_ == "scold":
                    trig = Trigger("scold", "VERB", "ACCUSE", "disapprove", None, "judge", words=("scold",))
                    kept.append(TriggerMatch(trig, tok, (tok,)))
            return kept

    plain = code_events(ann, pipe.knowledge, pipe.config)
    judged = code_events(ann, pipe.knowledge, pipe.config, DropAttacksAddScolding())
    assert "ASSAULT" in {e.type for e in plain}
    assert [e.type for e in judged] == ["ACCUSE"] and judged[0].rule.startswith("trigger:judge:scold")
