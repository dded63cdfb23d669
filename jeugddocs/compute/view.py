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

from pydantic import BaseModel, ConfigDict, Field

from jeugddocs.calc.totals import column_totals, rounding_gaps, row_totals
from jeugddocs.compute.charts import ChartView, chart_view
from jeugddocs.compute.numbering import number as number_items
from jeugddocs.compute.tables import TableRow, TableView
from jeugddocs.content.models.deelnemers import Deelnemer, Deelnemers
from jeugddocs.content.models.document import Document
from jeugddocs.content.models.fields import DeelnemerProza
from jeugddocs.content.models.grafiek import Grafiek
from jeugddocs.content.models.huisstijl import STANDAARD, Structuur
from jeugddocs.content.models.parts import Onderbouwing, Sectie, Tabel
from jeugddocs.content.models.profiel import SOORT_AFZENDER, Functionarissen, Profiel
from jeugddocs.content.pictures import Picture
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
    """Where a document's table of contents goes; its entries are the headings of the
    filled-in template (see :mod:`jeugddocs.render.blocks.toc`)."""

    sections: Sections


@dataclass(frozen=True)
class NumberedLines:
    """Decision points or bijlagen: lines Word numbers itself (1., 2., …) as a real list.

    ``genummerd`` is false for a single decision point the house style leaves without
    a number; its line is then a plain paragraph.
    """

    items: tuple[Inline, ...]
    genummerd: bool = True


class _Declared(BaseModel):
    # -- only read for their fields (``jeugddocs velden``, the template check); never
    #    validated, so no validator is built --
    model_config = ConfigDict(defer_build=True, arbitrary_types_allowed=True)


class Afzender(_Declared):
    """The sender as a template sees it (``afzender``), from its profile or a plain name."""

    naam: str = Field(description="naam van de afzender, zoals Noordwijk")
    soort: SOORT_AFZENDER = Field(description="soort afzender")
    briefhoofd: str = Field(description="naam in het briefhoofd, zoals 'Gemeente Noordwijk'")
    adres: list[str] = Field(description="adresregels uit het gemeenteprofiel")
    contact: list[str] = Field(description="telefoon, e-mail en website uit het gemeenteprofiel")
    adresregel: str = Field(description="adres en contact op één regel, gescheiden door ·")
    logo: Picture | None = Field(description="logo uit het gemeenteprofiel; leeg zonder logo")
    functionarissen: Functionarissen = Field(
        description="namen uit het gemeenteprofiel (leeg zonder profiel)"
    )


class Kopregel(_Declared):
    """One row of the municipality's own title-block fields."""

    label: str = Field(description="naam van het kopveld, zoals Forum")
    waarde: str = Field(description="waarde van het kopveld; een datum staat er als tekst")


class Deelnemerregel(_Declared):
    """One participant of a regional proposal as the view lists it (``deelnemers.gemeenten``)."""

    sleutel: str = Field(description="sleutel van het gemeenteprofiel, zoals hilversum")
    naam: str = Field(description="naam van de gemeente")
    briefhoofd: str = Field(description="naam in het briefhoofd, zoals 'Gemeente Hilversum'")
    gewicht: Decimal | None = Field(description="gewicht in de verdeelsleutel; leeg zonder")
    bedragen: dict[str, Decimal] = Field(description="de eigen delen van de regionale bedragen")


class Deelnemersweergave(_Declared):
    """A regional proposal's participants as the view has them (``deelnemers``)."""

    verdeelsleutel: str | None = Field(description="de verdeelsleutel, zoals in de inhoud")
    gemeenten: list[Deelnemerregel] = Field(description="de deelnemende gemeenten, op volgorde")


class Deelnemerweergave(Deelnemerregel):
    """The participant whose document this is (``deelnemer``), with its own text."""

    tekst: DeelnemerProza | None = Field(
        description="de tekst onder deelnemers.tekst, met de eigen bedragen"
    )


