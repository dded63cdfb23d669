"""The participants of a regional proposal, and each one's share of the regional amounts.

A collegevoorstel or raadsvoorstel that several municipalities decide on lists them
under ``deelnemers``; each is a municipality profile, and each gets its own document
(``jeugddocs render --per-deelnemer``). ``verdeel`` names the regional amounts that are
divided and what a participant's part is called in text::

    deelnemers:
      verdeel:
        aandeel: extra_bijdrage     # {{ aandeel | euro }}: the participant's part of it
      verdeelsleutel: aantal jeugdigen (CBS, 1 januari 2021)
      gemeenten:
        - gemeente: blaricum
          gewicht: 2450             # or its own amount: bedragen: {aandeel: 750}

Own amounts must add up to the regional amount exactly; weights divide it by
:func:`jeugddocs.calc.shares.divide` (whole euros, or cents if the amount has cents; the
rounding difference by the largest remainder, ties to the participant listed first).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, PlainValidator, PrivateAttr, ValidationInfo, model_validator
from pydantic.json_schema import WithJsonSchema

from jeugddocs.calc.shares import SharesError, divide
from jeugddocs.content.models.base import Loc, Model, custom_error, fail
from jeugddocs.content.models.fields import (
    Bedrag,
    DeelnemerProza,
    Label,
    Naam,
    Tekst,
)
from jeugddocs.content.models.profiel import SLEUTEL, Profiel
from jeugddocs.format import euro
from jeugddocs.format.describe import describe, quote
from jeugddocs.markup import checks
from jeugddocs.markup.prose import ProseText


def _key(value: Any) -> str:
    if isinstance(value, str) and SLEUTEL.fullmatch(value):
        return value
    if isinstance(value, str):
        suggestion = "-".join(value.lower().split())
        raise custom_error(
            f"'{quote(value)}' is geen sleutel van een gemeenteprofiel; noem het profiel met "
            f"zijn sleutel in kleine letters, zoals '{quote(suggestion)}' voor "
            f"gemeenten/{quote(suggestion)}.yaml"
        )
    raise custom_error(
        f"verwacht de sleutel van een gemeenteprofiel, zoals 'blaricum', maar hier staat "
        f"{describe(value)}"
    )


def _weight(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise custom_error(
            "een gewicht is een getal (aantal inwoners, jeugdigen of een percentage), maar hier "
            f"staat {describe(value)}"
        )
    weight = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not weight.is_finite():
        raise custom_error("een gewicht moet een eindig getal zijn")
    if weight < 0:
        raise custom_error(
            f"het gewicht {value} is negatief; een verdeelsleutel kent alleen getallen van 0 "
            "of meer"
        )
    return weight


ProfielSleutel = Annotated[
    str,
    PlainValidator(_key),
    WithJsonSchema({"type": "string", "description": "sleutel van een gemeenteprofiel"}),
]
Gewicht = Annotated[
    Decimal,
    PlainValidator(_weight),
    WithJsonSchema({"type": "number", "minimum": 0, "description": "gewicht in de verdeelsleutel"}),
]


def doubled(keys: Sequence[object]) -> list[tuple[int, str]]:
    """Return ``(index, message)`` for each key that an earlier participant already has.

    >>> doubled(["laren", "huizen", "laren"])
    [(2, "'laren' staat al in de lijst (als deelnemer 1); noem elke gemeente één keer")]
    """
    first: dict[object, int] = {}
    rv = []
    for index, key in enumerate(keys):
        if not isinstance(key, str):
            continue
        earlier = first.setdefault(key, index)
        if earlier != index:
            rv.append(
                (
                    index,
                    f"'{key}' staat al in de lijst (als deelnemer {earlier + 1}); noem elke "
                    "gemeente één keer",
                )
            )
    return rv


class Deelnemer(Model):
    """One participating municipality: its profile, and its weight or its own amounts."""

    gemeente: ProfielSleutel = Field(
        description="sleutel van het gemeenteprofiel (gemeenten/<sleutel>.yaml), zoals 'blaricum'"
    )
    gewicht: Gewicht | None = Field(
        default=None,
        description="gewicht in de verdeelsleutel (aantal inwoners, jeugdigen, een percentage)",
    )
    bedragen: dict[Naam, Bedrag] = Field(
        default_factory=dict,
        description="eigen bedragen van deze gemeente, per naam uit 'verdeel'; samen moeten ze "
        "het regionale bedrag zijn",
    )
    zaaknummer: Label | None = Field(
        default=None, description="zaaknummer van deze gemeente, voor haar eigen stuk"
    )

    _profiel: Profiel | None = PrivateAttr(default=None)
    _aandelen: dict[str, Decimal] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _take_the_profile(self, info: ValidationInfo) -> Deelnemer:
        found = (info.context or {}).get("deelnemers") or {}
        profile = found.get(self.gemeente)
        if isinstance(profile, Profiel):
            self._profiel = profile
        return self

    @property
    def profiel(self) -> Profiel:
        """The participant's profile (validation fails without one, see content.load)."""
        if self._profiel is None:
            raise LookupError(f"no profile was loaded for {self.gemeente!r}")
        return self._profiel

    @property
    def aandelen(self) -> dict[str, Decimal]:
        """This participant's part of each regional amount, by its name under ``verdeel``."""
        return dict(self._aandelen)


