"""Language knowledge and the knowledge base, kept as data files (style habit 6).

``load_yaml`` reads a file below this folder once per process; the loaders that compile
the files into indexes live with the code that uses them (text/, kb/, events/).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent

try:  # the C loader is ~10x faster; fall back where libyaml is absent
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@cache
def load_yaml(relpath: str) -> Any:
    path = DATA_DIR / relpath
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except FileNotFoundError as e:
        raise DataFileError("data file is missing", path=str(path)) from e
    except yaml.YAMLError as e:
        raise DataFileError(f"not valid YAML: {e}", path=str(path)) from e


@cache
def common_words() -> frozenset[str]:
    """Match keys of the frequent Arabic words that are not names (``ar/common_words.txt``;
    '#' starts a comment). One loader for every stage that must tell a word from a name."""
    from ..text.normalize import match_key

    keys = (match_key(ln.split("#", 1)[0]) for ln in read_lines("ar/common_words.txt"))
    return frozenset(k for k in keys if k)


@cache
def number_words() -> frozenset[str]:
    """Match keys of the cardinal numbers written as words ("ثلاثة"، "عشرين": ``number_words``
    of ``ar/dates.yaml``). One set for the stages that tell a count from a name or a word:
    a number never stands in a name, and counts the people acted on."""
    from ..text.normalize import match_key

    numbers = load_yaml("ar/dates.yaml")["number_words"]
    return frozenset(match_key(w) for forms in numbers.values() for w in forms)


def read_lines(relpath: str) -> list[str]:
    """Non-empty, non-comment lines of a text data file."""
    path = DATA_DIR / relpath
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DataFileError("data file is missing", path=str(path)) from e
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
