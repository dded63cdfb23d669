"""Warnings about content that is valid but risky: numbers written twice, amounts unused.

These do not stop a document from being made; they tell the author where a
number could drift from its source. They look at the data as typed (before
validation resolved names), because that is where the author wrote it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Iterator, Mapping
from decimal import Decimal
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal
from pydantic import BaseModel

from jeugddocs.calc import formulas
from jeugddocs.calc.totals import row_totals
from jeugddocs.content.models.parts import Tabel
from jeugddocs.content.source import Occurrences, PathKey, Source, strings_in
from jeugddocs.errors import Problem
from jeugddocs.format.dates import datum
from jeugddocs.format.describe import quote
from jeugddocs.format.numbers import LOCALE
from jeugddocs.format.tables import amount_widths_cm, column_cells, fits_on_page
from jeugddocs.markup.prose import ListBlock, parse_prose
from jeugddocs.markup.references import NAME, REFERENCE, parse_reference

# -- amounts as prose writes them: "€ 845.000", "€ 1.234,56", "845.000", "€ 511 miljoen" --
_TYPED_AMOUNT = re.compile(
    r"€\s?(?P<kort>\d+(?:,\d+)?)\s(?P<eenheid>miljoen|miljard)"
    r"|€\s?(?P<euro>\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?|\d+(?:,\d{1,2})?)(?![\d.,]\d)"
    r"|(?<![\d.,€])(?P<getal>\d{1,3}(?:\.\d{3})+)(?![\d.,]\d)"
)
_DIGIT = re.compile(r"\d")
_UNITS = {"miljoen": Decimal(10) ** 6, "miljard": Decimal(10) ** 9}


#: Every text in the content as typed, with its path.
Texts = list[tuple[PathKey, str]]


def warnings(
    source: Source, document: BaseModel, used: Collection[str] = frozenset()
) -> list[Problem]:
    """Return every warning for valid content: its raw data in ``source``, its model.

    ``used`` are amounts used where the content does not show it: in text blocks.
    """
    data = source.data if isinstance(source.data, dict) else {}
    texts = list(strings_in(data))
    rv = _unused_amounts(source, data, texts, used)
    rv += _typed_amounts(source, texts, getattr(document, "waarden", {}))
    rv += _wide_tables(source, document)
    rv += _announced_lists(source, texts)
    rv += _typed_dates(source, texts)
    return rv


# -- "richt zich op drie zaken:" — a count in words, then at most two words, then ":" --
_ANNOUNCED = re.compile(
    r"\b(?P<telwoord>twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)"
    r"(?:\s+[^\W\d]+){1,3}\s*:[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_COUNTS = {
    word: number
    for number, word in enumerate(
        ["twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"],
        start=2,
    )
}


def _announced_lists(source: Source, texts: Texts) -> list[Problem]:
    """Warn where a text announces a number of points and its list has another number.

    Seed 001 announces "drie zaken:" above four; a reader then doubts the whole list.
    """
    rv = []
    for path, text in texts:
        if ":" not in text:
            continue
        for match in _ANNOUNCED.finditer(text):
            # -- the list as the document will show it: read by the prose parser itself --
            following = parse_prose(text[match.end() :])
            first = following[0] if following else None
            items = len(first.items) if isinstance(first, ListBlock) else 0
            announced = _COUNTS[match.group("telwoord").lower()]
            if items == 0 or items == announced:
                continue
            fragment = match.group().rstrip()
            occurrence = text.count(fragment, 0, match.start())
            rv.append(
                source.problem(
                    source.fragment_position(path, fragment, occurrence),
                    f"'{quote(fragment)}' kondigt er {match.group('telwoord').lower()} aan, "
                    f"maar de opsomming eronder heeft er {items}; pas het getal of de "
                    "opsomming aan",
                    "waarschuwing",
                    path,
                )
            )
    return rv


# -- a date in figures: 1.1.2021, 01-01-2022, 18-3-2021 --
_TYPED_DATE = re.compile(
    r"(?<![\d.,/-])(?P<dag>\d{1,2})(?P<teken>[.-])(?P<maand>\d{1,2})(?P=teken)"
    r"(?P<jaar>(?:19|20)\d\d)(?!\w|[.,-]\d)"
)


def _typed_dates(source: Source, texts: Texts) -> list[Problem]:
    """Warn at a date written in figures; council documents write "1 januari 2021"."""
    rv = []
    for path, text in texts:
        if not _DIGIT.search(text):
            continue
        for match in _TYPED_DATE.finditer(text):
            try:
                day = datetime.date(
                    int(match.group("jaar")), int(match.group("maand")), int(match.group("dag"))
                )
            except ValueError:
                continue
            fragment = match.group()
            occurrence = text.count(fragment, 0, match.start())
            rv.append(
                source.problem(
                    source.fragment_position(path, fragment, occurrence),
                    f"'{fragment}' is een datum in cijfers; schrijf '{datum(day)}'",
                    "waarschuwing",
                    path,
                )
            )
    return rv


def _wide_tables(source: Source, document: BaseModel) -> list[Problem]:
    rv = []
    for path, table in _tables(document, ()):
        rows: list[list[Decimal | None]] = [list(rij.bedragen) for rij in table.rijen]
        if table.totaal_kolom:
            rows = [[*row, total] for row, total in zip(rows, row_totals(rows), strict=True)]
        totals = table.totalen() + (
            [sum(row_totals(rows), Decimal(0))] if table.totaal_kolom else []
        )
        values: list[list[Decimal | None]] = [*rows, list(totals)]
        flags = table.vn_kolommen()
        columns = [
            column_cells(
                [row[i] for row in values],
                table.eenheid,
                flags[i],
                euro_teken=table.euro_teken,
                vn_voor=table.vn_voor,
            )
            for i in range(len(values[0]))
        ]
        if not fits_on_page(amount_widths_cm(columns)):
            hint = (
                "gebruik eenheid: duizend of miljoen, of verdeel de kolommen over twee tabellen"
                if table.eenheid == "euro"
                else "verdeel de kolommen over twee tabellen"
            )
            rv.append(
                source.problem(
                    source.key_position(path),
                    f"deze tabel is te breed voor de pagina ({len(columns)} kolommen met "
                    f"bedragen): bedragen worden afgebroken; {hint}",
                    "waarschuwing",
                    path,
                )
            )
    return rv


def _tables(model: BaseModel, path: PathKey) -> Iterator[tuple[PathKey, Tabel]]:
    """Yield every table in a validated document, with its path in the YAML."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            at = (*path, name, index) if isinstance(value, list) else (*path, name)
            if isinstance(item, Tabel):
                yield at, item
            elif isinstance(item, BaseModel):
                yield from _tables(item, at)


