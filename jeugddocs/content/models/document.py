"""Fields every kind of document has."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar, Self

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from jeugddocs.calc import formulas
from jeugddocs.content.models.base import Loc, Model, fail
from jeugddocs.content.models.fields import (
    BedragOfFormule,
    Datum,
    Kopveld,
    Label,
    Naam,
    Regel,
    Tekst,
    VoetnootNaam,
    Voetnoottekst,
)
from jeugddocs.content.models.huisstijl import Structuurkeuze
from jeugddocs.content.models.profiel import Profiel
from jeugddocs.content.source import strings_in
from jeugddocs.markup.references import FOOTNOTE


def validation_context(data: object) -> dict[str, Any]:
    """Return what every text check needs from the rest of the document, from raw data.

    ``bedragen``: each named amount with every formula computed (``None`` where a value
    is wrong, so the name is known but gives no second problem where it is used);
    ``formulefouten``: why each wrong formula is wrong; ``voetnoten``: the footnote keys.
    Formulas are resolved here, once, and the ``bedragen`` validator takes the result.
    """
    raw = data.get("bedragen") if isinstance(data, dict) else None
    footnotes = data.get("voetnoten") if isinstance(data, dict) else None
    values: dict[str, Decimal | None] = {}
    errors: dict[str, str] = {}
    if isinstance(raw, dict):
        values, errors = formulas.resolve({str(name): value for name, value in raw.items()})
    return {
        "bedragen": values,
        "formulefouten": errors,
        "voetnoten": {str(key) for key in footnotes} if isinstance(footnotes, dict) else set(),
        "verwijzingen": _cross_reference_keys(data),
        "deelnemer_bedragen": _participant_amount_names(data),
    }


def _participant_amount_names(data: object) -> set[str]:
    """The names of a participant's parts (``deelnemers.verdeel``), for its own text."""
    participants = data.get("deelnemers") if isinstance(data, dict) else None
    divided = participants.get("verdeel") if isinstance(participants, dict) else None
    return {str(name) for name in divided} if isinstance(divided, dict) else set()


def _cross_reference_keys(data: object) -> set[str]:
    """The keys of arguments and kanttekeningen that text may refer to with [#sleutel]."""
    keys: set[str] = set()
    for field in ("argumenten", "kanttekeningen"):
        items = data.get(field) if isinstance(data, dict) else None
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("sleutel"), str):
                keys.add(item["sleutel"])
    return keys


class Document(Model):
    """The fields shared by every kind of document (see content-model.md)."""

    #: Whether nested ``secties`` are numbered (1, 1.1, 1.2) in this kind of document.
    genummerde_secties: ClassVar[bool] = False

    soort: str = Field(description="soort stuk, zoals raadsvoorstel of memo")
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
    kopvelden: dict[Tekst, Kopveld] = Field(
        default_factory=dict,
        description="eigen velden in het titelblok, zoals 'Forum: Informeren'; het "
        "gemeenteprofiel noemt welke er zijn",
    )
    structuur: Structuurkeuze | None = Field(
        default=None,
        description="nummering voor dit ene stuk als die afwijkt van de huisstijl, zoals "
        "'argumenten: doorlopend'",
    )

    #: The sender's profile when ``gemeente`` names one (see :mod:`jeugddocs.content.profiles`).
    _afzender: Profiel | None = PrivateAttr(default=None)

    @property
    def afzender(self) -> Profiel | None:
        """The profile of the sender, or None when ``gemeente`` is a plain name."""
        return self._afzender

    @model_validator(mode="after")
    def _take_the_profile(self, info: ValidationInfo) -> Document:
        context = info.context if isinstance(info.context, dict) else {}
        profile = context.get("afzender")
        if isinstance(profile, Profiel):
            self._afzender = profile
            _check_title_fields(self.kopvelden, profile)
        return self

    @classmethod
    def model_validate(
        cls,
        obj: Any,
        *,
        context: Any | None = None,
        **options: Any,
    ) -> Self:
        """Validate ``obj``; without a context, build the one the text checks need.

        Why: a document made from a plain dict (a web form, a test, another program)
        must be checked exactly as one loaded from YAML, references included.
        """
        if context is None:
            context = validation_context(obj)
        return super().model_validate(obj, context=context, **options)

    def __init__(self, /, **data: Any) -> None:
        self.__pydantic_validator__.validate_python(
            data, self_instance=self, context=validation_context(data)
        )

    # -- pydantic calls a model's own __init__ from model_validate (validating everything
    #    twice, and dropping the caller's context); this one only adds the context that
    #    model_validate adds itself, so pydantic may treat it as its own --
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @field_validator("bedragen")
    @classmethod
    def _compute_formulas(
        cls, value: dict[str, Decimal | str], info: ValidationInfo
    ) -> dict[str, Decimal | str]:
        context = info.context if isinstance(info.context, dict) else {}
        if "formulefouten" in context:
            values, errors = context["bedragen"], context["formulefouten"]
        else:
            values, errors = formulas.resolve(value)
        fail(
            "Bedragen",
            [((name,), message, value[name]) for name, message in errors.items() if name in value],
        )
        return {
            name: amount for name, amount in values.items() if amount is not None and name in value
        }

    @property
    def waarden(self) -> dict[str, Decimal]:
        """The named amounts with every formula computed."""
        return {name: Decimal(value) for name, value in self.bedragen.items()}

    @model_validator(mode="after")
    def _every_footnote_is_used(self) -> Document:
        used = {
            marker for _, text in strings_in(self.model_dump()) for marker in FOOTNOTE.findall(text)
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


def _check_title_fields(fields: Mapping[str, object], profile: Profiel) -> None:
    """Fail for a title-block field the profile does not declare, or of the wrong kind."""
    declared = profile.kopvelden
    problems: list[tuple[Loc, str, object]] = []
    for name, value in fields.items():
        if name not in declared:
            close = difflib.get_close_matches(name, list(declared), n=1)
            hint = f"bedoelde u '{close[0]}'? " if close else ""
            known = ", ".join(declared) or "geen"
            problems.append(
                (
                    ("kopvelden", name),
                    f"het kopveld '{name}' staat niet in het profiel van {profile.naam}; {hint}"
                    f"bekende kopvelden: {known}",
                    name,
                )
            )
        elif declared[name] == "datum" and not isinstance(value, datetime.date):
            problems.append(
                (
                    ("kopvelden", name),
                    f"het kopveld '{name}' is een datum; schrijf bijvoorbeeld 2021-03-18",
                    value,
                )
            )
    fail("Kopvelden", problems)
