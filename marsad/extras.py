"""Optional dependencies: a library of an extra imported where it is needed, or one clear
error naming the extra to install (no traceback, no half-done work)."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import ExtraMissing


def require(module: str, extra: str, what: str) -> ModuleType:
    """``module`` imported, else :class:`ExtraMissing`: "<what> needs the "<extra>" extra:
    pip install "marsad[<extra>]"."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ExtraMissing(f'{what} needs the "{extra}" extra: '
                           f'pip install "marsad[{extra}]"') from e
