"""The map's own API: the stories at one place under the page's filters (the click panel),
and the users' "wrong place?" corrections (the only thing the workbench writes).

A correction is a POST of JSON from the workbench's pages. Besides the Host allow-list and
the optional token (:mod:`.security`), a write must be ``Content-Type: application/json``
(another site's form cannot send that, and its script cannot without a CORS preflight this
server never grants) and, when the browser names an ``Origin`` or ``Sec-Fetch-Site``, come
from this server itself."""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from .. import corrections
from ..export.jsonl import SCHEMA_VERSION
from ..store import StoreError
from ..web.index import STORY_CERTAINTIES, CorpusIndex, IndexHolder
from . import views
from .errors import BadParameter, NotFound, WriteRefused
from .params import check_known, parse_filters
from .routes import _remembered as remembered
from .security import host_name

router = APIRouter(prefix="/api")

MAX_BODY = 4096  # bytes: a correction is two ids
PAGE_FILTERS = ("entity", "type", "since", "until", "source", "certainty")


def _holder(request: Request) -> IndexHolder:
    h: IndexHolder = request.app.state.holder
    return h


def _place(idx: CorpusIndex, key: str, parameter: str = "key") -> str:
    k = idx.resolve(key)
    if k is None:
        raise NotFound(f"no place with key {key!r}", parameter=parameter)
    return k


@router.get("/places/{key}", summary="The stories the map shows at one place (a marker or a "
            "shaded country) under the page's filters")
def place_stories(request: Request,
                  key: Annotated[str, Path(description="kb:tartus_port or tartus_port")],
                  limit: Annotated[int, Query(ge=1, le=2000)] = 200) -> Response:
    check_known(request.query_params, (*PAGE_FILTERS, "limit"))

    def build(idx: CorpusIndex) -> dict[str, Any]:
        k = _place(idx, key)
        f = parse_filters(idx, request.query_params, certainties=STORY_CERTAINTIES)
        stories = idx.place_stories(k, {**f.kwargs(), "place": None})
        e = idx.entities[k]
        return {"place": {**idx.entity_summary(k), "approximate": e["approximate"],
                          "iso_numeric": e.get("iso_numeric")},
                "filters": f.query(), "total": len(stories),
                "items": [idx.story_summary(s) for s in stories[:limit]]}
    return remembered(request, build)


def _same_origin(request: Request) -> None:
    """Refuse a write that is not JSON from one of this server's pages."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise WriteRefused("send the correction as Content-Type: application/json")
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise WriteRefused(f"a correction must come from this server's pages (not {site})")
    origin = request.headers.get("origin")
    if origin is not None:
        o = urlsplit(origin)
        if o.hostname is None or host_name(o.netloc) != host_name(
                request.headers.get("host", "")) or o.port != _port(request):
            raise WriteRefused("a correction must come from this server's pages "
                               f"(Origin {origin!r})")


def _port(request: Request) -> int | None:
    h = request.headers.get("host", "")
    tail = h.rsplit("]", 1)[-1]
    return int(tail.rsplit(":", 1)[1]) if ":" in tail and tail.rsplit(":", 1)[1].isdigit() \
        else None


async def _body(request: Request, required: tuple[str, ...] = ("story", "place")
                ) -> dict[str, Any]:
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY:
            raise BadParameter(f"the body is over {MAX_BODY} bytes", parameter="body")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadParameter('not JSON: send {"story": ID, "place": KEY}',
                           parameter="body") from None
    if not isinstance(body, dict):
        raise BadParameter('send a JSON object {"story": ID, "place": KEY}', parameter="body")
    for name in required:
        if not isinstance(body.get(name), str) or not body[name].strip():
            raise BadParameter("required, a string", parameter=name)
    return body


@router.post("/corrections/places", status_code=201, summary="Record that a story's place is "
             "wrong (the map's \"wrong place?\"): in each of its articles that names the "
             "place, the link to it is undone at the next fusion")
async def add_place_correction(request: Request) -> Response:
    check_known(request.query_params, ())
    _same_origin(request)
    body = await _body(request)
    h = _holder(request)
    idx = h.get()
    sid = views.resolve_story(idx, body["story"].strip())
    key = _place(idx, body["place"].strip(), "place")
    idx.ensure_events()  # a saved index reads its stories' members then
    s = idx.stories[sid]
    docs = corrections.story_docs(s, key)
    if not docs:
        raise BadParameter(f"story {sid!r} does not take place at {key!r}", parameter="place")
    with h.store() as st:
        try:
            added = corrections.add(st, docs, key, sid)  # all or none
        except StoreError as e:
            raise NotFound(str(e), parameter="story") from None
    h.changed()
    return JSONResponse({
        "story": sid, "place": key, "doc_ids": docs, "added": added,
        "message": f"{idx.label(key)} is marked wrong in {len(docs)} article(s); the story "
                   "leaves this place when the stories are fused again (the workbench "
                   "re-fuses in a few seconds; `marsad fuse` saves it)",
        "schema_version": SCHEMA_VERSION}, status_code=201)


@router.delete("/corrections/places", summary="Undo place corrections: "
               "{\"place\": KEY, \"doc_ids\": [DOC_ID, …]} (as a correction answered)")
async def remove_place_correction(request: Request) -> Response:
    check_known(request.query_params, ())
    _same_origin(request)
    body = await _body(request, ("place",))
    docs = body.get("doc_ids")
    if not isinstance(docs, list) or not docs or not all(isinstance(d, str) for d in docs):
        raise BadParameter("required, a list of article ids", parameter="doc_ids")
    h = _holder(request)
    with h.store() as st:
        removed = [d for d in docs if st.remove_place_correction(d, body["place"].strip())]
    h.changed()
    return JSONResponse({"place": body["place"].strip(), "removed": removed,
                         "schema_version": SCHEMA_VERSION})


@router.get("/corrections/places", summary="Every place correction recorded")
def place_corrections(request: Request) -> Response:
    check_known(request.query_params, ())
    with _holder(request).store() as st:
        items = st.place_corrections()
    return JSONResponse({"total": len(items), "items": items,
                         "schema_version": SCHEMA_VERSION})
