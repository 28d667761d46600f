"""The on-disk cache of the compiled knowledge base: plain JSON in a private folder.

The cache exists to make start-up fast (compiling the YAML and TSV files takes about two
seconds). It used to be a pickle in a folder the user (or anyone who can set
``MARSAD_CACHE_DIR``) can redirect, and unpickling runs code. Now:

* the folder is ``<cache dir>/kb``, made mode 0700, and used only when it belongs to this
  user and nobody else can write to it;
* the file is JSON, which cannot execute anything when read, with a first line that names
  the format, the digest of the source files it was compiled from and the SHA-256 of the
  rest: a torn, stale or edited file is rebuilt, never used;
* any error reading or writing it (an unreadable folder, a full disk) is a warning, and the
  knowledge base is compiled without the cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = "marsad-kb-cache/1"
CACHE_ENV = "MARSAD_CACHE_DIR"
# caches of other source files kept besides the newest: checkouts of different versions on
# one machine (a release and a development clone) would otherwise replace each other's
# cache at every start, and every start compiled again
KEPT = 4


def user_cache_dir() -> Path:
    """Marsad's folder in the user's cache dir (``MARSAD_CACHE_DIR`` or
    ``$XDG_CACHE_HOME/marsad``, default ``~/.cache/marsad``)."""
    base = os.environ.get(CACHE_ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "marsad")
    return Path(base)


def private_dir(name: str = "kb") -> Path:
    """``<cache dir>/<name>``, created mode 0700; raises OSError when it cannot be made or
    is not private (owned by someone else, or writable by others)."""
    folder = user_cache_dir() / name
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = folder.stat()
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise PermissionError(f"{folder} belongs to another user")
    if stat.S_IMODE(st.st_mode) & 0o077:
        os.chmod(folder, 0o700)  # ours: made private again (an older Marsad, a umask)
    return folder


def _entry_to_json(e: Any) -> dict[str, Any]:
    rec = {f.name: getattr(e, f.name) for f in fields(e)}
    rec["aliases"] = [[a.text, a.key, a.ambiguous] for a in e.aliases]
    return rec


def _entry_from_json(rec: dict[str, Any], alias: Any, entry: Any) -> Any:
    rec["aliases"] = tuple([alias(t, k, amb) for t, k, amb in rec["aliases"]])
    rec["demonyms_ar"] = tuple(rec["demonyms_ar"])
    rec["generic_aliases"] = tuple(rec["generic_aliases"])
    rec["aliases_en"] = tuple(rec["aliases_en"])
    # the frozen dataclass's __init__ (a setattr per field) was most of the load time; the
    # record holds exactly its fields (checked by decode), so they are set at once, as
    # unpickling did
    e = object.__new__(entry)
    e.__dict__.update(rec)
    return e


def _entries_from_json(recs: list[dict[str, Any]]) -> list[Any]:
    from . import Alias, KBEntry

    names = {f.name for f in fields(KBEntry)}
    if not isinstance(recs, list) or any(
            not isinstance(r, dict) or r.keys() != names for r in recs):
        raise ValueError("records do not hold the knowledge base's fields")
    return [_entry_from_json(r, Alias, KBEntry) for r in recs]


def encode(entries: list[Any], key: str) -> bytes:
    """The cache file: a header line (format, source digest, SHA-256 of the body), then the
    entries as one JSON array."""
    body = json.dumps([_entry_to_json(e) for e in entries], ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")
    head = json.dumps({"format": FORMAT, "key": key,
                       "sha256": hashlib.sha256(body).hexdigest()}).encode("ascii")
    return head + b"\n" + body


def decode(data: bytes, key: str) -> list[Any] | None:
    """The entries of a cache file, or None when it is not ours, stale or damaged."""
    head, sep, body = data.partition(b"\n")
    try:
        meta = json.loads(head)
    except ValueError:
        return None
    if not sep or not isinstance(meta, dict) or meta.get("format") != FORMAT \
            or meta.get("key") != key:
        return None
    if meta.get("sha256") != hashlib.sha256(body).hexdigest():
        return None
    return _entries_from_json(json.loads(body))


def load(key: str) -> list[Any] | None:
    """The cached entries compiled from sources with digest ``key``, or None."""
    try:
        path = private_dir() / f"kb-{key}.json"
        if not path.is_file():
            return None
        entries = decode(path.read_bytes(), key)
    except OSError as e:
        log.warning("knowledge-base cache not used (%s); compiling the knowledge base", e)
        return None
    except (ValueError, TypeError, KeyError) as e:  # verified but unexpected: rebuild
        log.info("knowledge-base cache %s unreadable (%s); rebuilding", key, e)
        return None
    if entries is None:
        log.info("knowledge-base cache %s stale or damaged; rebuilding", key)
    else:
        _touch(path)
    return entries


def _touch(path: Path) -> None:
    """Mark a cache as used now: the least recently used ones are removed first."""
    try:
        os.utime(path)
    except OSError:
        pass


def save(entries: list[Any], key: str) -> None:
    """Write the cache atomically (a private temp file renamed into place) and remove the
    caches of earlier source files; a failure is a warning, never fatal."""
    try:
        data = encode(entries, key)
    except (TypeError, ValueError) as e:  # a data file holding a value JSON cannot carry
        log.info("knowledge-base cache not written: %s", e)
        return
    try:
        folder = private_dir()
        fd, tmp = tempfile.mkstemp(prefix=".kb-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, folder / f"kb-{key}.json")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(folder, keep=folder / f"kb-{key}.json")
    except OSError as e:
        log.warning("knowledge-base cache not written (%s); the next start compiles again", e)


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the ``KEPT`` most recently used caches (``keep`` always stays)."""
    def used(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    others = sorted((p for p in folder.glob("kb-*.json") if p != keep), key=used,
                    reverse=True)
    for old in others[KEPT - 1:]:
        old.unlink(missing_ok=True)
