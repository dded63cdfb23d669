"""Dutch number formatting on top of Babel's ``nl_NL`` locale data.

Babel rounds half-even; Dutch government texts round half up (commercial
rounding). Every filter therefore quantizes with ``ROUND_HALF_UP`` first and
hands Babel a value that needs no further rounding.

>>> euro(103500)
'€\\xa0103.500'
>>> euro(1234.56)
'€\\xa01.234,56'
>>> euro(1234.5)
'€\\xa01.234,50'
>>> euro(-1000)
'€\\xa0-1.000'
>>> euro(1234.5, centen=False)
'€\\xa01.235'
>>> euro_kort(8000000)
'€\\xa08 miljoen'
>>> euro_kort(1250000)
'€\\xa01,25 miljoen'
>>> euro_kort(3800000000)
'€\\xa03,8 miljard'
>>> getal(6167100)
'6.167.100'
>>> procent(32.3)
'32,3%'
>>> procent(0.323, breuk=True)
'32,3%'
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from babel import Locale
from babel.numbers import NumberPattern, format_compact_decimal, format_currency, format_decimal

from jeugddocs.format.describe import describe

LOCALE = Locale.parse("nl_NL")

_CENT = Decimal("0.01")
# -- beyond this Decimal's default precision (28 digits) cannot hold an amount with cents --
_LARGEST = Decimal(10) ** 18
_MILJOEN = Decimal(1_000_000)
_MILJARD = Decimal(1_000_000_000)
_BILJOEN = Decimal(1_000_000_000_000)


class FormatInputError(ValueError):
    """A filter got a value it cannot format, such as text where a number belongs."""

    def __init__(self, *, filter_name: str, value: object, expected: str) -> None:
        self.filter_name = filter_name
        self.value = value
        super().__init__(
            f"filter '{filter_name}' verwacht {expected}, maar kreeg {describe(value)}"
        )


def to_decimal(value: object, filter_name: str) -> Decimal:
    """Return ``value`` as an exact, finite Decimal, or raise FormatInputError.

    Floats go through ``repr`` so that ``1234.56`` stays 1234.56 and does not
    become its binary approximation.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise FormatInputError(filter_name=filter_name, value=value, expected="een getal")
    try:
        rv = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:  # pragma: no cover - Decimal() of int/float/Decimal succeeds
        raise FormatInputError(filter_name=filter_name, value=value, expected="een getal") from None
    if not rv.is_finite():
        raise FormatInputError(filter_name=filter_name, value=value, expected="een eindig getal")
    if abs(rv) >= _LARGEST:
        raise FormatInputError(
            filter_name=filter_name, value=value, expected="een getal kleiner dan 10^18"
        )
    return rv


def round_half_up(value: Decimal, places: int = 0) -> Decimal:
    """Round commercially: 0,5 goes up (away from zero), as Dutch readers expect.

    >>> round_half_up(Decimal("2.5"))
    Decimal('3')
    >>> round_half_up(Decimal("0.125"), 2)
    Decimal('0.13')
    """
    rv = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    # -- never show "-0": a value that rounds to zero has no sign --
    return abs(rv) if rv == 0 else rv


def fewest_places(values: Iterable[Decimal | None], most: int) -> int:
    """The fewest decimals (at most ``most``) that write every value as exactly as ``most``.

    Why: a column or an axis shows all its numbers with one number of decimals, so
    they stand decimal under decimal; ``2,5`` beside ``3,0``, not beside ``3``.

    >>> fewest_places([Decimal("2.5"), Decimal(3), None], 2)
    1
    """
    known = [value for value in values if value is not None]
    return next(
        (
            places
            for places in range(most)
            if all(round_half_up(v, places) == round_half_up(v, most) for v in known)
        ),
        most,
    )


def _currency_pattern(fraction_digits: int) -> NumberPattern:
    """Return the CLDR ``nl`` currency pattern with a fixed number of decimals."""
    pattern: NumberPattern = copy.copy(LOCALE.currency_formats["standard"])
    pattern.frac_prec = (fraction_digits, fraction_digits)
    return pattern


_WHOLE_EUROS = _currency_pattern(0)
_WITH_CENTS = _currency_pattern(2)


def euro(value: object, centen: bool = True) -> str:
    """Format an amount in euros: whole euros bare, cents only when there are any.

    With ``centen=False`` the amount is rounded half up to whole euros.
    """
    amount = to_decimal(value, "euro")
    amount = round_half_up(amount, 2 if centen else 0)
    return _format_euro(amount)


