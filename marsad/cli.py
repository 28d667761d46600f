"""The command line: the one place in Marsad that prints."""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO, TypeVar

from . import __version__
from .doc import PLOVER_TYPES, Doc, Failure
from .errors import MarsadError

if TYPE_CHECKING:
    from .ingest import RawArticle, Skipped
    from .store import Store
    from .store.rows import ArticleRows

T = TypeVar("T")

DEMO_DIR = Path(__file__).resolve().parent / "data" / "demo"


class Progress:
    """A progress bar (tqdm) on a terminal; silent when stderr is not one."""

    def __init__(self, total: int | None, stream: TextIO, enabled: bool) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, file=stream, disable=not enabled, unit="article",
                        dynamic_ncols=True, leave=True)

    def step(self, label: str) -> None:
        self.bar.update(1)
        if not self.bar.disable:
            self.bar.set_postfix_str(label[:30], refresh=False)

    def close(self) -> None:
        self.bar.close()


class ExtractRun(NamedTuple):
    n_extracted: int
    failures: list[Failure]
    seconds: float
    docs: list[Doc]  # only with keep_docs (marsad demo)


def _run_extract(paths: Sequence[str], output: str | None, *, jobs: int = 1,
                 article_seconds: float | None = None,
                 skipped: list[Skipped] | None = None, explain: bool = False,
                 keep_docs: bool = False) -> ExtractRun:
    """Extract the inputs to ``output``, streaming: articles are read, processed and written
    one batch at a time, and only the failures (and with ``keep_docs`` the Docs) are kept."""
    from .batch import Extracted, extracted, extracted_explained, extracted_with_doc
    from .export.jsonl import AtomicJsonlWriter
    from .ingest import read_paths
    from .pipeline import Pipeline

    t0 = time.perf_counter()
    items = read_paths(paths, skipped=skipped)
    pipeline = Pipeline(article_seconds=article_seconds)
    if jobs <= 1:
        pipeline.warm_up()  # load data files now: a malformed one stops the run at once
    finish = extracted_with_doc if keep_docs else extracted_explained if explain else extracted
    docs: list[Doc] = []
    failures: list[Failure] = []
    n_ok = 0
    progress = Progress(None, sys.stderr, enabled=sys.stderr.isatty())
    writer = AtomicJsonlWriter(output) if output else None
    try:
        for res in pipeline.pipe(items, n_process=jobs if not keep_docs else 1, finish=finish):
            progress.step(res.doc_id)
            if isinstance(res, Failure):
                failures.append(res)
                continue
            assert isinstance(res, Extracted)
            n_ok += 1
            if writer:
                writer.write_line(res.line)
            if res.explanation is not None:
                print(res.explanation, end="\n\n")
            if res.doc is not None:
                docs.append(res.doc)
    except BaseException:
        if writer:
            writer.abort()
        raise
    finally:
        progress.close()
    if writer and n_ok:
        writer.commit()
    elif writer:  # an empty output would read as "nothing in these articles"
        writer.abort()
        print(f"nothing extracted: {output} not written", file=sys.stderr)
    return ExtractRun(n_ok, failures, time.perf_counter() - t0, docs)


def _print_skipped(skipped: Sequence[Skipped]) -> None:
    for s in skipped:
        print(f"skipped: {s.path}: {s.reason}", file=sys.stderr)


def _skipped_note(skipped: Sequence[Skipped]) -> str:
    return f", {len(skipped)} path(s) skipped" if skipped else ""


def cmd_extract(args: argparse.Namespace) -> int:
    skipped: list[Skipped] = []
    n_ok, failures, secs, _ = _run_extract(
        args.paths, args.output, jobs=args.jobs, article_seconds=args.article_seconds,
        skipped=skipped, explain=args.explain)
    for f in failures:
        print(f"failed: {f.reason}", file=sys.stderr)
    _print_skipped(skipped)
    print(f"{n_ok + len(failures)} articles, {n_ok} extracted, {len(failures)} failed"
          f"{_skipped_note(skipped)}, {secs:.2f} s"
          + (f" -> {args.output}" if n_ok else ""), file=sys.stderr)
    if not n_ok and failures:
        return 1
    return 0


EVAL_PROTOCOLS = ("heldout", "all-participants")


