"""Reading articles: plain text, HTML and JSON Lines files, and folders of them.

Every input becomes a :class:`RawArticle` (decoded text plus what the source says about it)
or a :class:`~marsad.doc.Failure` naming the file (and line) and the reason, so one bad file
never stops a batch: whatever a hostile input raises is caught here (issue #15). Decoding
is in :mod:`.decode`, the strict JSON Lines reader in :mod:`.jsonl`, folders and file ids in
:mod:`.walk`. Two inputs with one id are reported, never merged: the second is a Failure.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..doc import Failure
from ..errors import IngestError
from .decode import decode_bytes
from .jsonl import jsonl_lines, load_record
from .seen import SeenIds
from .walk import Skipped, file_id, walk

__all__ = ["MAX_BYTES", "MAX_TEXT_CHARS", "SUFFIXES", "RawArticle", "Skipped", "decode_bytes",
           "iter_paths", "read_file", "read_paths"]

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
MAX_BYTES = 20 * 1024 * 1024  # one article; a JSONL file may be larger (checked per line)
# The most characters of text one article may have (before furniture is removed; for HTML,
# after the page's text is extracted). About 90,000 words: several times the longest
# long-form feature, and about a second of extraction, so a book, a log or a dump given as
# one article is refused at once, naming the file, instead of holding the run for its
# whole time budget (issue #15).
MAX_TEXT_CHARS = 500_000


@dataclass(frozen=True)
class RawArticle:
    doc_id: str
    content: str
    kind: str  # "text" | "html"
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    line: int | None = None  # the line of a JSON Lines file


def _read(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise IngestError(f"too large ({size:,} bytes; the limit is {limit:,})", path=str(path))
    return path.read_bytes()


def read_file(path: Path, *, max_bytes: int = MAX_BYTES, doc_id: str | None = None
              ) -> Iterator[RawArticle | Failure]:
    """Articles of one file (several for JSON Lines); ``doc_id`` is the id of a text or HTML
    file (default: its name without the suffix)."""
    doc_id = path.stem if doc_id is None else doc_id
    try:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, max_bytes)
            return
        if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
            raise IngestError(f"unsupported file type {suffix or '(none)'!r}; use "
                              + ", ".join(SUFFIXES), path=str(path))
        text = decode_bytes(_read(path, max_bytes), path=str(path))
        kind = "html" if suffix in HTML_SUFFIXES else "text"
        yield RawArticle(doc_id, text, kind, path=str(path))
    except IngestError as e:
        yield Failure(doc_id, str(path), "ingest", str(e), e.code)
    except OSError as e:
        yield Failure(doc_id, str(path), "ingest", f"{path}: cannot read: {e.strerror or e}",
                      IngestError.code)
    except Exception as e:  # a reader bug must not end the run: the file is reported
        log.exception("%s: unexpected error while reading", path)
        yield Failure(doc_id, str(path), "ingest",
                      f"{path}: unexpected error while reading: {type(e).__name__}: {e}",
                      IngestError.code)


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[RawArticle | Failure]:
    """The articles of a JSON Lines file, read a line at a time (issue #19: a file of a
    million articles is never held whole; a line longer than ``max_bytes`` is never read
    into memory either)."""
    any_line = False
    for lineno, line in jsonl_lines(path, max_bytes):
        if isinstance(line, str) and not line.strip():
            continue
        any_line = True
        where = f"{path}:{lineno}"
        try:
            if isinstance(line, IngestError):
                raise line
            yield _jsonl_article(line, path, lineno, max_bytes)
        except IngestError as e:
            yield Failure(f"{path.stem}:{lineno}", where, "ingest", str(e), e.code)
        except Exception as e:  # a reader bug must not end the run: the line is reported
            log.exception("%s: unexpected error while reading", where)
            yield Failure(f"{path.stem}:{lineno}", where, "ingest",
                          f"{where}: unexpected error: {type(e).__name__}: {e}",
                          IngestError.code)
    if not any_line:
        raise IngestError("empty file", path=str(path))


def _jsonl_article(line: str, path: Path, lineno: int, max_bytes: int) -> RawArticle:
    where = f"{path}:{lineno}"
    if len(line) > max_bytes or len(line.encode("utf-8", "surrogatepass")) > max_bytes:
        raise IngestError("line too large", path=where)
    obj = load_record(line, where=where)
    doc_id = obj.get("id")
    # bool is an int to Python, but true is no id
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) \
            or str(doc_id).strip() == "":
        raise IngestError("missing 'id'", path=where)
    body, kind = obj.get("text"), "text"
    if body is None and obj.get("html") is not None:
        body, kind = obj.get("html"), "html"
    if not isinstance(body, str) or not body.strip():
        raise IngestError("missing or empty 'text'/'html'", path=where)
    for fld in ("url", "published", "outlet"):
        if obj.get(fld) is not None and not isinstance(obj[fld], str):
            raise IngestError(f"'{fld}' must be a string", path=where)
    return RawArticle(str(doc_id), body, kind, path=str(path), url=obj.get("url"),
                      outlet=obj.get("outlet"), published=obj.get("published"), line=lineno)


def iter_paths(paths: Iterable[str | Path], skipped: list[Skipped] | None = None
               ) -> Iterator[Path]:
    """Files named, and the article files below folders named (recursively, sorted)."""
    for path, _ in _inputs(paths, [] if skipped is None else skipped):
        yield path


def _inputs(paths: Iterable[str | Path], skipped: list[Skipped]
            ) -> Iterator[tuple[Path, str]]:
    """(file, id) of every input; a folder's files get ids relative to it."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in walk(path, SUFFIXES, skipped):
                yield f, file_id(f, path)
        else:
            yield path, file_id(path, None)


def read_paths(paths: Iterable[str | Path], *, max_bytes: int = MAX_BYTES,
               skipped: list[Skipped] | None = None) -> Iterator[RawArticle | Failure]:
    """Every article of the files and folders named, in order. Paths under a folder that
    cannot be read are added to ``skipped`` (when given) for the run summary."""
    seen = SeenIds()  # id -> where it was first read (on disk past SPILL ids)
    try:
        for path, doc_id in _inputs(paths, [] if skipped is None else skipped):
            if not path.exists():
                yield Failure(doc_id, str(path), "ingest", f"{path}: no such file or folder",
                              IngestError.code)
                continue
            for item in read_file(path, max_bytes=max_bytes, doc_id=doc_id):
                yield _first_of_its_id(item, seen)
    finally:
        seen.close()


def _first_of_its_id(item: RawArticle | Failure, seen: SeenIds) -> RawArticle | Failure:
    """``item``, or a Failure when an earlier input had its id: the second would replace the
    first in the store and overwrite it in the output."""
    if isinstance(item, Failure):
        return item
    where = f"{item.path}:{item.line}" if item.line else str(item.path)
    first = seen.get(item.doc_id)
    if first is None:
        seen.add(item.doc_id, where)
        return item
    return Failure(item.doc_id, where, "ingest",
                   f"{where}: duplicate id {item.doc_id!r} (first read from {first})",
                   IngestError.code)
