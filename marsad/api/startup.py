"""The server's first index, built in a thread of its own while the rest of the server starts.

Before its first answer the server opens the store (SQLite's ``PRAGMA quick_check`` over the
whole file: a damaged store stops the server before it listens), loads the knowledge base,
reads every record and saved story and builds its read model (:mod:`marsad.web.index`); and
it imports FastAPI, Jinja2 and uvicorn. Done one after the other that was 2.1–2.6 s on a
10,000-article store (issue #18 asks for the first answer in under 2 s). The check and the
reads run inside SQLite, which lets other threads run: in this thread, started before
FastAPI is imported, they overlap the imports instead of adding to them.

With the bundled knowledge base the index the server saved in the store is read instead
(:mod:`.snapshot`): one row and a fifth of the work. An index of an earlier store state is
answered from while the app rebuilds it (:attr:`FirstIndex.stale`); the knowledge base is
then loaded only when an index is built.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ..store import open_store

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..web.index import CorpusIndex


class FirstIndex:
    """Opens (checks, migrates) the store at ``db`` and reads its saved index or loads
    ``kb`` (default: the bundled knowledge base) and builds the index, now, in a thread;
    :meth:`result` waits for them and raises what they raised (a missing or damaged store,
    by name)."""

    def __init__(self, db: str, kb: KnowledgeBase | None = None) -> None:
        self._kb = kb
        self._saved = kb is None  # a saved index is of the bundled knowledge base
        self._index: CorpusIndex | None = None
        self._error: BaseException | None = None
        self.stale = False  # the index read is of an earlier state of the store
        self._thread = threading.Thread(target=self._run, args=(db,), daemon=True,
                                        name="marsad-first-index")
        self._thread.start()

    def _run(self, db: str) -> None:
        try:
            from ..kb import default_kb
            from ..web.index import index_of
            from . import snapshot

            st = open_store(db, create=False, check=True)
            try:
                got = snapshot.load(st) if self._saved else None
                if got is not None:
                    self._index, fresh = got
                    self.stale = not fresh
                    return
                if self._kb is None:
                    self._kb = default_kb()
                self._index = (snapshot.build(st, self._kb, db) if self._saved
                               else index_of(st, self._kb))
            finally:
                st.close()
        except BaseException as e:  # raised again in the thread that asks (result)
            self._error = e

    def result(self) -> tuple[CorpusIndex, KnowledgeBase | None]:
        """The index and the knowledge base it was built with (None: read from the store,
        none loaded)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._index is not None
        return self._index, self._kb
