"""Tests of the HTML path (marsad/clean/html.py): trafilatura, then the text rules."""

from __future__ import annotations

import builtins
import sys
import time
from typing import Any

import pytest

pytest.importorskip("trafilatura")

from marsad.clean.html import HTML_EXTRA_MESSAGE, HtmlArticle, clean_html  # noqa: E402

P1 = (
    "استقبل وزير الخارجية اليوم الأحد في القاهرة نظيره الفرنسي، وبحث الجانبان سبل تعزيز "
    "العلاقات الثنائية والأوضاع في المنطقة."
)
P2 = (
    "وأكد الوزيران أهمية مواصلة التنسيق والتشاور بشأن القضايا الإقليمية والدولية ذات الاهتمام "
    "المشترك بين البلدين."
)
P3 = "وتناول اللقاء كذلك التحضيرات لزيارة مرتقبة للرئيس الفرنسي إلى القاهرة خلال الأشهر المقبلة."

PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>وزير الخارجية يستقبل نظيره الفرنسي | موقع الأخبار</title>
<meta property="og:title" content="وزير الخارجية يستقبل نظيره الفرنسي">
<meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2024-05-12T10:00:00+03:00">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/p">سياسة</a></li>
<li><a href="/e">اقتصاد</a></li></ul></nav>
<main><article>
<h1>وزير الخارجية يستقبل نظيره الفرنسي</h1>
<p>{P1}</p>
<script>document.write("<p>نص حقنه سكربت</p>"); alert("x")</script>
<p>اقرأ أيضا: الرئيس يستقبل رئيس وزراء اليونان</p>
<p>{P2}</p>
<p>{P3}</p>
<p>شارك</p>
</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/1">خبر جانبي أول عن الطقس</a></li>
<li><a href="/2">خبر جانبي ثان عن الرياضة</a></li></ul></aside>
<footer><p>© 2024 جميع الحقوق محفوظة</p><a href="/about">من نحن</a></footer>
</body></html>"""


def test_article_page() -> None:
    art = clean_html(PAGE, url="https://example.com/news/1")
    assert isinstance(art, HtmlArticle)
    text = art.cleaned.text
    for p in (P1, P2, P3):
        assert p in text
    for junk in ("سياسة", "خبر جانبي", "جميع الحقوق", "من نحن", "نص حقنه سكربت", "alert"):
        assert junk not in text
    assert art.title == "وزير الخارجية يستقبل نظيره الفرنسي"
    assert art.published == "2024-05-12"
    assert art.sitename == "موقع الأخبار"
    assert art.url == "https://example.com/news/1"


def test_text_rules_run_on_the_extracted_body() -> None:
    cleaned = clean_html(PAGE).cleaned
    rules = {r.text: r.rule for r in cleaned.removals}
    assert rules["اقرأ أيضا: الرئيس يستقبل رئيس وزراء اليونان"] == "read_also_block"
    assert rules["شارك"] == "share_bar"
    assert "اقرأ أيضا" not in cleaned.text
    assert cleaned.title == "وزير الخارجية يستقبل نظيره الفرنسي"


def test_url_is_passed_through_when_page_has_none() -> None:
    assert clean_html("", url="https://example.com/x").url == "https://example.com/x"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n ",
        "<html><head><title>عنوان فقط</title></head></html>",
        "<html><body></body></html>",
        "<html><body><script>var a = 1; document.write('<p>x</p>')</script></body></html>",
        "<html><frameset><frame src='https://example.com'></frameset></html>",
        "<!--" * 10_000,
        "\x00\x01\x02<p>\x00</p>",
        "just some text, not markup",
    ],
    ids=[
        "empty",
        "blank",
        "head-only",
        "empty-body",
        "script-only",
        "frameset",
        "open-comments",
        "binary",
        "not-html",
    ],
)
def test_pages_without_a_body_give_empty_text(html: str) -> None:
    art = clean_html(html)
    assert art.cleaned.text == ""
    assert art.cleaned.removals == ()


def _timed(html: str) -> tuple[HtmlArticle, float]:
    start = time.perf_counter()
    art = clean_html(html)
    return art, time.perf_counter() - start


def test_deeply_nested_markup() -> None:
    para = f"<p>{P1} {P2}</p>"
    art, elapsed = _timed("<html><body>" + "<div>" * 100_000 + para + "</div>" * 100_000)
    assert elapsed < 20
    assert "<div>" not in art.cleaned.text
    art, _ = _timed("<html><body>" + "<span><b>" * 5_000 + para + "</b></span>" * 5_000)
    assert "<span>" not in art.cleaned.text


def test_huge_attribute() -> None:
    html = f'<html><body><div title="{"x" * 5_000_000}"><p>{P1}</p><p>{P2}</p></div></body></html>'
    art, elapsed = _timed(html)
    assert elapsed < 20
    assert P1 in art.cleaned.text
    assert "xxxxxxxxxx" not in art.cleaned.text


def test_entities_are_not_expanded_or_fetched() -> None:
    html = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f"<html><body><p>&e;&b;&b;</p><p>{P1}</p><p>{P2}</p></body></html>"
    )
    art = clean_html(html)
    assert "root:" not in art.cleaned.text
    assert "aaaaaaaaaaaaaaaaaaaa" not in art.cleaned.text


def test_event_handlers_and_javascript_urls_are_not_text() -> None:
    html = (
        '<html><body><article><p onclick="alert(1)">'
        f'{P1}</p><a href="javascript:alert(2)">اضغط</a><p>{P2}</p>'
        '<img src="x" onerror="alert(3)"></article></body></html>'
    )
    text = clean_html(html).cleaned.text
    assert "alert" not in text
    assert P1 in text


def test_refused_when_absurdly_large(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.clean.html as html_mod

    monkeypatch.setattr(html_mod, "MAX_HTML_CHARS", 1_000)
    art = clean_html(PAGE)
    assert art.cleaned.text == ""


def test_clear_error_without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "trafilatura" or name.startswith("trafilatura."):
            raise ImportError("No module named 'trafilatura'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError) as info:
        clean_html(PAGE)
    assert str(info.value) == HTML_EXTRA_MESSAGE
    assert HTML_EXTRA_MESSAGE == "HTML input needs the 'html' extra: pip install 'marsad[html]'"


def test_importing_the_text_rules_does_not_import_trafilatura() -> None:
    import subprocess

    code = (
        "import sys, marsad.clean.text_rules, marsad.clean.html; "
        "print('trafilatura' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("page", [
    "<math><a><a>",  # an AssertionError escaped from lxml and stopped ingest (issue #15)
    "<svg><a><a>",
    "<div>" * 100_000,
])
def test_markup_that_breaks_the_parser_gives_an_empty_article_with_the_reason(page: str) -> None:
    art = clean_html(page)
    assert art.cleaned.text == ""
    if page.startswith("<math>"):
        assert art.error == "AssertionError in the parser"
