"""The compiled knowledge-base index is cached on disk and rebuilt when the files change."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import kb as kbmod


def test_cache_is_written_reused_and_replaced(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    kbmod.default_kb.cache_clear()
    try:
        first = kbmod.default_kb()
        files = list(tmp_path.glob("kb-*.pickle"))
        assert len(files) == 1
        kbmod.default_kb.cache_clear()
        again = kbmod.default_kb()
        assert again.entries.keys() == first.entries.keys()
        assert again.lookup("موسكو")[0].entry.key == "moscow"
        # a broken cache file is rebuilt, not fatal
        files[0].write_bytes(b"not a pickle")
        kbmod.default_kb.cache_clear()
        assert len(kbmod.default_kb()) == len(first)
        # an unwritable cache location is not fatal either
        monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "file"))
        (tmp_path / "file").write_text("x")
        kbmod.default_kb.cache_clear()
        assert len(kbmod.default_kb()) == len(first)
    finally:
        kbmod.default_kb.cache_clear()
