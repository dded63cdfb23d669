"""Totals of amount columns and rows, and amounts shown in thousands, exactly with Decimal.

A total is always computed from the unrounded amounts and rounded once, as a
budget does; where that makes the shown rows not add up to the shown total,
the table says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jeugddocs.format.tables import shown

#: A cell of a table: an amount, or None for a cell left empty (``~``), which counts as 0.
Cell = Decimal | None


def column_totals(rows: Sequence[Sequence[Cell]], width: int) -> list[Decimal]:
    """Return the sum of each of the ``width`` columns of ``rows``; empty cells count as 0.

    >>> column_totals([[Decimal(750), Decimal(1)], [Decimal(70000), None]], 2)
    [Decimal('70750'), Decimal('1')]
    """
    return [sum((row[i] or Decimal(0) for row in rows), Decimal(0)) for i in range(width)]


def row_totals(rows: Sequence[Sequence[Cell]]) -> list[Decimal]:
    """Return the sum of each row; empty cells count as 0.

    >>> row_totals([[Decimal(1), Decimal(2)], [Decimal(3), None]])
    [Decimal('3'), Decimal('3')]
    """
    return [sum((value or Decimal(0) for value in row), Decimal(0)) for row in rows]


def rounding_gaps(
    rows: Sequence[Sequence[Cell]], totals: Sequence[Decimal], eenheid: str
) -> list[bool]:
    """Return, per column, whether the shown rows do not add up to the shown total.

    >>> rounding_gaps([[Decimal(1400)], [Decimal(1400)]], [Decimal(2800)], "duizend")
    [True]
    """
    return [
        sum((shown(row[i] or Decimal(0), eenheid) for row in rows), Decimal(0))
        != shown(total, eenheid)
        for i, total in enumerate(totals)
    ]
