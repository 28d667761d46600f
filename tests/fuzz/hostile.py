"""Hostile inputs for the readers and the pipeline, shared by the fuzz tests (hypothesis) and
the long campaign (bench/fuzz_campaign.py, plain ``random``).

Each generator takes a ``random.Random`` and returns ``(suffix, data)``: the bytes of one
input file and the suffix that picks its reader. The crash classes of issue #15 are kept
as fixed examples in :data:`REGRESSIONS`; the fuzz tests run them on every CI run.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "marsad" / "data" / "demo"

Input = tuple[str, bytes]

# One input each for every crash class of issue #15, and the silent-damage cases.
REGRESSIONS: dict[str, Input] = {
    "jsonl lone surrogate in text": (
        ".jsonl", b'{"id": "a", "text": "\\ud800 \xd9\x82\xd8\xa7\xd9\x84"}\n'),
    "jsonl lone surrogate in id": (".jsonl", b'{"id": "\\udfff", "text": "abc"}\n'),
    "jsonl id of 5,000 digits": (".jsonl", b'{"id": ' + b"1" * 5000 + b', "text": "abc"}\n'),
    "jsonl 100,000 nested brackets": (".jsonl", b"[" * 100_000 + b"\n"),
    "jsonl raw U+2028 in a string": (
        ".jsonl", '{"id": "u", "text": "قال\u2028الرئيس"}\n'.encode()),
    "html <math><a><a>": (".html", b"<math><a><a>"),
    "html deep nesting": (".html", b"<div>" * 100_000),
    "text malformed month phrase": (".txt", "جمادى ؤخر 1445".encode()),
    "text 80 KB of initials": (".txt", b"J. " * 27_000),
    "text attribute pairs (widget_code backtracking)": (
        ".txt", b'<meta content="1" ' + b'content="2025-02-13t09:40" ' * 40 + b'content="2'),
    "text utf-8 with one bad byte": (
        ".txt", "التقى الرئيس".encode()[:9] + b"\xff" + "التقى الرئيس".encode()[9:]),
    "text utf-8 cut mid-character": (".txt", "التقى الرئيس".encode()[:-1]),
}

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
ODD = ("\u2028\u2029\u0085\u200f\u200e\u202e\ufeff\u00a0\x00\x0b\x0c\r\t\n"
       "\ud800\udfff\U0001f600\u0660\u06f9")
PUNCT = ".!?؟…؛،,:-–()[]«»\"'/"
WORDS = ("التقى الرئيس الروسي فلاديمير بوتين المشير خليفة حفتر في موسكو وزير الخارجية "
         "أمس الاثنين 12 مايو 2025 جمادى الآخرة 1445 هـ رمضان الماضي مطلع الشهر المقبل "
         "قصفت قوات الدعم السريع مخيم زمزم قرب الفاشر د. م. J. U.S. ق.م. قال إن").split()
TAGS = ("html", "body", "div", "p", "a", "math", "svg", "table", "tr", "td", "script", "style",
        "title", "meta", "article", "li", "ul", "br", "img", "iframe", "template", "noscript",
        "select", "option", "textarea", "frameset", "!--", "![CDATA[", "?xml", "!DOCTYPE")


def demo_articles() -> list[bytes]:
    """The bundled demo articles (text and HTML files, and each JSONL line's text)."""
    out = [p.read_bytes() for p in sorted(DEMO.glob("*")) if p.suffix in (".txt", ".html")]
    for p in sorted(DEMO.glob("*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"].encode("utf-8"))
    return out


def arabicish(rnd: random.Random, n: int) -> str:
    """Arabic-looking text: words, letters, marks, punctuation, digits, odd characters."""
    out: list[str] = []
    for _ in range(n):
        k = rnd.random()
        if k < 0.55:
            out.append(rnd.choice(WORDS))
        elif k < 0.75:
            out.append("".join(rnd.choice(ARABIC) for _ in range(rnd.randint(1, 9))))
        elif k < 0.85:
            out.append(rnd.choice(PUNCT))
        elif k < 0.92:
            out.append(str(rnd.randint(0, 10 ** rnd.randint(1, 6))))
        elif k < 0.97:
            out.append(rnd.choice(MARKS))
        else:
            out.append(rnd.choice(ODD))
        out.append(rnd.choice(" " * 8 + "\n"))
    return "".join(out)


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


def random_bytes(rnd: random.Random) -> Input:
    n = rnd.choice((0, 1, 3, 16, 200, 4000))
    return rnd.choice((".txt", ".html", ".jsonl")), rnd.randbytes(n)


def random_unicode(rnd: random.Random) -> Input:
    n = rnd.choice((1, 10, 100, 1000))
    text = "".join(chr(rnd.choice((rnd.randint(0, 0x7F), rnd.randint(0x600, 0x6FF),
                                   rnd.randint(0, 0x10FFFF)))) for _ in range(n))
    return rnd.choice((".txt", ".html")), _bytes(text)


def mutated_article(rnd: random.Random, articles: list[bytes]) -> Input:
    """A demo article with random byte-level and text-level damage."""
    data = bytearray(rnd.choice(articles))
    for _ in range(rnd.randint(1, 8)):
        op = rnd.randrange(6)
        at = rnd.randrange(len(data) + 1)
        if op == 0 and data:  # flip a byte
            data[min(at, len(data) - 1)] = rnd.randrange(256)
        elif op == 1:  # insert odd text
            data[at:at] = _bytes(rnd.choice(ODD) * rnd.randint(1, 3))
        elif op == 2:  # cut
            del data[at:]
        elif op == 3:  # repeat a chunk (long lines, many sentences)
            chunk = bytes(data[at:at + rnd.randint(1, 400)])
            data[at:at] = chunk * rnd.randint(2, 50)
        elif op == 4:  # remove line breaks (one long line)
            data = bytearray(bytes(data).replace(b"\n", b" "))
        else:  # insert Arabic-ish words
            data[at:at] = _bytes(arabicish(rnd, rnd.randint(1, 30)))
    return rnd.choice((".txt", ".txt", ".html")), bytes(data)


def hostile_html(rnd: random.Random) -> Input:
    parts: list[str] = []
    depth = rnd.choice((1, 5, 50, 2000))
    for _ in range(rnd.randint(1, depth)):
        tag = rnd.choice(TAGS)
        k = rnd.random()
        if k < 0.5:
            parts.append(f"<{tag}>")
        elif k < 0.7:
            parts.append(f"</{tag}>")
        elif k < 0.8:
            parts.append(f"<{tag} {rnd.choice(('a', 'href', 'xmlns', 'lang'))}="
                         f"\"{rnd.choice(ODD)}\">")
        else:
            parts.append(arabicish(rnd, rnd.randint(1, 20)))
    return ".html", _bytes("".join(parts))


def hostile_jsonl(rnd: random.Random) -> Input:
    lines: list[str] = []
    for _ in range(rnd.randint(1, 6)):
        k = rnd.randrange(10)
        text = arabicish(rnd, rnd.randint(1, 40))
        if k == 0:
            lines.append('{"id": "s", "text": "' + rnd.choice(("\\ud800", "\\udfff", "x")) + '"}')
        elif k == 1:
            lines.append('{"id": ' + "7" * rnd.choice((10, 100, 5000)) + ', "text": "x"}')
        elif k == 2:
            n = rnd.choice((10, 40, 5000, 100_000))
            lines.append(rnd.choice("[{") * n if rnd.random() < 0.5 else
                         '{"id": "n", "text": "x", "a": ' + "[" * n + "]" * n + "}")
        elif k == 3:
            lines.append(json.dumps({"id": rnd.choice((1, True, None, 1.5, "", [], "ok")),
                                     "text": text}, ensure_ascii=False))
        elif k == 4:
            lines.append(json.dumps({"id": "h", "html": hostile_html(rnd)[1].decode(
                "utf-8", "replace")}, ensure_ascii=False))
        elif k == 5:
            lines.append(json.dumps({"id": f"u{k}", "text": text + "\u2028" + text,
                                     "published": rnd.choice(("0623-01-01", "9999-12-31",
                                                              "2025-02-30", "x", "2025-05-12"))},
                                    ensure_ascii=False))
        elif k == 6:
            lines.append(json.dumps({"id": "t", "text": text}, ensure_ascii=False)[
                : rnd.randint(0, 40)])
        else:
            lines.append(json.dumps({"id": f"g{rnd.randrange(10**6)}", "text": text},
                                    ensure_ascii=False))
    sep = rnd.choice(("\n", "\r\n", "\n\n"))
    return ".jsonl", _bytes(sep.join(lines))


def huge_article(rnd: random.Random, articles: list[bytes], size: int = 20_000_000) -> Input:
    """Demo articles repeated up to ``size`` bytes (the reader's limit is 20 MB), as one
    line or as paragraphs: the time of one article at the size limit."""
    data = b"\n".join(articles)
    if rnd.random() < 0.5:
        data = data.replace(b"\n", b" ")
    return ".txt", (data * (size // len(data) + 1))[: size - 1]


GENERATORS: dict[str, Callable[..., Input]] = {
    "random bytes": random_bytes,
    "random unicode": random_unicode,
    "mutated article": mutated_article,
    "hostile html": hostile_html,
    "hostile jsonl": hostile_jsonl,
}
