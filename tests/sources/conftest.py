"""Fixtures for the source readers: a real HTTP server on 127.0.0.1 in a thread."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

ARTICLE_HTML = (
    "<html><head><title>Talks resume in Geneva | Test Wire</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<article><h1>Talks resume in Geneva</h1>"
    "<p>Delegations from Armenia and Azerbaijan met in Geneva on Monday to resume talks on a peace treaty, "
    "the Swiss foreign ministry said in a statement.</p>"
    "<p>The two sides agreed to meet again next month, according to officials who spoke on condition of "
    "anonymity because they were not authorised to brief reporters.</p></article>"
    "<footer>© 2024 Test Wire. All rights reserved.</footer></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/redirect/{n - 1}" if n > 1 else "/article")
            self.end_headers()
            return
        if path == "/slow":
            import time

            time.sleep(2)
        status, ctype, body = self.routes.get(path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def http_server() -> Iterator[tuple[str, dict[str, tuple[int, str, bytes]]]]:
    """(base URL, routes) of a live server; tests add routes as path -> (status, type, body)."""
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {}
    handler = type("RouteHandler", (Handler,), {"routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    routes["/article"] = (200, "text/html; charset=utf-8", ARTICLE_HTML.encode())
    routes["/slow"] = (200, "text/html", ARTICLE_HTML.encode())
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()
