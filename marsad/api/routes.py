"""The JSON API under ``/api``: every page's data, filters, and CSV/JSON exports.

Responses are built as plain dicts and returned as :class:`JSONResponse` directly, skipping
FastAPI's per-field encoder: the index already holds JSON-ready values, and the encoder was
the largest cost of a timeline answer on the 10,000-article benchmark store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from ..doc import ENTITY_TYPES
from ..export.jsonl import SCHEMA_VERSION
from ..text.latin import MAX_QUERY_CHARS
from ..web.index import EVENT_CERTAINTIES, STORY_CERTAINTIES, CorpusIndex, IndexHolder
from . import views
from .errors import BadParameter
from .params import FILTERS, check_known, parse_filters, parse_timestamp

router = APIRouter(prefix="/api")

Format = Literal["json", "csv"]
# the filter parameters, declared once for the OpenAPI description
EntityQ = Annotated[str | None, Query(description="entity key (kb:khalifa_haftar or "
                                      "khalifa_haftar): stories it takes part in or is the "
                                      "place of")]
TypeQ = Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT")]
PlaceQ = Annotated[str | None, Query(description="entity key of a place")]
SinceQ = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD: dated "
                                     "stories ending on or after it")]
UntilQ = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD: dated "
                                     "stories starting on or before it")]
SourceQ = Annotated[str | None, Query(description="an outlet, as in the story's sources")]
LimitQ = Annotated[int, Query(ge=1, le=20000, description="most items")]
OffsetQ = Annotated[int, Query(ge=0, description="items to skip")]
FormatQ = Annotated[Format | None, Query(description="json (default) or csv; given "
                                         "explicitly, the answer is a file download")]


def holder(request: Request) -> IndexHolder:
    h: IndexHolder = request.app.state.holder
    return h


def index(request: Request) -> CorpusIndex:
    return holder(request).get()


def _versioned(data: Any) -> Any:
    """Every JSON answer names the schema version of the records it comes from (an
    article's record carries its own)."""
    if isinstance(data, dict) and "schema_version" not in data:
        return {**data, "schema_version": SCHEMA_VERSION}
    return data


def _json(data: Any, fmt: str | None = None, name: str = "export") -> Response:
    resp = JSONResponse(_versioned(data))
    if fmt == "json":
        resp.headers["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return resp


def _remembered(request: Request, build: Callable[[CorpusIndex], Any], fmt: str | None = None,
                name: str = "export") -> Response:
    """A JSON answer the current index renders once per distinct query (see
    :meth:`CorpusIndex.answer`). ``build`` validates and raises as usual: an error is never
    remembered."""
    idx = index(request)
    key = (request.url.path, tuple(sorted(request.query_params.multi_items())))
    body = idx.answer(key, lambda: bytes(JSONResponse(_versioned(build(idx))).body))
    resp = Response(body, media_type="application/json")
    if fmt == "json":
        resp.headers["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return resp


def _csv(text: str, name: str) -> Response:
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


LIST_PARAMS = (*FILTERS, "limit", "offset", "format")


@router.get("/overview", summary="What is new, the most active entities, the most sourced "
            "stories")
def overview(request: Request) -> Response:
    check_known(request.query_params, ())
    return _remembered(request, lambda idx: idx.overview())


@router.get("/entities", summary="Entities of the corpus, most stories first")
def entities(request: Request,
             q: Annotated[str | None, Query(description="words of a name (Arabic or "
                                            "English)")] = None,
             type: Annotated[str | None, Query(description="PER, ORG, GPE, LOC or FAC")] = None,
             limit: LimitQ = 100, offset: OffsetQ = 0, format: FormatQ = None) -> Response:
    check_known(request.query_params, ("q", "type", "limit", "offset", "format"))
    idx = index(request)
    if type is not None and type.upper() not in ENTITY_TYPES:
        raise BadParameter(f"not an entity type: {type!r} (one of {', '.join(ENTITY_TYPES)})",
                           parameter="type")
    if q:
        items = idx.search_entities(q, limit=len(idx.entities))
    else:
        items = [idx.entity_summary(k) for k in sorted(
            idx.entities, key=lambda k: (-idx.entities[k]["n_stories"],
                                         -idx.entities[k]["n_articles"], k))]
    if type is not None:
        items = [e for e in items if e["type"] == type.upper()]
    if format == "csv":
        return _csv(views.to_csv(items[offset: offset + limit], views.ENTITY_COLUMNS),
                    "entities")
    return _json(views.page(items, limit, offset), format, "entities")


@router.get("/entities/{key}", summary="An entity's profile: names, description, coordinates, "
            "stories in date order, closest entities")
def entity(request: Request, key: Annotated[str, Path(description="kb:khalifa_haftar or "
                                                       "khalifa_haftar")]) -> Response:
    check_known(request.query_params, ())
    return _remembered(request, lambda idx: views.entity_profile(idx, key))


@router.get("/stories", summary="Stories (events merged across articles), filtered")
def stories(request: Request, entity: EntityQ = None, type: TypeQ = None, place: PlaceQ = None,
            since: SinceQ = None, until: UntilQ = None,
            certainty: Annotated[str | None, Query(description=" | ".join(
                STORY_CERTAINTIES))] = None,
            source: SourceQ = None, limit: LimitQ = 100, offset: OffsetQ = 0,
            format: FormatQ = None) -> Response:
    return _listing(request, STORY_CERTAINTIES, lambda idx, kw: idx.filter_stories(**kw),
                    views.STORY_COLUMNS, "stories", limit, offset, format,
                    shown=lambda idx, s: idx.story_summary(s))


@router.get("/stories/{id}", summary="One story: merged facts, members with their evidence "
            "in the article text, sources, contradictions")
def story(request: Request, id: str) -> Response:
    check_known(request.query_params, ())
    h = holder(request)
    with h.store() as st:
        return _json(views.story_detail(h.get(), st, id))


@router.get("/changes", summary="Stories created, changed, merged or removed by the "
            "fusions since a time (for keeping a copy of the stories up to date)")
def changes(request: Request,
            since: Annotated[str | None, Query(description="YYYY-MM-DD or "
                                               "YYYY-MM-DDTHH:MM[:SS][+HH:MM] (UTC when no "
                                               "offset is given)")] = None) -> Response:
    check_known(request.query_params, ("since",))
    at = parse_timestamp(since, "since")
    with holder(request).store() as st:
        return _json(views.story_changes(st, at))


@router.get("/events", summary="Events of single articles (the members of stories), filtered")
def events(request: Request, entity: EntityQ = None, type: TypeQ = None, place: PlaceQ = None,
           since: SinceQ = None, until: UntilQ = None,
           certainty: Annotated[str | None, Query(description=" | ".join(
               EVENT_CERTAINTIES))] = None,
           source: SourceQ = None, limit: LimitQ = 100, offset: OffsetQ = 0,
           format: FormatQ = None) -> Response:
    return _listing(request, EVENT_CERTAINTIES, lambda idx, kw: idx.filter_events(**kw),
                    views.EVENT_COLUMNS, "events", limit, offset, format)


def _listing(request: Request, certainties: Any, select: Callable[[Any, dict[str, Any]],
             list[dict[str, Any]]], columns: Any, name: str, limit: int, offset: int,
             format: str | None, shown: Callable[[Any, Any], dict[str, Any]] | None = None
             ) -> Response:
    """A filtered list of stories or events, as a JSON page or a CSV export. ``shown``
    turns a selected item into its listed form, on the page's items only (a page of 50
    of 20,000 stories should not summarise the other 19,950)."""
    check_known(request.query_params, LIST_PARAMS)

    def page_of(idx: CorpusIndex) -> tuple[int, list[dict[str, Any]]]:
        f = parse_filters(idx, request.query_params, certainties=certainties)
        items = select(idx, f.kwargs())
        part = items[offset: offset + limit]
        return len(items), [shown(idx, x) for x in part] if shown else part

    if format == "csv":
        return _csv(views.to_csv(page_of(index(request))[1], columns), name)

    def build(idx: CorpusIndex) -> dict[str, Any]:
        total, part = page_of(idx)
        return {"total": total, "offset": offset, "limit": limit, "items": part}
    return _remembered(request, build, format, name)


@router.get("/timeline", summary="Stories for the timeline (compact): dated ones at their "
            "dates, undated ones at the day their articles first reported them, and a "
            "histogram of them by day")
def timeline(request: Request, entity: EntityQ = None, type: TypeQ = None,
             place: PlaceQ = None, since: SinceQ = None, until: UntilQ = None,
             certainty: Annotated[str | None, Query(description=" | ".join(
                 STORY_CERTAINTIES))] = None,
             source: SourceQ = None, limit: LimitQ = 5000, format: FormatQ = None) -> Response:
    check_known(request.query_params, (*FILTERS, "limit", "format"))

    def chosen(idx: CorpusIndex) -> tuple[Any, list[dict[str, Any]], list[dict[str, Any]]]:
        f = parse_filters(idx, request.query_params, certainties=STORY_CERTAINTIES)
        all_ = idx.filter_stories(**f.kwargs(), reported=True)
        placed = sorted((s for s in all_ if s["start"] or s["reported"]), key=_placed_at)
        # the best-sourced stories when there are more than the page can draw; among equals
        # by id, a hash, so they are spread over the whole range (by date, the earliest
        # years took all the places)
        shown = placed if len(placed) <= limit else sorted(
            sorted(placed, key=lambda s: (-s["n_independent"], s["id"]))[:limit],
            key=_placed_at)
        return f, all_, shown

    if format == "csv":
        idx = index(request)
        return _csv(views.to_csv([idx.story_summary(s) for s in chosen(idx)[2]],
                                 (*views.STORY_COLUMNS, "reported")), "timeline")

    def build(idx: CorpusIndex) -> dict[str, Any]:
        f, all_, shown = chosen(idx)
        n_placed = sum(1 for s in all_ if s["start"] or s["reported"])
        return {"total": n_placed, "shown": len(shown),
                "dated": sum(1 for s in all_ if s["start"]),
                "reported": sum(1 for s in all_ if not s["start"] and s["reported"]),
                "undated": len(all_) - n_placed, "filters": f.query(),
                "items": [views.timeline_item(s) for s in shown],
                "histogram": views.histogram(idx.filter_stories(
                    **{**f.kwargs(), "since": None, "until": None}, reported=True))}
    return _remembered(request, build, format, "timeline")


def _placed_at(s: dict[str, Any]) -> tuple[str, str]:
    """Where a story sits on the timeline: its dates, else the day it was first reported."""
    return (s["start"] or s["reported"], s["end"] or s["reported"])


@router.get("/places", summary="Places, bases and ports with coordinates and their number of "
            "stories, and the countries of the stories placed no finer than a country "
            "(the map)")
def places(request: Request, entity: EntityQ = None, type: TypeQ = None,
           place: PlaceQ = None, since: SinceQ = None, until: UntilQ = None,
           certainty: Annotated[str | None, Query(description=" | ".join(
               STORY_CERTAINTIES))] = None,
           source: SourceQ = None, format: FormatQ = None) -> Response:
    check_known(request.query_params, (*FILTERS, "format"))

    def chosen(idx: CorpusIndex) -> tuple[Any, list[dict[str, Any]], list[dict[str, Any]]]:
        f = parse_filters(idx, request.query_params, certainties=STORY_CERTAINTIES)
        stories = views.chosen_stories(idx, f)
        return f, idx.places(stories), idx.countries(stories)

    if format == "csv":
        return _csv(views.to_csv(chosen(index(request))[1],
                                 (*views.ENTITY_COLUMNS, "approximate")), "places")

    def build(idx: CorpusIndex) -> dict[str, Any]:
        f, items, countries = chosen(idx)
        return {"total": len(items), "filters": f.query(), "items": items,
                "countries": countries}
    return _remembered(request, build, format, "places")


@router.get("/network", summary="Entities as nodes, shared stories as edges, by PLOVER class: "
            "the entities linked to the most others, or one entity and its neighbours")
def network(request: Request, entity: EntityQ = None, type: TypeQ = None, place: PlaceQ = None,
            since: SinceQ = None, until: UntilQ = None,
            certainty: Annotated[str | None, Query(description=" | ".join(
                STORY_CERTAINTIES))] = None,
            source: SourceQ = None,
            limit: Annotated[int, Query(ge=1, le=500, description="most nodes")] = (
                CorpusIndex.NETWORK_NODES),
            format: FormatQ = None) -> Response:
    check_known(request.query_params, (*FILTERS, "limit", "format"))

    def build(idx: CorpusIndex) -> dict[str, Any]:
        f = parse_filters(idx, request.query_params, certainties=STORY_CERTAINTIES)
        return {**views.network(idx, f, limit), "filters": f.query()}
    if format == "csv":
        return _csv(views.to_csv(build(index(request))["edges"], views.EDGE_COLUMNS),
                    "network-edges")
    return _remembered(request, build, format, "network")


@router.get("/articles/{doc_id:path}", summary="One article: its record (docs/output.md) with its "
            "entities' cross-article keys and its events' stories")
def article(request: Request, doc_id: str) -> Response:
    check_known(request.query_params, ())
    h = holder(request)
    with h.store() as st:
        return _json(views.article_detail(h.get(), st, doc_id))


@router.get("/search", summary="Articles (full text), entities (names) and stories "
            "(participants and place) matching every word; a query in Latin letters "
            "finds entities by their English names and spellings, and their articles "
            "and stories")
def search(request: Request,
           q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS,
                                   description="words in Arabic, or an English name in "
                                   "any common spelling (Haftar, Hafter, Khalifa Haftar)")],
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> Response:
    check_known(request.query_params, ("q", "limit"))
    if not q.strip():
        raise BadParameter("empty query: give words in Arabic or an English name",
                           parameter="q")
    h = holder(request)

    def build(idx: CorpusIndex) -> dict[str, Any]:
        with h.store() as st:
            return views.search_all(idx, st, q, limit)
    return _remembered(request, build)

