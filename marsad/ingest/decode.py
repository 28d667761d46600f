"""Decoding an article file's bytes, or refusing them with a reason naming the file.

Accepted: UTF-8 (with or without BOM), UTF-16 with a BOM, and Windows-1256 (the legacy
Arabic code page) when the bytes are no UTF-8 at all. Which was used is logged.
"""

from __future__ import annotations

import logging
import re
from typing import NoReturn

from ..errors import IngestError

log = logging.getLogger(__name__)

# Decoding policy (issue #15). Strict UTF-8 first. A file that is overwhelmingly valid UTF-8
# with a few bad bytes (one corrupted byte, a file cut mid-character) is UTF-8 with those
# bytes replaced by U+FFFD and a warning: reading it as Windows-1256 turns every Arabic
# letter into two pieces of garbage. Windows-1256 only when the bytes are not UTF-8 at all
# and decode to mostly Arabic letters; anything else is refused as undecodable.
# Bad bytes may be at most this share of the well-formed multi-byte characters, plus the
# bytes one corruption spoils (a stray byte inside a letter leaves its lead byte and its
# continuation byte orphaned too); and the well-formed ones must be most of what is not
# ASCII. Arabic Windows-1256 text has almost no well-formed UTF-8 sequences (each letter is
# a lone high byte), so it fails both; a UTF-8 article with one bad spot passes both.
MAX_BAD_UTF8_SHARE = 0.05
_ONE_CORRUPTION = 3
# Windows-1256 maps almost every byte, so its decoding is only believed when at least this
# share of the letters it yields are Arabic ("mostly Arabic").
MIN_ARABIC_SHARE = 0.5
_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")


def decode_bytes(data: bytes, *, path: str) -> str:
    """Decode an article file or refuse it with a reason naming the file."""
    if not data.strip():
        raise IngestError("empty file", path=path)
    if data.startswith(b"\xef\xbb\xbf"):  # a BOM declares UTF-8: no other guess
        text = _utf8(data[3:], path)
        if text is None:
            _not_decodable(data[3:], path)
        return _non_empty(text, path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path)
    if b"\x00" in data[:4096]:
        raise IngestError("binary file (NUL bytes and no UTF-16 byte-order mark)", path=path)
    text = _utf8(data, path)
    if text is not None:
        return text
    text = _arabic_cp1256(data)
    if text is None:
        _not_decodable(data, path)
    log.info("%s: not UTF-8; decoded as Windows-1256", path)
    return text


def _utf8(data: bytes, path: str) -> str | None:
    """``data`` as UTF-8: strict, or with its few bad bytes replaced; None when it is not
    overwhelmingly UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # surrogateescape keeps each bad byte as one lone surrogate, so they can be counted
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED_BYTE_RE.findall(text))
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if multibyte < 4 * bad or bad > MAX_BAD_UTF8_SHARE * multibyte + _ONE_CORRUPTION:
        return None
    log.warning("%s: %d byte(s) that are not UTF-8 replaced by U+FFFD", path, bad)
    return _ESCAPED_BYTE_RE.sub("\ufffd", text)


def _arabic_cp1256(data: bytes) -> str | None:
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for c in text if c.isalpha())
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff" and c.isalpha())
    return text if letters and arabic >= MIN_ARABIC_SHARE * letters else None


def _not_decodable(data: bytes, path: str) -> NoReturn:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise IngestError(f"could not decode: not UTF-8 ({e.reason} at byte {e.start}) "
                          "nor Arabic Windows-1256 text", path=path) from e
    raise IngestError("could not decode", path=path)  # pragma: no cover (UTF-8 is decoded)


def _non_empty(text: str, path: str) -> str:
    if not text.strip():
        raise IngestError("empty file", path=path)
    return text


def _strict(data: bytes, enc: str, path: str) -> str:
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        raise IngestError(f"invalid {enc}: {e.reason} at byte {e.start}", path=path) from e
    if enc == "utf-16" and text.startswith("\ufeff"):
        text = text[1:]
    return _non_empty(text, path)
