"""The paged reads `marsad export` streams from (both backends): they give what the one-shot
queries give, in the same order, and the precision columns are filled."""

from __future__ import annotations

from marsad.fuse import fuse_store
from marsad.ingest import RawArticle
from marsad.store import open_store

TEXTS = {
    "a1": "التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو يوم 10 مايو 2025.",
    "b1": "وبحث حفتر مع بوتين في الكرملين بموسكو يوم السبت 10 مايو 2025 التعاون العسكري.",
    "c1": "وأرسلت روسيا شحنة أسلحة إلى بنغازي عبر قاعدة الخادم الجوية في أواخر مارس 2025.",
}


def test_paged_reads_match_the_queries(db_url, pipeline) -> None:  # type: ignore[no-untyped-def]
    with open_store(db_url("exp")) as s:
        with s.batch():
            for doc_id, text in TEXTS.items():
                raw = RawArticle(doc_id, text, "text", outlet=f"outlet {doc_id}",
                                 published="2025-05-12")
                s.put(raw, pipeline.process(raw))
        fuse_store(s)
        stories = s.stories()
        assert stories and list(s.iter_stories()) == stories
        assert list(s.iter_stories(type="CONSULT")) == s.stories(type="CONSULT")
        assert list(s.iter_stories(entity="kb:khalifa_haftar", since="2025-05-01")) == \
            s.stories(entity="kb:khalifa_haftar", since="2025-05-01")
        assert s.stories(limit=1, offset=1) == stories[1:2]
        links = s.story_links(list(TEXTS))
        members = {(m["doc_id"], m["event_id"]): st["id"] for st in stories
                   for m in st["members"]}
        assert {k: [sid for sid, _ in v] for k, v in links.items()} == \
            {k: [v] for k, v in members.items()}
        sources = s.story_sources([st["id"] for st in stories])
        assert sources == {st["id"]: st["sources"] for st in stories}
        assert [e["key"] for e in s.iter_entities()] == sorted(e["key"] for e in s.entities())
        rows = s._all("SELECT event_id, time_precision, geo_precision, date_precision"
                      " FROM events WHERE doc_id = 'c1' AND type = 'AID'")
        assert rows and rows[0][1:] == (2, 2, "part")  # late March; in Benghazi, a city
