"""Gold loading: parsed values, and one GoldError per kind of invalid file."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from marsad.eval.gold import GoldDoc, GoldError, load_gold_dir, load_gold_file
from tests.eval.eval_helpers import ARTICLE, base_gold, write_gold


def test_load_parses_fields_and_dates(tmp_path: Path) -> None:
    docs = load_gold_dir(write_gold(tmp_path / "gold", [base_gold("b"), base_gold("a")]))
    assert list(docs) == ["a", "b"]  # sorted, keyed by doc_id
    doc = docs["a"]
    assert isinstance(doc, GoldDoc)
    assert doc.published == "2025-05-12"
    assert doc.entity("khalifa_haftar") is not None
    assert doc.entity("khalifa_haftar").aliases == ("المشير خليفة حفتر", "خليفة حفتر")  # type: ignore[union-attr]
    assert doc.entity("nobody") is None
    assert [v.date for v in doc.events] == [
        ("2025-05-10", "2025-05-10"), None, ("2025-05-01", "2025-05-31")]
    assert doc.events[0].participants == {"khalifa_haftar", "vladimir_putin"}
    assert doc.events[2].index == 2
    assert doc.keep == ("التقى المشير خليفة حفتر", "ووصلت قوات روسية")
    with pytest.raises(AttributeError):
        doc.doc_id = "x"  # type: ignore[misc]  # frozen


def test_extra_members_and_bom_are_tolerated(tmp_path: Path) -> None:
    g = base_gold()
    g["note"] = "annotator comment"
    g["events"][0]["certainty"] = "asserted"
    d = tmp_path / "gold"
    d.mkdir()
    (d / "doc1.json").write_text("\ufeff" + json.dumps(g, ensure_ascii=False), encoding="utf-8")
    assert load_gold_dir(d)["doc1"].events[0].type == "CONSULT"


def test_single_day_range_and_null_mode_name_en(tmp_path: Path) -> None:
    g = base_gold()
    g["events"][2]["date"] = {"from": "2025-05-03", "to": "2025-05-03"}
    g["events"][2]["mode"] = None
    g["entities"][0]["name_en"] = None
    doc = load_gold_dir(write_gold(tmp_path / "gold", [g]))["doc1"]
    assert doc.events[2].date == ("2025-05-03", "2025-05-03")


# Each case: (mutator of the base gold dict, expected field path, a phrase of the message).
Mutator = Callable[[dict[str, Any]], None]


def _set(path: list[Any], value: Any) -> Mutator:
    def mutate(g: dict[str, Any]) -> None:
        obj = g
        for step in path[:-1]:
            obj = obj[step]
        obj[path[-1]] = value
    return mutate


def _delete(path: list[Any]) -> Mutator:
    def mutate(g: dict[str, Any]) -> None:
        obj = g
        for step in path[:-1]:
            obj = obj[step]
        del obj[path[-1]]
    return mutate


def _dup_entity(g: dict[str, Any]) -> None:
    g["entities"].append(copy.deepcopy(g["entities"][2]))


CASES: list[tuple[str, Mutator, str, str]] = [
    ("missing top field", _delete(["events"]), "events", "missing required field"),
    ("missing entity field", _delete(["entities", 1, "aliases"]), "entities[1].aliases",
     "missing required field"),
    ("missing event field", _delete(["events", 1, "evidence"]), "events[1].evidence",
     "missing required field"),
    ("entities not a list", _set(["entities"], {}), "entities", "expected a list"),
    ("doc_id typed", _set(["doc_id"], 7), "doc_id", "expected a string"),
    ("alias typed", _set(["entities", 0, "aliases", 1], None), "entities[0].aliases[1]",
     "expected a string"),
    ("aliases empty", _set(["entities", 0, "aliases"], []), "entities[0].aliases",
     "non-empty"),
    ("empty evidence", _set(["events", 0, "evidence"], " "), "events[0].evidence",
     "non-empty"),
    ("keep typed", _set(["keep"], "text"), "keep", "expected a list"),
    ("mode typed", _set(["events", 0, "mode"], 3), "events[0].mode", "string or null"),
    ("unknown entity type", _set(["entities", 2, "type"], "CITY"), "entities[2].type",
     "unknown entity type"),
    ("unknown PLOVER type", _set(["events", 1, "type"], "MEET"), "events[1].type",
     "unknown PLOVER type"),
    ("bad key slug", _set(["entities", 3, "key"], "The Kremlin"), "entities[3].key",
     "bad key slug"),
    ("bad key slug underscore", _set(["entities", 3, "key"], "kremlin__x"), "entities[3].key",
     "bad key slug"),
    ("duplicate key", _dup_entity, "entities[6].key", "duplicate key"),
    ("undefined actor", _set(["events", 0, "actors", 0], "haftar"), "events[0].actors[0]",
     "not defined"),
    ("undefined target", _set(["events", 1, "targets"], ["libya", "egypt"]),
     "events[1].targets[1]", "not defined"),
    ("undefined source", _set(["events", 1, "attributed_to", 0], "tass"),
     "events[1].attributed_to[0]", "not defined"),
    ("undefined location", _set(["events", 2, "location"], "tripoli"), "events[2].location",
     "not defined"),
    ("date word", _set(["events", 0, "date"], "yesterday"), "events[0].date",
     'expected ISO date or {"from","to"}, got "yesterday"'),
    ("date compact", _set(["events", 0, "date"], "20250510"), "events[0].date",
     "expected ISO date"),
    ("date impossible", _set(["events", 0, "date"], "2025-02-30"), "events[0].date",
     "expected ISO date"),
    ("range reversed", _set(["events", 2, "date"], {"from": "2025-05-31", "to": "2025-05-01"}),
     "events[2].date", "after"),
    ("range bad end", _set(["events", 2, "date"], {"from": "2025-05-01", "to": "late May"}),
     "events[2].date.to", "expected ISO date"),
    ("range extra member", _set(["events", 2, "date"], {"from": "2025-05-01",
                                                         "to": "2025-05-31", "x": 1}),
     "events[2].date", "expected ISO date or"),
    ("published bad", _set(["published"], "12/05/2025"), "published", "expected ISO date"),
    ("doc_id mismatch", _set(["doc_id"], "other"), "doc_id", "does not match the file name"),
]


@pytest.mark.parametrize("mutate,field,phrase", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_invalid_gold_names_file_and_field(tmp_path: Path, mutate: Mutator, field: str,
                                           phrase: str) -> None:
    g = base_gold()
    d = tmp_path / "seeds-gold"
    d.mkdir()
    mutate(g)
    (d / "doc1.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold_dir(d)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.path == str(d / "doc1.json")
    assert err.field == field
    assert str(err).startswith(f"{d / 'doc1.json'}: {field}: ")
    assert phrase in str(err)


def _write_raw(tmp_path: Path, content: bytes, name: str = "doc1.json") -> Path:
    d = tmp_path / "seeds-gold"
    d.mkdir(exist_ok=True)
    (d / name).write_bytes(content)
    return d


def test_invalid_json_gives_line_and_column(tmp_path: Path) -> None:
    d = _write_raw(tmp_path, b'{\n  "doc_id": "doc1",\n  "published": nul\n}')
    with pytest.raises(GoldError) as info:
        load_gold_dir(d)
    assert info.value.field == ""
    assert str(info.value).startswith(f"{d / 'doc1.json'}: invalid JSON at line 3 column")


def test_not_an_object(tmp_path: Path) -> None:
    d = _write_raw(tmp_path, b"[1, 2]")
    with pytest.raises(GoldError, match="doc1.json: expected the file to be a JSON object"):
        load_gold_dir(d)


def test_non_utf8_file(tmp_path: Path) -> None:
    g = json.dumps(base_gold(), ensure_ascii=False)
    d = _write_raw(tmp_path, g.encode("cp1256"))
    with pytest.raises(GoldError, match=r"doc1\.json: not valid UTF-8"):
        load_gold_dir(d)


def test_duplicate_json_member(tmp_path: Path) -> None:
    text = json.dumps(base_gold(), ensure_ascii=False)
    # a second "mode" member inside the first event object
    text = text.replace('"mode": "visit"', '"mode": "visit", "mode": "phone"', 1)
    d = _write_raw(tmp_path, text.encode("utf-8"))
    with pytest.raises(GoldError) as info:
        load_gold_dir(d)
    assert info.value.field == "events[0].mode"
    assert "more than once" in str(info.value)


def test_empty_directory_and_no_json(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(GoldError, match="no .json gold files") as info:
        load_gold_dir(empty)
    assert info.value.path == str(empty)
    only_txt = tmp_path / "txt"
    only_txt.mkdir()
    (only_txt / "doc1.txt").write_text("x", encoding="utf-8")
    with pytest.raises(GoldError, match="no .json gold files"):
        load_gold_dir(only_txt)
    with pytest.raises(GoldError, match="not a directory"):
        load_gold_dir(tmp_path / "absent")


def test_single_file_loader(tmp_path: Path) -> None:
    d = write_gold(tmp_path / "g", [base_gold()])
    assert load_gold_file(d / "doc1.json").doc_id == "doc1"


ARTICLE_CASES: list[tuple[str, Mutator, str]] = [
    ("alias", _set(["entities", 2, "aliases"], ["موسكوو"]), "entities[2].aliases[0]"),
    ("evidence", _set(["events", 1, "evidence"], "بوتين أكد دعم روسيا"
                                                  " لليبيا الكامل"), "events[1].evidence"),
    ("keep", _set(["keep", 1], "قوات أمريكية"), "keep[1]"),
    ("drop", _set(["drop"], ["تعليقات الزوار"]), "drop[0]"),
]


@pytest.mark.parametrize("mutate,field", [c[1:] for c in ARTICLE_CASES],
                         ids=[c[0] for c in ARTICLE_CASES])
def test_article_substring_check(tmp_path: Path, mutate: Mutator, field: str) -> None:
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "doc1.txt").write_text(ARTICLE, encoding="utf-8")
    ok = write_gold(tmp_path / "ok", [base_gold()])
    assert load_gold_dir(ok, article_dir=arts)["doc1"].doc_id == "doc1"
    g = base_gold()
    mutate(g)
    bad = write_gold(tmp_path / "bad", [g])
    load_gold_dir(bad)  # without articles the substring check is not made
    with pytest.raises(GoldError, match="not a substring of the article") as info:
        load_gold_dir(bad, article_dir=arts)
    assert info.value.field == field
    assert info.value.path == str(bad / "doc1.json")


def test_article_check_skips_absent_article_and_unifies_crlf(tmp_path: Path) -> None:
    arts = tmp_path / "articles"
    arts.mkdir()
    g1, g2 = base_gold("doc1"), base_gold("doc2")
    g1["keep"].append("في موسكو يوم السبت. وقال")  # no line break, so CRLF does not matter
    g1["drop"] = ["لليبيا. ووصلت قوات روسية إلى ليبيا خلال مايو 2025.\nاقرأ"]
    (arts / "doc1.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    d = write_gold(tmp_path / "gold", [g1, g2])  # doc2 has no article: not checked
    assert set(load_gold_dir(d, article_dir=arts)) == {"doc1", "doc2"}
