from __future__ import annotations

import pytest

from marsad.fuse import build_stories, minhash_signature, near_duplicates, shingles
from marsad.fuse.dedup import estimated_jaccard

from .records import event, record

BASE = (
    "التقى القائد العام للقوات المسلحة الليبية خليفة حفتر الرئيس الروسي فلاديمير بوتين "
    "في العاصمة موسكو يوم السبت، وبحث الجانبان سبل تعزيز التعاون العسكري والاقتصادي بين "
    "البلدين. وقال المتحدث باسم الكرملين إن اللقاء تناول الأوضاع الأمنية في ليبيا ومنطقة "
    "الساحل الإفريقي، مشيرا إلى أن موسكو تدعم الحل السياسي للأزمة الليبية. وأضاف أن "
    "الرئيس بوتين أكد استعداد بلاده لمواصلة التنسيق مع القيادة العامة في بنغازي، كما جرى "
    "الاتفاق على تشكيل لجنة مشتركة لمتابعة تنفيذ ما تم التفاهم عليه. ويأتي هذا اللقاء بعد "
    "أشهر من زيارة قام بها نائب وزير الدفاع الروسي يونس بك يفكوروف إلى بنغازي، حيث التقى "
    "حفتر وعددا من القادة العسكريين. ولم تصدر حكومة الوحدة الوطنية في طرابلس أي تعليق على "
    "الزيارة حتى الآن، فيما يرى مراقبون أن التقارب بين حفتر وموسكو يثير قلق العواصم الغربية "
    "التي تخشى توسع النفوذ الروسي في جنوب البحر المتوسط وعمق القارة الإفريقية."
)

# the same wire story as another outlet prints it: its own dateline and credit, different
# hamza and ta-marbuta habits, a diacritic, a social-media line the cleaner left in
COPY = (
    "موسكو (وكالات) - التقى القائد العام للقوات المسلحة الليبيه خليفه حفتر الرئيس الروسي "
    "فلاديمير بوتين في العاصمة موسكو يوم السبت، وبحث الجانبان سبل تعزيز التعاون العسكري "
    "والاقتصادي بين البلدين. وقال المتحدث باسم الكرملين إن اللقاء تناول الاوضاع الامنية في "
    "ليبيا ومنطقة الساحل الافريقي، مشيرا إلى أن موسكو تدعم الحلّ السياسي للأزمة الليبية. "
    "وأضاف أن الرئيس بوتين أكد استعداد بلاده لمواصلة التنسيق مع القيادة العامة في بنغازي، "
    "كما جرى الاتفاق على تشكيل لجنة مشتركة لمتابعة تنفيذ ما تم التفاهم عليه. ويأتي هذا "
    "اللقاء بعد أشهر من زيارة قام بها نائب وزير الدفاع الروسي يونس بك يفكوروف إلى بنغازي، "
    "حيث التقى حفتر وعددا من القادة العسكريين. ولم تصدر حكومة الوحدة الوطنية في طرابلس أي "
    "تعليق على الزيارة حتى الآن، فيما يرى مراقبون أن التقارب بين حفتر وموسكو يثير قلق "
    "العواصم الغربية التي تخشى توسع النفوذ الروسي في جنوب البحر المتوسط وعمق القارة "
    "الإفريقية. تابعونا على قناتنا"
)

# the copy with its last two sentences (a quarter of the article) cut by the editor
TRIMMED = COPY[: COPY.index(" ولم تصدر")]

# another outlet's own report of the same meeting, quoting the same Kremlin line
OWN_REPORT = (
    "استقبل الرئيس فلاديمير بوتين في الكرملين المشير خليفة حفتر في زيارة هي الثالثة له "
    "خلال عامين. وقال المتحدث باسم الكرملين إن اللقاء تناول الأوضاع الأمنية في ليبيا ومنطقة "
    "الساحل الإفريقي. ويرى محللون أن موسكو تسعى لتثبيت وجودها العسكري في قاعدة الجفرة "
    "وقاعدة براك الشاطئ، في حين تطالب واشنطن بخروج المرتزقة الأجانب من ليبيا."
)

