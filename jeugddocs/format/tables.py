"""How a table of amounts shows its numbers, and how wide its columns must be.

Shared by the renderer, which builds the Word table, and the checks that warn an
author before a table comes out too wide for the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jeugddocs.format.numbers import (
    euro,
    euro_kort,
    euro_met_centen,
    fewest_places,
    getal,
    procent,
    round_half_up,
)

#: What one shown unit is worth, and how many decimals a shown amount keeps.
UNITS: dict[str, tuple[Decimal, int]] = {
    "euro": (Decimal(1), 2),
    "duizend": (Decimal(1000), 0),
    "miljoen": (Decimal(1_000_000), 1),
    # -- not amounts: the numbers of a chart's data table (458 cliënten, 32,3%) --
    "aantal": (Decimal(1), 2),
    "procent": (Decimal(1), 1),
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


def amount_cell(
    value: Decimal | None,
    eenheid: str = "euro",
    voordeel_nadeel: bool = False,
    *,
    euro_teken: bool = True,
    vn_voor: bool = False,
    centen: bool = False,
    decimalen: int | None = None,
) -> str:
    """Format one amount as a table shows it: its unit, fixed decimals, and V or N.

    An empty cell (None) stays empty. Without ``euro_teken`` an amount in euros has no
    "€" (the caption says "bedragen in €"); with ``vn_voor`` V or N comes first.

    >>> amount_cell(Decimal(-2500), "duizend", voordeel_nadeel=True)
    '3\\xa0N'
    >>> amount_cell(Decimal(-400), "duizend", voordeel_nadeel=True)
    '0'
    >>> amount_cell(Decimal(12000), voordeel_nadeel=True, euro_teken=False, vn_voor=True)
    'V\\xa012.000'
    """
    if value is None:
        return ""
    _, places = UNITS[eenheid]
    visible = shown(value, eenheid)
    amount = abs(visible) if voordeel_nadeel else visible
    if eenheid == "euro":
        # -- cents only when there are any, or when the column has some (``centen``) --
        whole = amount == amount.to_integral_value() and not centen
        text = getal(amount, decimalen=0 if whole else 2, vast=True)
        if euro_teken:
            text = euro(amount) if not centen else euro_met_centen(amount)
    elif eenheid == "procent":
        text = procent(amount, places if decimalen is None else decimalen)
    elif eenheid == "aantal":
        text = getal(amount, decimalen=places if decimalen is None else decimalen, vast=True)
    else:
        text = getal(amount, decimalen=places, vast=True)
    # -- V or N follows what the reader sees: an amount that rounds to 0 is neither --
    if voordeel_nadeel and visible != 0:
        mark = "V" if visible > 0 else "N"
        text = f"{mark}\xa0{text}" if vn_voor else f"{text}\xa0{mark}"
    return text


def column_cells(
    values: Sequence[Decimal | None],
    eenheid: str = "euro",
    voordeel_nadeel: bool = False,
    *,
    euro_teken: bool = True,
    vn_voor: bool = False,
) -> list[str]:
    """Format one column of a table: where any amount has cents, all show them, so the
    amounts stand decimal under decimal when right-aligned.

    >>> column_cells([Decimal(100), Decimal("2.5"), None])
    ['€\xa0100,00', '€\xa02,50', '']
    """
    cents = eenheid == "euro" and any(
        v is not None and round_half_up(v, 2) != round_half_up(v, 2).to_integral_value()
        for v in values
    )
    # -- counts and percentages: as many decimals as the column needs, the same for all --
    places = UNITS[eenheid][1]
    needed = fewest_places(values, places)
    return [
        amount_cell(
            v,
            eenheid,
            voordeel_nadeel,
            euro_teken=euro_teken,
            vn_voor=vn_voor,
            centen=cents,
            decimalen=needed if eenheid in ("aantal", "procent") else None,
        )
        for v in values
    ]


def unit_caption(eenheid: str, euro_teken: bool = True) -> str:
    """Return the caption for amounts shown in a unit: ``(bedragen x € 1.000)``, or ''.

    Amounts in euros without "€" in each cell get ``(bedragen in €)``.
    """
    unit, _ = UNITS[eenheid]
    if eenheid in ("aantal", "procent"):
        return ""
    if unit == 1:
        return "" if euro_teken else "(bedragen in €)"
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
