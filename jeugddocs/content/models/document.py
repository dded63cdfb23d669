"""Fields every kind of document has, and the registry of kinds by ``soort``."""

from __future__ import annotations

from pydantic import Field

from jeugddocs.content.models.base import Model
from jeugddocs.content.models.fields import Bedrag, Datum, Label, Naam, Regel, Tekst


class Document(Model):
    """The fields shared by every kind of document (see content-model.md)."""

    soort: str
    gemeente: Tekst = Field(description="naam van de gemeente")
    onderwerp: Tekst = Field(description="onderwerp van het stuk")
    datum: Datum = Field(description="datum van het stuk, als 2021-03-18")
    zaaknummer: Label | None = Field(
        default=None, description="zaaknummer; zet het tussen aanhalingstekens"
    )
    portefeuillehouder: Tekst | None = Field(default=None, description="verantwoordelijk wethouder")
    bedragen: dict[Naam, Bedrag] = Field(
        default_factory=dict,
        description="benoemde bedragen; gebruik ze in tekst als {{ naam | euro }}",
    )
    bijlagen: list[Regel] = Field(default_factory=list, description="bijlagen, genummerd")
