"""The last step of a bounded full fusion (:mod:`marsad.fuse.bounded`) without holding the
corpus's stories: :func:`marsad.fuse.story_ids.keep_ids` worked out in a scratch database
(issue #19).

``keep_ids`` reads every story of the corpus, new and saved, at once: their sketches held
2 KB an article of a full fusion's memory (508 MB at 101,000 articles). Here they are rows of
a private SQLite database on disk (``sqlite3.connect("")``: a temporary file, removed when
the connection closes; its page cache is bounded), whatever the store's backend:

- the saved stories' sketches (their member keys and told order, a digest of the rest) are
  written there before the fusion clears them, a page at a time;
- the stories the chunks saved are written there after the last chunk, with their member
  keys;
- each saved story's claim (its earliest member still present), the winner of each claimed
  story, the losers (merged) and the saved stories with no member left (removed) and the
  saved story a new one shares most members with (split from) are SQL over those rows, in
  the order ``keep_ids`` sorts them in (told order, then id: SQLite compares text by its
  UTF-8 bytes, which is the order of Python's ``str``);
- the stories are then read in the order a fusion returns them, each given its id (the
  winner's, else its seed or a derived one never given out), and the changes are written to
  the scratch database as they are made, to be read back by the store's save
  (:meth:`~marsad.store.fusion_index.FusionIndexStore.settle_fusion`) and by the fusion's
  result.

What is held: the renaming (seed → id of the stories whose id is not their seed: those that
took a merged or split saved story's id, few) and the redirects (one per merged saved
story). Same ids, redirects and changes as ``keep_ids`` (tests/fuse/test_bounded.py compares
the bounded fusion with the fusion in memory).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, overload

from .stories import parse_day
from .story_ids import AskedIds, Change, _digest, _fresh_id, first_told

if TYPE_CHECKING:
    from ..store.base import SQLStore

T = TypeVar("T")
ROWS_AT_ONCE = 1000  # stories written to the scratch database per statement

# told order: published is None, published, doc_id, evidence start, event_id, counterpart
TOLD = "undated, pub, doc, start, ev, cp"
SCHEMA = f"""
CREATE TABLE old_story (sid TEXT PRIMARY KEY, body BLOB);
CREATE TABLE old_member (undated INT, pub TEXT, doc TEXT, start INT, ev TEXT, cp TEXT,
                         sid TEXT);
CREATE TABLE new_story (seed TEXT PRIMARY KEY, undated INT, dstart TEXT, dend TEXT,
                        type TEXT, body BLOB);
CREATE TABLE new_member (doc TEXT, ev TEXT, cp TEXT, seed TEXT);
CREATE TABLE given (id TEXT PRIMARY KEY);
CREATE TABLE article (undated INT, pub TEXT, doc TEXT, hash TEXT, at TEXT);
CREATE TABLE change (rank INT, seq INTEGER PRIMARY KEY, story_id TEXT, kind TEXT,
                     related TEXT);
