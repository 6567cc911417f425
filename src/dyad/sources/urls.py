"""URLs fetched with httpx: a timeout, a size limit, a redirect limit, and a clear
message when the network is not there. A URL serving a feed is read as a feed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import httpx

from dyad import __version__
from dyad.config import Config
from dyad.errors import FetchError
from dyad.records import Failure, RawDocument
from dyad.sources.files import media_type_for

USER_AGENT = f"dyad/{__version__} (+https://pypi.org/project/dyad/)"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml")
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def fetch(url: str, config: Config, client: httpx.Client | None = None) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of ``url``, within the configured limits.

    Raises FetchError naming the reason: fetching disabled, offline or unknown host,
    timeout, too many redirects, an HTTP error status, a body over max_bytes.
    """
    if not config.fetch_urls:
        raise FetchError("fetching URLs is disabled (--no-fetch)", source=url)
    own = client is None
    client = client or make_client(config)
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}", source=url)
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > config.max_bytes:
                raise FetchError(f"response too large ({declared} bytes > max_bytes {config.max_bytes})", source=url)
            body = bytearray()
            for chunk in resp.iter_bytes():
                body += chunk
                if len(body) > config.max_bytes:
                    raise FetchError(f"response larger than max_bytes ({config.max_bytes})", source=url)
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            return bytes(body), ctype, str(resp.url)
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"more than {config.fetch_max_redirects} redirects", source=url) from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out after {config.fetch_timeout:g} s", source=url) from exc
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect (offline, or unknown host?): {exc}", source=url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}", source=url) from exc
    finally:
        if own:
            client.close()


def make_client(config: Config) -> httpx.Client:
    return httpx.Client(
        timeout=config.fetch_timeout,
        follow_redirects=True,
        max_redirects=config.fetch_max_redirects,
        headers={"User-Agent": USER_AGENT},
    )


def looks_like_feed(ctype: str, body: bytes) -> bool:
    if ctype in FEED_TYPES:
        return True
    if ctype in ("application/xml", "text/xml", ""):
        head = body[:1024].lstrip().lower()
        return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    return False


def iter_url(url: str, config: Config) -> Iterator[RawDocument | Failure]:
    """The page at ``url`` as one document, or the entries of the feed it serves."""
    try:
        body, ctype, final = fetch(url, config)
    except FetchError as exc:
        yield Failure(url, exc.stage, f"{url}: {exc.reason}")
        return
    if looks_like_feed(ctype, body):
        from dyad.sources.feeds import iter_feed_bytes

        yield from iter_feed_bytes(body, url, config)
        return
    if ctype and not ctype.startswith(TEXT_TYPES) and not ctype.endswith("xml"):
        yield Failure(url, "fetch", f"{url}: not a text or HTML page (content type {ctype})")
        return
    media = "text/plain" if ctype == "text/plain" else "text/html" if ctype else media_type_for(final, body)
    yield RawDocument(source=url, content=body, media_type=media, url=final,
                      fetched=datetime.now(UTC).isoformat(timespec="seconds"), hints={"url": final})


__all__ = ["fetch", "is_url", "iter_url", "looks_like_feed", "make_client"]
