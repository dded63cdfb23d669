"""One way to name a value in a Dutch message: "de tekst 'x'", "het getal 12", "een lijst".

Every message that quotes what the author wrote uses this, so values are shown alike
everywhere: on one line and shortened (a pasted page must not become a message of
thousands of lines), and never as a Python repr.

>>> describe("Een tekst\\nover twee regels")
"de tekst 'Een tekst⏎over twee regels'"
>>> describe(None)
'niets (een lege waarde)'
"""

from __future__ import annotations

import datetime
from decimal import Decimal

#: Longest quote of a value in a message.
QUOTE_LENGTH = 40


def quote(text: str, length: int = QUOTE_LENGTH) -> str:
    """Return ``text`` on one line and at most ``length`` characters, for a message."""
    one_line = text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")
    one_line = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in one_line)
    return one_line if len(one_line) <= length else one_line[: length - 1] + "…"


def describe(value: object) -> str:
    """Describe a value from the content in Dutch, for an error message."""
    if value is None:
        return "niets (een lege waarde)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"de tekst '{quote(value)}'"
    if isinstance(value, int) and abs(value) >= 10**QUOTE_LENGTH:
        return f"een getal van meer dan {QUOTE_LENGTH} cijfers"  # -- str() may refuse it --
    if isinstance(value, int | Decimal | float):
        return f"het getal {quote(str(value))}"
    if isinstance(value, datetime.datetime):
        return f"het tijdstip {value.isoformat(sep=' ', timespec='minutes')}"
    if isinstance(value, datetime.date):
        return f"de datum {value.isoformat()}"
    if isinstance(value, list | tuple):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return "een waarde van een onbekend soort"
