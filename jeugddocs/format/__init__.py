"""The Dutch formatting filters, shared by content references and Word templates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jeugddocs.format.dates import datum
from jeugddocs.format.numbers import FormatInputError, euro, euro_kort, getal, procent

FILTERS: dict[str, Callable[..., Any]] = {
    "euro": euro,
    "euro_kort": euro_kort,
    "getal": getal,
    "procent": procent,
    "datum": datum,
}

__all__ = ["FILTERS", "FormatInputError", "datum", "euro", "euro_kort", "getal", "procent"]
