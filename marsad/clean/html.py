"""Article text and metadata from an HTML page, with the text furniture rules applied after.

trafilatura finds the main content of the page (dropping nav, aside, footer, scripts and
comments) and reads its metadata (title, publication date via htmldate, site name). Its body
text then goes through :func:`marsad.clean.text_rules.clean_text`, because "read also" lines,
share labels, credits and tag lines often sit inside the article element itself.

trafilatura is an optional dependency (the ``html`` extra) and is imported only when this
function runs, so the core installs without lxml. Nothing in a page is ever executed: lxml
parses the markup into a tree (no network, no external entities, no scripts run) and
trafilatura reads text out of it.

The removals' offsets of the returned ``Cleaned`` point into trafilatura's body text, which
is the "raw" text of an HTML article.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any

from marsad.clean.text_rules import Cleaned, clean_text
from marsad.errors import ExtraMissing

log = logging.getLogger(__name__)

HTML_EXTRA_MESSAGE = "HTML input needs the 'html' extra: pip install 'marsad[html]'"
# Pages beyond this size are refused as hostile or broken rather than parsed: real article
# pages, even with inline images, are a few MB at most.
MAX_HTML_CHARS = 30_000_000
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class HtmlArticle:
    """The cleaned body of an HTML article with the page's metadata."""

    cleaned: Cleaned  # the text rules applied to trafilatura's body text
    title: str | None  # from metadata
    published: str | None  # ISO date from metadata (trafilatura/htmldate), or None
    sitename: str | None
    url: str | None
    error: str | None = None  # why extraction failed on pathological markup, else None


def _trafilatura() -> ModuleType:
    try:
        import trafilatura
    except ImportError as e:  # trafilatura itself, or lxml / lxml_html_clean under it
        raise ExtraMissing(HTML_EXTRA_MESSAGE) from e
    return trafilatura


def _text_or_none(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def _iso_date_or_none(value: Any) -> str | None:
    text = _text_or_none(value)
    if text is None:
        return None
    m = _ISO_DATE_RE.match(text)
    return m.group(0) if m else None


def clean_html(html: str, *, url: str | None = None) -> HtmlArticle:
    """Extract, clean and describe the article of one HTML page.

    A page with no extractable body (no body element, only scripts, markup too broken or
    too deep to parse) gives a ``Cleaned`` with empty text; the caller reports it.
    """
    trafilatura = _trafilatura()
    empty = HtmlArticle(cleaned=clean_text(""), title=None, published=None, sitename=None, url=url)
    if not isinstance(html, str) or not html.strip():
        return empty
    if len(html) > MAX_HTML_CHARS:
        log.warning("HTML page of %d characters refused (limit %d)", len(html), MAX_HTML_CHARS)
        return empty
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,  # reader comments are not the article
            include_tables=True,
            include_images=False,
            include_links=False,
            # The publication date, not the last modification, and only from the page's
            # markup and metadata, not guessed from any date in the text.
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as e:
        # lxml and trafilatura raise anything on pathological markup (RecursionError on deep
        # nesting, AssertionError from lxml on <math><a><a>, ValueError, TypeError …): one
        # bad page is recorded and skipped, never fatal (style habit 5; issue #15).
        reason = f"{type(e).__name__}: {e}" if str(e) else f"{type(e).__name__} in the parser"
        log.info("HTML extraction failed: %s", reason)  # the caller reports the article
        return replace(empty, error=reason[:300])
    if doc is None:
        return empty
    body = _text_or_none(getattr(doc, "text", None)) or ""
    return HtmlArticle(
        cleaned=clean_text(body),
        title=_text_or_none(getattr(doc, "title", None)),
        published=_iso_date_or_none(getattr(doc, "date", None)),
        sitename=_text_or_none(getattr(doc, "sitename", None)),
        url=_text_or_none(getattr(doc, "url", None)) or url,
    )
