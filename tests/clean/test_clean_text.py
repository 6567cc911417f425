"""Plain text with page boilerplate: the classifier keeps the article and nothing else."""

from __future__ import annotations

from dyad.clean.boilerplate import load_boilerplate
from dyad.clean.text import best_span, classify, clean_text, split_lines

BODY = [
    "Officials from both governments met in the capital on Tuesday to discuss the border, the foreign "
    "ministry said in a statement released after the talks ended late in the evening.",
    "The two sides agreed to set up a joint commission that will meet every month, and to exchange maps "
    "of the disputed section before the end of the year, according to the statement.",
    "What happens next",
    "Analysts said the agreement was a modest step but that it could open the way to a broader treaty "
    "if both parliaments approve it before the elections planned for the spring.",
]
PAGE = "\n".join([
    "Skip to content",
    "We use cookies to personalise content and ads. Accept all cookies to continue, or manage your preferences.",
    "Accept all",
    "Northern Ledger",
    "Home",
    "World",
    "Politics",
    "Border commission to meet monthly after capital talks",
    "A first agreement in years, though the hardest questions remain open for the two governments to settle.",
    "March 3, 2024 - Jane Doe and Omar Haddad - Analysis",
    "Delegates shake hands at the start of the talks. Photo: Northern Ledger / archive",
    *BODY,
    "Jane Doe is a senior correspondent covering the region for the Northern Ledger.",
    "Share this article Facebook X Email",
    "Related stories",
    "Parliament debates the border deal next week, officials say, in a session expected to run late.",
    "3 Comments",
    "reader_1 2 hours ago",
    "This is the best news we have had in years and everyone in my village is relieved about it.",
    "Reply",
    "Newsletter",
    "Sign up to our newsletter for the best of our reporting every morning in your inbox.",
    "© 2024 Northern Ledger Ltd. All rights reserved.",
])


def test_body_is_exactly_the_article():
    doc = clean_text(PAGE, "page.txt")
    assert doc.text.split("\n\n") == BODY
    assert doc.headings == ["What happens next"]


def test_metadata_from_the_page():
    doc = clean_text(PAGE, "page.txt")
    assert doc.title == "Border commission to meet monthly after capital talks"
    assert doc.subtitle and doc.subtitle.startswith("A first agreement in years")
    assert doc.authors == ["Jane Doe", "Omar Haddad"]
    assert doc.published == "2024-03-03"
    assert doc.publisher == "Northern Ledger"
    assert doc.author_bio and doc.author_bio.startswith("Jane Doe is a senior correspondent")


def test_removed_paragraphs_are_kept_for_inspection():
    doc = clean_text(PAGE, "page.txt")
    assert any("cookies" in r for r in doc.removed)
    assert any("best news we have had" in r for r in doc.removed)
    assert not any(r in BODY for r in doc.removed)


def test_paragraph_in_another_language_is_dropped():
    polish = ("Szanowny Użytkowniku, zanim przejdziesz dalej, zapoznaj się z informacjami o przetwarzaniu "
              "Twoich danych osobowych przez naszych partnerów oraz w celach statystycznych.")
    page = "\n".join([*BODY[:2], polish, *BODY[2:]])
    doc = clean_text(page, "x")
    assert polish not in doc.text and BODY[3] in doc.text


def test_hard_wrapped_paragraphs_are_joined():
    para = BODY[0] + " " + BODY[1]
    wrapped, line = [], ""
    for word in para.split():
        if len(line) + len(word) > 70:
            wrapped.append(line)
            line = ""
        line = f"{line} {word}".strip()
    wrapped.append(line)
    assert split_lines("\n".join(wrapped)) == [para]


def test_fences_break_the_span_and_prose_wins():
    lines = classify(["Home", "Menu", BODY[0], BODY[1], "Comments", BODY[3]], load_boilerplate(), "en", set())
    assert [ln.kind for ln in lines][:2] == ["label", "label"]
    assert best_span(lines) == (2, 3)


def test_batch_repeated_lines_are_boilerplate():
    repeated = "Our journalism is made possible by readers like you across the whole country today."
    page = "\n".join([BODY[0], repeated, BODY[1]])
    assert repeated in clean_text(page, "x").text
    assert repeated not in clean_text(page, "x", repeated={repeated}).text
