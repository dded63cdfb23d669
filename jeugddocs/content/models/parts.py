"""Building blocks shared by several kinds of document."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, ValidationInfo, model_validator

from jeugddocs.calc import formulas
from jeugddocs.calc.totals import column_totals, row_totals
from jeugddocs.content.models.base import Loc, Model, fail
from jeugddocs.content.models.fields import (
    BedragInTabel,
    BedragOfNaam,
    Label,
    Proza,
    Regel,
    Tekst,
    VoetnootNaam,
)
from jeugddocs.content.models.grafiek import Grafiek
from jeugddocs.format import euro
from jeugddocs.format.describe import quote
from jeugddocs.format.numbers import round_half_up


class Onderbouwing(Model):
    """An argument or kanttekening, tied to the decision point it supports."""

    beslispunt: int = Field(ge=1, description="nummer van het beslispunt (1, 2, …)")
    kop: Regel = Field(description="korte kop, die na het nummer komt (1.1 Kop)")
    tekst: Proza = Field(description="uitleg; lege regel = nieuwe alinea")
    sleutel: VoetnootNaam | None = Field(
        default=None,
        description="naam om in tekst naar te verwijzen met [#naam]; het nummer komt vanzelf",
    )


class Rij(Model):
    """One row of a table of amounts."""

    omschrijving: Label = Field(description="tekst in de eerste kolom")
    bedragen: list[BedragInTabel] = Field(
        description="één bedrag per kolom: getal, naam uit 'bedragen' of formule"
    )


class Tabel(Model):
    """A table of amounts: rows per item, one amount column per entry in ``kolommen``."""

    titel: Regel | None = Field(default=None, description="titel boven de tabel")
    kop_omschrijving: Label | None = Field(
        default=None, description="kop van de eerste kolom, bijvoorbeeld 'Producten'"
    )
    kolommen: list[Label] = Field(min_length=1, description="koppen van de bedragkolommen")
    rijen: list[Rij] = Field(min_length=1, description="de rijen van de tabel")
    totaal: Label | None = Field(
        default=None, description="voegt een berekende totaalregel toe met deze tekst"
    )
    totaal_kolom: Label | None = Field(
        default=None, description="voegt een berekende kolom toe met het totaal per rij"
    )
    eenheid: Literal["euro", "duizend", "miljoen"] = Field(
        default="euro",
        description="duizend: bedragen gedeeld door 1.000 getoond, met '(bedragen x € 1.000)'",
    )
    voordeel_nadeel: bool | list[Label] = Field(
        default=False,
        description="toon bedragen met V (voordeel, positief) of N (nadeel, negatief): true "
        "voor alle kolommen, of een lijst met de koppen van de kolommen die het krijgen",
    )
    vn_voor: bool = Field(default=False, description="V of N vóór het bedrag: 'V 12.000'")
    euro_teken: bool = Field(
        default=True,
        description="€ in elke cel; met false staat '(bedragen in €)' bij de titel",
    )
    verwacht_totaal: list[BedragOfNaam] | None = Field(
        default=None,
        description="het totaal dat de tekst noemt (getal of naam uit 'bedragen'); moet gelijk "
        "zijn aan de som",
    )

    def vn_kolommen(self) -> list[bool]:
        """Per amount column (the total column last, if any): whether it shows V or N."""
        headers = [*self.kolommen, *([self.totaal_kolom] if self.totaal_kolom else [])]
        if isinstance(self.voordeel_nadeel, bool):
            return [self.voordeel_nadeel] * len(headers)
        return [header in self.voordeel_nadeel for header in headers]

    @model_validator(mode="after")
    def _check_shape_and_totals(self, info: ValidationInfo) -> Tabel:
        amounts = (info.context or {}).get("bedragen") or {}
        width = len(self.kolommen)
        problems: list[tuple[Loc, str, object]] = []
        if isinstance(self.voordeel_nadeel, list):
            headers = [*self.kolommen, *([self.totaal_kolom] if self.totaal_kolom else [])]
            problems += [
                (
                    ("voordeel_nadeel", i),
                    f"'{quote(name)}' is geen kolom van deze tabel; kies uit: {', '.join(headers)}",
                    name,
                )
                for i, name in enumerate(self.voordeel_nadeel)
                if name not in headers
            ]
        for i, rij in enumerate(self.rijen):
            if len(rij.bedragen) != width:
                problems.append(
                    (
                        ("rijen", i, "bedragen"),
                        f"de rij '{quote(rij.omschrijving)}' heeft {len(rij.bedragen)} "
                        f"{'bedrag' if len(rij.bedragen) == 1 else 'bedragen'}, maar de tabel "
                        f"heeft {width} {'kolom' if width == 1 else 'kolommen'} "
                        f"({', '.join(self.kolommen)}); geef één bedrag per kolom",
                        rij.bedragen,
                    )
                )
        if not problems:
            problems += self._too_large()
        if self.verwacht_totaal is not None and not problems:
            if len(self.verwacht_totaal) != width:
                problems.append(
                    (
                        ("verwacht_totaal",),
                        f"verwacht_totaal heeft {len(self.verwacht_totaal)} bedragen, maar de "
                        f"tabel heeft {width} kolommen; geef één totaal per kolom",
                        self.verwacht_totaal,
                    )
                )
            else:
                for i, (written, computed) in enumerate(
                    zip(self.verwacht_totaal, self.totalen(), strict=True)
                ):
                    stated = amounts.get(written) if isinstance(written, str) else written
                    if stated is None:
                        continue
                    # -- compared in cents: a third of a budget, three times, is the budget;
                    #    and the difference named is that of the cents compared --
                    stated, computed = round_half_up(stated, 2), round_half_up(computed, 2)
                    if stated == computed:
                        continue
                    shown = (
                        f"'{written}' ({euro(stated)})"
                        if isinstance(written, str)
                        else euro(stated)
                    )
                    direction = "meer" if computed > stated else "minder"
                    problems.append(
                        (
                            ("verwacht_totaal", i),
                            f"het verwachte totaal van kolom '{self.kolommen[i]}' is {shown}, "
                            f"maar de som van de rijen is {euro(computed)} "
                            f"({euro(abs(computed - stated))} {direction}); controleer de "
                            "bedragen of het totaal",
                            written,
                        )
                    )
        fail("Tabel", problems)
        return self

    def _too_large(self) -> list[tuple[Loc, str, object]]:
        """Fail for a total no budget reaches, which also no filter could show."""
        sums = self.totalen() + row_totals([rij.bedragen for rij in self.rijen])
        if any(abs(total) >= formulas.MAX_AMOUNT for total in sums):
            return [
                (
                    ("rijen",),
                    "een totaal van deze tabel is groter dan 10^15 euro; controleer de bedragen",
                    None,
                )
            ]
        return []

    def totalen(self) -> list[Decimal]:
        """Return the sum of each amount column, exactly."""
        return column_totals([rij.bedragen for rij in self.rijen], len(self.kolommen))


class Financien(Model):
    """The financial paragraph: text and tables of amounts."""

    tekst: Proza = Field(description="tekst boven de tabellen")
    tabellen: list[Tabel] = Field(default_factory=list, description="tabellen met bedragen")
    toelichting: Proza | None = Field(default=None, description="tekst onder de tabellen")


class Ondertekening(Model):
    """Names under the signature block of the college."""

    burgemeester: Tekst | None = Field(
        default=None, description="naam van de burgemeester; standaard uit het profiel"
    )
    secretaris: Tekst | None = Field(
        default=None, description="naam van de secretaris; standaard uit het profiel"
    )


class Steller(Model):
    """The civil servant who wrote the document, for questions."""

    naam: Tekst = Field(description="naam van de steller")
    email: Tekst | None = Field(default=None, description="e-mailadres van de steller")
    telefoon: Label | None = Field(default=None, description="telefoonnummer van de steller")


#: Deepest section level: chapters, sections and subsections (1, 1.1, 1.1.1).
MAX_DEPTH = 3


class Sectie(Model):
    """A section with a heading, prose, an optional table and chart, and nested sections."""

    kop: Regel = Field(description="kop van de sectie")
    tekst: Proza | None = Field(default=None, description="tekst van de sectie")
    tabel: Tabel | None = Field(default=None, description="tabel met bedragen in de sectie")
    grafiek: Grafiek | None = Field(default=None, description="een lijn- of staafgrafiek")
    toelichting: Proza | None = Field(
        default=None, description="tekst onder de tabel en de grafiek"
    )
    secties: list[Sectie] = Field(default_factory=list, description="subsecties")


def check_section_depth(secties: list[Sectie], depth: int = 1, loc: Loc = ()) -> None:
    """Fail for every section nested deeper than :data:`MAX_DEPTH`."""
    problems: list[tuple[Loc, str, object]] = []

    def walk(items: list[Sectie], level: int, at: Loc) -> None:
        for i, sectie in enumerate(items):
            if level > MAX_DEPTH:
                problems.append(
                    (
                        (*at, i, "kop"),
                        f"secties mogen maar {MAX_DEPTH} niveaus diep (1, 1.1, 1.1.1); maak van "
                        "deze sectie tekst of een lijst in de sectie erboven",
                        sectie.kop,
                    )
                )
            else:
                walk(sectie.secties, level + 1, (*at, i, "secties"))

    walk(secties, depth, loc)
    fail("Sectie", problems)
