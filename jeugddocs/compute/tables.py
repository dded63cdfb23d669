"""A table of amounts in the view: its rows and computed totals, before Word exists."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jeugddocs.markup.prose import Inline


@dataclass(frozen=True)
class TableRow:
    omschrijving: str
    bedragen: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class TableView:
    """A table of amounts with its computed totals, in euros (not yet scaled or rounded).

    ``kolommen`` and each row's ``bedragen`` include the computed total column when
    the table asks for one; ``totaal`` labels the total row; ``afronding`` says per
    column whether rounding to ``eenheid`` keeps the shown rows from adding up.
    """

    titel: Inline | None
    kop_omschrijving: str
    kolommen: tuple[str, ...]
    rijen: tuple[TableRow, ...]
    totaal: str | None
    totalen: tuple[Decimal, ...]
    eenheid: str = "euro"
    voordeel_nadeel: tuple[bool, ...] = ()
    afronding: tuple[bool, ...] = ()
    vn_voor: bool = False
    euro_teken: bool = True


def describe(table: TableView, caption: str) -> str:
    """The table in words, for a reader who cannot see its layout (Dutch): its rows,
    its columns, the total and the unit its numbers are in.

    ``caption`` is the unit line shown beside the title ("(bedragen x € 1.000)"), or ''.

    >>> rows = (TableRow("Blaricum", ()), TableRow("Eemnes", ()), TableRow("Laren", ()))
    >>> describe(TableView(None, "Gemeente", ("2021", "2022"), rows, "Totaal", ()), "")
    "Tabel met 3 rijen (Blaricum tot en met Laren) en 2 kolommen: 2021 en 2022, met een totaalregel 'Totaal'. Eerste kolom: Gemeente. Bedragen in euro's."
    """  # noqa: E501
    rows = [row.omschrijving for row in table.rijen]
    text = "Tabel met " + _count(len(rows), "rij", "rijen")
    if len(rows) == 2:
        text += f" ({rows[0]} en {rows[1]})"
    elif len(rows) > 2:
        text += f" ({rows[0]} tot en met {rows[-1]})"
    text += f" en {_count(len(table.kolommen), 'kolom', 'kolommen')}: {_series(table.kolommen)}"
    if table.totaal:
        text += f", met een totaalregel '{table.totaal}'"
    text += "."
    if table.kop_omschrijving:
        text += f" Eerste kolom: {table.kop_omschrijving}."
    if table.eenheid == "aantal":
        text += " Aantallen."
    elif table.eenheid == "procent":
        text += " Percentages."
    elif caption:
        unit = caption.strip("()")
        text += f" {unit[:1].upper()}{unit[1:]}."
    else:
        text += " Bedragen in euro's."
    if any(table.voordeel_nadeel):
        text += " V is voordeel, N is nadeel."
    return text


def _count(number: int, one: str, more: str) -> str:
    return f"één {one}" if number == 1 else f"{number} {more}"


def _series(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} en {names[-1]}"
