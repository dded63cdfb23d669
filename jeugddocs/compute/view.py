"""The computed view of a document: what a template sees, before Word objects exist.

Prose arrives parsed (validation did that, see :mod:`jeugddocs.markup`); here its
references are computed into formatted amounts, arguments and sections are numbered,
and tables carry their computed totals. The view holds only plain data, so it can be
tested and reused (a web preview, a PDF) without Word.
"""

from __future__ import annotations

import datetime
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from jeugddocs.calc.totals import column_totals, rounding_gaps, row_totals
from jeugddocs.compute.charts import ChartView, chart_view
from jeugddocs.compute.numbering import number as number_items
from jeugddocs.compute.tables import TableRow, TableView
from jeugddocs.content.models.document import Document
from jeugddocs.content.models.grafiek import Grafiek
from jeugddocs.content.models.huisstijl import STANDAARD, Structuur
from jeugddocs.content.models.parts import Onderbouwing, Sectie, Tabel
from jeugddocs.content.models.profiel import Profiel
from jeugddocs.format import datum
from jeugddocs.markup.prose import Inline, InlineText, Prose, ProseText, expand, expand_inline


@dataclass(frozen=True)
class SectionView:
    """A section with its computed number (``None`` where sections are not numbered)."""

    nummer: str | None
    niveau: int
    kop: Inline
    tekst: Prose | None
    tabel: TableView | None
    grafiek: ChartView | None
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


def build_view(document: Document, structure: Structuur = STANDAARD) -> dict[str, Any]:
    """Return the template view of a validated document (every field present).

    ``structure`` is the house style's rules: how arguments and kanttekeningen are
    numbered, and whether a single decision point gets a number.
    """
    builder = _ViewBuilder(document.waarden, type(document).genummerde_secties, structure)
    builder.numbers = _cross_reference_numbers(document, structure)
    view = builder.model(document)
    _add_sender(view, document.afzender)
    view["kopvelden"] = _title_fields(document)
    points = view.get("beslispunten")
    view["beslispunten_genummerd"] = isinstance(points, list) and (
        len(points) > 1 or structure.enkel_beslispunt_nummeren
    )
    view["gelet_op_als_lijst"] = structure.gelet_op == "lijst"
    if "inhoudsopgave" in view:
        sections = view["secties"]
        wanted = view["inhoudsopgave"] and isinstance(sections, Sections)
        view["inhoudsopgave"] = TableOfContents(sections) if wanted else None
    return view


class _ViewBuilder:
    def __init__(self, amounts: dict[str, Decimal], numbered: bool, structure: Structuur) -> None:
        self.amounts = amounts
        self.numbered = numbered
        #: What each ``[#sleutel]`` in text becomes: the number its argument gets.
        self.numbers: dict[str, str] = {}
        #: Charts met so far: the next one gets the number after theirs.
        self.charts = 0
        self.schemes = {
            "argumenten": structure.argumenten,
            "kanttekeningen": structure.kanttekeningen,
        }

    def model(self, model: BaseModel) -> dict[str, Any]:
        rv = {}
        for name in type(model).model_fields:
            value = getattr(model, name)
            if isinstance(value, list) and value and isinstance(value[0], Onderbouwing):
                scheme = self.schemes.get(name, "per_beslispunt")
                rv[name] = [
                    {"nummer": number, **self.model(item)}
                    for number, item in number_items(value, scheme)
                ]
            else:
                rv[name] = self.value(value)
        return rv

    def value(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, ProseText | InlineText):
            return self.text(value)
        if isinstance(value, Tabel):
            return self.table(value)
        if isinstance(value, Grafiek):
            return self.chart(value)
        if isinstance(value, BaseModel):
            return self.model(value)
        if isinstance(value, list) and value and isinstance(value[0], Sectie):
            return Sections(self.sections(value, prefix="", level=1))
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        return value

    def text(self, value: ProseText | InlineText) -> Prose | Inline:
        if isinstance(value, ProseText):
            return expand(value.blocks, self.amounts, self.numbers)
        return expand_inline(value.runs, self.amounts, self.numbers)

    def inline(self, value: str) -> Inline:
        # -- a validated model holds InlineText; plain text (model_construct) is parsed here --
        marked = value if isinstance(value, InlineText) else InlineText.of(value)
        return expand_inline(marked.runs, self.amounts, self.numbers)

    def prose(self, value: str | None) -> Prose | None:
        if value is None:
            return None
        marked = value if isinstance(value, ProseText) else ProseText.of(value)
        return expand(marked.blocks, self.amounts, self.numbers)

    def table(self, table: Tabel) -> TableView:
        titel = self.inline(table.titel) if table.titel else None
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
            voordeel_nadeel=tuple(table.vn_kolommen()),
            vn_voor=table.vn_voor,
            euro_teken=table.euro_teken,
            afronding=tuple(gaps),
        )

    def chart(self, chart: Grafiek) -> ChartView:
        # -- numbered as the view meets them, which is reading order: each kind of document
        #    has charts in one place (its sections), and a section's chart before its children's --
        self.charts += 1
        bron = self.inline(chart.bron) if chart.bron else None
        return chart_view(chart, self.charts, self.inline(chart.titel), bron)

    def sections(self, items: list[Sectie], prefix: str, level: int) -> tuple[SectionView, ...]:
        rv = []
        for index, sectie in enumerate(items, start=1):
            number = f"{prefix}{index}" if self.numbered else None
            rv.append(
                SectionView(
                    nummer=number,
                    niveau=level,
                    kop=self.inline(sectie.kop),
                    tekst=self.prose(sectie.tekst),
                    tabel=self.table(sectie.tabel) if sectie.tabel else None,
                    grafiek=self.chart(sectie.grafiek) if sectie.grafiek else None,
                    toelichting=self.prose(sectie.toelichting),
                    secties=self.sections(sectie.secties, f"{number}.", level + 1),
                )
            )
        return tuple(rv)


