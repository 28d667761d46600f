"""How stable story and event ids are in a store (issue 17): the ids a store keeps when the
same corpus is ingested again, when it is reprocessed, and when a syndicated copy of one
article is added, next to what a digest of all members (the id before stable ids) would
have changed.

    python bench/story_ids.py [PATHS …]            (default: the bundled demo corpus)

For the syndicated copy, every article in turn is copied (the same text with a team-written
credit line after it, another outlet and id) into a fresh copy of the fused store, which is
fused again. Prints per case the stories before and after, the saved ids no longer alive
(merged ones redirect), and the member-digest ids that would have changed.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.fuse import fuse_store  # noqa: E402
from marsad.ingest import RawArticle, read_paths  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402
from marsad.store import Store, open_store  # noqa: E402

CREDIT = "\n\n(نقلا عن وكالة أنباء إقليمية)"  # what a wire copy adds: a credit line


def member_digest(s: dict[str, Any]) -> str:
    """The story id Marsad gave before stable ids: a digest of every member."""
    pairs = "\n".join(sorted(f"{m['doc_id']}\t{m['event_id']}"
                             + (f"\t{m['counterpart']}" if m.get("counterpart") else "")
                             for m in s["members"]))
    return "st_" + hashlib.blake2b(pairs.encode("utf-8"), digest_size=8).hexdigest()


def snapshot(store: Store) -> dict[str, Any]:
    stories = store.stories()
    events = {(r["doc_id"], ev["id"]) for r in store.iter_records() for ev in r["events"]}
    return {"ids": {s["id"] for s in stories}, "digests": {member_digest(s) for s in stories},
            "events": events, "n": len(stories)}


def compare(label: str, before: dict[str, Any], store: Store) -> dict[str, int]:
    after = snapshot(store)
    lost = before["ids"] - after["ids"]
    redirected = sum(1 for sid in lost if store.story_redirect(sid))
    row = {"before": before["n"], "after": after["n"], "ids_lost": len(lost),
           "redirected": redirected, "digest_ids_lost": len(before["digests"]
                                                            - after["digests"]),
           "event_ids_lost": len(before["events"] - after["events"])}
    print(f"{label:<42} " + "  ".join(f"{k} {v}" for k, v in row.items()))
    return row


def put_all(store: Store, pipeline: Pipeline, raws: list[RawArticle], *,
            force: bool = False) -> None:
    with store.batch():
        for raw in raws:
            store.put(raw, pipeline.process(raw), force=force)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[str(REPO / "marsad" / "data" / "demo")])
    args = ap.parse_args(argv)
    raws = [r for r in read_paths([Path(p) for p in args.paths]) if isinstance(r, RawArticle)]
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.db"
        with open_store(base) as st:
            put_all(st, pipeline, raws)
            fuse_store(st)
            first = snapshot(st)
            print(f"{len(raws)} articles, {first['n']} stories, {len(first['events'])} events")
            put_all(st, pipeline, raws)  # the same corpus again: every put is "unchanged"
            fuse_store(st)
            compare("re-ingest the same corpus", first, st)
            put_all(st, pipeline, raws, force=True)
            fuse_store(st)
            compare("reprocess every article", first, st)
        totals: dict[str, int] = {}
        for raw in raws:
            db = Path(tmp) / "copy.db"
            shutil.copy(base, db)
            copy = RawArticle(f"{raw.doc_id}__wire", raw.content + CREDIT
                              if raw.kind == "text" else raw.content, raw.kind,
                              url=f"https://wire.example/{raw.doc_id}", outlet="wire.example",
                              published=raw.published)
            with open_store(db) as st:
                put_all(st, pipeline, [copy])
                fuse_store(st)
                row = compare(f"+ a syndicated copy of {raw.doc_id}"[:42], first, st)
            for k in ("ids_lost", "redirected", "digest_ids_lost"):
                totals[k] = totals.get(k, 0) + row[k]
            db.unlink()
        print(f"over {len(raws)} single-copy cases: story ids lost {totals['ids_lost']} "
              f"(redirected {totals['redirected']}); member-digest ids that would have "
              f"changed {totals['digest_ids_lost']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
