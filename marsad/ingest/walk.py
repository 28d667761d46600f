"""The article files below a folder, with their ids, and every path skipped with the reason.

Nothing is skipped silently (issue #15): a sub-folder that cannot be read, a broken
symbolic link, a link that loops or leads back into a folder already read, and a special
file with an article suffix (FIFO, socket, device: reading one may block for ever) are
each reported as :class:`Skipped`. Files whose suffix is no article format and hidden files
(a leading dot) are passed over without a word, as before: they are not inputs. Links to
folders are followed (each folder is read once).

A file's id is its path relative to the folder given, without the suffix, with ``/``
between folders (``root/2024/r001.txt`` is ``2024/r001``): two files of the same name in
different folders never share an id, and a flat folder gives the ids it always gave
(``root/r001.txt`` is ``r001``, the name gold files are matched by).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Skipped:
    """A path under an input folder that was not read, and why."""

    path: str
    reason: str


def file_id(path: Path, root: Path | None) -> str:
    """The id of the article file ``path`` found under ``root`` (None: named directly)."""
    if root is None:
        return path.stem
    return path.relative_to(root).with_suffix("").as_posix()


def walk(root: Path, suffixes: tuple[str, ...], skipped: list[Skipped]) -> Iterator[Path]:
    """Article files below ``root`` in sorted order (by path, as ``sorted(rglob)`` gave),
    following links to folders once; what cannot be read is added to ``skipped``."""
    try:
        seen = {_identity(os.stat(root))}
    except OSError as e:
        skipped.append(Skipped(str(root), _why(e)))
        return
    # an explicit stack: a folder tree may be deeper than the recursion limit
    stack: list[Iterator[Path]] = [iter(_entries(root, skipped))]
    while stack:
        path = next(stack[-1], None)
        if path is None:
            stack.pop()
            continue
        kind = _kind(path, seen, skipped)
        if kind == "dir":
            stack.append(iter(_entries(path, skipped)))
        elif path.suffix.lower() not in suffixes or path.name.startswith("."):
            continue
        elif kind == "file":
            yield path
        elif kind == "special":
            skipped.append(Skipped(str(path), "not a regular file (FIFO, socket or device)"))


def _entries(folder: Path, skipped: list[Skipped]) -> list[Path]:
    try:
        with os.scandir(folder) as it:
            names = sorted(e.name for e in it)
    except OSError as e:
        skipped.append(Skipped(str(folder), f"cannot read folder: {_why(e)}"))
        return []
    return [folder / n for n in names]


def _kind(path: Path, seen: set[tuple[int, int]], skipped: list[Skipped]) -> str:
    """"dir" (to enter), "file" (regular), "special" (FIFO, socket, device) or "skip"
    (already reported)."""
    try:
        st = os.stat(path)  # follows links
    except OSError as e:
        if os.path.islink(path):
            what = "symbolic link loop" if e.errno == errno.ELOOP else "broken symbolic link"
            skipped.append(Skipped(str(path), f"{what}: {_why(e)}"))
        else:
            skipped.append(Skipped(str(path), f"cannot read: {_why(e)}"))
        return "skip"
    if stat.S_ISDIR(st.st_mode):
        ident = _identity(st)
        if ident in seen:  # a link back up the tree, or a second link to one folder
            skipped.append(Skipped(str(path), "symbolic link to a folder already read"))
            return "skip"
        seen.add(ident)
        return "dir"
    return "file" if stat.S_ISREG(st.st_mode) else "special"


def _identity(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def _why(e: OSError) -> str:
    return e.strerror or type(e).__name__
