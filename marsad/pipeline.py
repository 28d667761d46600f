"""The pipeline: a raw article becomes a Doc, then small named components annotate it.

Each component declares what it ``requires`` and what it ``assigns``; building a pipeline
checks the chain, so a component can never run before what it reads exists. Components do
not import each other; they share read-only resources (knowledge base, matchers) through
:class:`Resources`. Every per-article step is a pure function of one document, so a batch
engine can map :meth:`Pipeline.process` over partitions.
"""

from __future__ import annotations

import gc
import itertools
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from .budget import Budget, Overtime, enforced, resolve_seconds
from .doc import DateValue, Doc, Failure, Removal, Source
from .errors import (
    ComponentError,
    ExtraMissing,
    IngestError,
    MarsadError,
    OvertimeError,
    PipelineError,
)
from .ingest import RawArticle

log = logging.getLogger(__name__)


class Resources:
    """Read-only resources shared by components, built lazily once per pipeline."""

    @cached_property
    def kb(self):  # type: ignore[no-untyped-def]
        from .kb import default_kb

        return default_kb()

    @cached_property
    def matcher(self):  # type: ignore[no-untyped-def]
        from .ner.matcher import AliasMatcher

        return AliasMatcher(self.kb, common_words=self.common_words)

    @cached_property
    def triggers(self):  # type: ignore[no-untyped-def]
        from .events.triggers import default_triggers

        return default_triggers()

    @cached_property
    def capitals(self) -> dict[str, str]:
        """Capital city key -> country key, from the countries of the knowledge base."""
        return {e.capital: e.key for e in self.kb.entries.values()
                if e.capital and e.type == "GPE"}

    @cached_property
    def demonyms(self) -> dict[str, str]:
        """Nisba key (روسي، روسيه، روس) -> country key."""
        out = {k: e.key for k, e in self.kb.demonyms.items()}
        return out

    @cached_property
    def reporters(self) -> frozenset[str]:
        """Media outlets, news agencies, think tanks and monitors (``kind`` in the knowledge
        base): they tell and assess events, they do not act in them."""
        return frozenset(e.key for e in self.kb.entries.values()
                         if e.extra.get("kind") in ("media", "think_tank"))

    @cached_property
    def located_in(self) -> dict[str, str]:
        """Place key (a city, site or region) -> the key of the country it lies in
        (``country`` in the knowledge base; states themselves have none)."""
        return {e.key: e.country for e in self.kb.entries.values()
                if e.type in ("GPE", "FAC", "LOC") and e.country}

    @cached_property
    def event_maps(self) -> dict[str, Any]:
        """The knowledge maps :func:`marsad.events.extract_events` takes, by keyword."""
        return {"capitals": self.capitals, "demonyms": self.demonyms,
                "reporters": self.reporters, "nationals": self.nationals,
                "located_in": self.located_in, "armies": self.armies}

    @cached_property
    def armies(self) -> dict[str, str]:
        """Army key -> the key of the state it serves: the bodies named "الجيش …" or
        "القوات …" with a ``country`` (not an air force or navy), so that a nisba'd unit
        ("الطائرات الإسرائيلية") can stand for the army the article names."""
        return {e.key: e.country for e in self.kb.entries.values()
                if e.type == "ORG" and e.country
                and e.name_ar.split()[:1] in (["الجيش"], ["القوات"])
                and not {"الجوية", "البحرية"} & set(e.name_ar.split())}

    @cached_property
    def nationals(self) -> dict[str, str]:
        """Person key -> the key of the country the person serves (``country`` in the
        knowledge base)."""
        return {e.key: e.country for e in self.kb.entries.values()
                if e.type == "PER" and e.country}

    @cached_property
    def common_words(self) -> frozenset[str]:
        """Frequent Arabic words (match keys) that are not names."""
        from .data import common_words

        return common_words()

    @cached_property
    def filing_lookups(self):  # type: ignore[no-untyped-def]
        """What the dateline grammar asks of the knowledge base (text/filing.py)."""
        from .text.filing import kb_lookups

        return kb_lookups(self.kb, self.common_words)

    @cached_property
    def lexicon(self) -> frozenset[str]:
        """Known words (names and common words) that the clitic splitter may trust."""
        return self.kb.words | self.common_words


