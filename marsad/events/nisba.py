"""Countries named by a nisba adjective ("مدربون عسكريون روس"، "دبلوماسيا جزائريا"), for
deployments and attacks whose actor or object is named only by nationality."""

from __future__ import annotations

from .view import DocView, unprefix


def nisba_country(key: str, demonyms: dict[str, str], *, accusative: bool = True
                  ) -> str | None:
    """The country of a nisba token: روسية، الروسية، والروسية، روسيين/روسيون (plural), and
    with ``accusative`` the indefinite object form ("دبلوماسيا جزائريا"), which a subject
    search leaves out (it would read the country name روسيا as a nisba)."""
    form = unprefix(key, "و") if accusative else key
    # the article, or letters of the word itself ("ألمانية" folds to المانيه)
    bases = (form[2:], form) if form.startswith("ال") else (form,)
    for base in bases:
        for cand in _forms(base, accusative):
            if cand and cand in demonyms:
                return demonyms[cand]
    return None


def _forms(base: str, accusative: bool) -> tuple[str | None, ...]:
    return (base, base[:-1] if accusative and base.endswith("ا") else None,
            base[:-2] if base.endswith(("ين", "ون")) and len(base) > 5 else None,
            # duals: مصريتان، مصريتين (feminine), مصريان، مصريين (masculine)
            base[:-3] + "ه" if base.endswith(("تان", "تين")) and len(base) > 6 else None,
            base[:-2] if base.endswith("ان") and len(base) > 5 else None)


def _country_of(v: DocView, key: str, accusative: bool) -> str | None:
    """nisba_country over the knowledge base's demonyms, remembered for the document."""
    memo, at = v.nisba_memo, (key, accusative)
    if at not in memo:
        memo[at] = nisba_country(key, v.kb.demonyms, accusative=accusative)
    return memo[at]


def demonym_targets(v: DocView, lo: int, hi: int, skip: frozenset[int] = frozenset()
                    ) -> tuple[str, ...]:
    """The countries of the nisbas in tokens ``[lo, hi)`` ("سفن حربية أمريكية وبريطانية"),
    in order, when the document names them; stops at a sentence break; tokens in ``skip``
    (the actor's own name, "الجيش اللبناني") are passed over."""
    out: list[str] = []
    for i, k in enumerate(v.keys[lo:hi], start=lo):
        if k in (".", "؛"):
            break
        if i in skip or i in v.placed_first_set:
            continue  # (a name, not its nisba: "مالي" is the state and the adjective)
        country = _country_of(v, k, True)
        if country and country in v.by_kb and v.by_kb[country] not in out:
            out.append(v.by_kb[country])
    return tuple(out)


def demonym_actor(v: DocView, lo: int, hi: int, skip: frozenset[int] = frozenset(),
                  places: frozenset[str] = frozenset(), *, army: bool = False
                  ) -> tuple[str, ...]:
    """The country of the first nisba in tokens ``[lo, hi)``, when the document names it
    (with ``army``, an act of force, its army when the document names only that: "قال
    الجيش الإسرائيلي … الغارة الإسرائيلية"); tokens in ``skip`` are passed over, and so is
    a nisba after one of the place nouns ``places`` ("في العاصمة الليبية")."""
    named = {i for pm in v.placed_in(lo, hi) for i in range(pm.first, pm.last + 1)}
    for i, k in enumerate(v.keys[lo:hi], start=lo):
        if i in skip or i in named or places and unprefix(v.prev_key(i), "وبفل") in places:
            # "هجمات متزامنة في مالي": the state's name, no nisba of it; "تعرض الجيش المالي
            # لهجوم": the nisba of a named body is that body's
            continue
        # (the indefinite accusative only after a noun in it: "جنودا روسا"، not "روسيا")
        accusative = i > lo and len(v.keys[i - 1]) > 3 and v.keys[i - 1].endswith("ا") \
            and i - 1 not in named
        country = _country_of(v, k, accusative)
        if country and country in v.by_kb:
            return (v.by_kb[country],)
        if army and country and country in v.army_of:
            return (v.army_of[country],)
    return ()