CREATE INDEX old_member_sid ON old_member (sid, {TOLD});
"""
# rank of each kind of change in the list: the order keep_ids makes them in
RANK = {"merged": 0, "created": 1, "changed": 2, "removed": 3}
# the order of marsad.fuse.story_ids.story_order (NULLs first: a date without its fields)
STORY_ORDER = "n.undated, n.dstart, n.dend, n.type, n.seed"


class Scratch:
    """The scratch database of one fusion's last step."""

    def __init__(self) -> None:
        self.db = sqlite3.connect("")
        # (thrown away with the connection: no journal, no waiting for the disk)
        self.db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        self.n_old = 0

    # -- the articles in publication order ------------------------------------------------
    def add_articles(self, rows: Iterable[tuple[str, str, str, str | None]]) -> int | None:
        """Every article's (doc_id, content hash, processed_at, published), in place of those
        written before; the newest publication year."""
        self.db.execute("DELETE FROM article")
        latest = None
        for part in _pages(rows):
            self.db.executemany("INSERT INTO article VALUES (?,?,?,?,?)",
                                [(int(p is None), p or "", d, h, at) for d, h, at, p in part])
            for *_, p in part:
                day = parse_day(p)
                if day is not None and (latest is None or day.year > latest):
                    latest = day.year
        return latest

    def articles_in_order(self, n: int) -> Iterator[list[tuple[str, str, str]]]:
        """(doc_id, content hash, processed_at) of the articles ``n`` at a time, in
        publication order (unpublished last, then by doc_id, in Python's order of text)."""
        rows = self.db.execute("SELECT doc, hash, at FROM article ORDER BY undated, pub, doc")
        while part := rows.fetchmany(n):
            yield [(str(d), str(h), str(a)) for d, h, a in part]

    # -- writing the stories ------------------------------------------------------------
    def add_saved(self, stories: Iterable[Mapping[str, Any]]) -> None:
        """The saved stories (:meth:`Story.to_dict`), before the fusion clears them."""
        for part in _pages(stories):
            self.db.executemany("INSERT INTO old_story VALUES (?,?)",
                                [(str(s["id"]), bytes.fromhex(_digest(s))) for s in part])
            self.db.executemany("INSERT INTO old_member VALUES (?,?,?,?,?,?,?)",
                                [(*first_told(m), str(s["id"]))
                                 for s in part for m in s["members"]])
            self.n_old += len(part)

    def add_new(self, stories: Iterable[Mapping[str, Any]]) -> None:
        """The stories the chunks saved under their seed ids."""
        for part in _pages(stories):
            self.db.executemany("INSERT INTO new_story VALUES (?,?,?,?,?,?)",
                                [_new_row(s) for s in part])
            if self.n_old:  # (member keys serve only to meet saved stories)
                self.db.executemany("INSERT INTO new_member VALUES (?,?,?,?)",
                                    [(t[2], t[4], t[5], str(s["id"])) for s in part
                                     for t in map(first_told, s["members"])])

    # -- the ids ------------------------------------------------------------------------
    def give_ids(self, taken: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """Every story's id as :func:`keep_ids` gives it, the changes written to the
        ``change`` table; the renaming (seed → id, where they differ) and the redirects."""
        if self.n_old:
            redirects = self._claims()
        else:  # nothing saved before: no claims, no splits
            self.db.executescript("CREATE TABLE winner (seed TEXT, winner TEXT);"
                                  " CREATE TABLE split (seed TEXT, sid TEXT);")
            redirects = []
        renamed: list[tuple[str, str]] = []
        used = _Used(self.db)
        rows = self.db.execute(
            "SELECT n.seed, n.body, w.winner, o.body, sp.sid FROM new_story n"
            " LEFT JOIN winner w ON w.seed = n.seed LEFT JOIN old_story o ON o.sid = w.winner"
            f" LEFT JOIN split sp ON sp.seed = n.seed ORDER BY {STORY_ORDER}")
        for seed, body, winner, before, parent in rows:
            sid = winner
            if sid is None:
                sid = _fresh_id(seed, used, taken)
                used.add(sid)
                self._change("created", sid, parent)
            elif before != body:
                self._change("changed", sid, None)
            if sid != seed:
                renamed.append((seed, sid))
        if self.n_old:
            for (sid,) in self.db.execute("SELECT sid FROM old_story WHERE sid NOT IN"
                                          " (SELECT sid FROM claim) ORDER BY sid").fetchall():
                self._change("removed", sid, None)
        return renamed, redirects

    def _claims(self) -> list[tuple[str, str]]:
        """The claims, winners and splits (module docstring); the redirects (loser →
        winner), each also a change ``merged``."""
        self.db.executescript(f"""
            CREATE INDEX new_member_key ON new_member (doc, ev, cp);
            CREATE TABLE claim AS SELECT sid, seed, {TOLD} FROM (
              SELECT o.sid, n.seed, o.undated, o.pub, o.doc, o.start, o.ev, o.cp,
                     ROW_NUMBER() OVER (PARTITION BY o.sid ORDER BY
                       o.undated, o.pub, o.doc, o.start, o.ev, o.cp) AS rn
              FROM old_member o JOIN new_member n
                ON n.doc = o.doc AND n.ev = o.ev AND n.cp = o.cp) WHERE rn = 1;
            CREATE TABLE ranked AS SELECT seed, sid, ROW_NUMBER() OVER w AS rn,
                FIRST_VALUE(sid) OVER w AS winner
              FROM claim WINDOW w AS (PARTITION BY seed ORDER BY {TOLD}, sid);
            CREATE TABLE winner AS SELECT seed, winner FROM ranked WHERE rn = 1;
            CREATE UNIQUE INDEX winner_seed ON winner (seed);
            CREATE TABLE split AS SELECT seed, sid FROM (
              SELECT n.seed, o.sid, ROW_NUMBER() OVER (PARTITION BY n.seed
                       ORDER BY count(*) DESC, o.sid) AS rn
              FROM new_member n JOIN old_member o
                ON n.doc = o.doc AND n.ev = o.ev AND n.cp = o.cp
              WHERE n.seed NOT IN (SELECT seed FROM winner)
              GROUP BY n.seed, o.sid) WHERE rn = 1;
            CREATE UNIQUE INDEX split_seed ON split (seed);
            CREATE INDEX claim_sid ON claim (sid);
            INSERT INTO given SELECT sid FROM old_story;
        """)
        redirects = [(str(loser), str(winner)) for loser, winner in self.db.execute(
            "SELECT r.sid, r.winner FROM ranked r JOIN new_story n ON n.seed = r.seed"
            f" WHERE r.rn > 1 ORDER BY {STORY_ORDER}, r.rn")]
        for loser, winner in redirects:
            self._change("merged", loser, winner)
        return redirects

    def _change(self, kind: str, sid: str, related: str | None) -> None:
        self.db.execute("INSERT INTO change (rank, story_id, kind, related) VALUES (?,?,?,?)",
                        (RANK[kind], sid, kind, related))

    def changes(self) -> Changes:
        return Changes(self.db)


class StoredStories(Sequence[dict[str, Any]]):
    """The stories a bounded full fusion saved, read from the store when asked (its result
    holds none of them; their number is known after the store is closed)."""

    def __init__(self, store: SQLStore) -> None:
        self.store = store
        info = store.fusion_info()
        self.n = 0 if info is None else int(info["n_stories"])

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.store.iter_stories()

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[dict[str, Any]]: ...

    def __getitem__(self, i: int | slice) -> dict[str, Any] | Sequence[dict[str, Any]]:
        return list(self)[i]  # (not used by the fusion: for a reader's convenience)

    def __eq__(self, other: object) -> bool:  # (as the list of a fusion in memory compares)
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


class Changes(Sequence[Change]):
    """A fusion's changes, read from its scratch database in the order ``keep_ids`` makes
    them (the database goes when this is no longer referenced)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM change").fetchone()[0])

    def __iter__(self) -> Iterator[Change]:
        for sid, kind, related in self.db.execute(
                "SELECT story_id, kind, related FROM change ORDER BY rank, seq"):
            yield Change(sid, kind, related)

    @overload
    def __getitem__(self, i: int) -> Change: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Change]: ...

    def __getitem__(self, i: int | slice) -> Change | Sequence[Change]:
        return list(self)[i]  # (not used by the fusion: for a reader's convenience)

    def __eq__(self, other: object) -> bool:  # (as the list keep_ids gives compares)
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


class _Used:
    """The ids given in this step and the saved stories' ids, asked one at a time."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __contains__(self, sid: object) -> bool:
        return self.db.execute("SELECT 1 FROM given WHERE id = ?", (sid,)).fetchone() is not None

    def add(self, sid: str) -> None:
        self.db.execute("INSERT INTO given VALUES (?)", (sid,))


def _new_row(s: Mapping[str, Any]) -> tuple[Any, ...]:
    d = s.get("date")
    return (str(s["id"]), int(d is None), d["start"] if d else None, d["end"] if d else None,
            str(s["type"]), bytes.fromhex(_digest(s)))


def _pages(stories: Iterable[T]) -> Iterator[list[T]]:
    part: list[T] = []
    for s in stories:
        part.append(s)
        if len(part) == ROWS_AT_ONCE:
            yield part
            part = []
    if part:
        yield part


def settle(store: SQLStore, scratch: Scratch, *, corpus_state: str, seconds: float
           ) -> tuple[list[tuple[str, str]], Changes]:
    """Give the stories saved by the chunks their ids and save them with the history and
    run, in one transaction; the redirects and changes."""
    scratch.add_new(store.iter_stories_by_id())
    renamed, redirects = scratch.give_ids(
        # (given before this fusion: a redirect or a change has them; the saved stories'
        # ids are the sketches', in the scratch database's given table)
        AskedIds(store.story_id_in_history))
    changes = scratch.changes()
    store.settle_fusion(renamed, corpus_state=corpus_state, seconds=seconds,
                        redirects=redirects, changes=iter(changes))
    return redirects, changes