ComponentFn = Callable[[Doc, Resources], None]


@dataclass(frozen=True)
class Component:
    name: str
    fn: ComponentFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str = ""


REGISTRY: dict[str, Component] = {}


def component(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
              ) -> Callable[[ComponentFn], ComponentFn]:
    """Register a pipeline component under ``name``."""

    def deco(fn: ComponentFn) -> ComponentFn:
        REGISTRY[name] = Component(name, fn, tuple(requires), tuple(assigns),
                                   (fn.__doc__ or "").strip().split("\n")[0])
        return fn

    return deco


# What a freshly made Doc already has.
BASE_ATTRS = ("text", "published", "title", "removals", "dateline")
DEFAULT_COMPONENTS = ("sentences", "tokens", "dates", "filing", "entities", "events")


# -- making the Doc ----------------------------------------------------------------------

def make_doc(article: RawArticle) -> Doc:
    """Clean the raw article (text rules, or HTML extraction) into a Doc."""
    from .clean.text_rules import clean_text

    published: date | None = _iso(article.published)
    source = "input" if published else None
    title = None
    url, outlet = article.url, article.outlet
    if article.kind == "html":
        from .clean.html import clean_html

        try:
            page = clean_html(article.content, url=url)
        except ExtraMissing as e:
            raise ExtraMissing(f"skipped: {e}", path=article.path or article.doc_id) from None
        if page.error:
            raise IngestError(f"HTML extraction failed: {page.error}",
                              path=article.path or article.doc_id)
        cleaned = page.cleaned
        _check_length(len(cleaned.text), article)
        title = page.title
        if published is None and _iso(page.published):
            published, source = _iso(page.published), "html-meta"
        outlet = outlet or page.sitename
        url = url or page.url
    else:
        _check_length(len(article.content), article)
        cleaned = clean_text(article.content)
    if not cleaned.text.strip():
        raise IngestError("no article text left after removing page furniture",
                          path=article.path or article.doc_id)
    doc = Doc(
        article.doc_id, cleaned.text, source=Source(article.path, url, outlet),
        title=title or cleaned.title, published=published, raw=article.content,
        removals=[Removal(r.start, r.end, r.rule, r.text) for r in cleaned.removals],
    )
    doc.published_source = source
    if published is None and cleaned.published is not None:
        doc.published = cleaned.published.date
        doc.published_source = cleaned.published.source
        doc.published_ambiguous = cleaned.published.ambiguous
    if cleaned.dateline:
        at = cleaned.text.find(cleaned.dateline)
        if at >= 0:
            from .doc import Span

            doc.dateline = Span(at, at + len(cleaned.dateline))
    return doc


def _check_length(n: int, article: RawArticle) -> None:
    from .ingest import MAX_TEXT_CHARS

    if n > MAX_TEXT_CHARS:
        raise IngestError(f"too long for one article ({n:,} characters of text; the limit is "
                          f"{MAX_TEXT_CHARS:,}): split it into articles",
                          path=article.path or article.doc_id)


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# -- components ----------------------------------------------------------------------------

@component("sentences", requires=("text",), assigns=("sentences",))
def _sentences(doc: Doc, res: Resources) -> None:
    """Sentence spans (punctuation, quotes, line breaks, abbreviations)."""
    from .text.segment import sentence_spans

    doc.set_sentences(sentence_spans(doc.text))


@component("tokens", requires=("text",), assigns=("tokens",))
def _tokens(doc: Doc, res: Resources) -> None:
    """Tokens with clitic words, split where the lexicon knows the stem."""
    from .text.segment import tokenize_keyed

    lex = res.lexicon
    doc.set_tokens(*tokenize_keyed(doc.text, lex.__contains__))


