"""The bodies of every state expanded from data/kb/national_bodies.yaml (marsad/kb/bodies.py)."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml
from marsad.errors import DataFileError
from marsad.kb import default_kb, entry_from_record
from marsad.kb.bodies import SPEC_FILE, held_forms, national_bodies

COUNTRY = {"key": "freedonia", "type": "GPE", "name_en": "Freedonia", "name_ar": "فريدونيا",
           "demonyms_ar": ["فريدوني", "فريدونية"]}
SPEC = {"bodies": [
    {"slug": "government", "name_en": "Government of {country}",
     "heads": [{"ar": "الحكومة", "gender": "f"}], "construct": ["حكومة"],
     "generic": ["الحكومة"]},
    {"slug": "judiciary", "name_en": "Judiciary of {country}",
     "heads": [{"ar": "القضاء", "gender": "m"}], "generic": ["القضاء"]},
]}


def _expand(*records: dict, spec: dict = SPEC) -> dict[str, dict]:
    entries = [entry_from_record(r, "test") for r in (COUNTRY, *records)]
    return {r["key"]: r for r in national_bodies(spec, entries)}


def test_every_body_with_the_nisba_of_its_gender_and_the_construct_form() -> None:
    out = _expand()
    gov = out["freedonia_government"]
    assert gov["name_en"] == "Government of Freedonia" and gov["type"] == "ORG"
    assert [gov["name_ar"], *gov["aliases"]] == ["الحكومة الفريدونية", "حكومة فريدونيا"]
    assert out["freedonia_judiciary"]["name_ar"] == "القضاء الفريدوني"
    assert out["freedonia_judiciary"]["country"] == "freedonia"


def test_a_curated_body_is_kept() -> None:
    curated = {"key": "freedonian_cabinet", "type": "ORG", "name_en": "Cabinet",
               "name_ar": "مجلس وزراء فريدونيا", "country": "freedonia",
               "generic_aliases": ["الحكومة"]}
    assert "freedonia_government" not in _expand(curated)
    # the same alias held by another entry also keeps the curated one
    named = {"key": "freedonia_courts", "type": "ORG", "name_en": "Courts",
             "name_ar": "القضاء الفريدوني"}
    assert "freedonia_judiciary" not in _expand(named)


def test_a_curated_holder_answers_to_the_body_forms_it_lacks() -> None:
    curated = {"key": "freedonian_cabinet", "type": "ORG", "name_en": "Cabinet",
               "name_ar": "مجلس وزراء فريدونيا", "aliases": ["حكومة فريدونيا"],
               "country": "freedonia", "generic_aliases": ["الحكومة"]}
    entries = [entry_from_record(r, "test") for r in (COUNTRY, curated)]
    # the nisba form is added; the construct form it lists already is not repeated
    assert held_forms(SPEC, entries) == {"freedonian_cabinet": ["الحكومة الفريدونية"]}


def test_the_one_curated_entry_naming_a_body_takes_its_other_forms() -> None:
    # no generic name: the entry answers to one form ("القضاء الفريدوني"), so the others
    # (here the construct is none) are its; an entry of another state takes nothing
    spec = {"bodies": [{"slug": "defence", "name_en": "Defence of {country}",
                        "heads": [{"ar": "وزارة الدفاع", "gender": "f"},
                                  {"ar": "الدفاع", "gender": "f"}]}]}
    curated = {"key": "freedonian_mod", "type": "ORG", "name_en": "MoD",
               "name_ar": "وزارة الدفاع الفريدونية", "country": "freedonia"}
    entries = [entry_from_record(r, "test") for r in (COUNTRY, curated)]
    assert held_forms(spec, entries) == {"freedonian_mod": ["الدفاع الفريدونية"]}
    other = dict(curated, country="sylvania")
    entries = [entry_from_record(r, "test") for r in (COUNTRY, other)]
    assert held_forms(spec, entries) == {}


@pytest.mark.parametrize("spec", [{}, {"bodies": []}, {"bodies": [{"slug": "x"}]},
                                  {"bodies": [{"slug": "x", "name_en": "X of {country}",
                                               "heads": [{"ar": "س", "gender": "n"}]}]}])
def test_a_broken_spec_is_refused(spec: dict) -> None:
    with pytest.raises(DataFileError):
        list(national_bodies(spec, []))


def test_the_packaged_spec_is_valid_and_expands() -> None:
    assert list(national_bodies(load_yaml(SPEC_FILE), []) ) == []  # no countries, no bodies
    kb = default_kb()
    for alias, key in (("الحكومة السودانية", "sudan_government"),
                       ("الشرطة التونسية", "tunisia_police"),
                       ("القضاء المصري", "egypt_judiciary")):
        from marsad.text.normalize import match_key

        assert key in {c.entry.key for c in kb.lookup(match_key(alias))}


def test_a_body_in_a_sentence_is_an_org_linked_to_its_state() -> None:
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline

    doc = Pipeline().process(RawArticle(
        "t", "واتهمت الحكومة السودانية، الأحد، قوات المعارضة بعرقلة وصول المساعدات.", "text"))
    ents = {e.kb_id: e for e in doc.entities}
    assert ents["sudan_government"].type == "ORG"
    assert ents["sudan_government"].name_en == "Government of Sudan"
