"""Dividing a regional amount by a verdeelsleutel: the shares always add up to the total."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugddocs.calc.shares import SharesError, divide, exact_shares, unit_of

totals = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(Decimal),
    st.integers(min_value=-(10**12), max_value=10**12).map(lambda c: Decimal(c).scaleb(-2)),
)
weights = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=10**6).map(Decimal),
        st.decimals(min_value=0, max_value=100, places=2),
    ),
    min_size=1,
    max_size=40,
).filter(lambda ws: sum(ws) > 0)


@given(totals, weights)
def test_the_shares_add_up_to_the_total_and_each_is_within_one_unit(
    total: Decimal, ws: list[Decimal]
) -> None:
    shares = divide(total, ws)
    unit = unit_of(total)

    assert sum(shares, Decimal(0)) == total
    for share, exact in zip(shares, exact_shares(total, ws), strict=True):
        assert abs(Fraction(share) - exact) < Fraction(unit)
        assert share == share.quantize(unit)


@given(totals, weights)
def test_a_weight_of_zero_gets_nothing(total: Decimal, ws: list[Decimal]) -> None:
    shares = divide(total, [*ws, Decimal(0)])

    assert shares[-1] == 0


def test_the_largest_remainder_gets_the_missing_euro() -> None:
    # -- exact: 33.33, 33.33, 33.34: the last has the largest remainder --
    assert divide(Decimal(100), [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]) == [
        Decimal(33),
        Decimal(33),
        Decimal(34),
    ]


def test_of_equal_remainders_the_first_listed_gets_it() -> None:
    assert divide(Decimal(2), [Decimal(1)] * 3) == [Decimal(1), Decimal(1), Decimal(0)]


def test_cents_are_divided_when_the_total_has_cents() -> None:
    assert divide(Decimal("0.05"), [Decimal(1), Decimal(1)]) == [Decimal("0.03"), Decimal("0.02")]


def test_seed_000_by_its_own_table_as_weights() -> None:
    table = [750, 4800, 70000, 14750, 3300, 7900, 2000]

    assert divide(Decimal(103500), [Decimal(n) for n in table]) == [Decimal(n) for n in table]


@pytest.mark.parametrize(
    ("total", "ws", "kind", "index"),
    [
        (Decimal(100), [Decimal(1), Decimal(-1)], "negatief", 1),
        (Decimal(100), [Decimal(0), Decimal(0)], "nul", None),
        (Decimal("100.005"), [Decimal(1)], "centen", None),
    ],
)
def test_what_cannot_be_divided_says_why(
    total: Decimal, ws: list[Decimal], kind: str, index: int | None
) -> None:
    with pytest.raises(SharesError) as raised:
        divide(total, ws)

    assert (raised.value.kind, raised.value.index) == (kind, index)