@component("dates", requires=("sentences", "published"), assigns=("dates",))
def _dates(doc: Doc, res: Resources) -> None:
    """Every date expression, resolved against the publication date the cleaner read."""
    from .text.dates import find_dates

    out: list[DateValue] = []
    for s in doc.sentences:
        chunk = doc.text[s.start : s.end]
        for m in find_dates(chunk, ref=doc.published):
            out.append(DateValue(s.start + m.start, s.start + m.end, m.text, m.first, m.last,
                                 m.precision))
    if doc.published is None:
        out = weekdays_by_stated_days(out)
    doc.set_dates(out)


def weekdays_by_stated_days(dates: list[DateValue]) -> list[DateValue]:
    """In an article with no publication date, a weekday ("السبت") is the one day the
    article states in full that falls on it ("… القاهرة، 12 نوفمبر 2011 … قررت الجامعة،
    السبت، …": 12 November 2011 was a Saturday): the text gives the year itself
    (annotation.md, event dates). Two stated days on that weekday leave it unresolved."""
    from dataclasses import replace

    from .text.dates import find_dates

    days = sorted({d.first for d in dates if d.first is not None and d.first == d.last
                   and d.precision == "day"})
    if not days:
        return dates
    out = []
    for d in dates:
        if d.first is None and d.precision == "day":
            # the weekday read against each stated day names that very day, or it does not
            fits = [day for day in days
                    if [(m.first, m.last) for m in find_dates(d.text, ref=day)] == [(day, day)]]
            if len(fits) == 1:
                d = replace(d, first=fits[0], last=fits[0])
        out.append(d)
    return out


@component("filing", requires=("sentences", "dates"), assigns=("filing",))
def _filing(doc: Doc, res: Resources) -> None:
    """Filing-place datelines at paragraph starts ("موسكو - "، "الرباط (أ ف ب) -")."""
    from .text.filing import find_filings

    doc.set_filing(find_filings(doc, res.filing_lookups))


@component("entities", requires=("sentences", "tokens", "filing"),
           assigns=("mentions", "entities"))
def _entities(doc: Doc, res: Resources) -> None:
    """Knowledge-base and pattern mentions, coreference, entities."""
    from .ner import build_entities, recognise

    mentions = recognise(doc, res.kb, res.matcher)
    entities = build_entities(mentions, res.kb)
    doc.set_mentions(m for e in entities for m in e.mentions)
    doc.set_entities(entities)


@component("events", requires=("sentences", "tokens", "entities", "dates"), assigns=("events",))
def _events(doc: Doc, res: Resources) -> None:
    """PLOVER events with participants, place, date, source, certainty, evidence."""
    from .events import extract_events

    doc.set_events(extract_events(doc, res.triggers, **res.event_maps))


# -- the pipeline ----------------------------------------------------------------------------

