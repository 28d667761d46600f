"""The workbench's HTML pages, rendered on the server from the same views as the API.

Jinja2 runs with autoescape on for every template: article text, names and titles come from
scraped news and are never trusted. Pages that draw (timeline, map, network) fetch their data
from the API with the page's filters; their tables are rendered here too, so the pages work
without the JavaScript libraries."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader

from .. import __version__
from ..api import views
from ..api.errors import BadParameter
from ..api.params import FILTERS, check_known, parse_filters
from ..doc import ENTITY_TYPES, PLOVER_QUAD, PLOVER_QUADS, PLOVER_TYPES
from ..text.latin import MAX_QUERY_CHARS
from . import TEMPLATES_DIR, vendor_status
from .happenings import happening_rows
from .index import STORY_CERTAINTIES, CorpusIndex, IndexHolder

router = APIRouter(include_in_schema=False)

_env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True,
                   trim_blocks=True, lstrip_blocks=True)


def _when(s: Any) -> str:
    start, end = (s.get("start"), s.get("end")) if isinstance(s, dict) else (None, None)
    if not start:  # placed where the timeline draws it: the day it was first reported
        reported = s.get("reported") if isinstance(s, dict) else None
        return f"reported {reported}" if reported else "undated"
    return start if start == end else f"{start} – {end}"


def ehref(key: str) -> str:
    """The page of an entity: ``/entities/khalifa_haftar`` for a linked one, else its whole
    key quoted (``name:PER:…`` and ``doc:ID#e3`` keys hold spaces, Arabic and ``#``)."""
    if key.startswith("kb:"):
        return "/entities/" + quote(key[3:], safe="")
    return "/entities/" + quote(key, safe=":")


def entity_value(idx: CorpusIndex, key: str | None) -> str:
    """What the filter bar's entity box shows for ``key``: its English name when that name
    names it alone (the server reads names back), else the key."""
    if not key:
        return ""
    e = idx.entities.get(key)
    name = e.get("name_en") if e else None
    if name and idx.resolve_name(name) == (key, []):
        return str(name)
    return key


# the views that share the filter bar; links between them keep the query string
LINKED_VIEWS = (("/timeline", "Timeline"), ("/map", "Map"), ("/network", "Network"),
                ("/stories", "Stories"))

_env.filters["when"] = _when
_env.filters["ehref"] = ehref
_env.filters["happening_rows"] = happening_rows
_env.globals.update(version=__version__, plover_types=PLOVER_TYPES, classes=PLOVER_QUADS,
                    classes_of=PLOVER_QUAD, entity_types=ENTITY_TYPES,
                    certainties=STORY_CERTAINTIES, urlencode=urlencode,
                    entity_value=entity_value, linked_views=LINKED_VIEWS)


def _holder(request: Request) -> IndexHolder:
    h: IndexHolder = request.app.state.holder
    return h


def render(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    html = _env.get_template(template).render(
        request=request, path=request.url.path, vendor=vendor_status(), **ctx)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, code: str, message: str,
               parameter: str | None, candidates: list[dict[str, Any]] | None = None
               ) -> Response:
    """The error page; ``candidates`` (entities an ambiguous name may mean) become links to
    the same page with the parameter set to each one's key."""
    links = [{**c, "href": _same_page(request, parameter, c["key"])}
             for c in candidates or []] if parameter else []
    return render(request, "error.html", status=status, status_code=status, code=code,
                  message=message, parameter=parameter, candidates=links)


def _same_page(request: Request, parameter: str, value: str) -> str:
    """This page's path and query with ``parameter`` set to ``value`` (a relative link)."""
    u = request.url.include_query_params(**{parameter: value})
    return u.path + (f"?{u.query}" if u.query else "")


def _filters(idx: CorpusIndex, request: Request, allowed: tuple[str, ...]) -> dict[str, str]:
    check_known(request.query_params, allowed)
    f = parse_filters(idx, request.query_params, certainties=STORY_CERTAINTIES)
    return f.query()


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> Response:
    idx = _holder(request).get()
    return render(request, "overview.html", title="Overview", data=idx.overview(), idx=idx)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> Response:
    idx = _holder(request).get()
    q = _filters(idx, request, FILTERS)
    f = parse_filters(idx, request.query_params, certainties=STORY_CERTAINTIES)
    stories = idx.filter_stories(**f.kwargs(), reported=True)
    return render(request, "timeline.html", title="Timeline", q=q, idx=idx,
                  api="/api/timeline?" + urlencode(q), stories=stories[:300],
                  n_stories=len(stories), outlets=idx.outlets,
                  entity=idx.entities.get(q.get("entity", "")))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> Response:
    idx = _holder(request).get()
    q = _filters(idx, request, FILTERS)
    f = parse_filters(idx, request.query_params, certainties=STORY_CERTAINTIES)
    stories = views.chosen_stories(idx, f)
    return render(request, "map.html", title="Map", q=q, idx=idx, places=idx.places(stories),
                  countries=idx.countries(stories), api="/api/places?" + urlencode(q),
                  filter_query=urlencode(q), outlets=idx.outlets)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> Response:
    idx = _holder(request).get()
    q = _filters(idx, request, (*FILTERS, "limit"))
    limit = _node_limit(request.query_params.get("limit"))
    api = {**q, **({"limit": str(limit)} if limit != idx.NETWORK_NODES else {})}
    return render(request, "network.html", title="Network", q=q, idx=idx,
                  api="/api/network?" + urlencode(api), outlets=idx.outlets, limit=limit,
                  node_limits=NODE_LIMITS, entity=idx.entities.get(q.get("entity", "")))


NODE_LIMITS = (15, 30, 60, 100, 200)


def _node_limit(value: str | None) -> int:
    """The network page's number of nodes: one of :data:`NODE_LIMITS`."""
    if not value:
        return CorpusIndex.NETWORK_NODES
    if not value.isdigit() or int(value) not in NODE_LIMITS:
        raise BadParameter(f"one of {', '.join(map(str, NODE_LIMITS))} (got {value!r})",
                           parameter="limit")
    return int(value)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request) -> Response:
    check_known(request.query_params, ("q",))
    idx = _holder(request).get()
    qtext = request.query_params.get("q") or ""
    if qtext:
        items = idx.search_entities(qtext, limit=500)
    else:
        items = [idx.entity_summary(k) for k in sorted(
            idx.entities, key=lambda k: (-idx.entities[k]["n_stories"],
                                         -idx.entities[k]["n_articles"], k))[:500]]
    return render(request, "entities.html", title="Entities", items=items, qtext=qtext,
                  total=len(idx.entities))


