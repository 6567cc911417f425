"""The JSON API under /api: one thin route per question the pages ask."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import secrets
from collections.abc import Callable, Iterator
from typing import Annotated, Any, TypeVar, cast

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.exceptions import HTTPException

from dyad import __version__
from dyad.errors import ReadError
from dyad.store import Filters, Store
from dyad.web import live, queries
from dyad.web.outlines import OutlinesMissing, centroids, load_countries, outlines_json

router = APIRouter(prefix="/api", tags=["api"])

DOC_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
CODE = r"^[A-Za-z0-9_.+-]{1,40}$"
TYPE = r"^[A-Za-z_]{1,30}$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
AUX = r"^(historical|future|hypothetical|negation)$"

Code = Annotated[str | None, Query(pattern=CODE, description="Actor code (RUS, RUS.MIL, NATO) or country")]
DocId = Annotated[str, Path(pattern=DOC_ID.pattern, description="A document id")]


def state(request: Request) -> Any:
    return request.app.state.web


def store(request: Request) -> Store:
    return state(request).store


StoreDep = Annotated[Store, Depends(store)]
T = TypeVar("T")


class JSONBytes(Response):
    media_type = "application/json"


def _encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=str).encode("utf-8")


def cached(request: Request, compute: Callable[[], T]) -> T:
    """The answer to this request for the store as it is now (recomputed after each ingest batch)."""
    st = state(request)
    key = (request.url.path, tuple(sorted(request.query_params.multi_items())), st.store.layout.stamp())
    return cast(T, st.cache.get(key, compute))


def answer(request: Request, compute: Callable[[], Any]) -> Response:
    """``cached``, kept and sent as encoded JSON (encoded once per store version)."""
    return JSONBytes(cached(request, lambda: _encode(compute())))


def filters(
    start: Annotated[str | None, Query(pattern=DATE, description="From this date (YYYY, YYYY-MM, YYYY-MM-DD)")] = None,
    end: Annotated[str | None, Query(pattern=DATE, description="Up to this date")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$", description="Country on either side or the place")
                       ] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER event types (repeatable)")] = None,
    include_aux: Annotated[bool, Query(description="Count negated, hypothetical and future events too")] = False,
    source: Annotated[str | None, Query(max_length=500, description="Outlet, or the start of the source")] = None,
) -> Filters:
    types = tuple(t for t in (type or []) if t)
    for t in types:
        if not re.match(TYPE, t):
            raise HTTPException(422, f"not an event type: {t[:40]!r}")
    return Filters(start=start, end=end, country=country, types=types, include_aux=include_aux,
                   source=source or None)


FiltersDep = Annotated[Filters, Depends(filters)]


def event_query(
    f: FiltersDep,
    actor: Code = None,
    recipient: Code = None,
    aux: Annotated[str | None, Query(pattern=AUX, description="Only events with this aux mode")] = None,
    doc: Annotated[str | None, Query(pattern=DOC_ID.pattern, description="Only events of this document")] = None,
    sort: Annotated[str, Query(pattern=r"^[a-z_]{1,20}$", description="Column to sort by")] = "date",
    desc: Annotated[bool, Query(description="Sort descending")] = False,
) -> queries.EventQuery:
    return queries.EventQuery(filters=f, actor=actor, recipient=recipient, aux=aux, doc_id=doc, sort=sort,
                              descending=desc)


EventQueryDep = Annotated[queries.EventQuery, Depends(event_query)]


# -- overview and documents -------------------------------------------------------------
@router.get("/info", summary="Version, store counts, and whether the read route needs a token")
def info(request: Request, s: StoreDep) -> dict[str, Any]:
    st = state(request)
    return {"dyad": __version__, "counts": cached(request, s.counts), "token_required": bool(st.settings.token),
            "max_read_bytes": st.settings.max_read_bytes}


@router.get("/overview", summary="Counts, events over time by quad class, top dyads and actors, latest documents")
def overview(request: Request, s: StoreDep) -> Response:
    return answer(request, lambda: queries.overview(s))


@router.get("/documents", summary="Stored documents, newest first")
def documents(request: Request, s: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
              offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    return answer(request, lambda: queries.documents_list(s, limit, offset))


@router.get("/documents/{doc_id}", summary="One document: clean text, mentions, places and events")
def document(request: Request, s: StoreDep, doc_id: DocId) -> Response:
    def compute() -> bytes | None:
        doc = queries.document(s, doc_id)
        return None if doc is None else _encode(doc)

    out = cached(request, compute)
    if out is None:
        raise HTTPException(404, "no such document")
    return JSONBytes(out)


@router.get("/documents/{doc_id}/removed", summary="The boilerplate removed from a document (when kept)")
def removed(s: StoreDep, doc_id: DocId) -> dict[str, Any]:
    out = queries.removed_boilerplate(s, doc_id)
    if out is None:
        raise HTTPException(404, "no such document")
    return out


@router.get("/failures", summary="Inputs that could not be read or coded")
def failures(request: Request, s: StoreDep) -> Response:
    return answer(request, lambda: queries.records(s.failures()))


# -- events ----------------------------------------------------------------------------
@router.get("/events", summary="Events matching the filters, one page, sorted")
def events(request: Request, s: StoreDep, q: EventQueryDep, page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
           size: Annotated[int, Query(ge=1, le=500)] = 50) -> Response:
    return answer(request, lambda: queries.events_page(s, q, page, size))


def _csv_cell(value: Any) -> Any:
    """Keep spreadsheet programs from reading article text as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_rows(rows: list[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(columns)
    for i, row in enumerate(rows):
        w.writerow([_csv_cell(row.get(c)) for c in columns])
        if i % 500 == 499:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


@router.get("/events.csv", summary="Every event matching the filters, as CSV", response_class=StreamingResponse)
def events_csv(s: StoreDep, q: EventQueryDep) -> StreamingResponse:
    df = queries.events_frame(s, q)
    rows = queries.records(df)
    return StreamingResponse(_csv_rows(rows, list(df.columns)), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="dyad-events.csv"'})


@router.get("/event-types", summary="Event types present in the store")
def event_types(request: Request, s: StoreDep) -> Response:
    return answer(request, lambda: queries.event_types(s))


@router.get("/actors", summary="Actors in most events (for pickers)")
def actors(request: Request, s: StoreDep, limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> Response:
    return answer(request, lambda: queries.actors(s, limit))


# -- dyads, network, map ---------------------------------------------------------------
Actor = Annotated[str, Query(pattern=CODE, description="The actor side (code or country)")]


@router.get("/dyad", summary="Monthly series of a dyad: events by type and quad class, mean score")
def dyad(request: Request, s: StoreDep, f: FiltersDep, actor: Actor, recipient: Code = None,
         both: bool = False) -> Response:
    return answer(request, lambda: queries.dyad_series(s, actor, recipient, f, both))


@router.get("/dyad/events", summary="The events behind a dyad (one month with period=YYYY-MM)")
def dyad_events(request: Request, s: StoreDep, f: FiltersDep, actor: Actor, recipient: Code = None, both: bool = False,
                period: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Response:
    return answer(request, lambda: queries.dyad_events(s, actor, recipient, period, f, both, limit))


@router.get("/network", summary="Actors as nodes, directed edges with events and mean score")
def network(request: Request, s: StoreDep, f: FiltersDep,
            top: Annotated[int, Query(ge=2, le=300)] = 25) -> Response:
    return answer(request, lambda: queries.network(s, top, f))


def _outlines(request: Request) -> dict[str, Any]:
    st = state(request)
    if st.outlines is None:
        countries = load_countries()
        st.centroids = centroids(countries)
        st.outlines = outlines_json(countries)
    return st.outlines


@router.get("/map", summary="Event places with counts per quad class")
def map_points(request: Request, s: StoreDep, q: EventQueryDep) -> Response:
    with contextlib.suppress(OutlinesMissing):  # without outlines only points with coordinates show
        _outlines(request)
    cents = state(request).centroids
    return answer(request, lambda: {"points": _placed(queries.map_points(s, q), cents)})


def _placed(rows: list[dict[str, Any]], cents: dict[str, tuple[float, float]]) -> list[dict[str, Any]]:
    """Points with coordinates; country-level places at their country's centre (marked approximate)."""
    points = []
    for p in rows:
        approx = p["lat"] is None or p["lon"] is None
        if approx:
            c = cents.get(p["place_country"] or "")
            if not c:
                continue
            p["lon"], p["lat"] = c
        points.append(p | {"approximate": approx})
    return points


@router.get("/outlines", summary="Country outlines (Natural Earth 1:110m) for the map")
def outlines(request: Request) -> JSONResponse:
    return JSONResponse(_outlines(request), headers={"Cache-Control": "max-age=86400"})


# -- SQL -------------------------------------------------------------------------------
@router.get("/views", summary="The views the SQL route may read, with their columns")
def views(s: StoreDep) -> dict[str, list[str]]:
    return s.views()


@router.get("/sql", summary="One read-only SELECT over the views, with a time limit")
def sql(request: Request, s: StoreDep, q: Annotated[str, Query(min_length=1, max_length=10_000)]) -> dict[str, Any]:
    web = state(request)
    st = web.settings
    if not web.sql_slots.acquire(timeout=st.sql_timeout):
        raise HTTPException(429, "too many SQL queries at once; try again")
    try:
        df = s.sql(q, timeout=st.sql_timeout)
    finally:
        web.sql_slots.release()
    return {"columns": list(df.columns), "rows": queries.records(df.head(st.sql_max_rows)),
            "truncated": len(df) > st.sql_max_rows}


# -- read an article (the one route that takes a body) ---------------------------------
async def _limited_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/read", summary="Code one article (text, URL or file) live; nothing is stored",
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                 "type": "object", "properties": {
                     "text": {"type": "string"}, "url": {"type": "string"}, "html": {"type": "boolean"},
                     "file_name": {"type": "string"}, "file_base64": {"type": "string"}}}}}}})
async def read(request: Request, x_dyad_token: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    st = state(request)
    settings = st.settings
    if settings.token and not secrets.compare_digest((x_dyad_token or "").encode(), settings.token.encode()):
        raise HTTPException(401, "this server needs its token (header X-Dyad-Token) to read articles")
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise HTTPException(415, "send the article as application/json")
    body = await _limited_body(request, settings.max_read_bytes * 4 // 3 + 16_384)
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise HTTPException(400, "the body is not valid JSON") from exc
    if not isinstance(data, dict):
        raise HTTPException(400, "the body must be a JSON object")
    fields = {k: data.get(k) for k in ("text", "url", "file_name", "file_base64", "html")}
    for k, v in fields.items():
        if v is not None and not isinstance(v, bool if k == "html" else str):
            raise ReadError(f"{k} has the wrong type")
    req = live.ReadRequest(**fields)

    def run() -> dict[str, Any]:
        with st.live_lock:
            return live.read_article(req, settings.config, settings.max_read_bytes)

    return await run_in_threadpool(run)
