"""Marsad from Python: ``marsad.extract``, ``marsad.extract_many`` and ``marsad.open_store``.

    >>> import marsad
    >>> art = marsad.extract("موسكو - التقى بوتين حفتر ...", published="2025-05-12")
    >>> [(e.type, [a.name_en for a in e.actors]) for e in art.events]

The pipeline (knowledge base, gazetteers, trigger index) is loaded once per process, on the
first call, and shared by every later call. :class:`Article` is a typed, read-only view of
one article's record in the output contract (``docs/output.md``); :meth:`Article.to_dict`
gives the record itself, exactly as ``marsad extract`` writes it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sized
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from .doc import Failure
from .errors import ArticleFailed, IngestError
from .ingest import RawArticle

# An HTML document, not text that merely mentions a tag: a doctype, or an html/head/body
# element, or a paragraph or div element at the very start.
_HTML_RE = re.compile(r"\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(p|div|article)"
                      r"[\s>])", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A named entity of one article: ``kb_id`` is the stable knowledge-base key (or None),
    ``name`` the Arabic name, ``name_en`` the English one (None when unknown)."""

    id: str
    type: str
    name: str
    name_en: str | None
    kb_id: str | None
    mentions: tuple[Mention, ...]
    lat: float | None = None
    lon: float | None = None

    def __str__(self) -> str:
        return self.name_en or self.name


@dataclass(frozen=True)
class Event:
    """A PLOVER event with its participants resolved to :class:`Entity` objects and the
    sentence that states it (``evidence``, with its offsets into the article's text)."""

    id: str
    type: str
    mode: str | None
    actors: tuple[Entity, ...]
    targets: tuple[Entity, ...]
    location: Entity | None
    date: tuple[date, date] | None
    date_text: str | None
    certainty: str
    attributed_to: tuple[Entity, ...]
    evidence: Mention


@dataclass(frozen=True)
class Article:
    """One processed article. ``record`` is the output-contract record (``to_dict``)."""

    record: Mapping[str, Any] = field(repr=False)

    @property
    def doc_id(self) -> str:
        return str(self.record["doc_id"])

    @property
    def title(self) -> str | None:
        return self.record["title"]

    @property
    def published(self) -> date | None:
        p = self.record["published"]
        return date.fromisoformat(p) if p else None

    @property
    def text(self) -> str:
        return str(self.record["text"])

    @property
    def entities(self) -> list[Entity]:
        return list(self._entities.values())

    @property
    def events(self) -> list[Event]:
        return [self._event(v) for v in self.record["events"]]

    def to_dict(self) -> dict[str, Any]:
        """The record as ``marsad extract`` writes it (a deep copy is not made: do not
        change it in place)."""
        return dict(self.record)

    def __repr__(self) -> str:
        return (f"Article({self.doc_id!r}, published={self.record['published']!r}, "
                f"{len(self.record['entities'])} entities, {len(self.record['events'])} events)")

    @cached_property
    def _entities(self) -> dict[str, Entity]:
        return {e["id"]: Entity(e["id"], e["type"], e["name"], e.get("name_en"), e.get("kb_id"),
                                tuple(Mention(m["start"], m["end"], m["text"])
                                      for m in e["mentions"]), e.get("lat"), e.get("lon"))
                for e in self.record["entities"]}

    def _event(self, v: Mapping[str, Any]) -> Event:
        ents = self._entities
        d = v.get("date")
        ev = v["evidence"]
        return Event(
            v["id"], v["type"], v.get("mode"),
            tuple(ents[i] for i in v["actors"] if i in ents),
            tuple(ents[i] for i in v["targets"] if i in ents),
            ents.get(v["location"]) if v.get("location") else None,
            (date.fromisoformat(d["start"]), date.fromisoformat(d["end"])) if d else None,
            d.get("text") if d else None,
            v["certainty"], tuple(ents[i] for i in v.get("attributed_to", ()) if i in ents),
            Mention(ev["start"], ev["end"], ev["text"]))


# -- the shared pipeline ------------------------------------------------------------------

_LOCK = threading.Lock()
_PIPELINE: Any = None