# the same template about other people, place and day
OTHER = (BASE.replace("خليفة حفتر", "عبد الحميد الدبيبة")
         .replace("فلاديمير بوتين", "رجب طيب أردوغان")
         .replace("موسكو", "أنقرة").replace("الروسي", "التركي").replace("الكرملين", "الرئاسة")
         .replace("السبت", "الأحد").replace("بنغازي", "مصراتة").replace("حفتر", "الدبيبة"))


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_threshold_sits_between_copies_and_other_stories() -> None:
    """The evidence for DEFAULT_THRESHOLD = 0.8 (see marsad/fuse/dedup.py)."""
    j_copy, j_own, j_other = jaccard(BASE, COPY), jaccard(BASE, OWN_REPORT), jaccard(BASE, OTHER)
    print(f"\nJaccard copy={j_copy:.3f} own-report={j_own:.3f} same-template={j_other:.3f}")
    assert j_copy >= 0.85
    assert j_own < 0.2
    assert j_other < 0.5
    est = estimated_jaccard(minhash_signature(shingles(BASE)), minhash_signature(shingles(COPY)))
    assert abs(est - j_copy) < 0.12


def test_trimmed_copy_needs_a_lower_threshold() -> None:
    """Documents the trade-off: word 5-shingle Jaccard punishes trimming, so a copy that lost a
    quarter of its text falls under 0.8; 0.6 still keeps the same-template story apart."""
    j = jaccard(BASE, TRIMMED)
    print(f"\nJaccard trimmed copy={j:.3f}")
    recs = [record("a", text=BASE), record("t", text=TRIMMED), record("d", text=OTHER)]
    assert j < 0.8
    assert near_duplicates(recs) == []
    assert near_duplicates(recs, threshold=0.6) == [{"a", "t"}]


def test_syndicated_copy_is_one_group() -> None:
    recs = [
        record("a", text=BASE, outlet="Libya Observer"),
        record("b", text=COPY, url="https://www.alwasat.ly/news/123"),
        record("c", text=OWN_REPORT, outlet="Al Jazeera"),
        record("d", text=OTHER, outlet="Anadolu"),
        record("e", text=""),
    ]
    assert near_duplicates(recs) == [{"a", "b"}]
    # the same result in any input order
    assert near_duplicates(list(reversed(recs))) == [{"a", "b"}]


def test_verbatim_copies_and_transitivity() -> None:
    recs = [record(str(i), text=BASE) for i in range(5)] + [record("x", text=COPY)]
    assert near_duplicates(recs) == [{"0", "1", "2", "3", "4", "x"}]


def test_threshold_is_validated() -> None:
    with pytest.raises(ValueError):
        near_duplicates([], threshold=0)
    assert near_duplicates([]) == []


def test_short_texts() -> None:
    assert shingles("التقى حفتر بوتين") == {"التقي حفتر بوتين"}
    assert shingles("  ") == set()


def test_copy_counts_once_in_independent_sources() -> None:
    kb = ("haftar", "putin", "moscow")
    ev = event(actors=("haftar",), targets=("putin",), location="moscow", date="2025-05-10")
    recs = [
        record("a", text=BASE, outlet="Libya Observer", kb=kb, events=[ev]),
        record("b", text=COPY, url="https://www.alwasat.ly/news/123", kb=kb, events=[ev]),
        record("c", text=OWN_REPORT, outlet="Al Jazeera", kb=kb, events=[ev]),
    ]
    (story,) = build_stories(recs)
    assert story.sources == ("al jazeera", "alwasat.ly", "libya observer")
    assert story.independent_sources == (("al jazeera",), ("alwasat.ly", "libya observer"))
    assert story.n_independent == 2
    assert story.certainty == "corroborated"
    # the copy alone does not corroborate
    (only_copies,) = build_stories(recs[:2])
    assert only_copies.n_independent == 1
    assert only_copies.certainty == "single-source"
