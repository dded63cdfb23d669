"""Dutch enumerations in running text ("a, b en c") from Babel's ``nl_NL`` list patterns.

>>> opsomming(["artikel 2.9 van de Jeugdwet", "artikel 147 van de Gemeentewet"])
'artikel 2.9 van de Jeugdwet en artikel 147 van de Gemeentewet'
>>> opsomming(["a", "b", "c"], "of")
'a, b of c'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from babel.lists import format_list

from jeugddocs.format.numbers import LOCALE, FormatInputError

# -- the filter's Dutch conjunctions mapped onto CLDR's list styles --
_STYLES: dict[str, Literal["standard", "or"]] = {"en": "standard", "of": "or"}


def opsomming(values: object, voegwoord: str = "en") -> str:
    """Join texts as a Dutch sentence does: ``a, b en c`` (or ``a, b of c``).

    Why not ``join('; ')``: a considerans or a sentence in a template reads "gelet op
    artikel 2.9 van de Jeugdwet en artikel 147 van de Gemeentewet", as a clerk writes it.
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise FormatInputError(filter_name="opsomming", value=values, expected="een lijst")
    if voegwoord not in _STYLES:
        raise FormatInputError(
            filter_name="opsomming", value=voegwoord, expected='het voegwoord "en" of "of"'
        )
    texts = [str(value) for value in values]
    return format_list(texts, style=_STYLES[voegwoord], locale=LOCALE) if texts else ""
