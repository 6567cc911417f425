"""Fixtures for the web tests: a real store built by coding articles the tests write, and
live uvicorn servers on 127.0.0.1 serving it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from dyad.records import RawDocument
from dyad.store import Store
from dyad.web import WebSettings, create_app

XSS_MARKERS = ("__pwned",)

ARTICLES = {
    "caucasus-talks.txt": ("2024-05-12", "Caucasus Wire", """Armenia and Azerbaijan resume border talks

Azerbaijan and Armenia held talks in Baku on Sunday on the delimitation of their border, the foreign ministry said.

Azerbaijan accused Armenia of firing on its positions near Tovuz on Saturday.

Russia urged both sides to show restraint, and Turkey pledged support for Azerbaijan.
"""),
    "caucasus-summer.txt": ("2024-07-05", "Caucasus Wire", """Baku and Yerevan trade blame over shelling

Azerbaijan accused Armenia on Thursday of shelling villages near the border.

Armenia rejected the accusation and accused Azerbaijan of provoking clashes.

France called on Azerbaijan to withdraw its troops from Armenian territory.
"""),
    "caucasus-autumn.txt": ("2024-09-20", "Regional Monitor", """Talks stall as accusations fly

Armenia accused Azerbaijan of violating the ceasefire on Wednesday.

Azerbaijan threatened to respond to any provocation, its defence ministry said.

The European Union offered to mediate between Armenia and Azerbaijan.
"""),
    "hostile.txt": ("2025-03-03", "Hostile <b>Outlet</b>", "\n\n".join([
        '<script>window.__pwned=1</script> Russia warns Ukraine <img src=x onerror="window.__pwned=2">',
        "Russia accused Ukraine on Monday of shelling the port of Odesa <script>window.__pwned=3</script>"
        " and said it would respond.",
        "Ukraine's foreign ministry <b onmouseover=\"window.__pwned=4\">rejected</b> the claim and Kyiv urged"
        " the United Nations to send observers. <svg onload=\"window.__pwned=5\"></svg>",
        "France condemned the attack \"<iframe src=javascript:window.__pwned=6>\" in a statement."
        " <a href=\"javascript:window.__pwned=7\">=cmd|' /C calc'!A0</a>",
    ]) + "\n"),
}


@dataclass
class Live:
    url: str
    store: Store
    settings: WebSettings
    app: object


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def web_store_dir(tmp_path_factory: pytest.TempPathFactory, pipe) -> Path:
    """A store holding the articles above, coded by the real pipeline."""
    root = tmp_path_factory.mktemp("web")
    raws = []
    for name, (published, outlet, text) in ARTICLES.items():
        path = root / "articles" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        raws.append(RawDocument(source=str(path), content=path.read_bytes(), media_type="text/plain",
                                hints={"published": published, "publisher": outlet}))
    store_dir = root / "store"
    with Store(store_dir) as store:
        store.add(pipe.run(raws))
    return store_dir


@pytest.fixture(scope="session")
def pipe_loaded(pipe):
    """The pipeline, loaded before any server thread codes a live article."""
    return pipe


def _serve(settings: WebSettings, pipe_loaded) -> Iterator[Live]:
    port = free_port()
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/info", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    else:
        raise RuntimeError("the test server did not start")
    try:
        yield Live(url=url, store=app.state.web.store, settings=settings, app=app)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live(web_store_dir: Path, pipe_loaded) -> Iterator[Live]:
    """The app on 127.0.0.1 (no token), SQL time limit short enough to test."""
    yield from _serve(WebSettings(store=web_store_dir, sql_timeout=1.0, max_read_bytes=200_000), pipe_loaded)


@pytest.fixture(scope="session")
def live_token(web_store_dir: Path, pipe_loaded) -> Iterator[Live]:
    """The app with a token required by the read route."""
    yield from _serve(WebSettings(store=web_store_dir, token="s3cret-token"), pipe_loaded)


@pytest.fixture()
def empty_live(tmp_path: Path, pipe_loaded) -> Iterator[Live]:
    """The app over a new, empty store (for tests that write to it while it serves)."""
    Store(tmp_path / "store").close()
    yield from _serve(WebSettings(store=tmp_path / "store"), pipe_loaded)


@pytest.fixture()
def client(live: Live) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=60) as c:
        yield c
