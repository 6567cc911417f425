from __future__ import annotations

from dyad.records import Failure, RawDocument


def test_batches_keep_input_order_and_failures(pipe):
    raws = [
        RawDocument("one", "Turkey praised Azerbaijan for its restraint on Monday."),
        Failure("two", "read", "two: no such file"),
        RawDocument("three", b"\x00\x01\x02binary"),
        RawDocument("four", "Iran threatened Azerbaijan with retaliation on Sunday."),
    ] * 3
    out = list(pipe.run(raws))
    assert [x.document.source for x in out] == [r.source for r in raws]
    assert [bool(x.errors) for x in out] == [False, True, True, False] * 3
    assert out[2].errors[0].stage == "clean" and "binary" in out[2].errors[0].message
    assert {e.type for e in out[0].events} == {"SUPPORT"}
    assert {e.type for e in out[3].events} == {"THREATEN"}


def test_non_english_bodies_are_kept_and_flagged_not_coded(pipe):
    text = ("La Russie et l'Iran ont mis en garde l'Azerbaïdjan mardi contre tout changement des frontières "
            "existantes dans la région, selon un communiqué publié à Moscou.")
    (ex,) = pipe.run([RawDocument("fr", text)])
    assert ex.document.language == "fr"
    assert ex.events == [] and not ex.errors and ex.provenance.get("coded") is False


def test_same_article_same_id_whatever_the_format(pipe):
    body = "Russia and Iran warned Azerbaijan against changes to existing borders on Tuesday."
    a = pipe.extract_text(body)
    b = pipe.extract_text(f"<html><body><article><p>{body}</p></article></body></html>", media_type="text/html")
    assert a.document.id == b.document.id != ""
