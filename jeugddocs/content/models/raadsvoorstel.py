"""The raadsvoorstel: a proposal from the college to the council (seed 004)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from jeugddocs.content.models.base import Model
from jeugddocs.content.models.deelnemers import DEELNEMERS_UITLEG, Deelnemers
from jeugddocs.content.models.fields import Datum, Proza, Tekst
from jeugddocs.content.models.parts import Financien, Ondertekening
from jeugddocs.content.models.voorstel import Voorstel


class Besluit(Model):
    """What the raadsbesluit needs beyond the proposal itself."""

    gelet_op: list[Tekst] = Field(
        default_factory=list, description="wettelijke grondslagen, zoals 'de Jeugdwet'"
    )
    vergadering: Datum | None = Field(default=None, description="datum van de raadsvergadering")
    voorzitter: Tekst | None = Field(default=None, description="naam van de voorzitter")
    griffier: Tekst | None = Field(default=None, description="naam van de griffier")


class Raadsvoorstel(Voorstel):
    """A proposal to the council; also yields the raadsbesluit."""

    soort: Literal["raadsvoorstel"]
    programma: Tekst | None = Field(default=None, description="begrotingsprogramma")
    kern: Proza | None = Field(
        default=None,
        description="Kern van het voorstel; verplicht als de huisstijl het vraagt (standaard)",
    )
    aanleiding: Proza = Field(description="waarom dit voorstel er is")
    beoogd_effect: Proza | None = Field(default=None, description="wat het voorstel moet bereiken")
    financien: Financien = Field(description="financiële consequenties: tekst en tabellen")
    betrokken_partijen: Proza | None = Field(
        default=None, description="betrokken partijen en participatie"
    )
    communicatie: Proza | None = Field(default=None, description="hoe het besluit bekend wordt")
    uitvoering: Proza | None = Field(default=None, description="uitvoering en verdere procedure")
    bestuurlijk_kader: Proza | None = Field(
        default=None, description="wetten, regels en eerdere besluiten die gelden"
    )
    besluit: Besluit = Field(
        default_factory=Besluit, description="wat het raadsbesluit nodig heeft: gelet op, …"
    )
    ondertekening: Ondertekening = Field(
        default_factory=Ondertekening, description="namen onder het voorstel"
    )
    deelnemers: Deelnemers | None = Field(default=None, description=DEELNEMERS_UITLEG)
