"""How a chart shows its data: the colours a series may have, and its values as Dutch text.

The colours are the Okabe-Ito palette, chosen to stay apart for readers with any common
colour-vision deficiency; each series also gets its own line style and marker (a bar its
own hatching), so a chart printed in greyscale still tells its series apart.

>>> waarde(Decimal(1000), "getal"), waarde(Decimal(2500000), "euro_kort")
('1.000', '€\\xa02,5 miljoen')
>>> as_teksten([Decimal(0), Decimal(500000), Decimal(1000000)], "euro_kort")
['€\\xa00', '€\\xa00,5\\xa0mln.', '€\\xa01\\xa0mln.']
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jeugddocs.format import FILTERS
from jeugddocs.format.numbers import (
    euro,
    euro_kort,
    fewest_places,
    getal,
    procent,
    round_half_up,
)

#: The Okabe-Ito colours by their Dutch name, as a chart's series may ask for them.
KLEUREN: dict[str, str] = {
    "blauw": "#0072B2",
    "oranje": "#E69F00",
    "groen": "#009E73",
    "vermiljoen": "#D55E00",
    "paars": "#CC79A7",
    "hemelsblauw": "#56B4E9",
    "zwart": "#000000",
    "geel": "#F0E442",
}

_UNITS = (10**12, 10**9, 10**6)


def waarde(value: Decimal, notatie: str) -> str:
    """One value as prose says it (alt text): ``1.000``, ``€ 2,5 miljoen``, ``32,3%``.

    ``notatie`` is a filter name (getal, euro, euro_kort, procent), as in content.
    """
    return str(FILTERS[notatie](value))


def as_teksten(ticks: Sequence[Decimal], notatie: str) -> list[str]:
    """The labels of an axis's ticks: one notation for all, so none changes unit half way.

    Amounts of a million or more on a ``euro_kort`` axis are all written in the unit of
    the largest (``€ 0,5 mln.`` beside ``€ 1 mln.``); the decimals a tick needs are the
    decimals every tick gets (``2,5`` beside ``3,0``).
    """
    if notatie == "euro_kort":
        largest = max((abs(t) for t in ticks), default=Decimal(0))
        unit = next((u for u in _UNITS if largest >= u), None)
        if unit is None:
            return [euro(t, centen=False) for t in ticks]
        return [euro_kort(t, afgekort=True, schaal=unit) for t in ticks]
    places = fewest_places(ticks, 2)
    if notatie == "euro":
        return [euro(round_half_up(t, places), centen=places > 0) for t in ticks]
    if notatie == "procent":
        return [procent(t, decimalen=places) for t in ticks]
    return [getal(t, decimalen=places, vast=True) for t in ticks]