class Toegevoegd(_Declared):
    """What the view adds to the fields of every kind of document."""

    afzender: Afzender = Field(description="wie het stuk stuurt: uit het gemeenteprofiel")
    kopvelden: list[Kopregel] = Field(
        description="eigen velden van de gemeente in het titelblok, in de volgorde van het "
        "profiel: {% for veld in kopvelden %}{{ veld.label }}: {{ veld.waarde }}{% endfor %}"
    )
    beslispunten_genummerd: bool = Field(
        description="of de beslispunten een nummer krijgen (meer dan één, of de huisstijl wil het)"
    )
    gelet_op_als_lijst: bool = Field(
        description="of 'gelet op' als opsomming staat in plaats van op één regel (huisstijl)"
    )
    onderwerp_kort: str = Field(
        description="het onderwerp, ingekort tot één regel voor de koptekst van latere pagina's"
    )
    deelnemer: Deelnemerweergave | None = Field(
        description="de gemeente van dit stuk bij render --per-deelnemer; anders leeg"
    )


class Vervangen(_Declared):
    """Fields the view gives another shape than the content has, where a kind has them."""

    inhoudsopgave: TableOfContents | None = Field(
        description="de inhoudsopgave: elke kop met een link en het paginanummer, dat Word en "
        "LibreOffice invullen; leeg als het stuk er geen vraagt"
    )
    beslispunten: NumberedLines = Field(
        description="de beslispunten als lijst die Word nummert (1., 2.); één beslispunt "
        "zonder nummer als de huisstijl dat wil (enkel_beslispunt_nummeren: false)"
    )
    bijlagen: NumberedLines | None = Field(
        description="de bijlagen als lijst die Word nummert (1., 2.); leeg zonder bijlagen"
    )


class Genummerd(_Declared):
    """What the view adds to each argument and kanttekening."""

    nummer: str | None = Field(
        description="nummer volgens de huisstijl (1.1 of 3); leeg als de huisstijl niet nummert"
    )


def build_view(
    document: Document, structure: Structuur = STANDAARD, deelnemer: Deelnemer | None = None
) -> dict[str, Any]:
    """Return the template view of a validated document (every field present).

    ``structure`` is the house style's rules: how arguments and kanttekeningen are
    numbered, and whether a single decision point gets a number. ``deelnemer`` makes
    the document of one participant of a regional proposal: sent by that municipality,
    to its own college or council, with its own part of the amounts (see
    :func:`_for_participant`).
    """
    amounts = document.waarden
    if deelnemer is not None:
        amounts = {**amounts, **deelnemer.aandelen}
    builder = _ViewBuilder(amounts, type(document).genummerde_secties, structure)
    builder.numbers = _cross_reference_numbers(document, structure)
    view = builder.model(document)
    view["deelnemer"] = None
    if deelnemer is None:
        _add_sender(view, document.afzender)
    else:
        _for_participant(view, document, deelnemer, builder)
    view["kopvelden"] = _title_fields(document)
    points = view.get("beslispunten")
    view["beslispunten_genummerd"] = isinstance(points, list) and (
        len(points) > 1 or structure.enkel_beslispunt_nummeren
    )
    if isinstance(points, list):
        view["beslispunten"] = NumberedLines(tuple(points), view["beslispunten_genummerd"])
    view["bijlagen"] = NumberedLines(tuple(view["bijlagen"])) if view.get("bijlagen") else None
    view["gelet_op_als_lijst"] = structure.gelet_op == "lijst"
    view["onderwerp_kort"] = running_title(document.onderwerp)
    if "inhoudsopgave" in view:
        sections = view["secties"]
        wanted = view["inhoudsopgave"] and isinstance(sections, Sections)
        view["inhoudsopgave"] = TableOfContents(sections) if wanted else None
    return view


def document_date(view: dict[str, Any]) -> datetime.date | None:
    """The date a document bears: its own ``datum``; a raadsbesluit made with its
    raadsvoorstel bears the proposal's (it is drafted with it, adopted later).

    One rule for the file's properties, its name (``--naam {datum}``) and its Woo record.
    """
    made = view.get("datum") or view.get("voorstel_datum")
    return made if isinstance(made, datetime.date) else None


