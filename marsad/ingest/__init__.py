"""Reading articles: plain text, HTML and JSON Lines files, and folders of them.

Every input becomes a :class:`RawArticle` (decoded text plus what the source says about it)
or a :class:`~marsad.doc.Failure` naming the file and the reason, so one bad file never
stops a batch. Decoding accepts UTF-8 (with or without BOM), UTF-16 with a BOM and
Windows-1256 (the legacy Arabic code page); anything else is refused with a clear reason.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..doc import Failure
from ..errors import IngestError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
MAX_BYTES = 20 * 1024 * 1024  # one article; a JSONL file may be larger (checked per line)


@dataclass(frozen=True)
class RawArticle:
    doc_id: str
    content: str
    kind: str  # "text" | "html"
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


def decode_bytes(data: bytes, *, path: str) -> str:
    """Decode an article file or refuse it with a reason naming the file."""
    if not data.strip():
        raise IngestError("empty file", path=path)
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path)
    if b"\x00" in data[:4096]:
        raise IngestError("binary file (NUL bytes and no UTF-16 byte-order mark)", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_err:
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise IngestError(
                f"not UTF-8 ({utf8_err.reason} at byte {utf8_err.start}) nor Windows-1256",
                path=path) from utf8_err
        # cp1256 maps almost every byte, so accept it only when it yields Arabic text.
        letters = sum(1 for c in text if c.isalpha())
        arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
        if letters and arabic / letters >= 0.3:
            log.info("%s decoded as Windows-1256", path)
            return text
        raise IngestError(
            f"not UTF-8 ({utf8_err.reason} at byte {utf8_err.start}) and not Arabic "
            "Windows-1256 text", path=path) from utf8_err


def _strict(data: bytes, enc: str, path: str) -> str:
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        raise IngestError(f"invalid {enc}: {e.reason} at byte {e.start}", path=path) from e
    if enc == "utf-16" and text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise IngestError("empty file", path=path)
    return text


def _read(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise IngestError(f"too large ({size:,} bytes; the limit is {limit:,})", path=str(path))
    return path.read_bytes()


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[RawArticle | Failure]:
    """Articles of one file (several for JSON Lines)."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, max_bytes)
            return
        if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
            raise IngestError(f"unsupported file type {suffix or '(none)'!r}; use "
                              + ", ".join(SUFFIXES), path=str(path))
        text = decode_bytes(_read(path, max_bytes), path=str(path))
        kind = "html" if suffix in HTML_SUFFIXES else "text"
        yield RawArticle(path.stem, text, kind, path=str(path))
    except IngestError as e:
        yield Failure(path.stem, str(path), "ingest", str(e), e.code)
    except OSError as e:
        yield Failure(path.stem, str(path), "ingest", f"{path}: cannot read: {e.strerror}",
                      IngestError.code)


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[RawArticle | Failure]:
    data = path.read_bytes()
    text = decode_bytes(data, path=str(path))
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            if len(line.encode("utf-8")) > max_bytes:
                raise IngestError("line too large", path=where)
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise IngestError(f"invalid JSON: {e.msg} at column {e.colno}",
                                  path=where) from e
            if not isinstance(obj, dict):
                raise IngestError("a line must be a JSON object", path=where)
            doc_id = obj.get("id")
            if not isinstance(doc_id, str | int) or str(doc_id).strip() == "":
                raise IngestError("missing 'id'", path=where)
            body, kind = obj.get("text"), "text"
            if body is None and obj.get("html") is not None:
                body, kind = obj.get("html"), "html"
            if not isinstance(body, str) or not body.strip():
                raise IngestError("missing or empty 'text'/'html'", path=where)
            for fld in ("url", "published", "outlet"):
                if obj.get(fld) is not None and not isinstance(obj[fld], str):
                    raise IngestError(f"'{fld}' must be a string", path=where)
            yield RawArticle(str(doc_id), body, kind, path=str(path), url=obj.get("url"),
                             outlet=obj.get("outlet"), published=obj.get("published"))
        except IngestError as e:
            yield Failure(f"{path.stem}:{lineno}", where, "ingest", str(e), e.code)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the article files below folders named (recursively, sorted)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f
        else:
            yield path


def read_paths(paths: Iterable[str | Path], *, max_bytes: int = MAX_BYTES
               ) -> Iterator[RawArticle | Failure]:
    for path in iter_paths(paths):
        if not path.exists():
            yield Failure(path.stem, str(path), "ingest", f"{path}: no such file or folder",
                          IngestError.code)
            continue
        yield from read_file(path, max_bytes=max_bytes)
