"""The API's reference as a plain server-rendered page.

FastAPI's own ``/docs`` (Swagger UI) loads its script and styles from a CDN and starts
them with an inline script: offline, and under the workbench's Content-Security-Policy
(no inline script), it is a blank page. This page reads the same OpenAPI document and
needs neither; ``/openapi.json`` stays available for tools that want the machine form."""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("get", "post", "put", "patch", "delete")


def _schema_type(schema: dict[str, Any]) -> str:
    """A short type name for a parameter schema (``integer``, ``string``, ``a | b``)."""
    if "type" in schema:
        return str(schema["type"])
    alts = schema.get("anyOf") or schema.get("oneOf") or []
    names = [str(a.get("type")) for a in alts if a.get("type") and a.get("type") != "null"]
    return " | ".join(names) or "any"


def _parameter(p: dict[str, Any]) -> dict[str, Any]:
    schema = p.get("schema") or {}
    return {"name": p.get("name", ""), "in": p.get("in", ""),
            "required": bool(p.get("required")), "type": _schema_type(schema),
            "default": schema.get("default"),
            "description": p.get("description") or schema.get("description") or ""}


def _anchor(method: str, path: str) -> str:
    """An id safe in a URL fragment: ``get-api-stories-sid``."""
    return method + "-" + "-".join(w for w in re.split(r"[^A-Za-z0-9]+", path) if w)


def endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of an OpenAPI document, in path order, with what a reader needs:
    method, path, summary, description, parameters and the answer codes."""
    out = []
    for path in sorted(spec.get("paths") or {}):
        ops = spec["paths"][path]
        for method in _METHODS:
            op = ops.get(method)
            if op is None:
                continue
            out.append({
                "method": method.upper(), "path": path, "id": _anchor(method, path),
                "summary": op.get("summary") or "", "description": op.get("description") or "",
                "parameters": [_parameter(p) for p in op.get("parameters") or []],
                "responses": sorted((op.get("responses") or {}).items()),
            })
    return out
