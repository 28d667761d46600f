"""Marsad (مرصد): Arabic news in, sourced PLOVER events, entities and stories out.

    import marsad
    art = marsad.extract(text)              # one article: .entities, .events, .to_dict()
    for a in marsad.extract_many(texts):    # many, in order; failures yielded, not raised
        ...
    with marsad.open_store("corpus.db") as st:
        st.events_frame()                   # pandas (extra "frames")

Nothing heavy is imported by ``import marsad``: the pipeline loads on the first call.
"""

import logging
from typing import Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

_API = ("Article", "Entity", "Event", "extract", "extract_many", "open_store")
__all__ = [*_API, "__version__"]


def __getattr__(name: str) -> Any:
    # the Python API, imported on first use so that the CLI and workers stay light
    if name in _API:
        from . import python_api

        return getattr(python_api, name)
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
