"""The HTTP API and the workbench pages (extra ``web``: FastAPI, uvicorn, Jinja2).

``create_app(db)`` builds the application over a store; ``marsad serve`` runs it. FastAPI is
imported only here and below, so the core install stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ApiError, BadParameter, NotFound, WebExtraMissing

if TYPE_CHECKING:  # pragma: no cover
    from fastapi import FastAPI


def create_app(db: str, **kwargs: Any) -> FastAPI:
    """The FastAPI application over the store at ``db`` (see :func:`marsad.api.app.create_app`)."""
    from .startup import FirstIndex

    # the first index is built in a thread from here: its reads and the store's check run
    # inside SQLite while FastAPI is imported (see .startup); not when the extra is missing
    ready = all(_installed(m) for m in ("fastapi", "jinja2"))
    first = FirstIndex(db, kwargs.get("kb")) if ready and kwargs.get("warm", True) else None
    try:
        from .app import create_app as _create
    except ImportError as e:  # fastapi, jinja2 or uvicorn missing
        raise WebExtraMissing(
            f"the web workbench needs the 'web' extra ({e.name} is missing): "
            'pip install -e ".[web]"') from e
    return _create(db, first=first, **kwargs)


def _installed(module: str) -> bool:
    from importlib.util import find_spec

    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):  # a module set to None in sys.modules, a broken one
        return False


__all__ = ["ApiError", "BadParameter", "NotFound", "WebExtraMissing", "create_app"]