@functools.lru_cache(maxsize=4096)
def _format_euro(amount: Decimal) -> str:
    """Format a rounded amount; cached, because Babel's formatting is the costly part of a
    render and a document, a batch or a live preview shows the same amounts again and again.
    (Equal amounts format the same whatever their exponent: both patterns fix the decimals.)
    """
    whole = amount == amount.to_integral_value()
    pattern = _WHOLE_EUROS if whole else _WITH_CENTS
    return format_currency(amount, "EUR", format=pattern, locale=LOCALE, currency_digits=False)


def euro_met_centen(value: object) -> str:
    """Format an amount in euros always with cents (``€ 100,00``), as a column that has
    any cents shows all its amounts."""
    amount = round_half_up(to_decimal(value, "euro"), 2)
    return format_currency(amount, "EUR", format=_WITH_CENTS, locale=LOCALE, currency_digits=False)


def euro_kort(value: object, afgekort: bool = False, schaal: int | None = None) -> str:
    """Format a large amount the way prose says it: ``€ 1,25 miljoen``.

    Amounts below one million are not shortened ("€ 12,5 duizend" is not
    Dutch prose); they are shown in whole euros. ``afgekort`` uses the CLDR short
    form (``€ 2,5 mln.``), as a chart's axis has room for; ``schaal`` (10**6, 10**9 or
    10**12) shows every amount in that one unit, so an axis reads ``€ 0,5 mln.``,
    ``€ 1 mln.``, ``€ 1,5 mln.`` rather than changing unit half way.

    >>> euro_kort(2500000, afgekort=True)
    '€\xa02,5\xa0mln.'
    >>> euro_kort(500000, afgekort=True, schaal=10**6)
    '€\xa00,5\xa0mln.'
    """
    amount = round_half_up(to_decimal(value, "euro_kort"))
    size = abs(amount)
    if schaal is None and size < _MILJOEN:
        return euro(amount, centen=False)
    unit = (
        Decimal(schaal)
        if schaal is not None
        else _MILJOEN
        if size < _MILJARD
        else _MILJARD
        if size < _BILJOEN
        else _BILJOEN
    )
    symbol = LOCALE.currency_symbols["EUR"]
    if amount == 0:
        return f"{symbol}\xa00"
    # -- round at the unit ourselves, half up, so Babel's half-even never applies --
    rounded = round_half_up(amount / unit, 2)
    if schaal is None:
        form: Literal["short", "long"] = "short" if afgekort else "long"
        words = format_compact_decimal(
            rounded * unit, format_type=form, fraction_digits=2, locale=LOCALE
        )
        return f"{symbol}\xa0{words}"
    return f"{symbol}\xa0{_unit_pattern(int(unit), afgekort).apply(rounded, LOCALE)}"


@functools.cache
def _unit_pattern(unit: int, afgekort: bool) -> NumberPattern:
    """The CLDR pattern that writes a number of ``unit`` (``0 mln.``, ``0 miljoen``)."""
    forms = LOCALE.compact_decimal_formats["short" if afgekort else "long"]["other"]
    pattern: NumberPattern = copy.copy(forms[str(unit)])
    pattern.frac_prec = (0, 2)
    pattern.grouping = LOCALE.decimal_formats[None].grouping
    return pattern


def getal(value: object, decimalen: int = 3, vast: bool = False) -> str:
    """Format a number with Dutch separators and at most ``decimalen`` decimals.

    With ``vast=True`` exactly ``decimalen`` decimals are shown, as a table column
    needs (``206,0`` under ``215,6``).

    >>> getal(206, 1, vast=True)
    '206,0'
    """
    number = round_half_up(to_decimal(value, "getal"), decimalen)
    digit = "0" if vast else "#"
    pattern = "#,##0" + ("." + digit * decimalen if decimalen > 0 else "")
    return format_decimal(number, format=pattern, locale=LOCALE, decimal_quantization=False)


def procent(value: object, decimalen: int = 1, breuk: bool = False) -> str:
    """Format a percentage: ``32,3%``, no space before the sign.

    The input is a percentage (``32.3``); with ``breuk=True`` it is a fraction
    (``0.323``), as a computed ratio gives it.
    """
    number = to_decimal(value, "procent")
    if breuk:
        number *= 100
    number = round_half_up(number, decimalen)
    pattern = "#,##0" + ("." + "#" * decimalen if decimalen > 0 else "")
    text = format_decimal(number, format=pattern, locale=LOCALE, decimal_quantization=False)
    sign = LOCALE.number_symbols["latn"]["percentSign"]
    return f"{text}{sign}"