#: How long a subject may be in the running header of later pages, beside the kind.
RUNNING_TITLE_LENGTH = 60


def running_title(subject: str, length: int = RUNNING_TITLE_LENGTH) -> str:
    """Return ``subject`` short enough for one header line, cut after a whole word.

    >>> running_title("Inkoopstrategie jeugdhulp", 20)
    'Inkoopstrategie …'
    >>> running_title("Kort onderwerp")
    'Kort onderwerp'
    """
    subject = " ".join(subject.split())
    if len(subject) <= length:
        return subject
    cut = subject[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return f"{cut or subject[: length - 1]} …"


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
                    {_NUMBER: number, **self.model(item)}
                    for number, item in number_items(value, scheme)
                ]
            else:
                rv[name] = self.value(value)
        return rv

    def value(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, Deelnemers):
            return self.participants(value)
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

    def participants(self, deelnemers: Deelnemers) -> dict[str, Any]:
        # -- their text is only in each participant's own document (see _for_participant):
        #    in the regional one, a participant's amounts have no value --
        return {
            "verdeelsleutel": deelnemers.verdeelsleutel,
            "gemeenten": [_participant(deelnemer) for deelnemer in deelnemers.gemeenten],
        }

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
        view["afzender"] = _sender(
            naam=name,
            soort="gemeente",
            briefhoofd=f"Gemeente {name}",
            adres=[],
            contact=[],
            adresregel="",
            logo=None,
            # -- every name present, empty: a template asking for the burgemeester works
            #    for a document without a profile too --
            functionarissen=_NO_PEOPLE,
        )
        return
    people = profile.functionarissen
    view["gemeente"] = profile.naam
    view["afzender"] = _sender(
        naam=profile.naam,
        soort=profile.soort,
        briefhoofd=profile.briefhoofd,
        adres=list(profile.adres),
        contact=list(profile.contact),
        adresregel=" · ".join([*profile.adres, *profile.contact]),
        logo=profile.logo_beeld,
        functionarissen=people.model_dump(),
    )
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


def _participant(deelnemer: Deelnemer) -> dict[str, Any]:
    """What a template may show of one participant: its names, weight and parts."""
    profile = deelnemer.profiel
    return {
        "sleutel": deelnemer.gemeente,
        "naam": profile.naam,
        "briefhoofd": profile.briefhoofd,
        "gewicht": deelnemer.gewicht,
        "bedragen": deelnemer.aandelen,
    }


def _for_participant(
    view: dict[str, Any], document: Document, deelnemer: Deelnemer, builder: _ViewBuilder
) -> None:
    """Make ``view`` the document of one participant of a regional proposal.

    The participant is the sender (letterhead, names under the document, from its
    profile); the document goes to its own college or council (``aan`` is left to the
    template's default); its own case number and portefeuillehouder replace the
    region's; names that the content gives for signing are the region's and give way
    to the participant's. Everything else, the regional table included, stays as it is.
    """
    profile = deelnemer.profiel
    signing = view.get("ondertekening")
    if isinstance(signing, dict):
        signing.update(burgemeester=None, secretaris=None)
    besluit = view.get("besluit")
    if isinstance(besluit, dict):
        besluit.update(voorzitter=None, griffier=None)
    _add_sender(view, profile)
    if "aan" in view:
        view["aan"] = None
    view["zaaknummer"] = deelnemer.zaaknummer
    view["portefeuillehouder"] = profile.portefeuillehouder(document.onderwerp)
    participants = getattr(document, "deelnemers", None)
    text = participants.tekst if isinstance(participants, Deelnemers) else None
    view["deelnemer"] = {**_participant(deelnemer), "tekst": builder.prose(text)}


def _sender(**values: Any) -> dict[str, Any]:
    """The sender's fields, exactly those :class:`Afzender` declares (a missing one fails)."""
    return {name: values[name] for name in Afzender.model_fields}


_NO_PEOPLE = Functionarissen().model_dump()

#: The field each numbered argument and kanttekening gets (see :class:`Genummerd`).
(_NUMBER,) = Genummerd.model_fields


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
