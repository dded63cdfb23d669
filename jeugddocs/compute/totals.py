"""Totals of amount columns, computed exactly with Decimal."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal


def column_totals(rows: Sequence[Sequence[Decimal]], width: int) -> list[Decimal]:
    """Return the sum of each of the ``width`` columns of ``rows``.

    >>> column_totals([[Decimal(750), Decimal(1)], [Decimal(70000), Decimal(2)]], 2)
    [Decimal('70750'), Decimal('3')]
    """
    return [sum((row[i] for row in rows), Decimal(0)) for i in range(width)]
