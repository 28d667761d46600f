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

import json
import re
from collections.abc import Iterator
from typing import Any

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
