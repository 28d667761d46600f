"""The application factory: the JSON API, the pages, static files and the one error shape."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..kb import KnowledgeBase
from ..store import Store, open_store
from ..web import STATIC_DIR
from ..web.index import IndexHolder
from . import snapshot
from .errors import AmbiguousName, ApiError, error_body
from .places import router as places_router
from .routes import router
from .security import Guard, allowed_hosts
from .startup import FirstIndex

log = logging.getLogger(__name__)


def create_app(db: str, *, kb: KnowledgeBase | None = None, refresh_seconds: float = 5.0,
               warm: bool = True, hosts: Iterable[str] | None = None,
               token: str | None = None, first: FirstIndex | None = None) -> FastAPI:
    """The workbench over the store at ``db`` (nothing here writes but a user's map
    correction, :mod:`.places`). ``warm`` builds the index now, so the first page does not
    wait for it and a store that cannot be opened fails here, before the server listens.
    ``hosts``: the ``Host`` names answered (default :func:`~marsad.api.security.allowed_hosts`: the
    localhost names); ``token``: when set, every request must carry it
    (:mod:`marsad.api.security`); ``first``: the first index, under way
    (:mod:`.startup`)."""
    # docs_url/redoc_url off: their pages load Swagger/ReDoc from a CDN with an inline
    # script, blank offline and under the CSP; web/apidocs.py renders /docs instead
    app = FastAPI(
        docs_url=None, redoc_url=None,
        title="Marsad workbench API",
        version=__version__,
        description="Entities, stories and events extracted from Arabic news, with their "
                    "evidence. Every error is `{\"error\": {\"status\", \"code\", \"message\", "
                    "\"parameter\"}}`.",
    )
    app.state.db = db
    app.include_router(router)
    app.include_router(places_router)

    from ..web.pages import router as pages_router

    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _install_error_handlers(app)
    # outermost, so it guards every route, static file and error answer alike
    app.add_middleware(Guard, hosts=allowed_hosts() if hosts is None else hosts, token=token)
    # the index last: the app's making above overlaps the first index's reads (.startup)
    app.state.holder = _holder(db, kb, refresh_seconds, warm, first)
    return app


def _holder(db: str, kb: KnowledgeBase | None, refresh_seconds: float, warm: bool,
            first: FirstIndex | None) -> IndexHolder:
    checked = False

    def opener() -> Store:
        # the first open runs PRAGMA quick_check (a damaged store stops the server before
        # it listens); the per-request opens after it skip that full read of the file
        nonlocal checked
        st = open_store(db, create=False, check=not checked)
        checked = True
        return st

    # every index built here is saved in the store for the next start (with the bundled
    # knowledge base: .snapshot)
    build = snapshot.builder(db, kb)
    if first is None:
        holder = IndexHolder(opener, refresh_seconds=refresh_seconds, builder=build)
        if warm:
            holder.get()
        return holder
    idx, _ = first.result()  # its open checked the store; what it raised is raised here
    checked = True
    holder = IndexHolder(opener, refresh_seconds=refresh_seconds, builder=build)
    holder.start_with(idx)
    if first.stale:  # a saved index of an earlier state: rebuild it now, in the background
        holder.changed()
        holder.get()
    return holder


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path in ("/openapi.json",)


def _error(request: Request, status: int, code: str, message: str,
           parameter: str | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(status, code, message, parameter), status_code=status)
    from ..web.pages import error_page

    return error_page(request, status, code, message, parameter)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        if isinstance(exc, AmbiguousName):  # the candidates: in the JSON, as links on a page
            if _wants_json(request):
                return JSONResponse(exc.to_dict(), status_code=exc.status)
            from ..web.pages import error_page

            return error_page(request, exc.status, exc.code, str(exc), exc.parameter,
                              candidates=exc.candidates)
        return _error(request, exc.status, exc.code, str(exc), exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # FastAPI answers 422 with a list of pydantic errors; the API's one shape is a 400
        # naming the first parameter at fault
        errs: list[Any] = list(exc.errors())
        first = errs[0] if errs else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body")]
        name = loc[-1] if loc else None
        msg = str(first.get("msg", "invalid request"))
        return _error(request, 400, "E060", f"{name}: {msg}" if name else msg, name)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = "E061" if exc.status_code == 404 else "E063"
        return _error(request, exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "E069", f"internal error: {type(exc).__name__}")
