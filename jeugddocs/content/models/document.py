"""Fields every kind of document has."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import Field, field_validator, model_validator

from jeugddocs.calc import formulas
from jeugddocs.content import references
from jeugddocs.content.models.base import Loc, Model, fail
from jeugddocs.content.models.fields import (
    BedragOfFormule,
    Datum,
    Label,
    Naam,
    Regel,
    Tekst,
    VoetnootNaam,
    Voetnoottekst,
)
from jeugddocs.content.source import strings_in


class Document(Model):
    """The fields shared by every kind of document (see content-model.md)."""

    #: Whether nested ``secties`` are numbered (1, 1.1, 1.2) in this kind of document.
    genummerde_secties: ClassVar[bool] = False

    soort: str
    gemeente: Tekst = Field(description="naam van de gemeente")
    onderwerp: Tekst = Field(description="onderwerp van het stuk")
    datum: Datum = Field(description="datum van het stuk, als 2021-03-18")
    zaaknummer: Label | None = Field(
        default=None, description="zaaknummer; zet het tussen aanhalingstekens"
    )
    portefeuillehouder: Tekst | None = Field(default=None, description="verantwoordelijk wethouder")
    bedragen: dict[Naam, BedragOfFormule] = Field(
        default_factory=dict,
        description="benoemde bedragen (getal of formule); gebruik ze in tekst als "
        "{{ naam | euro }}",
    )
    voetnoten: dict[VoetnootNaam, Voetnoottekst] = Field(
        default_factory=dict,
        description="teksten van voetnoten; verwijs ernaar in tekst met [^1] of [^naam]",
    )
    bijlagen: list[Regel] = Field(default_factory=list, description="bijlagen, genummerd")

    @field_validator("bedragen")
    @classmethod
    def _compute_formulas(cls, value: dict[str, Decimal | str]) -> dict[str, Decimal | str]:
        values, errors = formulas.resolve(value)
        fail("Bedragen", [((name,), message, value[name]) for name, message in errors.items()])
        return {name: amount for name, amount in values.items() if amount is not None}

    @property
    def waarden(self) -> dict[str, Decimal]:
        """The named amounts with every formula computed."""
        return {name: Decimal(value) for name, value in self.bedragen.items()}

    @model_validator(mode="after")
    def _every_footnote_is_used(self) -> Document:
        used = {
            marker
            for _, text in strings_in(self.model_dump())
            for marker in references.FOOTNOTE.findall(text)
        }
        problems: list[tuple[Loc, str, object]] = [
            (
                ("voetnoten", key),
                f"voetnoot '{key}' wordt nergens gebruikt; zet [^{key}] in de tekst waar hij "
                "hoort, of haal hem weg",
                key,
            )
            for key in self.voetnoten
            if key not in used
        ]
        fail("Document", problems)
        return self
