"""A text block: named, reusable prose with its own variables (``tekstblokken/<naam>.yaml``).

One file per block, named after the block, so an editor finds the wording of
``{{ blok("communicatie") }}`` in ``tekstblokken/communicatie.yaml``::

    omschrijving: Standaardalinea over communicatie na het besluit
    variabelen:
      datum: datum                  # alleen de soort: verplicht mee te geven
      kanaal:
        soort: tekst
        standaard: de gemeentelijke website
    tekst: |
      Wij maken het besluit op {{ datum | datum }} bekend via {{ kanaal }}.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, field_validator

from jeugddocs.content.models.base import Loc, Model, custom_error, fail
from jeugddocs.content.models.fields import Naam, Tekst
from jeugddocs.format.describe import describe

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

#: The kinds of value a block's variable holds.
Soort = Literal["tekst", "bedrag", "getal", "datum"]

#: How each kind is written where a block is included, for messages.
HOW_TO_WRITE: dict[str, str] = {
    "tekst": 'tekst tussen aanhalingstekens, zoals "de gemeentelijke website"',
    "bedrag": "een naam uit 'bedragen', een getal of een berekening, zoals extra_bijdrage",
    "getal": "een getal of een naam uit 'bedragen', zoals 3",
    "datum": 'een datum tussen aanhalingstekens, zoals "2021-06-01"',
}


def _shorthand(value: Any) -> Any:
    # -- "datum: datum" declares a variable by its kind alone --
    return {"soort": value} if isinstance(value, str) else value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise custom_error("de tekst van het blok is leeg; schrijf de tekst onder 'tekst: |'")
    return value


class Variabele(Model):
    """A variable of a text block: its kind, and the value it has when none is given."""

    soort: Soort = Field(description="tekst, bedrag, getal of datum")
    standaard: Any = Field(
        default=None, description="waarde als het blok zonder deze variabele wordt ingevoegd"
    )
    omschrijving: Tekst | None = None


class Tekstblok(Model):
    """A text block as its file holds it."""

    omschrijving: Tekst | None = Field(default=None, description="waarvoor het blok dient")
    variabelen: dict[Naam, Annotated[Variabele, BeforeValidator(_shorthand)]] = Field(
        default_factory=dict,
        description="variabelen van het blok: naam: soort, of naam: {soort: …, standaard: …}",
    )
    tekst: Annotated[str, AfterValidator(_not_blank)] = Field(
        description="de tekst, in dezelfde opmaak als andere tekst: alinea's, - lijsten, "
        '**vet**, {{ naam | euro }} en {{ blok("ander") }}'
    )

    @field_validator("variabelen")
    @classmethod
    def _defaults_of_their_kind(cls, value: dict[str, Variabele]) -> dict[str, Variabele]:
        # -- a field validator, not a model one: it runs when another field is wrong too --
        problems: list[tuple[Loc, str, object]] = []
        for name, variable in value.items():
            if variable.standaard is None:
                continue
            if convert(variable.soort, variable.standaard) is None:
                problems.append(
                    (
                        (name, "standaard"),
                        f"de standaardwaarde van '{name}' moet {_kind_phrase(variable.soort)} "
                        f"zijn, maar hier staat {describe(variable.standaard)}",
                        variable.standaard,
                    )
                )
        fail("Variabelen", problems)
        return value


def _kind_phrase(soort: str) -> str:
    return {"tekst": "tekst", "bedrag": "een bedrag", "getal": "een getal", "datum": "een datum"}[
        soort
    ]


def convert(soort: str, value: Any) -> str | Decimal | datetime.date | None:
    """Return ``value`` (as YAML gives it) as a value of kind ``soort``, or None if it is none."""
    if soort == "tekst":
        return value if isinstance(value, str) and value.strip() else None
    if soort == "datum":
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                return None
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
        return None
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
