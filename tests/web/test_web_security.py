"""The web app's guard rails: read-only, escaped, no traces, no traversal, limited SQL."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dyad.errors import ConfigError
from dyad.web import WebSettings, create_app
from dyad.web import queries as web_queries

GET_ROUTES = [
    "/", "/documents", "/events", "/dyad", "/network", "/map", "/read", "/openapi.json",
    "/api/info", "/api/overview", "/api/documents", "/api/events", "/api/events.csv", "/api/event-types",
    "/api/actors", "/api/network", "/api/map", "/api/outlines", "/api/failures", "/api/views",
    "/api/dyad?actor=AZE", "/api/dyad/events?actor=AZE", "/api/sql?q=select%201",
]


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            st = (Path(dirpath) / f).stat()
            out[str(Path(dirpath, f).relative_to(root))] = (st.st_size, st.st_mtime_ns)
    return out


def test_get_routes_never_write(client: httpx.Client, live) -> None:
    before = snapshot(live.settings.store)
    for path in GET_ROUTES:
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:200])
    doc_id = client.get("/api/documents").json()["documents"][0]["doc_id"]
    assert client.get(f"/documents/{doc_id}").status_code == 200
    assert client.get(f"/api/documents/{doc_id}").status_code == 200
    assert snapshot(live.settings.store) == before


def test_every_response_forbids_inline_scripts(client: httpx.Client) -> None:
    for path in ("/", "/events", "/api/info", "/static/js/common.js", "/nope"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_hold_no_data_and_no_inline_script(client: httpx.Client) -> None:
    for path in ("/", "/documents", "/events", "/dyad", "/network", "/map", "/read"):
        html = client.get(path).text
        assert "<script>" not in html and "onerror" not in html and "onload" not in html
        assert "http://" not in html and "https://" not in html  # nothing from elsewhere
    for js in Path(__file__).resolve().parents[2].joinpath("src/dyad/web/static/js").glob("*.js"):
        code = js.read_text(encoding="utf-8")
        assert "innerHTML" not in code and "insertAdjacentHTML" not in code and "eval(" not in code, js.name


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2f..%2fapi.py", "/static/%2e%2e%2f%2e%2e%2fetc/passwd",
    "/api/documents/..%2f..%2fetc%2fpasswd", "/api/documents/../../etc/passwd", "/documents/..%2fmanifest.json",
    "/api/documents/%2e%2e", "/static//etc/passwd",
])
def test_path_traversal_is_refused(client: httpx.Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (404, 422), (path, r.status_code)
    assert "root:" not in r.text and "manifest" not in r.text.lower() and "import " not in r.text


def test_errors_show_no_stack_trace(client: httpx.Client, live, monkeypatch: pytest.MonkeyPatch) -> None:
    live.app.state.web.cache.clear()  # answers are cached per store version

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(web_queries, "overview", boom)
    r = client.get("/api/overview")
    assert r.status_code == 500
    assert "Traceback" not in r.text and "secret internal detail" not in r.text and ".py" not in r.text
    assert r.json()["error"].startswith("internal error")
    bad = client.get("/api/events", params={"start": "not-a-date"})
    assert bad.status_code == 422 and "Traceback" not in bad.text


@pytest.mark.parametrize("sql", [
    "DROP VIEW events", "CREATE TABLE x AS SELECT 1", "INSERT INTO events SELECT * FROM events",
    "COPY events TO '/tmp/dyad-leak.csv'", "ATTACH '/tmp/dyad-x.duckdb' AS x", "SET enable_external_access = true",
    "SELECT * FROM read_text('/etc/passwd')", "SELECT * FROM read_csv('/etc/passwd')", "INSTALL httpfs",
    "SELECT 1; DROP VIEW events", "PRAGMA database_list", "CALL pragma_version()",
])
def test_sql_can_only_read(client: httpx.Client, sql: str) -> None:
    r = client.get("/api/sql", params={"q": sql})
    assert r.status_code == 400, (sql, r.text)
    assert "root:" not in r.text
    assert not Path("/tmp/dyad-leak.csv").exists()
    assert client.get("/api/sql", params={"q": "SELECT count(*) AS n FROM events"}).json()["rows"][0]["n"] > 0


def test_sql_has_a_time_limit(client: httpx.Client) -> None:
    slow = "SELECT count(*) FROM range(100000000) a, range(100000000) b WHERE a.range * b.range = 7"
    r = client.get("/api/sql", params={"q": slow}, timeout=60)
    assert r.status_code == 400
    assert "longer" in r.json()["error"]


def test_read_route_limits(client: httpx.Client, live) -> None:
    limit = live.settings.max_read_bytes
    assert client.post("/api/read", content=b"text=hello", headers={"content-type": "application/x-www-form-urlencoded"}
                       ).status_code == 415  # a cross-site form cannot post here
    big = client.post("/api/read", json={"text": "war. " * (limit // 4)})
    assert big.status_code in (413, 422)
    assert client.post("/api/read", json={"url": "file:///etc/passwd"}).status_code == 422
    assert client.post("/api/read", json={"url": "/etc/passwd"}).status_code == 422
    local = client.post("/api/read", json={"url": live.url + "/api/info"})
    assert local.status_code == 422 and "refusing" in local.json()["error"]
    assert client.post("/api/read", json={"text": "a", "url": "https://example.org"}).status_code == 422
    assert client.post("/api/read", json={"file_base64": "%%%"}).status_code == 422
    assert client.post("/api/read", json=["x"]).status_code == 400
    assert client.get("/api/read").status_code == 405


def test_read_route_needs_the_token_when_set(live_token) -> None:
    with httpx.Client(base_url=live_token.url, timeout=60) as c:
        assert c.get("/api/info").json()["token_required"] is True
        assert c.post("/api/read", json={"text": "Chile thanked Peru."}).status_code == 401
        assert c.post("/api/read", json={"text": "Chile thanked Peru."}, headers={"X-Dyad-Token": "wrong"}
                      ).status_code == 401
        ok = c.post("/api/read", json={"text": "Chile thanked Peru."}, headers={"X-Dyad-Token": "s3cret-token"})
        assert ok.status_code == 200


def test_a_public_address_without_a_token_is_refused(web_store_dir: Path) -> None:
    with pytest.raises(ConfigError):
        WebSettings(store=web_store_dir, host="0.0.0.0")
    app = create_app(WebSettings(store=web_store_dir, host="0.0.0.0", token="t"))
    assert app.state.web.settings.token == "t"


def test_other_host_names_are_refused(client: httpx.Client) -> None:
    r = client.get("/api/info", headers={"Host": "attacker.example"})
    assert r.status_code == 400


@pytest.fixture()
def article_host() -> Iterator[str]:
    """A tiny HTTP server on 127.0.0.1: /article is an article, /away redirects to another address."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/away":
                self.send_response(302)
                self.send_header("Location", "http://127.0.0.2:9/secret")
                self.end_headers()
                return
            if self.path == "/hop":
                self.send_response(301)
                self.send_header("Location", "/article")
                self.end_headers()
                return
            body = b"<html><body><article><h1>Talks</h1><p>Chile accused Peru of spying on Monday, officials in" \
                   b" Santiago said.</p></article></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_read_url_checks_every_redirect(client: httpx.Client, article_host: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from dyad.web import live as web_live

    monkeypatch.setattr(web_live, "_is_public", lambda host: host == "127.0.0.1")  # stand-in for a public site
    ok = client.post("/api/read", json={"url": article_host + "/hop"})
    assert ok.status_code == 200, ok.text
    assert "Chile accused Peru" in ok.json()["document"]["text"]
    assert ok.json()["document"]["url"].endswith("/article")
    away = client.post("/api/read", json={"url": article_host + "/away"})
    assert away.status_code == 422 and "refusing" in away.json()["error"]