def _add_sender(view: dict[str, Any], profile: Profiel | None) -> None:
    """Put the sender in the view: from its profile, or from the plain name in ``gemeente``.

    With a profile, ``gemeente`` becomes the sender's name and the names under the
    document come from the profile unless the content gives its own.
    """
    if profile is None:
        name = view["gemeente"]
        view["afzender"] = {
            "naam": name,
            "soort": "gemeente",
            "briefhoofd": f"Gemeente {name}",
            "adres": [],
            "contact": [],
            "adresregel": "",
            "logo": None,
            "functionarissen": {},
        }
        return
    people = profile.functionarissen
    view["gemeente"] = profile.naam
    view["afzender"] = {
        "naam": profile.naam,
        "soort": profile.soort,
        "briefhoofd": profile.briefhoofd,
        "adres": list(profile.adres),
        "contact": list(profile.contact),
        "adresregel": " · ".join([*profile.adres, *profile.contact]),
        "logo": profile.logo_beeld,
        "functionarissen": people.model_dump(),
    }
    if view.get("soort") == "raadsbesluit":
        view["voorzitter"] = view.get("voorzitter") or people.burgemeester or people.voorzitter
        view["griffier"] = view.get("griffier") or people.griffier
    signing = view.get("ondertekening")
    if isinstance(signing, dict):
        signing.setdefault("burgemeester", None)
        signing.setdefault("secretaris", None)
        signing["burgemeester"] = (
            signing["burgemeester"] or people.burgemeester or people.voorzitter
        )
        signing["secretaris"] = signing["secretaris"] or people.secretaris


def _cross_reference_numbers(document: Document, structure: Structuur) -> dict[str, str]:
    """Map each argument's and kanttekening's ``sleutel`` to how text refers to it.

    The number it gets in this house style's scheme ("1.2" or "3"); where the scheme
    gives no numbers, its heading in quotes, so "(zie [#effect])" still points somewhere.
    """
    rv: dict[str, str] = {}
    for field, scheme in (
        ("argumenten", structure.argumenten),
        ("kanttekeningen", structure.kanttekeningen),
    ):
        items = getattr(document, field, None)
        if not isinstance(items, list):
            continue
        for numbered, item in number_items(items, scheme):
            if isinstance(item, Onderbouwing) and item.sleutel:
                rv[item.sleutel] = numbered or f"‘{item.kop}’"
    return rv


def _title_fields(document: Document) -> list[dict[str, str]]:
    """The municipality's own title-block rows, in the order its profile declares them."""
    fields = document.kopvelden
    order = list(document.afzender.kopvelden) if document.afzender else []
    names = [n for n in order if n in fields] + [n for n in fields if n not in order]
    return [
        {
            "label": name,
            "waarde": datum(fields[name])
            if isinstance(fields[name], datetime.date)
            else str(fields[name]),
        }
        for name in names
    ]
