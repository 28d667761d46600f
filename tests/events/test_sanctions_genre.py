"""Sanctions news (session 11, helper 11h, issue #14): "استهدف X بعقوبات" is a sanction, no
attack; listing on a sanctions list imposes them; whom "the sanctions covered" are the
targets. Invented sentences only."""

from __future__ import annotations

from marsad.ingest import RawArticle
from marsad.pipeline import Pipeline

_PIPE = Pipeline()


def _events(text: str) -> list[tuple[str, set[str], set[str]]]:
    doc = _PIPE.process(RawArticle("s", text, "text"))
    key = {e.id: e.kb_id or e.name for e in doc.entities}
    return [(ev.type, {key[i] for i in ev.actors}, {key[i] for i in ev.targets})
            for ev in doc.events]


def test_targeting_with_sanctions_is_a_sanction() -> None:
    evs = _events("استهدف الاتحاد الأوروبي بعقوبات جديدة قادة في المجلس العسكري في مالي.")
    assert [t for t, _, _ in evs] == ["SANCTION"], evs
    assert evs[0][1] == {"european_union"}, evs


def test_the_treasury_targeting_officials_is_a_sanction() -> None:
    evs = _events("وقال مسؤول أمريكي إن وزارة الخزانة تستهدف اليوم أكثر من عشرين شخصا في "
                  "ثلاث دول.")
    assert "ASSAULT" not in {t for t, _, _ in evs}, evs


def test_targeting_with_shells_is_still_an_attack() -> None:
    evs = _events("واستهدف الجيش الإسرائيلي مواقع لحزب الله بقذائف المدفعية.")
    assert any(t == "ASSAULT" for t, _, _ in evs), evs


def test_a_budget_the_treasury_speaks_of_targets_no_one() -> None:
    evs = _events("وقالت وزارة الخزانة إن الموازنة الجديدة تستهدف خفض العجز إلى ثلاثة في المئة.")
    assert not evs, evs


def test_listing_on_a_sanctions_list_is_a_sanction() -> None:
    evs = _events("أدرجت وزارة الخزانة الأميركية شركة إيرانية للشحن على قائمة العقوبات.")
    assert [t for t, _, _ in evs] == ["SANCTION"], evs
    assert not _events("وأدرجت منظمة اليونسكو المدينة القديمة على قائمة التراث العالمي.")


def test_whom_the_sanctions_covered_are_their_targets() -> None:
    evs = _events("أعلنت وزارة الخزانة الأميركية، الثلاثاء، فرض عقوبات جديدة على أفراد وكيانات "
                  "في إيران وسوريا. وقالت الخزانة في بيان إن العقوبات شملت الحرس الثوري "
                  "الإيراني ومصرف سوريا المركزي.")
    sanctions = [e for e in evs if e[0] == "SANCTION"]
    assert len(sanctions) == 1, evs
    assert len(sanctions[0][2]) == 2 and not sanctions[0][1] & sanctions[0][2], evs
