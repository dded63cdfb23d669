"""The computed view of a document: what a template sees, before Word objects exist.

Prose is expanded (references replaced by formatted amounts) and parsed into
blocks, arguments and sections are numbered, and tables carry their computed
totals. The view holds only plain data, so it can be tested and reused (a web
preview, a PDF) without Word.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from jeugddocs.calc.totals import column_totals, rounding_gaps, row_totals
from jeugddocs.compute.numbering import number_per_beslispunt
from jeugddocs.compute.prose import Inline, Prose, parse_inline, parse_prose
from jeugddocs.content import references
from jeugddocs.content.models.document import Document
from jeugddocs.content.models.fields import InlineMarker, ProseMarker
from jeugddocs.content.models.parts import Onderbouwing, Sectie, Tabel


@dataclass(frozen=True)
class TableRow:
    omschrijving: str
    bedragen: tuple[Decimal, ...]


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
    voordeel_nadeel: bool = False
    afronding: tuple[bool, ...] = ()


@dataclass(frozen=True)
class SectionView:
    """A section with its computed number (``None`` where sections are not numbered)."""

    nummer: str | None
    niveau: int
    kop: Inline
    tekst: Prose | None
    tabel: TableView | None
    toelichting: Prose | None
    secties: tuple[SectionView, ...]


@dataclass(frozen=True)
class Sections:
    """All sections of a document, rendered together as one block."""

    items: tuple[SectionView, ...]

    def walk(self) -> typing.Iterator[SectionView]:
        """Yield every section in reading order, nested ones after their parent."""
        stack = list(reversed(self.items))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.secties))


@dataclass(frozen=True)
class TableOfContents:
    """The headings of a document, for a table of contents Word can update."""

    sections: Sections


def build_view(document: Document) -> dict[str, Any]:
    """Return the template view of a validated document (every field present)."""
    builder = _ViewBuilder(document.waarden, type(document).genummerde_secties)
    view = builder.model(document)
    if "inhoudsopgave" in view:
        sections = view["secties"]
        wanted = view["inhoudsopgave"] and isinstance(sections, Sections)
        view["inhoudsopgave"] = TableOfContents(sections) if wanted else None
    return view


class _ViewBuilder:
    def __init__(self, amounts: dict[str, Decimal], numbered: bool) -> None:
        self.amounts = amounts
        self.numbered = numbered

    def model(self, model: BaseModel) -> dict[str, Any]:
        rv: dict[str, Any] = {}
        for name, info in type(model).model_fields.items():
            marker = _marker(info.metadata) or _marker_in(info.annotation)
            rv[name] = self.value(getattr(model, name), info.annotation, marker)
        return rv

    def value(self, value: Any, annotation: Any, marker: object) -> Any:
        if value is None:
            return None
        if isinstance(value, Tabel):
            return self.table(value)
        if isinstance(value, BaseModel):
            return self.model(value)
        if isinstance(value, str):
            return self.text(value, marker)
        if isinstance(value, list) and value and isinstance(value[0], Sectie):
            return Sections(self.sections(value, prefix="", level=1))
        if isinstance(value, list) and value and isinstance(value[0], Onderbouwing):
            return [
                {"nummer": number, **self.model(item)}
                for number, item in number_per_beslispunt(value)
            ]
        if isinstance(value, list):
            item_type = _argument(annotation, list, 0)
            item_marker = _marker_in(item_type)
            return [self.value(item, item_type, item_marker) for item in value]
        if isinstance(value, dict):
            value_type = _argument(annotation, dict, 1)
            value_marker = _marker_in(value_type)
            return {k: self.value(v, value_type, value_marker) for k, v in value.items()}
        return value

    def text(self, value: str, marker: object) -> Any:
        if isinstance(marker, ProseMarker):
            return parse_prose(references.expand(value, self.amounts))
        if isinstance(marker, InlineMarker):
            return parse_inline(references.expand(value, self.amounts))
        return value

    def table(self, table: Tabel) -> TableView:
        titel = self.text(table.titel, InlineMarker()) if table.titel else None
        rows = [list(r.bedragen) for r in table.rijen]
        headers = list(table.kolommen)
        if table.totaal_kolom:
            rows = [[*row, total] for row, total in zip(rows, row_totals(rows), strict=True)]
            headers.append(table.totaal_kolom)
        totals = column_totals(rows, len(headers))
        gaps = rounding_gaps(rows, totals, table.eenheid) if table.totaal else [False] * len(totals)
        return TableView(
            titel=titel,
            kop_omschrijving=table.kop_omschrijving or "",
            kolommen=tuple(headers),
            rijen=tuple(
                TableRow(r.omschrijving, tuple(row))
                for r, row in zip(table.rijen, rows, strict=True)
            ),
            totaal=table.totaal,
            totalen=tuple(totals),
            eenheid=table.eenheid,
            voordeel_nadeel=table.voordeel_nadeel,
            afronding=tuple(gaps),
        )

    def sections(self, items: list[Sectie], prefix: str, level: int) -> tuple[SectionView, ...]:
        rv = []
        for index, sectie in enumerate(items, start=1):
            number = f"{prefix}{index}" if self.numbered else None
            rv.append(
                SectionView(
                    nummer=number,
                    niveau=level,
                    kop=self.text(sectie.kop, InlineMarker()),
                    tekst=self.text(sectie.tekst, ProseMarker()) if sectie.tekst else None,
                    tabel=self.table(sectie.tabel) if sectie.tabel else None,
                    toelichting=(
                        self.text(sectie.toelichting, ProseMarker()) if sectie.toelichting else None
                    ),
                    secties=self.sections(sectie.secties, f"{number}.", level + 1),
                )
            )
        return tuple(rv)


def _marker(metadata: list[Any]) -> object:
    return next((m for m in metadata if isinstance(m, ProseMarker | InlineMarker)), None)


def _marker_in(annotation: Any) -> object:
    """Find a prose or inline marker inside ``Annotated`` / ``X | None``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _marker(list(annotation.__metadata__))
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _marker_in(arg)
            if found:
                return found
    return None


def _argument(annotation: Any, container: type, index: int) -> Any:
    """Return type argument ``index`` of ``list[...]``/``dict[...]``, also inside ``X | None``."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if typing.get_origin(arg) is container:
                return typing.get_args(arg)[index]
    if origin is container:
        return typing.get_args(annotation)[index]
    return None
