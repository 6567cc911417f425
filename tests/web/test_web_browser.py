"""The pages in a real headless Chromium (Debian's, driven by Playwright) against a live server.

Screenshots of every page go to test-artifacts/web/. The set-up (``make test``) installs
Chromium with tools/ensure-chromium.sh when it is missing; without it these tests fail.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
INJECTED = ("main script, main img, main iframe, main svg[onload], [onerror], [onmouseover], [onload], "
            "a[href^='javascript']")


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash tools/ensure-chromium.sh` (as root) "
                    "to install Debian's chromium")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    user_data = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(user_data), executable_path=str(CHROMIUM), headless=True,
                                                   args=LAUNCH_ARGS, viewport={"width": 1360, "height": 900})
        try:
            yield ctx
        finally:
            ctx.close()
    shutil.rmtree(user_data, ignore_errors=True)


class Watched:
    """A page with its console errors, page errors and dialogs recorded."""

    def __init__(self, ctx: object) -> None:
        self.page = ctx.new_page()  # type: ignore[attr-defined]
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))

        def on_dialog(d: object) -> None:
            self.dialogs.append(d.message)  # type: ignore[attr-defined]
            d.dismiss()  # type: ignore[attr-defined]

        self.page.on("dialog", on_dialog)

    def open(self, url: str) -> object:
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def assert_clean(self) -> None:
        assert not self.problems, self.problems
        assert not self.dialogs, self.dialogs
        assert self.page.locator("main .error").count() == 0, self.page.locator("main .error").all_inner_texts()


@pytest.fixture()
def watched(browser_context: object) -> Iterator[Watched]:
    w = Watched(browser_context)
    try:
        yield w
    finally:
        w.page.close()


def _doc_with_events(client) -> dict:
    docs = client.get("/api/documents").json()["documents"]
    return max((d for d in docs if "hostile" not in d["source"]), key=lambda d: d["n_events"])


def test_every_page_loads(watched: Watched, live, client) -> None:
    doc = _doc_with_events(client)
    checks = {
        "overview": ("/", "svg.chart rect, .stats .stat"),
        "documents": ("/documents", "table.data a.doclink"),
        "events": ("/events?include_aux=true", "table.events tbody tr"),
        "document": (f"/documents/{doc['doc_id']}", ".card.event"),
        "dyad": ("/dyad", "svg.chart"),
        "network": ("/network", "svg.network .edge"),
        "map": ("/map?include_aux=true", "svg.map .land path"),
        "read": ("/read", "#read-form textarea"),
    }
    for name, (path, selector) in checks.items():
        page = watched.open(live.url + path)
        page.wait_for_selector(selector, timeout=15_000)
        watched.shot(name)
        watched.assert_clean()
    page = watched.open(live.url + "/map?include_aux=true")
    assert page.locator("svg.map .land path").count() > 150
    assert page.locator("svg.map .point circle").count() >= 1


def test_click_document_then_event_then_dyad(watched: Watched, live, client) -> None:
    doc = _doc_with_events(client)
    page = watched.open(live.url + "/")
    page.get_by_role("link", name=doc["title"]).click()
    page.wait_for_selector(".card.event")
    assert page.url.endswith(f"/documents/{doc['doc_id']}")
    card = page.locator(".card.event", has=page.locator("a.dyad-link")).first
    card.get_by_role("button", name="Show sentence").click()
    page.wait_for_selector(".doctext .focus")
    focused = "".join(page.locator(".doctext .focus").all_text_contents())
    assert card.locator(".trigger-line").inner_text().strip("“” ") in focused
    assert "#ev=" in page.url
    watched.shot("flow-1-document-event")
    link = card.locator("a.dyad-link")
    actor, recipient = re.match(r"Dyad (\S+) → (\S+)", link.inner_text()).groups()  # type: ignore[union-attr]
    link.click()
    page.wait_for_url(re.compile(r"/dyad\?"))
    page.wait_for_selector("svg.chart .bar")
    assert page.locator("input[name=actor]").input_value() == actor
    assert page.locator("input[name=recipient]").input_value() == recipient
    page.locator("svg.chart .bar").first.click()
    page.wait_for_selector(".dyad-events h2:has-text('Events in')")
    assert page.locator(".dyad-events table tbody tr").count() >= 1
    watched.shot("flow-2-dyad")
    watched.assert_clean()


def test_event_links_open_the_document_at_the_sentence(watched: Watched, live, client) -> None:
    ev = next(e for e in client.get("/api/events", params={"include_aux": "true"}).json()["events"] if e["trigger"])
    page = watched.open(live.url + "/events?include_aux=true")
    page.locator(f"table.events a[href$='{ev['event_id'].split(':')[-1]}']").first.click()
    page.wait_for_url(re.compile(r"/documents/.+#ev="))
    page.wait_for_selector(".doctext .focus")
    assert ev["trigger"] in "".join(page.locator(".doctext .focus").all_text_contents())
    assert page.locator(".card.event.active").count() == 1
    watched.assert_clean()
    missing = watched.open(live.url + "/documents/0000000000000000")
    missing.wait_for_selector("main .error")
    assert "no such document" in missing.locator("main .error").inner_text()
    assert "Traceback" not in missing.content()


def test_network_edge_opens_its_dyad(watched: Watched, live) -> None:
    page = watched.open(live.url + "/network")
    path = page.locator("svg.network a.edge path[data-source]").first
    source, target = path.get_attribute("data-source"), path.get_attribute("data-target")
    path.scroll_into_view_if_needed()
    x, y = path.evaluate("""p => { const pt = p.getPointAtLength(p.getTotalLength() / 2), m = p.getScreenCTM();
                                   return [pt.x * m.a + pt.y * m.c + m.e, pt.x * m.b + pt.y * m.d + m.f]; }""")
    page.mouse.click(x, y)  # the middle of the drawn edge, as a person would
    page.wait_for_url(re.compile(r"/dyad\?"))
    page.wait_for_selector("svg.chart")
    assert page.locator("input[name=actor]").input_value() == source
    assert page.locator("input[name=recipient]").input_value() == target
    watched.assert_clean()


def test_events_table_sorts_filters_and_downloads(watched: Watched, live, client) -> None:
    page = watched.open(live.url + "/events?include_aux=true")
    page.wait_for_selector("table.events tbody tr")
    page.locator("th.sortable a", has_text="Score").click()
    page.wait_for_url(re.compile(r"sort=score"))
    page.wait_for_selector("th.active:has-text('Score')")
    page.fill("input[name=actor]", "AZE")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"actor=AZE"))
    page.wait_for_selector("table.events tbody tr")
    href = page.locator("#csv").get_attribute("href") or ""
    assert "actor=AZE" in href and "sort=score" in href
    total = client.get("/api/events", params={"include_aux": "true", "actor": "AZE"}).json()["total"]
    assert page.locator("table.events tbody tr").count() == min(total, 50)
    with page.expect_download() as dl:
        page.locator("#csv").click()
    assert Path(dl.value.path()).read_text(encoding="utf-8").count("\n") >= total
    watched.shot("events-filtered")
    watched.assert_clean()


def test_stored_script_never_runs(watched: Watched, live, client) -> None:
    """An article full of script tags and event handlers is shown as text on every page."""
    docs = client.get("/api/documents").json()["documents"]
    hostile = next(d for d in docs if "hostile" in d["source"])
    assert "<script>" in hostile["title"]
    pages = ["/", "/documents", f"/documents/{hostile['doc_id']}", "/events?include_aux=true&source=" +
             hostile["source"].replace("/", "%2F")]
    for i, path in enumerate(pages):
        page = watched.open(live.url + path)
        page.wait_for_selector("main h1")
        page.wait_for_timeout(300)
        for el in page.locator("main [title], main span, main a").all()[:200]:
            el.hover(timeout=2000, force=True) if el.is_visible() else None
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator(INJECTED).count() == 0, path
        assert re.search(r"<script>window.__pwned=\d</script>", page.locator("main").inner_text()), path
        watched.assert_clean()
        watched.shot(f"xss-{i}-{path.strip('/').split('/')[0].split('?')[0] or 'overview'}")
    page = watched.open(live.url + f"/documents/{hostile['doc_id']}")
    page.get_by_role("button", name=re.compile("Show removed boilerplate")).click()
    page.wait_for_selector(".removed p, .removed ol")
    text = Path(hostile["source"]).read_text(encoding="utf-8")
    page = watched.open(live.url + "/read")
    page.fill("#read-form textarea", text)
    page.locator("#read-form button[type=submit]").click()
    page.wait_for_selector(".read-result .doctext")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(INJECTED).count() == 0
    assert re.search(r"<script>window.__pwned=\d</script>", page.locator(".read-result").inner_text())
    page.get_by_role("button", name=re.compile("Show removed boilerplate")).click()
    page.wait_for_selector(".read-result .removed p, .read-result .removed ol")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(INJECTED).count() == 0
    watched.shot("xss-read")
    watched.assert_clean()
