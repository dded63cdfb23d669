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
    afdeling: Tekst | None = None
    steller: Steller | None = Field(default=None, description="naam en e-mail van de steller")
    samenvatting: Proza
    aanleiding: Proza
    doel: Proza | None = None
    financien: Financien | None = None
    uitvoering: Proza | None = None
    communicatie: Proza | None = None
    deelnemers: Deelnemers | None = Field(default=None, description=DEELNEMERS_UITLEG)