def cmd_eval(args: argparse.Namespace) -> int:
    from .eval.gold import GoldError
    from .eval.report import format_report
    from .eval.scorer import SystemOutputError, evaluate

    try:
        report = evaluate(args.system, args.gold, protocol=args.protocol)
    except GoldError as e:
        print(f"error: gold file invalid: {e}", file=sys.stderr)
        return 2
    except SystemOutputError as e:
        print(f"error: system output invalid: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, per_doc=args.per_doc))
    return 0


def _demo_paths() -> list[Path]:
    return sorted(p for p in DEMO_DIR.iterdir()
                  if p.suffix in (".txt", ".html", ".htm", ".jsonl"))


def _fmt_date(ev: dict) -> str:
    d = ev.get("date")
    if not d:
        return "(undated)"
    return d["start"] if d["start"] == d["end"] else f"{d['start']}..{d['end']}"


def _snippet(ev: dict, width: int = 160) -> str:
    """The evidence sentence, cut around the trigger when it is long."""
    text = ev["evidence"]["text"]
    if len(text) <= width:
        return text
    trig = ev.get("trigger")
    at = trig["start"] - ev["evidence"]["start"] if trig else 0
    lo = max(0, min(at - width // 3, len(text) - width))
    return ("…" if lo else "") + text[lo : lo + width] + ("…" if lo + width < len(text) else "")


def cmd_demo(args: argparse.Namespace) -> int:
    from .export.jsonl import doc_to_record

    if args.path:
        print(DEMO_DIR)
        return 0
    paths = _demo_paths()
    if not paths:
        print(f"error: no demo articles in {DEMO_DIR}", file=sys.stderr)
        return 1
    out = args.output
    _, failures, secs, docs = _run_extract([str(p) for p in paths], out, keep_docs=True)
    print(f"Marsad demo: {len(docs)} articles read in {secs:.2f} s "
          f"({len(failures)} failed){' -> ' + out if out else ''}\n")
    by_type: dict[str, dict[str, tuple[str, str | None, int]]] = {}
    events: list[tuple[str, str, dict]] = []
    for d in docs:
        rec = doc_to_record(d)
        for e in rec["entities"]:
            key = e["kb_id"] or e["name"]
            prev = by_type.setdefault(e["type"], {}).get(key)
            n = (prev[2] if prev else 0) + len(e["mentions"])
            by_type[e["type"]][key] = (e["name"], e["name_en"], n)
        for ev in rec["events"]:
            events.append((_fmt_date(ev), rec["doc_id"], ev))
    print("Entities by type (English name / Arabic name, mentions):")
    for t in ("PER", "ORG", "GPE", "LOC", "FAC"):
        items = sorted(by_type.get(t, {}).values(), key=lambda x: -x[2])
        if not items:
            continue
        shown = ", ".join(f"{en or '?'} / {ar} ({n})" for ar, en, n in items[:12])
        more = f" … +{len(items) - 12}" if len(items) > 12 else ""
        print(f"  {t} ({len(items)}): {shown}{more}")
    print(f"\nEvents in date order ({len(events)}):")
    for when, doc_id, ev in sorted(events, key=lambda x: (x[0] == "(undated)", x[0])):
        print(f"  {when:<23} {ev['type']:<9} {ev['summary_en']} ({doc_id})")
        print(f"      «{_snippet(ev)}»")
    for f in failures:
        print(f"failed: {f.reason}", file=sys.stderr)
    db = args.db or str(_demo_db())
    try:
        n = _store_demo(paths, docs, failures, db)
    except MarsadError as e:  # the printout above stands; only the workbench store failed
        print(f"\nThe demo store could not be written ({e}); the workbench needs one: "
              f"marsad ingest {DEMO_DIR} --db demo.db", file=sys.stderr)
        return 0
    print(f"\nStored {n} articles in {db}. Open the analyst's workbench (timeline, map, "
          f"network, evidence) with:\n\n    marsad serve --db {db}\n\nthen browse "
          f"http://127.0.0.1:8000/ (needs the \"web\" extra; see the README).")
    return 0


def _demo_db() -> Path:
    """Where ``marsad demo`` keeps its store: the user's cache folder, not the current one."""
    import os

    base = os.environ.get("MARSAD_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "marsad")
    return Path(base) / "demo.db"


def _store_demo(paths: Sequence[Path], docs: list[Doc], failures: list[Failure],
                db: str) -> int:
    """Put the demo's processed articles into the store ``db`` (created, or updated in place:
    unchanged articles are skipped), so the workbench can be opened on it."""
    from .ingest import RawArticle, read_paths
    from .store import open_store

    Path(db).expanduser().parent.mkdir(parents=True, exist_ok=True)
    by_id = {d.doc_id: d for d in docs}
    n = 0
    with open_store(Path(db).expanduser()) as store, store.batch():
        for raw in read_paths([str(p) for p in paths]):
            if isinstance(raw, RawArticle) and raw.doc_id in by_id:
                store.put(raw, by_id[raw.doc_id])
                n += 1
        for f in failures:
            store.put_failure(f)
    return n


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the workbench (API and pages) over a store until interrupted."""
    import os

    from .api import WebExtraMissing, create_app

    try:
        from .api import server
        from .api.security import TOKEN_ENV, allowed_hosts, token_problem
    except ImportError as e:
        raise WebExtraMissing('marsad serve needs the "web" extra: pip install -e ".[web]"') \
            from e
    token = args.token or os.environ.get(TOKEN_ENV) or None
    if token and (problem := token_problem(token)):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    hosts = allowed_hosts(args.allow_host, bind=args.host)
    if problem := server.check_port(args.host, args.port):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    app = create_app(args.db, refresh_seconds=args.refresh, hosts=hosts, token=token)
    idx = app.state.holder.get()
    print(f"Marsad workbench: {len(idx.articles)} articles, {len(idx.stories)} stories, "
          f"{len(idx.entities)} entities indexed in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    _serve_notes(args.host, hosts, token)
    print(f"open http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/"
          f"{'?token=…' if token else ''} (Ctrl-C stops)", file=sys.stderr)
    server.run(app, host=args.host, port=args.port, max_connections=args.max_connections,
               head_timeout=args.request_timeout, idle_timeout=args.idle_timeout)
    return 0


def _serve_notes(bind: str, hosts: frozenset[str], token: str | None) -> None:
    """What an operator should know before the server listens."""
    from .web import vendor_status

    if not vendor_status()["ok"]:
        print("note: the charts' JavaScript libraries are not built (npm ci && npm run build); "
              "the pages serve their tables without them", file=sys.stderr)
    if bind not in ("127.0.0.1", "localhost", "::1"):
        print(f"note: listening on {bind}: other machines can reach the workbench",
              file=sys.stderr)
        if not token:
            print("warning: no token: anyone who can reach this address can read the whole "
                  "corpus; set --token or MARSAD_TOKEN (see the README, 'A workbench for a "
                  "team')", file=sys.stderr)
    if "*" in hosts:
        print("warning: --allow-host '*': any Host is answered (DNS rebinding can read the "
              "corpus from a web page)", file=sys.stderr)
    else:
        print(f"answering Host names: {', '.join(sorted(hosts))}", file=sys.stderr)


# -- the corpus store: ingest, reprocess, search ---------------------------------------------

def _chunks(it: Iterator[T], n: int) -> Iterator[list[T]]:
    from itertools import islice

    while chunk := list(islice(it, max(1, n))):
        yield chunk


def cmd_ingest(args: argparse.Namespace) -> int:
    """Process the inputs into the store, one transaction per batch. Inputs whose raw text is
    already stored unchanged are skipped before the pipeline runs, so a run killed at any
    point and started again redoes only the batch it was in: nothing lost, nothing doubled."""
    from .ingest import RawArticle, read_paths
    from .store import open_store

    t0 = time.perf_counter()
    if args.engine == "ray":
        from .ray_engine import need_ray

        need_ray()  # before a store is created: without Ray nothing is done
    counts = {"added": 0, "unchanged": 0, "replaced": 0, "failed": 0}
    skipped: list[Skipped] = []
    items = read_paths(args.paths, skipped=skipped)
    head = _until_readable(items)
    if not _is_new_store(args.db) or any(isinstance(i, RawArticle) for i in head):
        items = itertools.chain(head, items)
    else:  # nothing readable: no new, empty database is left behind
        for f in head:
            print(f"failed: {getattr(f, 'reason', f)}", file=sys.stderr)
        _print_skipped(skipped)
        print(f"nothing to store: {args.db} not created", file=sys.stderr)
        return 1
    with open_store(args.db) as store:  # a bad database stops the run before any work
        _ingest_into(store, items, args, counts)
    total = sum(counts.values())
    _print_skipped(skipped)
    print(f"{total} articles: {counts['added']} added, {counts['unchanged']} unchanged, "
          f"{counts['replaced']} replaced, {counts['failed']} failed{_skipped_note(skipped)}, "
          f"{time.perf_counter() - t0:.2f} s -> {args.db}", file=sys.stderr)
    return 1 if counts["failed"] and total == counts["failed"] else 0


def _ingest_into(store: Store, items: Iterator[RawArticle | Failure], args: argparse.Namespace,
                 counts: dict[str, int]) -> None:
    """Process and store ``items`` a batch at a time (one transaction each), streaming: the
    input is read as the workers need it and nothing of a stored batch is kept."""
    from .batch import stored_rows
    from .pipeline import Pipeline

    pipeline = Pipeline(article_seconds=args.article_seconds)
    todo = _changed(store, items, counts, args.batch_size)
    jobs = args.jobs or 1  # (None: not given; Ray then sizes its own pool)
    if jobs <= 1 and args.engine != "ray":
        todo = _warmed_up(pipeline, todo)
    progress = Progress(None, sys.stderr, enabled=sys.stderr.isatty())
    if args.engine == "ray":
        from .ray_engine import ray_pipe

        results = ray_pipe(pipeline, todo, batch_size=args.batch_size, finish=stored_rows,
                           actors=args.jobs)
    else:
        results = pipeline.pipe(todo, batch_size=args.batch_size, n_process=jobs,
                                finish=stored_rows)
    try:
        for chunk in _chunks(results, args.batch_size):
            with store.batch():
                for rows, failure in _runs(chunk):
                    for put in store.put_many(rows):
                        counts[put] += 1
                    if failure is not None:
                        store.put_failure(failure)
                        counts["failed"] += 1
                        print(f"failed: {failure.reason}", file=sys.stderr)
            for res in chunk:
                progress.step(res.doc_id)
    finally:
        progress.close()


def _runs(chunk: list[Any]) -> Iterator[tuple[list[ArticleRows], Failure | None]]:
    """The articles of ``chunk`` in runs ended by a failure (or the end), so that the store
    writes each run at once and everything lands in input order."""
    from .store.rows import ArticleRows

    run: list[ArticleRows] = []
    for res in chunk:
        if isinstance(res, Failure):
            yield run, res
            run = []
        else:
            assert isinstance(res, ArticleRows)
            run.append(res)
    if run:
        yield run, None


def _changed(store: Store, items: Iterator[RawArticle | Failure], counts: dict[str, int],
             batch_size: int) -> Iterator[RawArticle | Failure]:
    """``items`` but those whose raw input is stored unchanged (counted), checked a batch
    at a time, so a resumed run redoes only what it had not stored."""
    from .ingest import RawArticle
    from .store import content_hash

    for chunk in _chunks(items, batch_size):
        stored = store.stored_hashes([i.doc_id for i in chunk if isinstance(i, RawArticle)])
        for item in chunk:
            if isinstance(item, RawArticle) and stored.get(item.doc_id) == content_hash(item):
                counts["unchanged"] += 1
            else:
                yield item


def _warmed_up(pipeline: Any, items: Iterator[T]) -> Iterator[T]:
    """``items``, the pipeline's data loaded before the first (not at all when nothing is
    to be done: a re-run over a stored corpus stays quick)."""
    first = True
    for item in items:
        if first:
            pipeline.warm_up()
            first = False
        yield item


def _until_readable(items: Iterator[RawArticle | Failure]) -> list[RawArticle | Failure]:
    """The inputs up to and including the first readable article (all of them when none
    is)."""
    head: list[RawArticle | Failure] = []
    for item in items:
        head.append(item)
        if not isinstance(item, Failure):
            break
    return head


def _is_new_store(target: str) -> bool:
    """A SQLite store that does not exist yet (a server database is never "new" here)."""
    if "://" in target and not target.lower().startswith("sqlite:"):
        return False
    path = target.split("sqlite:///", 1)[-1] if target.lower().startswith("sqlite:") else target
    return not Path(path).exists()


def cmd_reprocess(args: argparse.Namespace) -> int:
    """Run the current pipeline over every stored raw input and replace the annotations. An
    article that now fails keeps its stored annotations; the failure is recorded."""
    from .batch import stored_rows
    from .pipeline import Pipeline
    from .store import open_store

    t0 = time.perf_counter()
    done = failed = 0
    with open_store(args.db, create=False) as store:
        pipeline = Pipeline(article_seconds=args.article_seconds)
        raws: Iterator[Any] = store.raw_articles()
        if args.jobs <= 1:
            raws = _warmed_up(pipeline, raws)
        results = pipeline.pipe(raws, batch_size=args.batch_size, n_process=args.jobs,
                                finish=stored_rows)
        for chunk in _chunks(results, args.batch_size):
            with store.batch():
                for rows, failure in _runs(chunk):
                    done += len(store.put_many(rows, force=True))
                    if failure is not None:
                        store.put_failure(failure)
                        failed += 1
                        print(f"failed (stored annotations kept): {failure.reason}",
                              file=sys.stderr)
    print(f"{done + failed} articles: {done} reprocessed, {failed} failed, "
          f"{time.perf_counter() - t0:.2f} s -> {args.db}", file=sys.stderr)
    return 1 if failed and not done else 0


def cmd_search(args: argparse.Namespace) -> int:
    """Articles holding every word (Arabic), or, for a query in Latin letters, the entities
    it names by English name or spelling with their articles and saved stories."""
    from .store import open_store
    from .text.latin import MAX_QUERY_CHARS, is_latin_query

    if not args.text.strip() or len(args.text) > MAX_QUERY_CHARS:
        print(f"error: the query must hold words and at most {MAX_QUERY_CHARS} characters "
              f"(got {len(args.text.strip())})", file=sys.stderr)
        return 2
    with open_store(args.db, create=False) as store:
        hits = store.search(args.text, limit=args.limit)
        ents = store.find_entities(args.text, limit=args.limit)
        stories = _stories_named(store, ents, args.limit)
    if args.json:
        print(json.dumps({
            "q": args.text, "match": "english-names" if is_latin_query(args.text)
            else "arabic-text", "articles": [{"doc_id": h.doc_id, "snippet": h.snippet}
                                             for h in hits],
            "entities": ents, "stories": stories}, ensure_ascii=False, indent=2))
    else:
        for h in hits:
            print(f"{h.doc_id}\t{h.snippet}")
        for e in ents:
            print(f"entity\t{e['key'] or e['kb_id'] or ''}\t{e['name_en']}\t"
                  f"{e['n_articles']} article(s)")
        for st in stories:
            d = st["date"] or {}
            print(f"story\t{st['id']}\t{st['type']}\t{d.get('start') or 'undated'}\t"
                  f"{', '.join(st['participant_names'])}")
        print(f"{len(hits)} article(s), {len(ents)} entit{'y' if len(ents) == 1 else 'ies'}, "
              f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}", file=sys.stderr)
    return 0 if hits or ents else 1


def _stories_named(store: Store, ents: list[dict[str, Any]], limit: int
                   ) -> list[dict[str, Any]]:
    """The saved stories whose participants and place include, for every word of the query,
    an entity matching it (from :meth:`Store.find_entities`); none when the store was never
    fused (``marsad fuse``: search does not fuse, it stays fast)."""
    if not ents or store.fusion_info() is None:
        return []
    words = {w for e in ents for w in e["words"]}
    by_key = {e["key"]: set(e["words"]) for e in ents if e["key"]}
    found: dict[str, dict[str, Any]] = {}
    for key in by_key:
        for s in store.stories(entity=key):
            got = set().union(*(by_key.get(k, set())
                                 for k in [*s["participants"], s.get("location")]))
            if got >= words:
                found[s["id"]] = s
    ranked = sorted(found.values(), key=lambda s: (-int(s["n_independent"]), s["id"]))
    out = []
    for s in ranked[:limit]:
        show = _shown(store, s)
        names = [show(k) for k in s["participants"]]
        out.append({f: s.get(f) for f in ("id", "type", "date", "participants", "location",
                                          "certainty", "n_independent")}
                   | {"participant_names": names})
    return out


def _entity_key(text: str) -> str:
    """``khalifa_haftar`` → ``kb:khalifa_haftar``; a full fusion key (``kb:…``, ``name:…``,
    ``doc:…``) is kept as it is."""
    return text if text.split(":", 1)[0] in ("kb", "name", "doc") else f"kb:{text}"


def _fused(store: Store, quiet: bool = False) -> None:
    """Fuse the store first when its saved fusion is missing or stale, saying so."""
    from .fuse import ensure_fused

    res = ensure_fused(store)
    if res is not None and not quiet and res.mode == "incremental":
        print(f"fused {res.n_added} new articles into the saved fusion: "
              f"{len(res.stories)} stories saved, {sum(res.timings.values()):.2f} s",
              file=sys.stderr)
    elif res is not None and not quiet:
        print(f"fused {res.n_articles} articles: {len(res.stories)} stories, "
              f"{len(res.entities)} entities, {sum(res.timings.values()):.2f} s",
              file=sys.stderr)


def cmd_fuse(args: argparse.Namespace) -> int:
    """Fuse the store (near-duplicates, entities, stories, profiles) and save it: only the
    articles added since the saved fusion when it can be extended, else (or ``--full``) all."""
    from .fuse import fuse_store
    from .store import open_store

    t0 = time.perf_counter()
    with open_store(args.db, create=False) as store:
        res = fuse_store(store, full=args.full)
    steps = ", ".join(f"{k} {v:.2f} s" for k, v in res.timings.items())
    took = f"{steps}; {time.perf_counter() - t0:.2f} s in all"
    if res.mode == "incremental":
        print(f"{res.n_added} articles added to the saved fusion of {res.n_articles}: "
              f"{res.n_region} saved stories re-clustered, {len(res.stories)} stories and "
              f"{len(res.entities)} entity profiles saved, {res.n_duplicate_groups} "
              f"near-duplicate groups ({took}) -> {args.db}", file=sys.stderr)
        return 0
    print(f"{res.n_articles} articles: {res.n_duplicate_groups} near-duplicate groups, "
          f"{len(res.stories)} stories, {len(res.entities)} entities ({took}) -> {args.db}",
          file=sys.stderr)
    return 0


def _shown(store: Store, story: dict) -> Callable[[str | None], str]:
    """A display name for a key of ``story``: English from the stored entity profile, else the
    Arabic name the story carries, else the key itself."""
    cache: dict[str, str] = {}

    def show(key: str | None) -> str:
        if key is None:
            return ""
        if key not in cache:
            prof = store.entity(key)
            cache[key] = ((prof or {}).get("name_en") or story["names"].get(key)
                          or key.split(":", 1)[-1])
        return cache[key]

    return show


def _when(d: dict | None) -> str:
    if not d:
        return "undated"
    return d["start"] if d["start"] == d["end"] else f"{d['start']}..{d['end']}"


def _story_filters(store: Store, args: argparse.Namespace) -> dict[str, Any]:
    """The filters checked and parsed as the API checks them, with the same messages (one
    date parser: a month or a year counts whole)."""
    from .api.params import BadParameter, date_bounds, parse_type

    since, until = date_bounds(args.since, args.until)
    entity = None
    if args.entity:
        entity = _entity_key(args.entity)
        if store.entity(entity) is None:
            raise BadParameter(f"no entity with key {args.entity!r} in this store (`marsad "
                               "entity NAME` finds an entity's key)", parameter="entity")
    return {"entity": entity, "type": parse_type(args.type),
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None}


def _who(story: dict, show: Callable[[str | None], str]) -> str:
    """Who acted on whom, as the workbench shows it: "Haftar → Putin"; sides that act alike
    (a clash, a meeting with no host named) are listed with commas."""
    from .fuse.stories import story_roles

    actors, targets = story_roles(story["members"])
    rest = [p for p in story["participants"] if p not in actors and p not in targets]
    if not actors or not targets:
        return ", ".join(show(p) for p in story["participants"])
    return (", ".join(show(a) for a in actors + rest) + " → "
            + ", ".join(show(t) for t in targets))


def cmd_stories(args: argparse.Namespace) -> int:
    from .fuse.keys import UNKNOWN_OUTLET
    from .store import open_store

    with open_store(args.db, create=False) as store:
        _fused(store, quiet=args.json)
        stories = store.stories(**_story_filters(store, args))
        if args.min_sources:
            stories = [s for s in stories if s["n_independent"] >= args.min_sources]
        if args.json:
            print(json.dumps(stories, ensure_ascii=False, indent=2))
            return 0
        for s in stories:
            show = _shown(store, s)
            who = _who(s, show)
            where = f" @ {show(s['location'])}" if s["location"] else ""
            print(f"{_when(s['date']):<23} {s['type']:<9} {who}{where}  [{s['certainty']}; "
                  f"{s['n_independent']} independent source(s): {', '.join(s['sources'])}]")
            for m in s["members"]:
                ev = m["evidence"]
                text = ev["text"] if isinstance(ev, dict) else str(ev)
                # an article of unknown outlet is named by its id alone
                outlet = f" ({m['outlet']})" if m["outlet"] not in (None, UNKNOWN_OUTLET) else ""
                print(f"    {m['doc_id']}{outlet}: «{text[:140]}»")
            for c in s["contradictions"]:
                sides = "; ".join(
                    f"{json.dumps(side['value'], ensure_ascii=False)} per "
                    f"{', '.join(side['sources'])}" for side in (c["a"], c["b"]))
                print(f"    ! contradiction on {c['kind']}: {sides}")
    print(f"{len(stories)} stories", file=sys.stderr)
    return 0


def cmd_entity(args: argparse.Namespace) -> int:
    """The profile of one entity across the store: names, type, place, mentions, articles, its
    stories in date order and the entities it shares stories with."""
    from .store import open_store

    key = _entity_key(args.key)
    with open_store(args.db, create=False) as store:
        _fused(store, quiet=args.json)
        prof = store.entity(key)
        if prof is None:
            print(f"no entity {key!r} in {args.db} (keys look like kb:khalifa_haftar or "
                  "name:PER:<name>)", file=sys.stderr)
            return 1
        stories = store.stories(entity=key)
        if args.json:
            out = dict(prof)
            out["stories"] = stories
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return 0
        en = prof.get("name_en") or ""
        print(f"{prof['key']}  {en}  ({prof['type']})")
        print(f"  names: {', '.join(prof['names'])}")
        if prof.get("spellings"):
            print("  spellings: " + ", ".join(f"{t} ×{n}" for t, n in prof["spellings"]))
        if prof.get("lat") is not None:
            print(f"  coordinates: {prof['lat']}, {prof['lon']}")
        print(f"  {prof['mention_count']} mention(s) in {len(prof['articles'])} article(s): "
              + ", ".join(prof["articles"][:10]) + (" …" if len(prof["articles"]) > 10 else ""))
        print(f"  {len(stories)} stor{'y' if len(stories) == 1 else 'ies'}:")
        for s in stories:
            show = _shown(store, s)
            others = ", ".join(show(p) for p in s["participants"] if p != key)
            where = f" @ {show(s['location'])}" if s["location"] else ""
            flag = f"; {len(s['contradictions'])} contradiction(s)" if s["contradictions"] else ""
            print(f"    {_when(s['date']):<23} {s['type']:<9} {others}{where}  "
                  f"[{s['certainty']}; {s['n_independent']} source(s){flag}]")
        if prof.get("related"):
            print("  shares stories with: " + ", ".join(
                f"{r.get('name_en') or r.get('name') or r['key']} ({r['shared']})"
                for r in prof["related"][:15]))
    return 0


def cmd_story(args: argparse.Namespace) -> int:
    """One stored story as JSON; an id merged into another story gives that story (said on
    stderr), as the API does."""
    from .store import open_store

    with open_store(args.db, create=False) as store:
        _fused(store, quiet=True)
        story, moved = store.story(args.id)
    if story is None:
        gone = f" (merged into {moved}, which is gone too)" if moved else ""
        print(f"no story {args.id!r} in {args.db}{gone}", file=sys.stderr)
        return 1
    if moved:
        print(f"{args.id} was merged into {moved}", file=sys.stderr)
        story = {**story, "redirected_from": args.id}
    print(json.dumps(story, ensure_ascii=False, indent=2))
    return 0


def cmd_changes(args: argparse.Namespace) -> int:
    """Stories created, changed, merged or removed by the fusions since a time."""
    from .api.params import parse_timestamp
    from .api.views import story_changes
    from .store import open_store

    since = parse_timestamp(args.since, "since")
    with open_store(args.db, create=False) as store:
        _fused(store, quiet=args.json)
        out = story_changes(store, since)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for c in out["items"]:
        if c["kind"] == "merged":
            tail = f" -> {c['redirect_to']}"
        else:
            tail = f" (split from {c['related']})" if c["related"] else ""
        print(f"{c['at']}  {c['kind']:<8} {c['story_id']}{tail}")
    print(f"{out['total']} change(s) since {since}", file=sys.stderr)
    return 0


def cmd_corrections(args: argparse.Namespace) -> int:
    """Review, add or remove the users' place corrections (the map's "wrong place?")."""
    from . import corrections as corr
    from .store import open_store

    with open_store(args.db, create=False) as store:
        if args.action == "list":
            out = _corrections_list(store, args)
        else:
            key = corr.place_key(args.place)
            if args.action == "add":
                out = _corrections_add(store, args, key)
            else:
                out = _corrections_remove(store, args, key)
            if args.fuse and (out.get("added") or out.get("removed")):
                _fused(store, quiet=args.json)
            out["fusion_current"] = corr.fusion_current(store)
    if args.json:
        from .export.jsonl import SCHEMA_VERSION

        print(json.dumps({**out, "schema_version": SCHEMA_VERSION}, ensure_ascii=False,
                         indent=2))
    if not out["fusion_current"] and (args.action == "list" and out["total"]
                                      or out.get("added") or out.get("removed")):
        print("the saved fusion does not apply these yet: run `marsad fuse --db "
              f"{args.db}` (or add --fuse); `marsad serve` re-fuses by itself",
              file=sys.stderr)
    return 1 if args.action == "remove" and not out["removed"] else 0


def _corrections_list(store: Store, args: argparse.Namespace) -> dict[str, Any]:
    from . import corrections as corr

    items = corr.review(store, place=corr.place_key(args.place) if args.place else None,
                        doc_id=args.doc[0] if args.doc else None)
    if not args.json:
        for c in items:
            named = c["name"] or "?"
            if c["name_en"]:
                named += f" ({c['name_en']})"
            print(f"{c['created_at']}  {c['doc_id']}  {c['place_key']}  {named}"
                  f"{'  story ' + c['story_id'] if c['story_id'] else ''}"
                  f"{'  ' + repr(c['title']) if c['title'] else ''}")
        print(f"{len(items)} correction(s)", file=sys.stderr)
    return {"total": len(items), "items": items, "fusion_current": corr.fusion_current(store)}


def _corrections_add(store: Store, args: argparse.Namespace, key: str) -> dict[str, Any]:
    from . import corrections as corr

    if bool(args.doc) == bool(args.story):
        raise corr.CorrectionError("add: give --doc (one or more articles) or --story, "
                                   "not both")
    sid = None
    if args.story:
        _fused(store, quiet=args.json)
        sid, docs = corr.docs_of_story(store, args.story, key)
    else:
        docs = list(dict.fromkeys(args.doc))
        corr.check_docs(store, docs, key)
    added = corr.add(store, docs, key, sid)
    if not args.json:
        print(f"{key}: marked wrong in {len(added)} article(s)"
              f"{f' ({len(docs) - len(added)} already were)' if len(added) < len(docs) else ''}"
              f": {', '.join(docs)}", file=sys.stderr)
    return {"place": key, "story": sid, "doc_ids": docs, "added": added}


def _corrections_remove(store: Store, args: argparse.Namespace, key: str) -> dict[str, Any]:
    from . import corrections as corr

    if bool(args.doc) == bool(args.all):
        raise corr.CorrectionError("remove: give --doc (one or more articles) or --all, "
                                   "not both")
    docs = list(dict.fromkeys(args.doc)) if args.doc else [
        c["doc_id"] for c in store.place_corrections() if c["place_key"] == key]
    removed, missing = corr.remove(store, key, docs)
    if not args.json:
        print(f"{key}: {len(removed)} correction(s) removed"
              f"{'; none recorded for ' + ', '.join(missing) if missing else ''}",
              file=sys.stderr)
    return {"place": key, "removed": removed, "not_found": missing}


# the names are repeated from marsad.export.formats.FORMATS (a test keeps them equal) so that
# building the parser does not import the exporters
EXPORT_FORMATS = ("acled-csv", "plover-jsonl", "geojson", "gexf", "graphml", "parquet")


def cmd_export(args: argparse.Namespace) -> int:
    """Stream the store's events, stories or entity network into a file in a field format
    (``docs/export.md``), with the filters of ``marsad stories``."""
    from .export.formats import check_extra, export
    from .export.rows import ExportFilters
    from .store import open_store

    if args.bom and args.format != "acled-csv":
        print("error: --bom applies to --format acled-csv only", file=sys.stderr)
        return 2
    if args.features != "events" and args.format != "geojson":
        print("error: --features applies to --format geojson only", file=sys.stderr)
        return 2
    check_extra(args.format)  # a missing extra stops the run before the store is opened
    t0, c0 = time.perf_counter(), time.process_time()
    with open_store(args.db, create=False) as store:
        _fused(store)
        filters = ExportFilters(**_story_filters(store, args), min_sources=args.min_sources)
        counts = export(store, args.format, args.output, filters, bom=args.bom,
                        features=args.features)
    what = ", ".join(f"{n} {k}" for k, n in counts.items())
    print(f"{what} -> {args.output} ({args.format}; {time.perf_counter() - t0:.2f} s, "
          f"{time.process_time() - c0:.2f} s CPU)", file=sys.stderr)
    return 0


DESCRIPTION = ("Arabic news in; entities linked to a knowledge base, PLOVER events with their "
               "evidence, and stories merged across outlets out. Offline.")
EXAMPLES = """examples:
  marsad demo                                   the bundled demo corpus, end to end
  marsad extract "$(marsad demo --path)" -o out.jsonl
  marsad extract page.html articles/ -o out.jsonl --explain
  marsad eval out.jsonl gold/                   score against gold files
  marsad ingest articles/ --db corpus.db        store (resumable), then:
  marsad stories --db corpus.db --type CONSULT --since 2025-01
  marsad entity --db corpus.db khalifa_haftar
  marsad changes --db corpus.db --since 2025-06-01
  marsad corrections list --db corpus.db        the map's "wrong place?" corrections
  marsad export --db corpus.db --format acled-csv --bom -o events.csv
  marsad serve --db corpus.db                   the analyst's workbench

"marsad COMMAND -h" describes each command."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="marsad", description=DESCRIPTION, epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"marsad {__version__}")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="also log each article that fails and what the stages do")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="extract entities and events to JSON Lines")
    e.add_argument("paths", nargs="+", help=".txt/.html/.jsonl files or folders")
    e.add_argument("--output", "-o", required=True, help="the JSON Lines file to write")
    e.add_argument("--jobs", "-j", type=int, default=1,
                   help="worker processes (default 1); output order stays the input order")
    _add_article_seconds(e)
    e.add_argument("--explain", action="store_true",
                   help="print, per event, its trigger, how its participants were chosen "
                        "and the rules that fired")
    e.set_defaults(func=cmd_extract)

    v = sub.add_parser("eval", help="score extract output against a folder of gold files")
    v.add_argument("system", help="JSON Lines written by extract")
    v.add_argument("gold", help="folder of gold .json files (docs/annotation.md)")
    v.add_argument("--per-doc", action="store_true", help="also print per-document scores")
    v.add_argument("--json", action="store_true", help="print the report as JSON")
    # the names are repeated from marsad.eval.scorer.PROTOCOLS (a test keeps them equal)
    # so that building the parser does not import the scorer
    v.add_argument("--protocol", choices=EVAL_PROTOCOLS, default=EVAL_PROTOCOLS[0],
                   help="heldout (default): the scoring every held-out set uses "
                        "(docs/annotation.md, Scoring); all-participants: the earlier "
                        "scorer, whose relaxed match needs every gold participant")
    v.set_defaults(func=cmd_eval)

    d = sub.add_parser("demo", help="run on the bundled demo corpus and show what was found")
    d.add_argument("--output", "-o", default=None, help="also write the JSON Lines here")
    d.add_argument("--db", default=None,
                   help="the store the demo writes for the workbench "
                        "(default ~/.cache/marsad/demo.db, or $MARSAD_CACHE_DIR/demo.db)")
    d.add_argument("--path", action="store_true",
                   help="only print the folder of the demo articles (for other commands: "
                        'marsad extract "$(marsad demo --path)" -o out.jsonl)')
    d.set_defaults(func=cmd_demo)

    db_help = ("the store: a SQLite file, sqlite:///PATH or postgresql://… "
               "(default ./marsad.db)")
    i = sub.add_parser("ingest", help="process articles into the corpus store (resumable)")
    i.add_argument("paths", nargs="+", help=".txt/.html/.jsonl files or folders")
    i.add_argument("--db", default="marsad.db", help=db_help)
    i.add_argument("--batch-size", type=_positive, default=32,
                   help="articles per transaction (default 32)")
    i.add_argument("--jobs", "-j", type=_positive, default=None,
                   help="worker processes (default 1); with --engine ray, Ray actors "
                        "(default: one per CPU of the cluster)")
    _add_ingest_engine(i)
    _add_article_seconds(i)
    i.set_defaults(func=cmd_ingest)

    r = sub.add_parser("reprocess", help="re-run the pipeline over the stored raw inputs")
    r.add_argument("--db", default="marsad.db", help=db_help)
    r.add_argument("--batch-size", type=_positive, default=32,
                   help="articles per transaction (default 32)")
    r.add_argument("--jobs", "-j", type=_positive, default=1, help="worker processes (default 1)")
    _add_article_seconds(r)
    r.set_defaults(func=cmd_reprocess)

    s = sub.add_parser("search", help="full-text search of the stored articles "
                                      "(alef/ya/ta marbuta forms match alike); a query in "
                                      "Latin letters finds entities by English name and "
                                      "spelling (Haftar, Hafter), their articles and stories")
    s.add_argument("text", help="words that must all occur, or an English name")
    s.add_argument("--db", default="marsad.db", help=db_help)
    s.add_argument("--limit", type=_positive, default=20, help="most hits (default 20)")
    s.add_argument("--json", action="store_true", help="print the hits as JSON")
    s.set_defaults(func=cmd_search)

    t = sub.add_parser("stories", help="events of the stored articles merged into stories, "
                                       "with their independent sources")
    t.add_argument("--db", default="marsad.db", help=db_help)
    _add_story_filters(t, "stories")
    t.add_argument("--json", action="store_true", help="print the stories as JSON")
    t.set_defaults(func=cmd_stories)

    f = sub.add_parser("fuse", help="fuse the stored articles (near-duplicates, entities, "
                                    "stories) and save the results for queries")
    f.add_argument("--db", default="marsad.db", help=db_help)
    f.add_argument("--full", action="store_true",
                   help="fuse every article again, even when the saved fusion could be "
                        "extended with the articles added since (it gives the same result)")
    f.set_defaults(func=cmd_fuse)

    _add_export_parser(sub, db_help)

    n = sub.add_parser("entity", help="one entity across the store: names, type, place, "
                                      "mentions, stories, related entities")
    n.add_argument("key", help="a knowledge-base key (khalifa_haftar) or a fusion key "
                               "(name:PER:…)")
    n.add_argument("--db", default="marsad.db", help=db_help)
    n.add_argument("--json", action="store_true", help="print the profile as JSON")
    n.set_defaults(func=cmd_entity)

    _add_story_id_commands(sub, db_help)
    _add_corrections_parser(sub, db_help)

    w = sub.add_parser("serve", help="the analyst's workbench over a store: web pages and a "
                                     "JSON API (extra \"web\")")
    w.add_argument("--db", default="marsad.db", help=db_help)
    w.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    w.add_argument("--port", type=_positive, default=8000, help="port (default 8000)")
    w.add_argument("--refresh", type=float, default=5.0,
                   help="seconds between checks for new articles in the store (default 5)")
    w.add_argument("--token", default=None,
                   help="a secret every request must carry (Authorization: Bearer, or open a "
                        "page once with ?token=); default $MARSAD_TOKEN; none: no check")
    w.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="a Host name the server answers to besides the localhost names and "
                        "the --host address (repeatable; also $MARSAD_ALLOWED_HOSTS, "
                        "comma-separated; '*' answers any)")
    w.add_argument("--max-connections", type=_positive, default=2048,
                   help="open connections before new ones get 503 (default 2048, lowered to "
                        "fit the file-descriptor limit)")
    w.add_argument("--request-timeout", type=float, default=10.0,
                   help="seconds a client has to send a request's head (default 10)")
    w.add_argument("--idle-timeout", type=float, default=5.0,
                   help="seconds an idle keep-alive connection is kept (default 5)")
    w.set_defaults(func=cmd_serve)
    return p


def _add_story_id_commands(sub: Any, db_help: str) -> None:
    """``story ID`` and ``changes --since T`` (stable story ids, marsad.fuse.story_ids)."""
    o = sub.add_parser("story", help="one stored story by id, as JSON (an id merged into "
                                     "another story gives that story)")
    o.add_argument("id", help="a story id (st_…)")
    o.add_argument("--db", default="marsad.db", help=db_help)
    o.set_defaults(func=cmd_story)

    c = sub.add_parser("changes", help="stories created, changed, merged or removed since a "
                                       "time (merged ones with the id they resolve to)")
    c.add_argument("--db", default="marsad.db", help=db_help)
    c.add_argument("--since", required=True, metavar="TIME",
                   help="YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM] (UTC when no offset)")
    c.add_argument("--json", action="store_true", help="print the changes as JSON")
    c.set_defaults(func=cmd_changes)
def _add_corrections_parser(sub: Any, db_help: str) -> None:
    """``corrections list|add|remove``: the users' place corrections (marsad.corrections)."""
    c = sub.add_parser("corrections", help="review, add or remove place corrections (the "
                                           "workbench map's \"wrong place?\"); fusion "
                                           "applies them")
    acts = c.add_subparsers(dest="action", required=True)
    specs = {
        "list": "the corrections recorded, with each article's title and the name it wrote",
        "add": "record that in these articles (--doc) or in the articles of a story that "
               "name the place (--story) the entity linked to --place is not that place",
        "remove": "undo corrections of --place in these articles (--doc) or in all (--all)",
    }
    for action, help_ in specs.items():
        a = acts.add_parser(action, help=help_, description=help_)
        a.add_argument("--db", default="marsad.db", help=db_help)
        a.add_argument("--place", required=action != "list", metavar="KEY",
                       help="the place's key: kb:tartus_port or tartus_port"
                            + (" (list: only this place)" if action == "list" else ""))
        a.add_argument("--doc", action="append", default=[], metavar="DOC_ID",
                       help="an article id (repeatable)" + (
                           " (list: only this article)" if action == "list" else ""))
        if action == "add":
            a.add_argument("--story", metavar="ID", help="a story id (st_…): its articles "
                                                         "that name --place")
        if action == "remove":
            a.add_argument("--all", action="store_true", help="every article corrected "
                                                              "for --place")
        if action != "list":
            a.add_argument("--fuse", action="store_true",
                           help="fuse the store again now, so the saved stories apply it")
        a.add_argument("--json", action="store_true", help="print the result as JSON")
    c.set_defaults(func=cmd_corrections)


def _add_story_filters(p: argparse.ArgumentParser, what: str) -> None:
    """The filters ``stories`` and ``export`` share (parsed as the API parses them)."""
    p.add_argument("--entity", help=f"only {what} with this entity (a knowledge-base key "
                                    "such as khalifa_haftar, or a fusion key)")
    p.add_argument("--type", metavar="TYPE", help="only this PLOVER type: " + ", ".join(
        PLOVER_TYPES))
    p.add_argument("--since", help=f"only {what} ending on or after this date (YYYY, YYYY-MM "
                                   "or YYYY-MM-DD; a month or year counts from its first day)")
    p.add_argument("--until", help=f"only {what} starting on or before this date (YYYY, "
                                   "YYYY-MM or YYYY-MM-DD; a month or year counts to its last "
                                   "day)")
    p.add_argument("--min-sources", type=int, default=0,
                   help=f"only {what} whose story has at least this many independent sources")


def _add_export_parser(sub: Any, db_help: str) -> None:
    x = sub.add_parser("export", help="the whole store in a field format: ACLED-like CSV, "
                                      "PLOVER JSON Lines, GeoJSON, GEXF/GraphML, Parquet")
    x.add_argument("--db", default="marsad.db", help=db_help)
    x.add_argument("--format", "-f", required=True, choices=EXPORT_FORMATS,
                   help="acled-csv, plover-jsonl, geojson (events, or --features stories), "
                        "gexf/graphml (the entity network; extra \"graph\"), parquet (a "
                        "folder of three tables; extra \"parquet\"); see docs/export.md")
    x.add_argument("--output", "-o", required=True,
                   help="the file to write (a folder for parquet); written whole or not at "
                        "all")
    _add_story_filters(x, "events and stories")
    x.add_argument("--bom", action="store_true",
                   help="acled-csv: start with a UTF-8 byte-order mark, so Excel reads the "
                        "Arabic")
    x.add_argument("--features", choices=("events", "stories"), default="events",
                   help="geojson: one feature per event (default) or per story")
    x.set_defaults(func=cmd_export)


def _add_ingest_engine(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("processes", "ray"), default="processes",
                   help="processes (default): --jobs worker processes on this machine; ray: "
                        "Ray actors on the cluster at $RAY_ADDRESS, or a local Ray (extra "
                        '"ray"); the store is written by this process either way')


def _add_article_seconds(p: argparse.ArgumentParser) -> None:
    from .budget import DEFAULT_SECONDS, ENV

    p.add_argument("--article-seconds", type=_seconds, default=None, metavar="S",
                   help=f"CPU-time budget of one article; past it the article is recorded as "
                        f"failed and the run goes on (default ${ENV}, else {DEFAULT_SECONDS:g}; "
                        "0: no limit)")


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if n < 0 or n != n:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, not {value}")
    return n


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args))
    except MarsadError as e:
        print(f"error [{e.code}]: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (marsad eval … | head): stop quietly, as Unix tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
