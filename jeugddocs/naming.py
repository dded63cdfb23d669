"""Output names from a pattern a griffie chooses, safe on every file system.

Without a pattern ``x.yaml`` gives ``x.docx`` (and ``x-raadsbesluit.docx``); with one,
such as ``{datum}-{soort}-{onderwerp}``, every document is named from its own fields:
the raadsbesluit of a raadsvoorstel gets ``soort`` raadsbesluit, so the pair sorts and
files side by side. Each value is made safe on its own (no separators, no characters
Windows refuses, no control characters), so content cannot choose a folder.

>>> NamePattern.parse("{datum}-{soort}-{onderwerp}").name(
...     {"datum": "2021-03-18", "soort": "raadsvoorstel", "onderwerp": "Kaders: inkoop/jeugd"}
... )
'2021-03-18-raadsvoorstel-Kaders-inkoop-jeugd'
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

#: What a pattern may name, with what it gives (for the help text and messages).
PLACEHOLDERS: dict[str, str] = {
    "datum": "datum van het stuk als 2021-03-18 (sorteert op datum)",
    "soort": "soort van dit stuk: raadsvoorstel, raadsbesluit, memo …",
    "onderwerp": "onderwerp van het stuk",
    "zaaknummer": "zaaknummer (leeg als het stuk er geen heeft)",
    "gemeente": "afzender: sleutel van het gemeenteprofiel of de naam",
    "deelnemer": "sleutel van de deelnemende gemeente (bij --per-deelnemer)",
    "bestand": "naam van het YAML-bestand zonder .yaml",
}
#: Longest name before the suffix; file systems allow 255 bytes, and a full path
#: on Windows 260 characters — a griffie's folders need some of that too.
MAX_LENGTH = 120
# -- characters some file system refuses, or that would make a folder --
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"-{2,}")
# -- names Windows keeps for devices, with or without a suffix --
_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?")


class PatternError(ValueError):
    """A name pattern that cannot make names; the message is Dutch."""


@dataclass(frozen=True)
class NamePattern:
    """A checked pattern such as ``{datum}-{soort}-{onderwerp}``."""

    text: str
    fields: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> NamePattern:
        """Check ``text``; raise PatternError for an unknown or malformed placeholder."""
        try:
            pieces = list(string.Formatter().parse(text))
        except ValueError:
            raise PatternError(
                f"het naampatroon '{text}' heeft een losse {{ of }}; schrijf velden als "
                "{onderwerp}"
            ) from None
        fields = []
        for _, field, spec, conversion in pieces:
            if field is None:
                continue
            if field not in PLACEHOLDERS or spec or conversion:
                raise PatternError(
                    f"onbekend veld '{{{field}}}' in het naampatroon; mogelijk: "
                    + ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
                )
            fields.append(field)
        if not fields:
            raise PatternError(
                f"het naampatroon '{text}' noemt geen veld, dus elk stuk zou zo heten; "
                "gebruik bijvoorbeeld {datum}-{soort}-{onderwerp}"
            )
        return cls(text, tuple(fields))

    @property
    def names_participant(self) -> bool:
        """Whether names already differ per participant of a regional proposal.

        Per participant, ``{gemeente}`` is that participant's key, as ``{deelnemer}`` is.
        """
        return "deelnemer" in self.fields or "gemeente" in self.fields

    def name(self, values: Mapping[str, str]) -> str:
        """Return the file name (without suffix) for one document's ``values``."""
        parts = {field: safe_part(values.get(field, "")) for field in PLACEHOLDERS}
        name = safe_name(self.text.format_map(parts))
        if not name:
            raise PatternError(
                f"het naampatroon '{self.text}' geeft voor dit stuk een lege naam (de velden "
                "erin zijn leeg); neem ook {onderwerp} of {bestand} op"
            )
        return name


def safe_part(value: str) -> str:
    """One value made safe inside a name: separators and refused characters become '-'."""
    value = unicodedata.normalize("NFC", value)
    value = _UNSAFE.sub("-", _SPACES.sub("-", value.strip()))
    return _DASHES.sub("-", value).strip("-")


def safe_name(name: str) -> str:
    """A whole name made safe: no leading or trailing dots, dashes or spaces, not too long.

    >>> safe_name("con")
    'con_'
    >>> safe_name("--.verborgen.")
    'verborgen'
    """
    name = _DASHES.sub("-", _UNSAFE.sub("-", unicodedata.normalize("NFC", name)))
    name = name.strip(" .-")
    if len(name) > MAX_LENGTH:
        cut = name[:MAX_LENGTH]
        # -- cut after a whole word where one ends in the last third --
        at = cut.rfind("-")
        name = (cut[:at] if at > MAX_LENGTH * 2 // 3 else cut).rstrip(" .-")
    if _RESERVED.fullmatch(name):
        name += "_"
    return name
