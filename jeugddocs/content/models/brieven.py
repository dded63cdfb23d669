"""Documents with free sections: raadsinformatiebrief (seed 002), memo (seed 001), nota
(seed 003) and rapportage."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, field_validator

from jeugddocs.content.models.document import Document
from jeugddocs.content.models.fields import Proza, Tekst
from jeugddocs.content.models.parts import Ondertekening, Sectie, Steller, check_section_depth


class MetSecties(Document):
    """A document whose body is a list of sections."""

    secties: list[Sectie] = Field(default_factory=list, description="secties met een kop")

    @field_validator("secties")
    @classmethod
    def _not_too_deep(cls, value: list[Sectie]) -> list[Sectie]:
        check_section_depth(value)
        return value


class Raadsinformatiebrief(MetSecties):
    """A letter informing the council, signed by burgemeester and secretaris."""

    soort: Literal["raadsinformatiebrief"]
    aan: Tekst = Field(default="de gemeenteraad", description="geadresseerde")
    inleiding: Proza = Field(description="inleiding van de brief")
    kernboodschap: Proza = Field(description="de kern van de brief")
    steller: Steller | None = Field(default=None, description="naam en e-mail van de steller")
    ondertekening: Ondertekening = Field(
        default_factory=Ondertekening, description="namen onder de brief"
    )


class Memo(MetSecties):
    """A memo, for instance to the council about a budget overrun."""

    soort: Literal["memo"]
    aan: Tekst = Field(description="geadresseerde")
    van: Tekst = Field(description="afzender van de memo")
    inleiding: Proza = Field(description="inleiding van de memo")


class Nota(MetSecties):
    """A long policy document: numbered chapters, footnotes and a table of contents."""

    genummerde_secties: ClassVar[bool] = True

    soort: Literal["nota"]
    aan: Tekst | None = Field(default=None, description="geadresseerde")
    van: Tekst | None = Field(default=None, description="afzender van de nota")
    inleiding: Proza | None = Field(default=None, description="inleiding van de nota")
    inhoudsopgave: bool = Field(default=True, description="een inhoudsopgave vooraan")


class Rapportage(MetSecties):
    """A planning-and-control report (bestuursrapportage, afwijkingenrapportage): headings
    without numbers, tables of amounts with empty cells, V/N and "bedragen in €"."""

    soort: Literal["rapportage"]
    aan: Tekst | None = Field(default=None, description="geadresseerde")
    van: Tekst | None = Field(default=None, description="afzender van de rapportage")
    periode: Tekst | None = Field(default=None, description="zoals 'januari tot en met april 2021'")
    inleiding: Proza | None = Field(default=None, description="inleiding van de rapportage")
    inhoudsopgave: bool = Field(default=False, description="een inhoudsopgave vooraan")
