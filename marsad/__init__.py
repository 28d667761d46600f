"""Marsad (مرصد): Arabic news in, sourced PLOVER events, entities and stories out."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
