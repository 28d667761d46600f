"""Finding the few tokens of interest among many, in C.

Most recognisers and trigger lookups first pick out the handful of tokens that may open
what they look for (a cue word, a trigger's first word, a title's ending) and then look
closely at those. A comprehension ``[i for i, k in enumerate(keys) if k in words]`` takes a
Python step per token of every sentence; mapping the test over the keys and compressing a
count by its answers takes the same decisions with no Python step per token.
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Iterable, Sequence


def positions_where(flags: Iterable[object]) -> list[int]:
    """The positions of the true ``flags``, in order."""
    return list(itertools.compress(itertools.count(), flags))


def positions_in(keys: Sequence[str], words: Container[str]) -> list[int]:
    """The positions of the keys that are one of ``words``."""
    return positions_where(map(words.__contains__, keys))


def positions_ending(keys: Sequence[str], ends: tuple[str, ...]) -> list[int]:
    """The positions of the keys that end in one of ``ends`` (none when ``ends`` is empty)."""
    return positions_where(map(str.endswith, keys, itertools.repeat(ends))) if ends else []
