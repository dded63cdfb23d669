"""The collegevoorstel: a proposal to the college (seed 000)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from jeugddocs.content.models.deelnemers import DEELNEMERS_UITLEG, Deelnemers
from jeugddocs.content.models.fields import Proza, Tekst
from jeugddocs.content.models.parts import Financien, Steller
from jeugddocs.content.models.voorstel import Voorstel


class Collegevoorstel(Voorstel):
    """A proposal to the college of burgemeester en wethouders."""

    soort: Literal["collegevoorstel"]
    aan: Tekst | None = Field(
        default=None, description="geadresseerde, standaard het college van B&W"
    )
    afdeling: Tekst | None = Field(default=None, description="afdeling van de steller")
    steller: Steller | None = Field(default=None, description="naam en e-mail van de steller")
    samenvatting: Proza = Field(description="het voorstel in het kort")
    aanleiding: Proza = Field(description="waarom dit voorstel er is")
    doel: Proza | None = Field(default=None, description="wat het voorstel moet bereiken")
    financien: Financien | None = Field(
        default=None, description="financiële gevolgen: tekst en tabellen"
    )
    uitvoering: Proza | None = Field(default=None, description="hoe het wordt uitgevoerd")
    communicatie: Proza | None = Field(default=None, description="hoe het besluit bekend wordt")
    deelnemers: Deelnemers | None = Field(default=None, description=DEELNEMERS_UITLEG)
