"""dyad's web interface: a local, read-only app over a store (``dyad serve``)."""

from __future__ import annotations

from dyad.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app", "serve"]


def serve(settings: WebSettings, port: int = 8000, log_level: str = "warning") -> None:
    """Serve the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), host=settings.host, port=port, log_level=log_level,
                server_header=False, proxy_headers=False)
