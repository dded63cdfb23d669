"""A municipality profile: who sends a document, and the people who sign it.

One file per sender (``gemeenten/<sleutel>.yaml``), so a new burgemeester or a new
address is one edit for every document that names the sender by its key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from jeugddocs.content.models.base import Model, custom_error, fail
from jeugddocs.content.models.fields import Label, Tekst
from jeugddocs.content.pictures import Picture
from jeugddocs.errors import Problem
from jeugddocs.format.describe import quote
from jeugddocs.woo import tooi

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


@dataclass(frozen=True)
class WooBezwaar:
    """Why a sender cannot be named as the publisher in Woo metadata.

    ``veld`` is the profile's field whose value is wrong (``cbs_code``, ``tooi``), or
    None when what DiWoo needs is missing: the caller places that problem, at the
    profile's ``woo: true`` or at the content's ``gemeente:`` that asked for metadata.
    """

    veld: str | None
    tekst: str


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
    cbs_code: Label | None = Field(
        default=None,
        description="CBS-code, zoals GM0575; voor een gemeente ook de uitgever in Woo-metadata",
    )
    tooi: Label | None = Field(
        default=None,
        description="TOOI-code van de afzender als uitgever in Woo-metadata, zoals so0006 (of "
        "https://identifier.overheid.nl/tooi/id/so/so0006); nodig voor een regio of "
        "gemeenschappelijke regeling, een gemeente heeft die uit haar cbs_code (tooi gaat voor)",
    )
    woo: bool = Field(
        default=False,
        description="true: elk stuk van deze afzender krijgt Woo-metadata (x.diwoo.xml), ook "
        "zonder --woo",
    )
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

    @field_validator("tooi")
    @classmethod
    def _a_tooi_code(cls, value: str | None) -> str | None:
        if value is not None and tooi.TOOI_CODE.fullmatch(value) is None:
            raise custom_error(
                f"verwacht een TOOI-code zoals so0006 of "
                f"{tooi.TOOI_ID}so/so0006, maar hier staat '{quote(value)}'"
            )
        return value

    @model_validator(mode="after")
    def _a_publisher_when_published(self) -> Profiel:
        # -- the TOOI lists are read only for a profile that asks for Woo metadata --
        if self.woo:
            fail(
                "Profiel",
                [
                    ((bezwaar.veld or "woo",), self._woo_tekst(bezwaar), self.woo)
                    for bezwaar in self.woo_bezwaren()
                ],
            )
        return self

    def _woo_tekst(self, bezwaar: WooBezwaar) -> str:
        if bezwaar.veld:
            return bezwaar.tekst
        return f"'woo: true' vraagt een code voor de uitgever: {bezwaar.tekst}"

    @property
    def uitgever(self) -> str | None:
        """The TOOI URI that names this sender as a publisher, if it is in DiWoo's lists.

        From ``tooi`` when given, else from a municipality's CBS code (``GM0575`` →
        ``…/tooi/id/gemeente/gm0575``).
        """
        if self.tooi is not None:
            return tooi.organisatie_uri(self.tooi)
        uri = tooi.gemeente_uri(self.cbs_code) if self.cbs_code else None
        return uri if uri is not None and tooi.organisatie(uri) is not None else None

    def woo_bezwaren(self) -> list[WooBezwaar]:
        """What keeps this sender from being the publisher in Woo metadata; empty if nothing."""
        if self.tooi is not None:
            if self.uitgever is None:
                return [
                    WooBezwaar(
                        "tooi",
                        f"'{quote(self.tooi)}' staat in geen van de TOOI-lijsten van "
                        f"organisaties die DiWoo kent{self._hint()}",
                    )
                ]
            return []
        if self.cbs_code is not None and tooi.gemeente_uri(self.cbs_code) is not None:
            if self.uitgever is None:
                return [
                    WooBezwaar(
                        "cbs_code",
                        f"de CBS-code {self.cbs_code} staat niet in de TOOI-lijst van gemeenten; "
                        f"controleer de code{self._hint()}",
                    )
                ]
            return []
        return [WooBezwaar(None, self._missing())]

    def _missing(self) -> str:
        """What to add so that this sender can be named as publisher."""
        if self.soort == "gemeente":
            wrong = (
                f"'cbs_code: {self.cbs_code}' is geen gemeentecode (GM en vier cijfers); "
                if self.cbs_code is not None
                else ""
            )
            return (
                f"{wrong}een gemeente wordt in Woo-metadata aangeduid met haar CBS-code; voeg "
                f"'cbs_code:' met de code van de gemeente toe aan het profiel{self._hint()}"
            )
        soort = self.soort.replace("_", " ")
        return (
            f"een {soort} wordt in Woo-metadata aangeduid met haar TOOI-code, niet met een "
            f"CBS-code; voeg 'tooi:' met de code uit de TOOI-lijst van samenwerkingsorganisaties "
            f"({tooi.SAMENWERKINGSORGANISATIES}) toe aan het profiel{self._hint()}"
        )

    def _hint(self) -> str:
        """' (bedoelt u …?)' with the TOOI organisations named most like this sender."""
        names = [self.officiele_naam, self.naam]
        if self.soort == "gemeente":
            names.insert(0, f"gemeente {self.naam}")
        for name in names:
            found = tooi.like(name) if name else []
            if found:
                listed = " of ".join(f"'{tooi.setting(code)}' ({label})" for code, label in found)
                return f" (bedoelt u {listed}?)"
        return ""

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
    #: Where its fields stand in its file, field → (file, line, column): for a problem
    #: found after it was read (Woo metadata that the command line asks for).
    _plaatsen: dict[str, tuple[str, int, int]] = PrivateAttr(default_factory=dict)

    def with_places(self, places: dict[str, tuple[str, int, int]]) -> Profiel:
        """Return this profile knowing where its fields stand in its file."""
        copy = self.model_copy()
        copy._plaatsen = dict(places)
        return copy

    @property
    def bestand(self) -> str | None:
        """The file this profile was read from, if it was read from one."""
        place = self._plaatsen.get("")
        return place[0] if place else None

    def problem(self, veld: str, message: str) -> Problem:
        """A problem with this profile's field ``veld``, placed in its own file."""
        file, line, column = self._plaatsen.get(veld) or self._plaatsen.get("", ("", 0, 0))
        return Problem(file or f"<profiel {self.naam}>", line, column, message, path=(veld,))

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