@dataclass
class Pipeline:
    names: tuple[str, ...] = DEFAULT_COMPONENTS
    resources: Resources = field(default_factory=Resources)
    # seconds one article may take in process_safe / pipe (0: no limit); None reads
    # $MARSAD_ARTICLE_SECONDS, else the default of marsad.budget
    article_seconds: float | None = None

    def __post_init__(self) -> None:
        self.article_seconds = resolve_seconds(self.article_seconds)
        self._warmed = False  # (warm_up freezes what it loads the first time only)
        have = set(BASE_ATTRS)
        self.components: list[Component] = []
        for name in self.names:
            comp = REGISTRY.get(name)
            if comp is None:
                raise PipelineError(f"unknown component {name!r}; known: {sorted(REGISTRY)}")
            missing = [r for r in comp.requires if r not in have]
            if missing:
                raise PipelineError(f"component {name!r} requires {missing}, which no earlier "
                                    "component assigns")
            have.update(comp.assigns)
            self.components.append(comp)

    def warm_up(self) -> None:
        """Load every data file now: timings of the first article are fair, and a malformed
        file stops the run before any article instead of failing each one.

        The tables loaded live as long as the process; they are built with the cyclic
        collector paused and then frozen (marsad.gcpause), so the collections that every
        article's garbage triggers no longer walk them: on the extract benchmark those
        walks were about 5% of the CPU time of extracting unseen articles. Only the first
        warm-up freezes: pipe() warms up again on every call, and freezing then would keep
        whatever the caller's process holds out of the collector's sight."""
        if self._warmed:
            self._load_everything()  # (all loaded already: the warm-up article only)
            return
        from .gcpause import paused

        with paused():
            self._load_everything()
            gc.collect()  # the warm-up article's reference cycles are freed, not frozen
        self._warmed = True

    def _load_everything(self) -> None:
        from .clean.text_rules import load_rules
        from .text.dates import find_dates

        load_rules()
        find_dates("1 مايو 2025")
        from .text.segment import _wrap_words

        _wrap_words()  # (read on the first wrapped line of the first article otherwise)
        _ = self.resources.kb, self.resources.matcher, self.resources.triggers
        _ = self.resources.lexicon, self.resources.capitals, self.resources.demonyms
        _ = self.resources.reporters
        _ = self.resources.nationals, self.resources.filing_lookups
        from .text.filing import agency_keys

        agency_keys()  # the publication-date finder reads the agencies too
        try:  # the HTML extractor, when the extra is installed: a heavy first import
            import trafilatura  # noqa: F401
        except ImportError:
            pass
        # one short article through every component: each recogniser loads its word lists
        # on first use, and the first real article should not pay for that
        self.process(RawArticle("warm-up", _WARM_UP_TEXT, "text"))

    def process(self, article: RawArticle, *, budget: Budget | None = None) -> Doc:
        """Run cleaning and every component on one article (raises on failure). With a
        ``budget``, its deadline is checked between components (see marsad.budget)."""
        doc = make_doc(article)
        for comp in self.components:
            if budget is not None:
                budget.check()
                budget.stage = f"component {comp.name!r}"
            try:
                comp.fn(doc, self.resources)
            except MarsadError:
                raise
            except Exception as e:  # a component bug must not end the batch
                raise ComponentError(f"component {comp.name!r} failed: {type(e).__name__}: {e}",
                                     path=article.path or article.doc_id) from e
        if budget is not None:
            budget.check()
        return doc

    def process_safe(self, item: RawArticle | Failure) -> Doc | Failure:
        """:meth:`process` under the article's time budget, with every failure (an error,
        a bug, the budget spent) turned into a Failure record: it never raises for one
        article."""
        if isinstance(item, Failure):
            return item
        t0 = time.perf_counter()
        budget = Budget(float(self.article_seconds or 0))
        try:
            with enforced(budget):
                doc = self.process(item, budget=budget)
        except Overtime:
            return self._failed(item, OvertimeError(
                f"over the time budget of {budget.seconds:g} s of CPU per article (stopped in "
                f"{budget.stage}; set --article-seconds or $MARSAD_ARTICLE_SECONDS)",
                path=item.path or item.doc_id))
        except MarsadError as e:
            return self._failed(item, e)
        except Exception as e:  # cleaning is outside the components' guard: a bug there too
            log.exception("%s: unexpected error", item.doc_id)
            return self._failed(item, ComponentError(
                f"unexpected error in {budget.stage}: {type(e).__name__}: {e}",
                path=item.path or item.doc_id))
        doc.meta["seconds"] = time.perf_counter() - t0
        return doc

    @staticmethod
    def _failed(item: RawArticle, e: MarsadError) -> Failure:
        stage = "ingest" if isinstance(e, IngestError) else "pipeline"
        log.info("%s failed: %s", item.doc_id, e)  # the caller reports it (the CLI prints it)
        return Failure(item.doc_id, item.path, stage, str(e), e.code)

    def finish_safe(self, item: RawArticle | Failure, finish: Finish | None) -> Any:
        """:meth:`process_safe`, then ``finish`` of the article and its Doc (what a caller
        keeps of it: rows for the store, a JSON line); ``finish`` returns a Failure for an
        article it cannot finish."""
        res = self.process_safe(item)
        if finish is None or isinstance(res, Failure):
            return res
        assert isinstance(item, RawArticle)  # a Failure stays a Failure
        return finish(item, res)

    def pipe(self, items: Iterable[RawArticle | Failure], *, batch_size: int = 32,
             n_process: int = 1, finish: Finish | None = None) -> Iterator[Any]:
        """Process a stream in input order; failures are yielded in place, never raised.
        Yields Docs, or what ``finish`` (a module-level function, so that worker processes
        can be given it) makes of each article and its Doc.

        With ``n_process`` > 1 the articles go in batches of ``batch_size`` to worker
        processes, each with its own pipeline and resources, loaded once; results keep
        input order. The input is read lazily, at most ``IN_FLIGHT`` batches a worker
        ahead of the results taken (issue #19: memory does not grow with the corpus), and
        always in the caller's thread (a generator reading a database stays in its own
        thread).
        """
        if n_process <= 1:
            for item in items:
                yield self.finish_safe(item, finish)
            return
        import multiprocessing as mp

        batches = _batched(items, batch_size)
        first = next(batches, None)
        if first is None:  # nothing to do: no worker is started, no data loaded
            return
        fork = "fork" in mp.get_all_start_methods()
        global _FORKED
        if fork:
            # loaded once here, the workers share it (forked): each worker loading it again
            # cost 1.2 s of CPU each (issue #19)
            self.warm_up()
            _FORKED = self
        ctx = mp.get_context("fork" if fork else "spawn")
        try:
            with ctx.Pool(n_process, initializer=_worker_init,
                          initargs=(self.names, self.article_seconds, finish)) as pool:
                yield from _in_order(pool, itertools.chain([first], batches), n_process)
        finally:
            _FORKED = None


