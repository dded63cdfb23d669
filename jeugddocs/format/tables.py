"""How a table of amounts shows its numbers, and how wide its columns must be.

Shared by the renderer, which builds the Word table, and the checks that warn an
author before a table comes out too wide for the page.
"""

from __future__ import annotations

from decimal import Decimal

from jeugddocs.format.numbers import euro, euro_kort, getal, round_half_up

#: What one shown unit is worth, and how many decimals a shown amount keeps.
UNITS: dict[str, tuple[Decimal, int]] = {
    "euro": (Decimal(1), 2),
    "duizend": (Decimal(1000), 0),
    "miljoen": (Decimal(1_000_000), 1),
}

#: Text width of a portrait A4 page with the house style's margins, in centimetres.
PAGE_WIDTH_CM = 16.0
#: Share of the page the amount columns may take; the description column keeps the rest.
AMOUNTS_SHARE = 0.85
# -- at the table's 9 pt a character is about 0,19 cm; a cell adds its margins --
_CHARACTER_CM = 0.19
_PADDING_CM = 0.5
_MINIMUM_CM = 1.4


def shown(value: Decimal, eenheid: str) -> Decimal:
    """Return ``value`` as the table shows it: in its unit, rounded half up.

    >>> shown(Decimal(6167100), "duizend"), shown(Decimal(1500), "duizend")
    (Decimal('6167'), Decimal('2'))
    """
    unit, places = UNITS[eenheid]
    return round_half_up(value / unit, places)


def amount_cell(value: Decimal, eenheid: str = "euro", voordeel_nadeel: bool = False) -> str:
    """Format one amount as a table shows it: its unit, fixed decimals, and V or N.

    >>> amount_cell(Decimal(-2500), "duizend", voordeel_nadeel=True)
    '3\\xa0N'
    >>> amount_cell(Decimal(-400), "duizend", voordeel_nadeel=True)
    '0'
    """
    _, places = UNITS[eenheid]
    visible = shown(value, eenheid)
    amount = abs(visible) if voordeel_nadeel else visible
    text = euro(amount) if eenheid == "euro" else getal(amount, decimalen=places, vast=True)
    # -- V or N follows what the reader sees: an amount that rounds to 0 is neither --
    if voordeel_nadeel and visible != 0:
        text += "\xa0V" if visible > 0 else "\xa0N"
    return text


def unit_caption(eenheid: str) -> str:
    """Return the caption for amounts shown in a unit: ``(bedragen x € 1.000)``, or ''."""
    unit, _ = UNITS[eenheid]
    if unit == 1:
        return ""
    return f"(bedragen x {euro(unit) if unit < 1_000_000 else euro_kort(unit)})"


def amount_widths_cm(columns: list[list[str]]) -> list[float]:
    """Return the width each amount column needs for its longest text, in centimetres."""
    return [
        max(_MINIMUM_CM, _PADDING_CM + _CHARACTER_CM * max(len(text) for text in column))
        for column in columns
    ]


def fits_on_page(widths: list[float]) -> bool:
    """Return whether amount columns of these widths fit beside a description column."""
    return sum(widths) <= PAGE_WIDTH_CM * AMOUNTS_SHARE
