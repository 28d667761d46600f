"""Outputs that appear whole or not at all: an export is written to a temporary file (or
folder) beside its target and renamed into place only when complete, as
:class:`marsad.export.jsonl.AtomicJsonlWriter` does, so a failed or interrupted export never
leaves a half-written file and never clobbers the previous one."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any

from ..errors import OutputError


def _parent(path: Path) -> Path:
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError("the output folder does not exist", path=str(parent))
    return parent


def _public(path: Path, mode: int) -> None:
    """mkstemp/mkdtemp make private files; an export is readable as the umask says."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, mode & ~mask)


class _WholeOrNothing:
    """``with`` commits the output when the block ends normally and aborts it otherwise."""

    def commit(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Any:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


class AtomicFile(_WholeOrNothing):
    """A file written beside ``path`` and renamed onto it by :meth:`commit`. ``binary``
    opens it in bytes; otherwise text in ``encoding`` (``utf-8-sig`` writes a byte-order
    mark) with ``newline`` as :func:`open` takes it."""

    def __init__(self, path: str | Path, *, binary: bool = False, encoding: str = "utf-8",
                 newline: str | None = None) -> None:
        self.path = Path(path)
        parent = _parent(self.path)
        if self.path.is_dir():
            raise OutputError("the output path is a folder", path=str(self.path))
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=parent)
        except OSError as e:
            raise OutputError(f"cannot write here: {e.strerror or e}", path=str(parent)) from e
        self.tmp = Path(tmp)
        self.fh: IO[Any] = (os.fdopen(fd, "wb") if binary else
                            os.fdopen(fd, "w", encoding=encoding, newline=newline))

    def commit(self) -> None:
        self.fh.close()
        _public(self.tmp, 0o666)
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.fh.close()
        self.tmp.unlink(missing_ok=True)


class AtomicFolder(_WholeOrNothing):
    """A folder of files built beside ``path`` and swapped in by :meth:`commit`: an existing
    folder at ``path`` is replaced only once the new one is complete. A path that is a file is
    refused (an export never deletes a file it did not write)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        parent = _parent(self.path)
        if self.path.exists() and not self.path.is_dir():
            raise OutputError("the output path is a file; this format writes a folder",
                              path=str(self.path))
        try:
            self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                             dir=parent))
        except OSError as e:
            raise OutputError(f"cannot write here: {e.strerror or e}", path=str(parent)) from e

    def commit(self) -> None:
        _public(self.tmp, 0o777)
        for f in self.tmp.iterdir():
            _public(f, 0o666)
        old = None
        if self.path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.", suffix=".old",
                                        dir=self.path.parent))
            os.replace(self.path, old / "previous")
        os.replace(self.tmp, self.path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
