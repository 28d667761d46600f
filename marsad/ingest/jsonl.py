"""One JSON Lines record a line, read strictly: every way a hostile line can fail becomes an
:class:`~marsad.errors.IngestError` naming the file and line, never an exception that stops
the run (issue #15).

Strict means: lines end only at ``\\n`` (or ``\\r\\n``): U+2028, U+2029, U+0085 and the other
characters ``str.splitlines`` takes for line ends are data inside a JSON string; no lone
surrogate (``"\\ud800"``) anywhere, since it cannot be stored or written as UTF-8; no NaN or
Infinity; nesting and integer size bounded, so neither the decoder's recursion nor Python's
integer-conversion limit is reached.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import IngestError

# A record is one flat object; nothing legitimate nests deeper than a few levels.
MAX_DEPTH = 32
# An id or a number in a record has no business being longer (Python refuses to convert
# integers of more than 4,300 digits with a ValueError).
MAX_INT_DIGITS = 64
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def split_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of ``text``, split only at ``\\n`` with a ``\\r`` before it
    dropped: unlike ``str.splitlines``, a raw U+2028 inside a JSON string stays data."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        yield lineno, line[:-1] if line.endswith("\r") else line


def jsonl_lines(path: Path, max_bytes: int) -> Iterator[tuple[int, str | IngestError]]:
    """(line number, decoded line) of a JSON Lines file, read lazily; a line that cannot
    be had (too long, not decodable) comes as an IngestError naming the file and line, and
    the next line is read as usual. A file with a UTF-16 byte-order mark is decoded as a
    stream; NUL bytes near the start (no byte-order mark) refuse the whole file."""
    with path.open("rb") as fh:
        head = fh.peek(4096)[:4096] if hasattr(fh, "peek") else b""
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield from _utf16_lines(fh, path)
            return
        if b"\x00" in head:
            raise IngestError("binary file (NUL bytes and no UTF-16 byte-order mark)",
                              path=str(path))
        for lineno, data in _byte_lines(fh, max_bytes):
            where = f"{path}:{lineno}"
            if data is None:
                yield lineno, IngestError("line too large", path=where)
                continue
            if lineno == 1 and data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
            try:
                yield lineno, _decode_line(data, where)
            except IngestError as e:
                yield lineno, e


def _byte_lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes without the line end) split at ``\\n`` only; None for a line
    longer than ``max_bytes``, which is skipped without being held."""
    lineno = 0
    while True:
        data = fh.readline(max_bytes + 1)
        if not data:
            return
        lineno += 1
        if len(data) > max_bytes and not data.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # the rest of the long line is read in bounded pieces and dropped
            yield lineno, None
            continue
        data = data[:-1] if data.endswith(b"\n") else data
        yield lineno, data[:-1] if data.endswith(b"\r") else data


def _decode_line(data: bytes, where: str) -> str:
    """One line as text, with the policy of whole files (marsad.ingest.decode): UTF-8, a
    few bad bytes replaced, or Arabic Windows-1256 (a blank line is an empty string)."""
    from .decode import decode_bytes

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(data, path=where)


def _utf16_lines(fh: BinaryIO, path: Path) -> Iterator[tuple[int, str | IngestError]]:
    text = io.TextIOWrapper(fh, encoding="utf-16", errors="strict", newline="\n")
    lineno = 0
    try:
        for lineno, line in enumerate(text, start=1):
            line = line[:-1] if line.endswith("\n") else line
            yield lineno, line[:-1] if line.endswith("\r") else line
    except UnicodeDecodeError as e:
        # the rest of the file cannot be decoded: it is reported once, at the next line
        yield lineno + 1, IngestError(f"invalid utf-16: {e.reason}", path=f"{path}:{lineno + 1}")
    finally:
        text.detach()


def load_record(line: str, *, where: str) -> dict[str, Any]:
    """The JSON object of one line, or an IngestError saying why not."""
    try:
        obj = json.loads(line, parse_int=_bounded_int, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise IngestError(f"invalid JSON: {e.msg} at column {e.colno}", path=where) from e
    except RecursionError as e:  # the C decoder counts its depth against the recursion limit
        raise IngestError(f"invalid JSON: nested deeper than {MAX_DEPTH} levels",
                          path=where) from e
    except ValueError as e:  # raised by the hooks
        raise IngestError(f"invalid JSON: {e}", path=where) from e
    if not isinstance(obj, dict):
        raise IngestError("a line must be a JSON object", path=where)
    _check_values(obj, where)
    return obj


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number of {len(digits):,} digits (at most {MAX_INT_DIGITS})")
    return int(digits)


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def _check_values(obj: dict[str, Any], where: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH and lone surrogates in any key or string. An
    explicit stack, not recursion: the object may be as deep as the decoder allowed."""
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            m = _SURROGATE_RE.search(value)
            if m:
                raise IngestError(f"invalid JSON: lone surrogate {m.group()!r} (not Unicode "
                                  "text)", path=where)
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > MAX_DEPTH:
            raise IngestError(f"invalid JSON: nested deeper than {MAX_DEPTH} levels",
                              path=where)
        if isinstance(value, dict):
            stack.extend((k, depth) for k in value)
            stack.extend((v, depth + 1) for v in value.values())
        else:
            stack.extend((v, depth + 1) for v in value)
