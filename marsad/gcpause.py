"""Building large long-lived structures without the cyclic garbage collector.

Marsad builds a few large structures that live as long as the process: the knowledge base
and the workbench's index. Building them allocates millions of objects, and each full
collection the allocations trigger walks every object alive, holding the interpreter lock:
a 10,000-article index took 5.7 s instead of 1.8, and other threads waited up to 0.66 s
between two of their steps. :func:`paused` turns the collector off while such a structure
is built and then freezes what exists (``gc.freeze``), so later collections skip it.
Reference counting still frees everything; only reference cycles wait for the collector.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; everything alive after it is moved out of
    the collector's sight."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
        gc.freeze()
