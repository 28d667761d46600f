"""What a worker process sends back for one article: plain data, never a Doc.

Issue #19: with ``--jobs 2`` the parent unpickled whole Docs and then did all the turning of
them into records and rows itself, so two processes were slower than one. The functions
here are the ``finish`` of :meth:`marsad.pipeline.Pipeline.pipe`: they run next to the
pipeline (in the worker, or in the one process of ``--jobs 1``, so both give the same
output) and return the JSON line, or the store's rows, or a Failure naming the article.
They are module-level functions so that a worker process can be given them.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .doc import Doc, Failure
from .errors import OutputError

if TYPE_CHECKING:
    from .ingest import RawArticle
    from .pipeline import Resources
    from .store.rows import ArticleRows


class Extracted(NamedTuple):
    """One article's JSON line as ``marsad extract`` writes it (without the line end)."""

    doc_id: str
    line: str
    explanation: str | None = None  # ``--explain``: the rules behind each event
    doc: Doc | None = None  # only when asked for in the one process (``marsad demo``)


def extracted(raw: RawArticle, doc: Doc) -> Extracted | Failure:
    from .export.jsonl import doc_to_record
    from .store.rows import record_line

    try:
        return Extracted(doc.doc_id, record_line(doc_to_record(doc)))
    except (ValueError, TypeError) as e:  # UnicodeEncodeError is a ValueError
        return _not_written(doc, e)


def record(raw: RawArticle, doc: Doc) -> dict[str, Any]:
    """The JSON Lines record of the article, as a dict (``marsad.extract_many``)."""
    from .export.jsonl import doc_to_record

    return doc_to_record(doc)


def extracted_explained(raw: RawArticle, doc: Doc) -> Extracted | Failure:
    """:func:`extracted` with the explanation of every event (``marsad extract --explain``)."""
    from .events.explain import explain, trace_events

    out = extracted(raw, doc)
    if isinstance(out, Failure):
        return out
    return out._replace(explanation="\n".join(explain(doc, trace_events(doc, _resources()))))


def extracted_with_doc(raw: RawArticle, doc: Doc) -> Extracted | Failure:
    """:func:`extracted` keeping the Doc (in one process only: a Doc is what not to send)."""
    out = extracted(raw, doc)
    return out if isinstance(out, Failure) else out._replace(doc=doc)


def stored_rows(raw: RawArticle, doc: Doc) -> ArticleRows | Failure:
    """The rows the store writes for the article (:mod:`marsad.store.rows`)."""
    from .store.rows import article_rows

    try:
        return article_rows(raw, doc)
    except (ValueError, TypeError) as e:
        return _not_written(doc, e)


def _not_written(doc: Doc, e: Exception) -> Failure:
    """A record that cannot be written (text that is not Unicode, a bug in the export) is a
    Failure of that article, not the end of the run (issue #15)."""
    path = doc.source.path if doc.source else None
    return Failure(doc.doc_id, path, "output", f"{path or doc.doc_id}: record not written: "
                   f"{type(e).__name__}: {e}", OutputError.code)


@cache
def _resources() -> Resources:
    from .pipeline import Resources

    return Resources()
