"""Dividing a regional amount over participants by weights, so the shares add up exactly.

Each participant's exact share is ``total × weight / sum of weights``, computed as a
fraction (no rounding at all). Shares are rounded to whole euros, or to cents when the
total has cents, by the largest remainder method: every share is first rounded down;
the units still missing (there are fewer than participants) go one each to the shares
with the largest remainder, and of equal remainders to the one listed first. So the
shares always add up to the total, and each differs less than one unit (one euro or
one cent) from its exact value.

>>> divide(Decimal(100), [Decimal(1), Decimal(1), Decimal(1)])
[Decimal('34'), Decimal('33'), Decimal('33')]
>>> divide(Decimal("10.01"), [Decimal(2), Decimal(1)])
[Decimal('6.67'), Decimal('3.34')]
>>> divide(Decimal(-100), [Decimal(1), Decimal(2)])
[Decimal('-33'), Decimal('-67')]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

_CENT = Decimal("0.01")


class SharesError(ValueError):
    """Weights or a total that cannot be divided; ``kind`` says which, for the message.

    ``kind`` is "negatief" (a weight below zero, at ``index``), "nul" (the weights add
    up to zero) or "centen" (a total with more than two decimals).
    """

    def __init__(self, kind: str, index: int | None = None) -> None:
        super().__init__(kind)
        self.kind = kind
        self.index = index


def unit_of(total: Decimal) -> Decimal:
    """Return what shares of ``total`` are rounded to: one euro, or one cent if it has cents.

    >>> unit_of(Decimal(103500)), unit_of(Decimal("1000.50"))
    (Decimal('1'), Decimal('0.01'))
    """
    return Decimal(1) if total == total.to_integral_value() else _CENT


def exact_shares(total: Decimal, weights: Sequence[Decimal]) -> list[Fraction]:
    """Return each weight's exact share of ``total``, unrounded; raise SharesError if none.

    >>> exact_shares(Decimal(100), [Decimal(1), Decimal(2)])
    [Fraction(100, 3), Fraction(200, 3)]
    """
    for index, weight in enumerate(weights):
        if weight < 0:
            raise SharesError("negatief", index)
    whole = sum((Fraction(weight) for weight in weights), Fraction(0))
    if whole == 0:
        raise SharesError("nul")
    return [Fraction(total) * Fraction(weight) / whole for weight in weights]


def divide(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Return the shares of ``total`` by ``weights``, rounded so that they add up to it.

    Rounded by the largest remainder method; see the module's docstring for the rule.
    """
    unit = unit_of(total)
    units = Fraction(total) / Fraction(unit)
    if units.denominator != 1:
        raise SharesError("centen")
    exact = [share / Fraction(unit) for share in exact_shares(abs(total), weights)]
    floors = [math.floor(share) for share in exact]
    missing = abs(units.numerator) - sum(floors)
    # -- largest remainder first; of equal remainders, the one listed first --
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for index in order[:missing]:
        floors[index] += 1
    sign = -1 if total < 0 else 1
    return [Decimal(sign * count) * unit for count in floors]
