"""Template operators and text formatting, checked before they make something large.

``{{ "x" * 10**10 }}``, ``{{ 10**(10**8) }}`` or ``{{ "%0999999999d" % 1 }}`` would
take all memory or hours before any check after the fact could run, so each
operator that can grow its result (``+``, ``*``, ``**``, ``%``) first estimates
the result from its operands, and formatting refuses widths beyond FORMAT_WIDTH.
"""

from __future__ import annotations

import datetime
import decimal
import math
import re
from collections.abc import Callable, Mapping
from string import Formatter
from typing import Any

from jinja2.sandbox import SandboxedEscapeFormatter, SandboxedFormatter

from jeugddocs.render.bounds import (
    FORMAT_WIDTH,
    INT_DIGITS,
    BoundError,
    check_int,
    check_items,
    check_value,
    int_too_large,
    size_of,
    sizes_of,
)

# -- a product of two numbers has at most the bits of both; a little slack, as the
#    exact result is checked after --
_INT_BITS = math.ceil(INT_DIGITS * math.log2(10)) + 2
# -- one conversion of printf-style formatting: %(name)-08.3f --
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.?)", re.DOTALL)
# -- "%f" of a float prints every digit before the point: 1e308 gives 309 of them --
_FIXED_POINT = 310
# -- the digits in a format spec: fill, width and precision ("0>12,.2f") --
_DIGITS = re.compile(r"\d+")

Operator = Callable[[Any, Any], Any]


def _power(base: Any, exponent: Any) -> Any:
    what = "de bewerking '**'"
    # -- the digits of base ** exponent, found without computing it --
    if _int_power(base, exponent) and (
        exponent.bit_length() > 64 or exponent * math.log10(abs(base)) > INT_DIGITS + 1
    ):
        raise int_too_large(what)
    try:
        rv = base**exponent
    except (OverflowError, decimal.Overflow):
        raise BoundError(f"{what} geeft een getal dat te groot is om mee te rekenen") from None
    return check_int(rv, what) if isinstance(rv, int) else rv


def _int_power(base: Any, exponent: Any) -> bool:
    # -- 0, 1 and -1 stay small whatever the exponent; a negative one gives a float --
    return isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1


def _times(left: Any, right: Any) -> Any:
    what = "de bewerking '*'"
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > _INT_BITS:
            raise int_too_large(what)
        return check_int(left * right, what)
    sequence, count = (left, right) if isinstance(right, int) else (right, left)
    if isinstance(count, int) and isinstance(sequence, str):
        check_value(len(sequence) * max(count, 0), what)
    elif isinstance(count, int) and isinstance(sequence, list | tuple):
        # -- a repeated list holds references to its items, not copies --
        check_items(len(sequence) * max(count, 0), what)
    return left * right


def _plus(left: Any, right: Any) -> Any:
    what = "de bewerking '+'"
    if isinstance(left, int) and isinstance(right, int):
        return check_int(left + right, what)
    if isinstance(left, str) and isinstance(right, str):
        check_value(len(left) + len(right), what)
    elif isinstance(left, list | tuple) and isinstance(right, list | tuple):
        check_items(len(left) + len(right), what)
    return left + right


def _modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        check_value(percent_size(left, right), "de opmaak met '%'")
    return left % right


#: The operators the sandbox checks; Jinja leaves the others (-, /, //) alone.
OPERATORS: dict[str, Operator] = {"**": _power, "*": _times, "+": _plus, "%": _modulo}


def percent_size(template: str, values: Any) -> int:
    """Return an upper bound of ``len(template % values)``; refuse widths beyond FORMAT_WIDTH."""
    conversions = list(_PERCENT.finditer(template))
    size = len(template)
    for conversion in conversions:
        width, precision, kind = conversion.groups()
        for number in (width, precision):
            if number == "*" or (number and too_wide(number)):
                raise _wide(conversion.group())
        size += int(width or 0) + int(precision or 0) + (_FIXED_POINT if kind in "fF" else 0)
    # -- %r quotes a text, writing an odd character as \U0001xxxx --
    repr_factor = 10 if any(c.group(3) in ("r", "a") for c in conversions) else 1
    if isinstance(values, Mapping):
        # -- "%(a)s%(a)s" may use one value many times --
        largest = max((size_of(value) for value in values.values()), default=0)
        return size + len(conversions) * largest * repr_factor
    if isinstance(values, tuple):
        return size + sizes_of(values) * repr_factor
    return size + size_of(values) * repr_factor


def too_wide(number: str) -> bool:
    """Tell whether a width or precision written in a format is beyond FORMAT_WIDTH."""
    return len(number.lstrip("0")) > 4 or int(number) > FORMAT_WIDTH


def _wide(spec: str) -> BoundError:
    return BoundError(
        f"de opmaak '{spec[:40]}' vraagt een breedte of precisie van meer dan {FORMAT_WIDTH} "
        "tekens (of een breedte uit een variabele, '*'); gebruik een kleinere"
    )


class _BoundedFormatting(Formatter):
    """``str.format`` that refuses wide fields and stops once the result grows too large."""

    made = 0

    def vformat(self, format_string: str, args: Any, kwargs: Any) -> str:
        self.made = 0  # -- one formatter serves every call of one "…".format --
        return super().vformat(format_string, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> Any:
        if isinstance(value, int | float | decimal.Decimal | str):
            if any(too_wide(digits) for digits in _DIGITS.findall(format_spec)):
                raise _wide(format_spec)
        elif isinstance(value, datetime.date | datetime.time) and len(format_spec) > FORMAT_WIDTH:
            raise _wide(format_spec)
        else:
            check_value(size_of(value), "de opmaak met format()")
        rv = super().format_field(value, format_spec)
        # -- "{0}{0}{0}…" repeats one value: count each field before all are joined --
        self.made += len(rv)
        check_value(self.made, "de opmaak met format()")
        return rv


class BoundedFormatter(_BoundedFormatting, SandboxedFormatter):
    pass


class BoundedEscapeFormatter(_BoundedFormatting, SandboxedEscapeFormatter):
    pass