def _used_names(texts: Texts) -> set[str]:
    used: set[str] = set()
    for _, text in texts:
        if formulas.is_formula(text):
            used |= formulas.names_in(text)
        elif NAME.fullmatch(text):
            used.add(text)
        elif "{{" in text:
            for fragment in REFERENCE.findall(text):
                used.update(parse_reference(fragment).names)
    return used


def _unused_amounts(
    source: Source, data: dict[str, Any], texts: Texts, elsewhere: Collection[str]
) -> list[Problem]:
    defined = data.get("bedragen")
    if not isinstance(defined, dict):
        return []
    used = _used_names(texts) | set(elsewhere)
    return [
        source.problem(
            source.key_position(("bedragen", name)),
            f"het bedrag '{name}' wordt nergens gebruikt; zet het in de tekst als "
            f"{{{{ {name} | euro }}}}, of haal het weg",
            "waarschuwing",
            ("bedragen", name),
        )
        for name in defined
        if name not in used
    ]


def _typed_amounts(source: Source, texts: Texts, amounts: Mapping[str, Decimal]) -> list[Problem]:
    by_value: dict[Decimal, str] = {}
    for name, value in amounts.items():
        by_value.setdefault(value, name)
    rv = []
    for path, text in texts if by_value else ():
        if path[:1] == ("bedragen",) or formulas.is_formula(text) or not _DIGIT.search(text):
            continue
        # -- blank out references with as many spaces, so offsets stay those of the text --
        masked = REFERENCE.sub(_blank, text) if "{{" in text else text
        counted = _Counted(text)
        for match in _TYPED_AMOUNT.finditer(masked):
            fragment = match.group()
            parsed = _parse(match)
            known = by_value.get(parsed) if parsed is not None else None
            if known is None:
                continue
            occurrence = counted.before(fragment, match.start())
            position = source.fragment_position(path, fragment, occurrence)
            rv.append(
                source.problem(
                    position,
                    f"'{quote(fragment)}' staat ook onder 'bedragen' als '{known}'; schrijf "
                    f"{{{{ {known} | {'euro_kort' if match.group('kort') else 'euro'} }}}}, "
                    "zodat het bedrag maar op één plek staat",
                    "waarschuwing",
                    path,
                )
            )
    return rv


class _Counted:
    """How often a fragment stands in a text before a place, as ``text.count`` says.

    Asked in text order, it counts on from where it stopped for that fragment, over
    occurrences found in one pass: a long text with many amounts typed (the same or
    each different) is read a few times, not once per amount.
    """

    def __init__(self, text: str) -> None:
        self.occurrences = Occurrences(text)
        #: Fragment → (occurrences looked at, end of the last one counted, count).
        self.counts: dict[str, tuple[int, int, int]] = {}

    def before(self, fragment: str, end: int) -> int:
        """Return ``text.count(fragment, 0, end)``; ``end`` never less than before."""
        found = self.occurrences.of(fragment)
        seen, free, count = self.counts.get(fragment, (0, 0, 0))
        # -- str.count counts occurrences that do not overlap, from the left --
        while seen < len(found) and found[seen] + len(fragment) <= end:
            if found[seen] >= free:
                free, count = found[seen] + len(fragment), count + 1
            seen += 1
        self.counts[fragment] = (seen, free, count)
        return count


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _parse(match: re.Match[str]) -> Decimal | None:
    """Read an amount as Dutch prose writes it, with Babel's ``nl_NL`` separators."""
    try:
        if match.group("kort"):
            number = parse_decimal(match.group("kort"), locale=LOCALE)
            return number * _UNITS[match.group("eenheid")]
        return parse_decimal(match.group("euro") or match.group("getal"), locale=LOCALE)
    except NumberFormatError:  # pragma: no cover - the pattern only matches such numbers
        return None
