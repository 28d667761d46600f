"""The workbench's screenshots in ``docs/screens/<page>.png`` (1400 px wide), refreshed.

    python bench/screens.py [--out docs/screens]

Runs the browser tests that take screenshots (every test whose name holds ``screenshots``,
in ``tests/web``) with ``MARSAD_SCREENS`` set to the output folder: the pictures are the
pages those tests have just checked, on a store of the bundled demo corpus, in headless
Chromium. Needs what the browser tests need (Chromium, Playwright, the built JavaScript
libraries); reduces each picture to 256 colours when Pillow is installed and prints its
size in pixels and kilobytes.
"""

from __future__ import annotations

import argparse
import os
import struct
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _size(png: Path) -> tuple[int, int]:
    w, h = struct.unpack(">II", png.read_bytes()[16:24])
    return int(w), int(h)


def _shrink(png: Path) -> None:
    """The PNG in 256 colours (a tenth of the size for these flat charts) when Pillow is
    installed; the tests' pictures are full-colour."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(png) as im:
        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(png, optimize=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(REPO / "docs" / "screens"),
                    help="folder of the pictures (default: docs/screens)")
    args = ap.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "MARSAD_SCREENS": str(out),
           "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    rc = subprocess.call([sys.executable, "-m", "pytest", "-q", "-rs", "-k", "screenshots",
                          str(REPO / "tests" / "web")], cwd=REPO, env=env)
    for png in sorted(out.glob("*.png")):
        _shrink(png)
        w, h = _size(png)
        print(f"{png.relative_to(REPO) if png.is_relative_to(REPO) else png}: {w}x{h} px, "
              f"{png.stat().st_size / 1024:.0f} KiB")
    return rc


if __name__ == "__main__":
    sys.exit(main())
