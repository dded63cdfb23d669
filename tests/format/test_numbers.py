"""The Dutch filters: every row of formatting.md, literally, plus properties."""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugddocs.format import FILTERS, FormatInputError, datum, euro, euro_kort, getal, procent

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "call", "expected"),
    [
        (103500, lambda v: euro(v), f"€{NBSP}103.500"),
        (1234.56, lambda v: euro(v), f"€{NBSP}1.234,56"),
        (1234.5, lambda v: euro(v), f"€{NBSP}1.234,50"),
        (-1000, lambda v: euro(v), f"€{NBSP}-1.000"),
        (1234.5, lambda v: euro(v, centen=False), f"€{NBSP}1.235"),
        (8000000, lambda v: euro_kort(v), f"€{NBSP}8 miljoen"),
        (1250000, lambda v: euro_kort(v), f"€{NBSP}1,25 miljoen"),
        (3800000000, lambda v: euro_kort(v), f"€{NBSP}3,8 miljard"),
        (6167100, lambda v: getal(v), "6.167.100"),
        (32.3, lambda v: procent(v), "32,3%"),
        (0.323, lambda v: procent(v, breuk=True), "32,3%"),
        (datetime.date(2020, 1, 9), lambda v: datum(v), "9 januari 2020"),
        (datetime.date(2020, 1, 9), lambda v: datum(v, "lang"), "donderdag 9 januari 2020"),
    ],
    ids=[
        "euro-heel",
        "euro-centen",
        "euro-halve-cent",
        "euro-negatief",
        "euro-afgerond",
        "kort-miljoen",
        "kort-decimalen",
        "kort-miljard",
        "getal",
        "procent",
        "procent-breuk",
        "datum",
        "datum-lang",
    ],
)
def test_formatting_md_rows(value: object, call: object, expected: str) -> None:
    assert call(value) == expected  # type: ignore[operator]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("0.125"), f"€{NBSP}0,13"),
        (Decimal("2.5"), f"€{NBSP}2,50"),
        (Decimal("-0.001"), f"€{NBSP}0"),
        (Decimal("1234.999"), f"€{NBSP}1.235"),
    ],
)
def test_euro_rounds_half_up_and_never_shows_minus_zero(value: Decimal, expected: str) -> None:
    assert euro(value) == expected


def test_euro_whole_rounds_half_up_not_half_even() -> None:
    assert euro(Decimal("2.5"), centen=False) == f"€{NBSP}3"
    assert euro(Decimal("3.5"), centen=False) == f"€{NBSP}4"


def test_euro_kort_rounds_half_up_at_its_unit() -> None:
    assert euro_kort(1_245_000) == f"€{NBSP}1,25 miljoen"
    assert euro_kort(999_999) == f"€{NBSP}999.999"


@pytest.mark.parametrize("name", sorted(FILTERS))
@pytest.mark.parametrize("bad", ["103.500", None, True, [1], float("nan")])
def test_filters_refuse_what_they_cannot_format(name: str, bad: object) -> None:
    with pytest.raises(FormatInputError):
        FILTERS[name](bad)


@given(
    st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True),
        st.floats(),
        st.integers(),
        st.text(max_size=10),
        st.none(),
        st.booleans(),
    ),
    st.sampled_from(sorted(FILTERS)),
)
def test_no_input_makes_a_filter_raise_anything_but_a_format_error(
    value: object, name: str
) -> None:
    try:
        rv = FILTERS[name](value)
    except FormatInputError as exc:
        assert str(exc).startswith(f"filter '{name}' verwacht")
    else:
        assert isinstance(rv, str) and rv


def _parse_dutch(text: str) -> Decimal:
    number = text.replace("€", "").replace(NBSP, "").replace(".", "").replace(",", ".")
    return Decimal(number)


amounts = st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False)


@given(amounts)
def test_euro_never_loses_or_invents_digits(value: Decimal) -> None:
    text = euro(value)
    assert text.startswith(f"€{NBSP}")
    assert re.fullmatch(rf"€{NBSP}-?\d{{1,3}}(\.\d{{3}})*(,\d\d)?", text)
    assert _parse_dutch(text) == value


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False))
def test_whole_euros_are_the_half_up_rounding(value: Decimal) -> None:
    expected = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert _parse_dutch(euro(value, centen=False)) == expected


@given(st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False))
def test_procent_is_dutch_and_rounded_half_up(value: Decimal) -> None:
    text = procent(value)
    assert text.endswith("%")
    assert " " not in text and "\xa0" not in text
    # -- one decimal after a comma; a dot only as a thousands separator (1.000,0%) --
    assert re.fullmatch(r"\d{1,3}(?:\.\d{3})*(?:,\d)?%", text), text
    number = Decimal(text[:-1].replace(".", "").replace(",", "."))
    assert number == value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_getal_round_trips_integers(value: int) -> None:
    assert int(getal(value).replace(".", "")) == value


@given(st.dates())
def test_datum_always_names_a_dutch_month(value: datetime.date) -> None:
    maanden = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    text = datum(value)
    assert text == f"{value.day} {maanden[value.month - 1]} {value.year}"
