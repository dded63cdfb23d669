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
