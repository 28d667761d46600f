"""The compiled knowledge-base index is cached on disk and rebuilt when the files change; the
cache is verified JSON in a private folder, never a pickle, and never fatal (issue #15)."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

import pytest

from marsad import kb as kbmod
from marsad.kb import cache


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "cache"))
    kbmod.default_kb.cache_clear()
    yield tmp_path / "cache"
    kbmod.default_kb.cache_clear()


def _files(cache_dir: Path) -> list[Path]:
    return list((cache_dir / "kb").glob("kb-*.json"))


def test_cache_is_written_reused_and_replaced(cache_dir: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first = kbmod.default_kb()
    files = _files(cache_dir)
    assert len(files) == 1
    kbmod.default_kb.cache_clear()
    again = kbmod.default_kb()
    assert again.entries == first.entries  # every field of every entry, from the cache
    assert again.lookup("موسكو")[0].entry.key == "moscow"
    # a broken cache file is rebuilt, not fatal
    files[0].write_bytes(b"not a cache")
    kbmod.default_kb.cache_clear()
    assert len(kbmod.default_kb()) == len(first)
    # an unwritable cache location is not fatal either
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(cache_dir.parent / "file"))
    (cache_dir.parent / "file").write_text("x")
    kbmod.default_kb.cache_clear()
    assert len(kbmod.default_kb()) == len(first)


def test_the_cache_folder_is_private_and_the_file_is_json(cache_dir: Path) -> None:
    kbmod.default_kb()
    folder = cache_dir / "kb"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    head, _, body = _files(cache_dir)[0].read_bytes().partition(b"\n")
    assert json.loads(head)["format"] == cache.FORMAT
    assert isinstance(json.loads(body), list)
    # a folder an older Marsad or a loose umask left open is made private again
    os.chmod(folder, 0o755)
    kbmod.default_kb.cache_clear()
    kbmod.default_kb()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_an_edited_cache_is_not_used(cache_dir: Path) -> None:
    kbmod.default_kb()
    path = _files(cache_dir)[0]
    data = path.read_bytes()
    # a changed English name with the header left alone: the hash no longer matches
    forged = data.replace(b'"name_en":"Moscow"', b'"name_en":"Forged"', 1)
    assert forged != data
    path.write_bytes(forged)
    kbmod.default_kb.cache_clear()
    assert kbmod.default_kb().get("moscow").name_en == "Moscow"  # type: ignore[union-attr]
    assert path.read_bytes() == data  # rebuilt and written again


def test_a_pickle_in_the_cache_folder_is_never_loaded(cache_dir: Path) -> None:
    import pickle

    class Boom:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (os.system, ("touch " + str(cache_dir / "pwned"),))

    folder = cache_dir / "kb"
    folder.mkdir(parents=True)
    key = kbmod._sources_digest()
    for name in (f"kb-{key}.json", f"kb-{key}.pickle"):
        (folder / name).write_bytes(pickle.dumps(Boom()))
    assert len(kbmod.default_kb()) > 1000
    assert not (cache_dir / "pwned").exists()


def test_an_unreadable_cache_folder_is_a_warning(cache_dir: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    kbmod.default_kb()
    n = len(kbmod.default_kb())

    real = Path.read_bytes

    def denied(self: Path) -> bytes:  # the cache's files only: the sources stay readable
        if cache_dir not in self.parents:
            return real(self)
        raise PermissionError(13, "Permission denied", str(self))

    # as root a chmod 000 folder is still readable: the refusal is simulated
    monkeypatch.setattr(Path, "read_bytes", denied)
    kbmod.default_kb.cache_clear()
    with caplog.at_level(logging.WARNING, logger="marsad.kb.cache"):
        assert len(kbmod.default_kb()) == n
    assert "Permission denied" in caplog.text and "not used" in caplog.text


@pytest.mark.skipif(os.getuid() == 0, reason="root reads a chmod 000 folder")
def test_a_chmod_000_cache_folder_does_not_stop_a_command(cache_dir: Path) -> None:
    kbmod.default_kb()
    os.chmod(cache_dir / "kb", 0)
    try:
        kbmod.default_kb.cache_clear()
        assert len(kbmod.default_kb()) > 1000
    finally:
        os.chmod(cache_dir / "kb", 0o700)


def test_caches_of_other_sources_are_kept_up_to_a_few(cache_dir: Path) -> None:
    """Two checkouts of different versions on one machine do not replace each other's
    cache at every start; the least recently used go beyond ``cache.KEPT``."""
    kb = kbmod.default_kb()
    some = list(kb.entries.values())[:3]
    for f in _files(cache_dir):
        f.unlink()
    for i in range(cache.KEPT + 2):
        cache.save(some, f"other{i}")
        os.utime(cache_dir / "kb" / f"kb-other{i}.json", (1000 + i, 1000 + i))
    names = sorted(p.name for p in _files(cache_dir))
    assert len(names) == cache.KEPT
    assert "kb-other0.json" not in names and f"kb-other{cache.KEPT + 1}.json" in names
    # a cache read is a use: it outlives newer ones that are not used
    assert cache.load("other2") == some
    cache.save(some, "newest")
    assert "kb-other2.json" in {p.name for p in _files(cache_dir)}


def test_the_digest_follows_contents_not_modification_times(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    import shutil

    src = kbmod.DATA_DIR / "kb"
    copy = tmp_path / "data"
    shutil.copytree(src, copy / "kb")
    monkeypatch.setattr(kbmod, "DATA_DIR", copy)
    first = kbmod._sources_digest()
    for f in (copy / "kb").iterdir():
        os.utime(f, (1, 1))  # another checkout: same files, other times
    assert kbmod._sources_digest() == first
    with (copy / "kb" / "places.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    assert kbmod._sources_digest() != first
