"""The API's errors and their one JSON shape::

    {"error": {"status": 400, "code": "E060", "message": "since: not an ISO date: '2024-13'",
               "parameter": "since"}}

Every error the API answers with, whether raised here, by request validation or by routing,
has this shape (the datasette habit: a client needs one parser for every failure)."""

from __future__ import annotations

from typing import Any

from ..errors import MarsadError


class ApiError(MarsadError):
    """An API request that cannot be answered; ``status`` is the HTTP status."""

    code = "E060"
    status = 400

    def __init__(self, message: str, *, parameter: str | None = None) -> None:
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}" if parameter else message)

    def to_dict(self) -> dict[str, Any]:
        return error_body(self.status, self.code, str(self), self.parameter)


class BadParameter(ApiError):
    """A query parameter is unknown, malformed or names nothing in the corpus."""

    code = "E060"
    status = 400


class AmbiguousName(BadParameter):
    """An entity filter given as a name ("Haftar") that names several entities. The error
    body also lists them: ``"candidates": [{"key", "name_en", "name"}, …]``, best first."""

    def __init__(self, message: str, *, parameter: str | None = None,
                 candidates: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message, parameter=parameter)
        self.candidates = list(candidates or [])

    def to_dict(self) -> dict[str, Any]:
        body = super().to_dict()
        body["error"]["candidates"] = self.candidates
        return body


class NotFound(ApiError):
    """No entity, story or article with this key; or no such page."""

    code = "E061"
    status = 404


class WriteRefused(ApiError):
    """A request that writes (a map correction) not sent as JSON by the workbench's own
    pages: another site's form or script cannot send ``application/json`` to this server
    without the browser asking first, and its ``Origin`` is not this server's."""

    code = "E066"
    status = 403


class WebExtraMissing(MarsadError):
    """``marsad serve`` needs the ``web`` extra (FastAPI, uvicorn, Jinja2)."""

    code = "E062"


def error_body(status: int, code: str, message: str, parameter: str | None = None
               ) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message,
                      "parameter": parameter}}
