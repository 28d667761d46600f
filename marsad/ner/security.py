"""Security and intelligence branches named by their domain: "المخابرات الجوية"،
"الاستخبارات العسكرية"، "جهاز أمن الدولة"، "مديرية الأمن العام" (issue #14). The general
organisation rules take "المخابرات" alone for a generic noun and "الجوية" for an
adjective; a branch's name is a closed vocabulary (``data/ar/security.yaml``).
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_yaml
from ..doc import Token
from ..text.normalize import match_key
from ..text.scan import positions_in
from ..text.segment import name_proclitics
from .orgs import is_state_nisba
from .patterns import Found

_CLITICS = ("", *name_proclitics())
_MAX_DOMAIN_WORDS = 3


@dataclass(frozen=True)
class _Data:
    intelligence: frozenset[str]
    domains: frozenset[str]
    admin_heads: frozenset[str]
    security_domains: frozenset[str]  # folded, words joined by one space
    intelligence_construct: frozenset[str]
    state_bodies: frozenset[str]


@lru_cache(maxsize=1)
def security_data() -> _Data:
    raw = load_yaml("ar/security.yaml")
    return _Data(*(frozenset(match_key(w) for w in raw[k])
                   for k in ("intelligence", "domains", "admin_heads", "security_domains",
                             "intelligence_construct", "state_bodies")))


@lru_cache(maxsize=1)
def security_cues() -> frozenset[str]:
    """The heads with every clitic they may carry ("والمخابرات"، "بجهاز")."""
    d = security_data()
    heads = d.intelligence | d.admin_heads | d.intelligence_construct
    return frozenset(c + h for h in heads for c in _CLITICS)


def find_security_branches(text: str, tokens: Sequence[Token], keys: Sequence[str],
                           kb_types: dict[int, str], kb: object = None) -> list[Found]:
    """ORG mentions of branches: "واعتقلت المخابرات الجوية ناشطين" → "المخابرات
    الجوية"; "إلى جهاز أمن الدولة" → "جهاز أمن الدولة"; "شعبة المخابرات العسكرية"
    whole. "المخابرات" alone and "الإخلال
    بالأمن العام" (public order, no head) are none. Known names (``kb_types``) stay."""
    d = security_data()
    demonyms: Container[str] = getattr(kb, "demonyms", frozenset())
    out: list[Found] = []
    # only a head behind a clitic opens a branch: the tokens that are one, found in C
    for i in positions_in(keys, security_cues()):
        k = keys[i]
        clitic, head = _head(k, d)
        if head is None or i in kb_types:
            continue
        if head in d.intelligence_construct:
            out += _state_service(tokens, keys, i, clitic, d, demonyms)
            continue
        if head in d.intelligence:
            end = i + 1 if i + 1 < len(keys) and keys[i + 1] in d.domains else -1
        else:
            end = _security_domain_end(keys, i + 1, d)
        if end < 0 or any(x in kb_types for x in range(i + 1, end + 1)):
            continue
        if end + 1 < len(keys) and end + 1 not in kb_types \
                and is_state_nisba(keys[end + 1], demonyms):
            end += 1  # the state's nisba closes the name: "المخابرات الجوية السورية"
        start = i
        if head in d.intelligence and i > 0 and i - 1 not in kb_types:
            before, before_head = _head(keys[i - 1], d)
            if before_head in d.admin_heads:  # "جهاز المخابرات العامة": the head too
                start, clitic = i - 1, before
        out.append(Found(tokens[start].start + clitic, tokens[end].end, "ORG", start, end))
    return out


def _head(key: str, d: _Data) -> tuple[int, str | None]:
    """(clitic length, head) of a branch head token ("والمخابرات" → 1, "المخابرات")."""
    for c in _CLITICS:
        rest = key[len(c):]
        if key.startswith(c) and (rest in d.intelligence or rest in d.admin_heads
                                  or rest in d.intelligence_construct):
            return len(c), rest
    return 0, None


def _state_service(tokens: Sequence[Token], keys: Sequence[str], i: int, clitic: int,
                   d: _Data, demonyms: Container[str]) -> list[Found]:
    """"واتهم مخابرات النظام السوري" → "مخابرات النظام السوري": the service of a state's
    body named by the state's nisba (the body's own name inside is no separate entity);
    "مخابرات النظام" alone, without the state, is none."""
    if i + 2 < len(keys) and keys[i + 1] in d.state_bodies \
            and is_state_nisba(keys[i + 2], demonyms):
        return [Found(tokens[i].start + clitic, tokens[i + 2].end, "ORG", i, i + 2)]
    return []


def _security_domain_end(keys: Sequence[str], j: int, d: _Data) -> int:
    """The last token of the longest security domain from ``j`` ("أمن الدولة العليا"), or -1."""
    for n in range(_MAX_DOMAIN_WORDS, 0, -1):
        if j + n <= len(keys) and " ".join(keys[j:j + n]) in d.security_domains:
            return j + n - 1
    return -1
