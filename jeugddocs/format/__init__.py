"""The Dutch formatting filters, shared by content references and Word templates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jeugddocs.format.dates import datum
from jeugddocs.format.lists import opsomming
from jeugddocs.format.numbers import FormatInputError, euro, euro_kort, getal, procent

FILTERS: dict[str, Callable[..., Any]] = {
    "euro": euro,
    "euro_kort": euro_kort,
    "getal": getal,
    "procent": procent,
    "datum": datum,
}

#: Filters for Word templates only: they work on lists and texts, which content
#: references (always a number or a date) never give.
TEMPLATE_FILTERS: dict[str, Callable[..., Any]] = {**FILTERS, "opsomming": opsomming}

__all__ = [
    "FILTERS",
    "TEMPLATE_FILTERS",
    "FormatInputError",
    "datum",
    "euro",
    "euro_kort",
    "getal",
    "opsomming",
    "procent",
]
