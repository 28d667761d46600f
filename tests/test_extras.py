"""One error for a missing optional dependency, naming the extra to install."""

from __future__ import annotations

import pytest

from marsad.errors import ExtraMissing
from marsad.extras import require


def test_a_missing_extra_names_what_to_install() -> None:
    with pytest.raises(ExtraMissing, match=r'pip install "marsad\[nothing\]"'):
        require("marsad_no_such_module", "nothing", "this format")
    assert require("json", "core", "json").__name__ == "json"
