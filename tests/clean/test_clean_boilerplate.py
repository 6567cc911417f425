"""The phrase lists and shape signals, and user files extending them."""

from __future__ import annotations

import pytest

from dyad.clean.boilerplate import is_caption, load_boilerplate, stopword_density
from dyad.errors import LexiconError


@pytest.mark.parametrize(("line", "kind"), [
    ("Comments (3)", "comments"), ("2 thoughts on “A headline”", "comments"), ("Related stories", "related"),
    ("You may also like", "related"), ("Tags: Georgia Russia", "tags"), ("#Ukraine #Russia #grain", "tags"),
    ("Share this article Facebook X LinkedIn", "share"), ("NEWSLETTER", "newsletter"),
])
def test_fences(line, kind):
    assert load_boilerplate().fence(line) == kind


def test_body_lines_are_not_fences_or_labels():
    bp = load_boilerplate()
    for line in ("Shares in the company fell sharply.", "Further escalation", "More troops arrived on Monday."):
        assert bp.fence(line) is None and bp.label(line) is None


def test_phrases_need_more_evidence_in_long_paragraphs():
    bp = load_boilerplate()
    assert bp.phrase("Sign up to our newsletter") == "newsletter"
    long_prose = ("The company declined to comment on the figures, which were published on Monday by the regulator "
                  "after a months-long investigation into the pricing of its products.")
    assert bp.phrase(long_prose) is None
    banner = ("We use cookies and similar technologies to personalise content. By clicking accept you consent to "
              "our use of cookies as described in our privacy policy.")
    assert bp.phrase(banner) in ("cookie", "consent", "legal")


def test_captions_and_stopwords():
    assert is_caption("Soldiers at a checkpoint near the border, May 2024. Photo: J. Smith / Reuters")
    assert is_caption("Staff distribute aid at a reception centre. © ICRC")
    assert not is_caption("The talks ended without agreement on Monday.")
    assert stopword_density("the talks were held in the capital") > stopword_density("Home World Politics Sport")


def test_user_file_extends_and_bad_file_fails(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("kind\trole\tpattern\nmine\tfence\tfrom the archives\n", encoding="utf-8")
    assert load_boilerplate((extra,)).fence("From the archives") == "mine"
    bad = tmp_path / "bad.tsv"
    bad.write_text("kind\trole\tpattern\nx\tnowhere\tabc\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        load_boilerplate((bad,))
