"""The analyst's workbench: the in-memory read model (:mod:`.index`), the pages
(:mod:`.pages`, Jinja2 templates with autoescape on) and their static files.

The JavaScript libraries (d3, topojson-client) and the base map (Natural Earth countries from
the npm package world-atlas) are not in the repository: ``npm ci && npm run build`` copies them
from ``node_modules`` into ``static/vendor/``. Without them the pages still serve, with their
lists and tables, and say how to build the charts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
TEMPLATES_DIR = WEB_DIR / "templates"
VENDOR_FILES = ("d3.min.js", "topojson-client.min.js", "countries-50m.json",
                "countries-110m.json")


def vendor_status() -> dict[str, Any]:
    """``{"ok": bool, "missing": [...], "versions": {...}}`` of the built vendor assets."""
    missing = [f for f in VENDOR_FILES if not (VENDOR_DIR / f).is_file()]
    versions: dict[str, str] = {}
    try:
        versions = json.loads((VENDOR_DIR / "manifest.json").read_text("utf-8"))["versions"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {"ok": not missing, "missing": missing, "versions": versions}