@router.get("/entities/{key}", response_class=HTMLResponse)
def entity_page(request: Request, key: str) -> Response:
    idx = _holder(request).get()
    e = views.entity_profile(idx, key)
    return render(request, "entity.html", title=e["name_en"] or e["name"], e=e, idx=idx)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request) -> Response:
    idx = _holder(request).get()
    q = _filters(idx, request, ("entity", "type", "place", "source", "since", "until",
                                "certainty"))
    f = parse_filters(idx, request.query_params, certainties=STORY_CERTAINTIES)
    stories = idx.filter_stories(**f.kwargs())
    return render(request, "stories.html", title="Stories", q=q, idx=idx,
                  stories=stories[:500], total=len(stories), outlets=idx.outlets,
                  export="?" + urlencode(q))


@router.get("/stories/{sid}", response_class=HTMLResponse)
def story_page(request: Request, sid: str) -> Response:
    h = _holder(request)
    idx = h.get()  # one index for the whole page (a rebuild may swap it meanwhile)
    found = views.resolve_story(idx, sid)
    if found != sid:  # a story merged into another: its page moved for good
        return RedirectResponse(request.url_for("story_page", sid=found), status_code=301)
    with h.store() as st:
        s = views.story_detail(idx, st, sid)
    return render(request, "story.html", title=s["title"], s=s, idx=idx,
                  happening=idx.happening(s.get("happening")))


@router.get("/articles/{doc_id:path}", response_class=HTMLResponse)
def article_page(request: Request, doc_id: str) -> Response:
    h = _holder(request)
    with h.store() as st:
        a = views.article_detail(h.get(), st, doc_id)
    return render(request, "article.html", title=a.get("title") or doc_id, a=a, idx=h.get())


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> Response:
    check_known(request.query_params, ("q",))
    h = _holder(request)
    qtext = (request.query_params.get("q") or "").strip()
    res = None
    if len(qtext) > MAX_QUERY_CHARS:
        raise BadParameter(f"at most {MAX_QUERY_CHARS} characters (got {len(qtext)})",
                           parameter="q")
    if qtext:
        with h.store() as st:
            res = views.search_all(h.get(), st, qtext, 50)
    return render(request, "search.html", title="Search", qtext=qtext, res=res)


@router.get("/docs", response_class=HTMLResponse)
def api_docs_page(request: Request) -> Response:
    from .apidocs import endpoints

    spec = request.app.openapi()
    info = spec.get("info") or {}
    return render(request, "apidocs.html", title=info.get("title", "API"),
                  api_version=info.get("version", ""), description=info.get("description", ""),
                  openapi=spec.get("openapi", ""), ops=endpoints(spec))


@router.get("/favicon.ico")
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg")
