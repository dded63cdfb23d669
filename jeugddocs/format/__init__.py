"""The Dutch formatting filters, shared by content references and Word templates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jeugddocs.format.dates import datum
from jeugddocs.format.lists import opsomming
from jeugddocs.format.numbers import FormatInputError, euro, euro_kort, getal, procent

#: Every filter with what it does, in Dutch for editors (``jeugddocs velden`` lists them).
_REGISTRY: dict[str, tuple[Callable[..., Any], str]] = {
    "euro": (
        euro,
        "bedrag in euro's: € 103.500, centen alleen als die er zijn; euro(false): hele euro's",
    ),
    "euro_kort": (euro_kort, "groot bedrag zoals in lopende tekst: € 1,25 miljoen"),
    "getal": (
        getal,
        "getal met Nederlandse punten en komma: 1.234,5; getal(1, vast=true): altijd 1 decimaal",
    ),
    "procent": (
        procent,
        "percentage: 32,3%; procent(0): zonder decimalen, procent(breuk=true): van 0,323",
    ),
    "datum": (datum, "datum in woorden: 9 januari 2020; datum('lang'): met de dag erbij"),
}

FILTERS: dict[str, Callable[..., Any]] = {name: entry[0] for name, entry in _REGISTRY.items()}
#: Filters for Word templates only: they work on lists and texts, which content
#: references (always a number or a date) never give.
TEMPLATE_FILTERS: dict[str, Callable[..., Any]] = {**FILTERS, "opsomming": opsomming}
#: What each of :data:`TEMPLATE_FILTERS` does, in Dutch.
FILTER_DESCRIPTIONS: dict[str, str] = {
    **{name: entry[1] for name, entry in _REGISTRY.items()},
    "opsomming": "teksten als opsomming in een zin: a, b en c; opsomming('of'): a, b of c",
}

__all__ = [
    "FILTERS",
    "FILTER_DESCRIPTIONS",
    "TEMPLATE_FILTERS",
    "FormatInputError",
    "datum",
    "euro",
    "euro_kort",
    "getal",
    "opsomming",
    "procent",
]
