"""English search in the store (marsad.store.names): a Latin-script query finds the articles
and entities of the names it spells, on both backends, and a store made before the
``name_keys`` table gets its names indexed when it is upgraded."""

from __future__ import annotations

import pytest

from marsad.ingest import RawArticle
from marsad.store import open_store

# Team-written articles in Arabic news style.
HAFTAR_MOSCOW = (
    "الاثنين 2025/05/12\n"
    "التقى الرئيس الروسي فلاديمير بوتين المشير خليفة حفتر في موسكو السبت، وفق الكرملين.\n"
)
SADDAM_MINSK = (
    "الأربعاء 2025/10/22\n"
    "استقبل الرئيس البيلاروسي ألكسندر لوكاشينكو صدام حفتر في مينسك وتعهد له بكل الدعم.\n"
)
SUDAN = (
    "الأربعاء 2025/04/16\n"
    "قصفت قوات الدعم السريع مخيم زمزم قرب الفاشر، بحسب الأمم المتحدة.\n"
)
WAGNER = (
    "الخميس 2025/06/05\n"
    "أعلنت مجموعة فاغنر مغادرة مالي بعد ثلاث سنوات من القتال إلى جانب الجيش المالي.\n"
)
ARTICLES = {"a_moscow": HAFTAR_MOSCOW, "b_minsk": SADDAM_MINSK, "c_sudan": SUDAN,
            "d_wagner": WAGNER}


def _fill(store, pipeline) -> None:  # type: ignore[no-untyped-def]
    with store.batch():
        for doc_id, text in ARTICLES.items():
            r = RawArticle(doc_id, text, "text", path=f"{doc_id}.txt")
            store.put(r, pipeline.process(r))


@pytest.fixture()
def store(db_url, pipeline):  # type: ignore[no-untyped-def]
    s = open_store(db_url("names"))
    _fill(s, pipeline)
    yield s
    s.close()


@pytest.mark.parametrize("q", ["Haftar", "hafter", "HAFTAR's", "Khalifa Hifter",
                               "khalifa haftar"])
def test_spellings_of_haftar_find_his_article(  # type: ignore[no-untyped-def]
        store, q: str) -> None:
    hits = store.search(q)
    assert "a_moscow" in [h.doc_id for h in hits]
    moscow = next(h for h in hits if h.doc_id == "a_moscow")
    assert "[" in moscow.snippet and "حفتر]" in moscow.snippet  # around his mention
    assert "khalifa_haftar" in [e["kb_id"] for e in store.find_entities(q)]


def test_a_full_name_leaves_the_other_haftars_out(store) -> None:  # type: ignore[no-untyped-def]
    assert [h.doc_id for h in store.search("Khalifa Haftar")] == ["a_moscow"]
    assert [e["kb_id"] for e in store.find_entities("Khalifa Haftar")] == ["khalifa_haftar"]
    both = {e["kb_id"] for e in store.find_entities("Haftar")}
    assert both == {"khalifa_haftar", "saddam_haftar"}
    assert {h.doc_id for h in store.search("Haftar")} == {"a_moscow", "b_minsk"}


def test_names_of_organisations_and_two_names_at_once(  # type: ignore[no-untyped-def]
        store) -> None:
    assert [h.doc_id for h in store.search("Vagner")] == ["d_wagner"]
    assert [h.doc_id for h in store.search("RSF")] == ["c_sudan"]  # aliases_en in the KB
    assert [h.doc_id for h in store.search("Putin Haftar")] == ["a_moscow"]
    assert store.find_entities("Putin")[0]["name_en"] == "Vladimir Putin"


def test_a_typo_and_a_beginning_find_the_name(store) -> None:  # type: ignore[no-untyped-def]
    assert [h.doc_id for h in store.search("Putn")] == ["a_moscow"]  # near key
    assert store.find_entities("Putn")[0]["score"] < 0.9  # below an exact or prefix match
    assert [h.doc_id for h in store.search("Lukash")] == ["b_minsk"]  # a prefix
    assert store.find_entities("Lukash")[0]["score"] == 0.9


@pytest.mark.parametrize("q", ["xqzvy flurb", "Haftar flurb", "zz", "---"])
def test_nonsense_finds_nothing(store, q: str) -> None:  # type: ignore[no-untyped-def]
    assert store.search(q) == []
    assert store.find_entities(q) == []


def test_arabic_search_is_unchanged(store) -> None:  # type: ignore[no-untyped-def]
    assert {h.doc_id for h in store.search("حفتر")} == {"a_moscow", "b_minsk"}
    assert store.find_entities("حفتر") == []


def test_a_replaced_article_is_no_longer_found(  # type: ignore[no-untyped-def]
        store, pipeline) -> None:
    r = RawArticle("d_wagner", SUDAN.replace("الفاشر", "الجنينة"), "text", path="d.txt")
    store.put(r, pipeline.process(r))
    assert store.search("Wagner") == []  # the key row stays; no entity carries the name


def test_an_older_store_gets_its_names_indexed_on_upgrade(  # type: ignore[no-untyped-def]
        db_url, pipeline) -> None:
    url = db_url("old")
    with open_store(url) as s:
        _fill(s, pipeline)
        # the store as Marsad before migration 0005 left it
        with s.batch():
            s._execute("DROP TABLE name_keys")
            s._execute("DROP INDEX entities_name_en")
            s._execute("DELETE FROM schema_migrations WHERE version = 5")
        assert 5 not in s.applied_migrations()
    with open_store(url) as s:
        assert 5 in s.applied_migrations()
        assert [h.doc_id for h in s.search("Khalifa Hafter")] == ["a_moscow"]
