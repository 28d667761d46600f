"""The store as pandas DataFrames, for notebooks (extra ``frames``: pandas).

One row per event of every article (``events_frame``) or per story merged across articles
(``stories_frame``), with the columns of the workbench's CSV exports, so a notebook, a
spreadsheet and the workbench agree. Stories come from the workbench's index (the stored
fusion, or a fresh one when ``marsad fuse`` has not run).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .errors import MarsadError

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store


class FramesExtraMissing(MarsadError):
    """pandas is not installed."""

    code = "E070"


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise FramesExtraMissing("DataFrames need the 'frames' extra (pandas): "
                                 'pip install "marsad[frames]"') from None
    return pandas


def _index(store: Store) -> Any:
    from .kb import default_kb
    from .web.index import index_of

    return index_of(store, default_kb())  # the stories and ids the workbench shows


def to_frame(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Any:
    """A DataFrame of ``rows`` with exactly ``columns``, in that order (lists stay lists)."""
    pd = _pandas()
    return pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=list(columns))


def events_frame(store: Store) -> Any:
    from .api.views import EVENT_COLUMNS

    _pandas()  # the error before the work
    return to_frame(_index(store).filter_events(), EVENT_COLUMNS)


def stories_frame(store: Store) -> Any:
    from .api.views import STORY_COLUMNS

    _pandas()
    idx = _index(store)
    return to_frame((idx.story_summary(s) for s in idx.filter_stories()), STORY_COLUMNS)
