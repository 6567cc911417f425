"""The web app: ``create_app(settings)`` builds a FastAPI application over one store.

Routes are thin (parse, call one function of ``queries`` / ``live``, format). Every
response carries a Content-Security-Policy that forbids inline scripts; errors become a
short JSON message, never a stack trace; the only route that accepts a body is the
"read an article" one, limited in size and guarded by a token when the server listens
on anything but the loopback address.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dyad import __version__
from dyad.config import Config
from dyad.errors import ConfigError, DyadError, QueryError, ReadError
from dyad.store import Store
from dyad.web.cache import AnswerCache
from dyad.web.live import DEFAULT_MAX_BYTES
from dyad.web.outlines import OutlinesMissing
from dyad.web.pages import PAGES, shell

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the app serves a store."""

    store: Path = Path("dyad-store")
    host: str = "127.0.0.1"
    token: str | None = None
    """Required (header ``X-Dyad-Token``) by the read route; must be set when ``host`` is not loopback."""
    max_read_bytes: int = DEFAULT_MAX_BYTES
    sql_timeout: float = 5.0
    sql_max_rows: int = 1000
    cache_size: int = 512
    """Answers kept per store version (0 turns the cache off)."""
    config: Config = field(default_factory=Config)

    def __post_init__(self) -> None:
        if not is_loopback(self.host) and not self.token:
            raise ConfigError(f"serving on {self.host} (not loopback) needs a token for the read route")
        if self.max_read_bytes <= 0:
            raise ConfigError("max_read_bytes must be positive")


@dataclass
class WebState:
    """What the routes share: the settings, the store, and the loaded outlines."""

    settings: WebSettings
    store: Store
    live_lock: threading.Lock = field(default_factory=threading.Lock)
    outlines: dict[str, Any] | None = None
    centroids: dict[str, tuple[float, float]] = field(default_factory=dict)
    cache: AnswerCache = field(default_factory=AnswerCache)
    sql_slots: threading.BoundedSemaphore = field(default_factory=lambda: threading.BoundedSemaphore(2))
    """At most this many user SQL queries run at once."""


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(OutlinesMissing)
    async def outlines_missing(_: Request, exc: OutlinesMissing) -> JSONResponse:
        return _error(503, exc.reason)

    @app.exception_handler(QueryError)
    async def query_error(_: Request, exc: QueryError) -> JSONResponse:
        return _error(400, exc.reason)

    @app.exception_handler(ReadError)
    async def read_error(_: Request, exc: ReadError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(DyadError)
    async def dyad_error(_: Request, exc: DyadError) -> JSONResponse:
        log.warning("request failed: %s", exc)
        return _error(500, f"{exc.stage} error: {exc.reason}")

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', 'invalid')}"
                    for e in exc.errors()]
        return _error(422, "; ".join(problems) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:
        log.error("internal error", exc_info=exc)
        return _error(500, "internal error (details are in the server log)")


def create_app(settings: WebSettings, store: Store | None = None) -> FastAPI:
    """The app serving ``settings.store`` (or an already open ``store``)."""
    from dyad.web.api import router

    app = FastAPI(title="dyad", version=__version__, docs_url=None, redoc_url=None,
                  description="Political event data from news articles: the JSON API behind dyad's web pages. "
                              "Every GET route only reads; POST /api/read codes one article and stores nothing.",
                  openapi_tags=[{"name": "api", "description": "JSON API"}])
    app.state.web = WebState(settings=settings, store=store or Store(settings.store, create=False),
                             cache=AnswerCache(settings.cache_size))
    _install_errors(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        try:
            response: Response = await call_next(request)
        except Exception as exc:  # never let a trace reach the browser
            log.error("internal error", exc_info=exc)
            response = _error(500, "internal error (details are in the server log)")
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    if is_loopback(settings.host):  # refuse other Host names (DNS rebinding)
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=[*LOOPBACK_NAMES, settings.host])

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    for name, page in PAGES.items():
        html = shell(name, __version__)
        _add_page(app, page.path, html, name)
    return app


def _add_page(app: FastAPI, path: str, html: str, name: str) -> None:
    if "{doc_id}" in path:
        from dyad.web.api import DOC_ID

        async def doc_page(doc_id: str) -> HTMLResponse:
            if not DOC_ID.match(doc_id):
                raise StarletteHTTPException(404, "no such document")
            return HTMLResponse(html)

        app.add_api_route(path, doc_page, methods=["GET"], include_in_schema=False, name=f"page_{name}")
        return

    async def page() -> HTMLResponse:
        return HTMLResponse(html)

    app.add_api_route(path, page, methods=["GET"], include_in_schema=False, name=f"page_{name}")


__all__ = ["WebSettings", "create_app", "is_loopback"]

