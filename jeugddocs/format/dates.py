"""Dutch dates from Babel's ``nl_NL`` locale data.

>>> import datetime
>>> datum(datetime.date(2020, 1, 9))
'9 januari 2020'
>>> datum(datetime.date(2020, 1, 9), "lang")
'donderdag 9 januari 2020'
"""

from __future__ import annotations

import datetime

from babel.dates import format_date

from jeugddocs.format.numbers import LOCALE, FormatInputError

# -- the filter's Dutch style names mapped onto CLDR's format lengths --
_STYLES = {"kort": "long", "lang": "full"}


def datum(value: object, stijl: str = "kort") -> str:
    """Format a date as Dutch prose: ``9 januari 2020``, or with the weekday (``"lang"``)."""
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise FormatInputError(filter_name="datum", value=value, expected="een datum")
    if stijl not in _STYLES:
        raise FormatInputError(
            filter_name="datum", value=stijl, expected='de stijl "kort" of "lang"'
        )
    return format_date(value, _STYLES[stijl], locale=LOCALE)