def _in_order(pool: Any, batches: Iterator[list[RawArticle | Failure]], n_process: int
              ) -> Iterator[Any]:
    """The results of ``batches`` mapped in ``pool``, in input order, with at most
    IN_FLIGHT batches a worker queued."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(pool.apply_async(_worker_batch, (batch,)))
        if len(pending) >= IN_FLIGHT * n_process:
            yield from pending.popleft().get()
    while pending:
        yield from pending.popleft().get()


Finish = Callable[[RawArticle, Doc], Any]
# batches queued per worker process: enough that no worker waits for the parent, few
# enough that the articles read ahead stay a small fixed number
IN_FLIGHT = 3

# Team-written: a sentence with a title, a court, an airport, a mountain, a body and a date.
_WARM_UP_TEXT = ("القاهرة - قال الرئيس في مؤتمر صحفي يوم 12 مايو 2024 إن محكمة النقض ووزارة "
                 "الخارجية وحزب التقدم اتفقوا على افتتاح مطار جديد قرب جبل الشيخ.")

_WORKER: Pipeline | None = None
_FINISH: Finish | None = None
_FORKED: Pipeline | None = None  # the parent's pipeline, seen by forked workers


def _worker_init(names: tuple[str, ...], article_seconds: float | None,
                 finish: Finish | None = None) -> None:
    global _WORKER, _FINISH
    if _FORKED is not None and _FORKED.names == names \
            and _FORKED.article_seconds == article_seconds:
        _WORKER = _FORKED  # forked from a parent that loaded everything already
    else:
        _WORKER = Pipeline(names, article_seconds=article_seconds)
        _WORKER.warm_up()
    _FINISH = finish


def _worker_batch(batch: list[RawArticle | Failure]) -> list[Any]:
    assert _WORKER is not None
    return [_WORKER.finish_safe(item, _FINISH) for item in batch]


def _batched(items: Iterable[RawArticle | Failure], n: int) -> Iterator[list[RawArticle |
                                                                               Failure]]:
    batch: list[RawArticle | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch
