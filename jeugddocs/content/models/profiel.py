"""A municipality profile: who sends a document, and the people who sign it.

One file per sender (``gemeenten/<sleutel>.yaml``), so a new burgemeester or a new
address is one edit for every document that names the sender by its key.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, PrivateAttr, model_validator

from jeugddocs.content.models.base import Model, fail
from jeugddocs.content.models.fields import Label, Tekst
from jeugddocs.content.pictures import Picture

#: What a profile key looks like; a plain name starts with a capital or has a space.
SLEUTEL = re.compile(r"[a-z0-9][a-z0-9_-]*")


class Wethouder(Model):
    """A member of the college, with the portfolios that make her or him portefeuillehouder."""

    naam: Tekst = Field(description="naam van de wethouder")
    portefeuille: list[Tekst] = Field(
        default_factory=list, description="onderwerpen in de portefeuille"
    )


class Functionarissen(Model):
    """The people whose names stand under documents of this sender."""

    burgemeester: Tekst | None = Field(default=None, description="naam van de burgemeester")
    secretaris: Tekst | None = Field(default=None, description="gemeentesecretaris")
    griffier: Tekst | None = Field(default=None, description="naam van de griffier")
    voorzitter: Tekst | None = Field(
        default=None, description="voorzitter van het bestuur (bij een regio of regeling)"
    )
    wethouders: list[Wethouder] = Field(
        default_factory=list, description="wethouders met hun portefeuille"
    )


SOORT_AFZENDER = Literal["gemeente", "regio", "gemeenschappelijke_regeling"]


class Profiel(Model):
    """Who the sender is: a municipality, a region or a gemeenschappelijke regeling."""

    naam: Tekst = Field(description="korte naam, zoals in 'gemeente Noordwijk': Noordwijk")
    soort: SOORT_AFZENDER = Field(
        default="gemeente", description="gemeente, regio of gemeenschappelijke_regeling"
    )
    officiele_naam: Tekst | None = Field(
        default=None,
        description="naam in het briefhoofd; voor een gemeente standaard 'Gemeente <naam>'",
    )
    adres: list[Tekst] = Field(default_factory=list, description="adresregels")
    contact: list[Tekst] = Field(default_factory=list, description="telefoon, e-mail, website")
    logo: Tekst | None = Field(
        default=None, description="PNG- of JPEG-bestand, naast dit profiel, voor het briefhoofd"
    )
    cbs_code: Label | None = Field(default=None, description="CBS-code, zoals GM0575")
    huisstijl: Tekst | None = Field(default=None, description="naam van de huisstijl")
    pdf: bool = Field(
        default=False,
        description="maak van elk stuk ook een PDF/A (toegankelijk, voor archief en publicatie); "
        "vraagt LibreOffice",
    )
    functionarissen: Functionarissen = Field(default_factory=Functionarissen)
    kopvelden: dict[Tekst, Literal["tekst", "datum"]] = Field(
        default_factory=dict,
        description="eigen velden in het titelblok (Forum, Agendapunt …) en hun soort; content "
        "mag alleen deze gebruiken, zodat een tikfout opvalt",
    )

    @model_validator(mode="after")
    def _named_in_the_letterhead(self) -> Profiel:
        if self.soort != "gemeente" and self.officiele_naam is None:
            fail(
                "Profiel",
                [
                    (
                        ("officiele_naam",),
                        f"een {self.soort.replace('_', ' ')} heeft geen standaardnaam in het "
                        "briefhoofd; voeg 'officiele_naam:' toe, zoals 'Regio Gooi en Vechtstreek'",
                        None,
                    )
                ],
            )
        return self

    #: The logo as read from its file by :func:`jeugddocs.content.profiles.load`.
    _logo: Picture | None = PrivateAttr(default=None)

    @property
    def logo_beeld(self) -> Picture | None:
        """The logo picture, read and checked when the profile was loaded."""
        return self._logo

    def with_logo(self, picture: Picture) -> Profiel:
        """Return this profile with its logo read."""
        copy = self.model_copy()
        copy._logo = picture
        return copy

    @property
    def briefhoofd(self) -> str:
        """The sender as the letterhead names it."""
        return self.officiele_naam or f"Gemeente {self.naam}"

    def portefeuillehouder(self, onderwerp: str) -> str | None:
        """The wethouder whose portfolio is named in ``onderwerp``, if exactly one is."""
        found = [
            w.naam
            for w in self.functionarissen.wethouders
            if any(p.lower() in onderwerp.lower() for p in w.portefeuille)
        ]
        return found[0] if len(found) == 1 else None