def _pipeline() -> Any:
    global _PIPELINE
    with _LOCK:
        if _PIPELINE is None:
            from .pipeline import Pipeline

            p = Pipeline()
            p.warm_up()  # data loads now, outside the first article's time budget
            _PIPELINE = p
        return _PIPELINE


def _raw(content: str, *, doc_id: str, published: str | date | None, url: str | None,
         outlet: str | None, html: bool | None = None) -> RawArticle:
    if not isinstance(content, str):
        raise TypeError(f"{doc_id}: expected the article as str, got {type(content).__name__}")
    kind = "html" if (html if html is not None else _HTML_RE.match(content)) else "text"
    pub = published.isoformat() if isinstance(published, date) else published
    return RawArticle(doc_id, content, kind, url=url, outlet=outlet, published=pub)


def extract(text_or_html: str, *, published: str | date | None = None, url: str | None = None,
            outlet: str | None = None, doc_id: str = "article", html: bool | None = None
            ) -> Article:
    """Process one article given as text or as an HTML page (recognised by its start, or
    say ``html=True``). ``published`` (ISO date) anchors relative dates; without it the
    date the page states is used. Raises :class:`marsad.errors.ArticleFailed` (its
    ``code`` says why) when the article cannot be processed."""
    from .export.jsonl import doc_to_record

    raw = _raw(text_or_html, doc_id=doc_id, published=published, url=url, outlet=outlet,
               html=html)
    out = _pipeline().process_safe(raw)
    if isinstance(out, Failure):
        raise ArticleFailed(out.reason, code=out.code)
    return Article(doc_to_record(out))


def extract_many(items: Iterable[str | Mapping[str, Any]], *, jobs: int = 1,
                 progress: bool = False) -> Iterator[Article | Failure]:
    """Process many articles, in input order. Each item is a str (text or HTML) or a
    mapping in the input format of ``marsad extract`` for JSON Lines (``text`` or ``html``,
    and optionally ``id``, ``published``, ``url``, ``outlet``). An article that cannot be
    processed is yielded as a :class:`marsad.doc.Failure` (``doc_id``, ``reason``,
    ``code``) and the others go on. ``jobs`` > 1 uses that many worker processes;
    ``progress`` shows a bar (in a notebook too)."""
    from tqdm.auto import tqdm

    from .batch import record

    def raws() -> Iterator[RawArticle | Failure]:
        for n, item in enumerate(items, 1):
            try:
                yield _item(item, n)
            except (TypeError, ValueError) as e:
                yield Failure(f"article-{n}", None, "ingest", str(e), IngestError.code)

    total = len(items) if isinstance(items, Sized) else None
    with tqdm(total=total, disable=not progress, unit="article") as bar:
        # the workers return records, not Docs (issue #19)
        for out in _pipeline().pipe(raws(), n_process=jobs, finish=record):
            bar.update(1)
            yield out if isinstance(out, Failure) else Article(out)


def _item(item: str | Mapping[str, Any], n: int) -> RawArticle:
    if isinstance(item, str):
        return _raw(item, doc_id=f"article-{n}", published=None, url=None, outlet=None)
    if not isinstance(item, Mapping):
        raise TypeError(f"article {n}: expected str or a mapping, got {type(item).__name__}")
    body = item.get("html") if item.get("html") is not None else item.get("text")
    if not isinstance(body, str):
        raise ValueError(f"article {n}: needs a 'text' or 'html' string")
    return _raw(body, doc_id=str(item.get("id") or f"article-{n}"),
                published=item.get("published"), url=item.get("url"),
                outlet=item.get("outlet"), html=item.get("html") is not None or None)


def open_store(url_or_path: str, *, create: bool = False) -> Any:
    """The store at a SQLite path or a ``postgresql://`` URL (see :func:`marsad.store.open_store`):
    use it in a ``with`` block; ``events_frame()`` and ``stories_frame()`` give pandas
    DataFrames (extra ``frames``). A missing store is an error unless ``create``."""
    from .store import open_store as _open

    return _open(url_or_path, create=create)