class Deelnemers(Model):
    """The municipalities a regional proposal is for, and how its amounts are divided."""

    verdeel: dict[Naam, Naam] = Field(
        default_factory=dict,
        description="per naam voor het deel van een gemeente (aandeel) de naam van het "
        "regionale bedrag uit 'bedragen' dat verdeeld wordt",
    )
    verdeelsleutel: Tekst | None = Field(
        default=None,
        description="waarnaar verdeeld wordt, zoals 'aantal jeugdigen (CBS, 1 januari 2021)'; "
        "nodig als de gemeenten een gewicht hebben",
    )
    tekst: DeelnemerProza | None = Field(
        default=None,
        description="tekst die alleen in het stuk per deelnemer staat, onder Financiën; mag de "
        "bedragen van de deelnemer gebruiken, zoals {{ aandeel | euro }}",
    )
    gemeenten: list[Deelnemer] = Field(min_length=1, description="de deelnemende gemeenten")

    @model_validator(mode="after")
    def _divide(self, info: ValidationInfo) -> Deelnemers:
        context = info.context if isinstance(info.context, dict) else {}
        amounts: dict[str, Decimal | None] = context.get("bedragen") or {}
        problems = self._names(amounts) + self._doubles()
        if not problems:
            problems = self._shares(amounts)
        if not problems and self.tekst is not None:
            problems = self._text_per_participant(amounts)
        fail("Deelnemers", problems)
        return self

    def _names(self, amounts: dict[str, Decimal | None]) -> list[tuple[Loc, str, object]]:
        problems: list[tuple[Loc, str, object]] = []
        known = ", ".join(sorted(amounts)) or "nog geen"
        for name, total in self.verdeel.items():
            if name in amounts:
                problems.append(
                    (
                        ("verdeel", name),
                        f"'{name}' is al een bedrag onder 'bedragen'; geef het deel van een "
                        f"gemeente een eigen naam, zoals 'aandeel'",
                        name,
                    )
                )
            elif total not in amounts:
                problems.append(
                    (
                        ("verdeel", name),
                        f"'{quote(total)}' is geen bedrag onder 'bedragen'; noem het regionale "
                        f"bedrag dat verdeeld wordt (bekende namen: {known})",
                        total,
                    )
                )
        if not self.verdeel:
            problems.append(
                (
                    ("verdeel",),
                    "noem onder 'verdeel' welk regionaal bedrag over de gemeenten gaat, zoals "
                    "'aandeel: extra_bijdrage'",
                    self.verdeel,
                )
            )
        for index, deelnemer in enumerate(self.gemeenten):
            problems += [
                (
                    ("gemeenten", index, "bedragen", name),
                    f"'{name}' staat niet onder 'verdeel'; een gemeente geeft alleen haar deel "
                    f"van een regionaal bedrag (mogelijk: {', '.join(self.verdeel) or 'geen'})",
                    name,
                )
                for name in deelnemer.bedragen
                if name not in self.verdeel
            ]
        return problems

    def _doubles(self) -> list[tuple[Loc, str, object]]:
        keys = [deelnemer.gemeente for deelnemer in self.gemeenten]
        return [
            (("gemeenten", index, "gemeente"), message, keys[index])
            for index, message in doubled(keys)
        ]

    def _shares(self, amounts: dict[str, Decimal | None]) -> list[tuple[Loc, str, object]]:
        """Give every participant its part of each divided amount, or say why not."""
        problems: list[tuple[Loc, str, object]] = []
        per_participant: list[dict[str, Decimal]] = [{} for _ in self.gemeenten]
        for name, total_name in self.verdeel.items():
            total = amounts.get(total_name)
            if total is None:
                continue  # -- the amount has a problem of its own, reported at its line --
            own = [d.bedragen.get(name) for d in self.gemeenten]
            if any(amount is not None for amount in own):
                shares, wrong = self._own_amounts(name, total_name, total, own)
            else:
                shares, wrong = self._by_weight(name, total_name, total)
            problems += wrong
            for part, share in zip(per_participant, shares, strict=False):
                part[name] = share
        if not problems:
            for deelnemer, part in zip(self.gemeenten, per_participant, strict=True):
                deelnemer._aandelen = part
        return problems

    def _own_amounts(
        self, name: str, total_name: str, total: Decimal, own: list[Decimal | None]
    ) -> tuple[list[Decimal], list[tuple[Loc, str, object]]]:
        missing: list[tuple[Loc, str, object]] = [
            (
                ("gemeenten", index, "bedragen"),
                f"{self.gemeenten[index].gemeente} heeft geen eigen bedrag '{name}', andere "
                f"gemeenten wel; geef het bij elke gemeente (bedragen: {{{name}: …}}), of bij "
                "geen enkele en verdeel met 'gewicht'",
                self.gemeenten[index].bedragen,
            )
            for index, amount in enumerate(own)
            if amount is None
        ]
        if missing:
            return [], missing
        given = [amount for amount in own if amount is not None]
        added = sum(given, Decimal(0))
        if added == total:
            return given, []
        direction = "te veel" if added > total else "te weinig"
        return [], [
            (
                ("verdeel", name),
                f"de eigen bedragen '{name}' van de gemeenten tellen op tot {euro(added)}, maar "
                f"'{total_name}' is {euro(total)} ({euro(abs(added - total))} {direction}); "
                "de delen moeten samen precies het regionale bedrag zijn",
                total_name,
            )
        ]

    def _by_weight(
        self, name: str, total_name: str, total: Decimal
    ) -> tuple[list[Decimal], list[tuple[Loc, str, object]]]:
        missing: list[tuple[Loc, str, object]] = [
            (
                ("gemeenten", index, "gemeente"),
                f"{deelnemer.gemeente} heeft geen 'gewicht' en geen eigen bedrag '{name}'; geef "
                f"een gewicht in de verdeelsleutel, of bij elke gemeente een eigen bedrag "
                f"(bedragen: {{{name}: …}})",
                deelnemer.gemeente,
            )
            for index, deelnemer in enumerate(self.gemeenten)
            if deelnemer.gewicht is None
        ]
        if self.verdeelsleutel is None:
            missing.append(
                (
                    (),
                    "'verdeelsleutel' ontbreekt: zeg waarnaar de gewichten verdeeld worden, zoals "
                    "'verdeelsleutel: aantal inwoners (CBS, 1 januari 2021)'",
                    None,
                )
            )
        if missing:
            return [], missing
        weights = [d.gewicht for d in self.gemeenten if d.gewicht is not None]
        try:
            return divide(total, weights), []
        except SharesError as exc:
            if exc.kind == "nul":
                return [], [
                    (
                        ("verdeelsleutel",),
                        f"de gewichten van de gemeenten tellen op tot 0, dus '{total_name}' kan "
                        "niet naar deze verdeelsleutel verdeeld worden; geef ten minste één "
                        "gemeente een gewicht boven 0",
                        self.verdeelsleutel,
                    )
                ]
            if exc.kind == "negatief" and exc.index is not None:
                return [], [
                    (
                        ("gemeenten", exc.index, "gewicht"),
                        "een gewicht is 0 of meer; een verdeelsleutel kent geen negatieve getallen",
                        weights[exc.index],
                    )
                ]
            return [], [
                (
                    ("verdeel", name),
                    f"'{total_name}' ({describe(total)}) heeft meer dan twee decimalen; een "
                    "bedrag wordt in hele euro's of centen verdeeld",
                    total_name,
                )
            ]

    def _text_per_participant(
        self, amounts: dict[str, Decimal | None]
    ) -> list[tuple[Loc, str, object]]:
        """Check the text with each participant's own values (a division by its share…)."""
        text = self.tekst if isinstance(self.tekst, ProseText) else ProseText.of(self.tekst or "")
        for deelnemer in self.gemeenten:
            values = {**amounts, **deelnemer.aandelen}
            issues = checks.reference_issues(text.blocks, values)
            if issues:
                return [
                    (
                        ("tekst",),
                        f"bij {deelnemer.gemeente}: {issues[0].message}",
                        self.tekst,
                    )
                ]
        return []


#: What the field ``deelnemers`` of a proposal that may be regional means.
DEELNEMERS_UITLEG = (
    "gemeenten waarvoor dit regionale voorstel is, elk met haar deel van de bedragen; "
    "jeugddocs render --per-deelnemer maakt een stuk per gemeente"
)
