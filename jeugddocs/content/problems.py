"""Turn pydantic's validation errors into Dutch problems at YAML positions.

Messages are keyed on pydantic's stable error ``type``, never on its English
text. Our own validators raise the ``jeugddocs`` and ``verwijzing`` types,
whose Dutch message is already complete.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from jeugddocs.content.source import Position, Source, is_reported
from jeugddocs.errors import Problem
from jeugddocs.format.describe import describe, quote


def problems_from_validation(
    error: ValidationError, source: Source, model: type[BaseModel]
) -> list[Problem]:
    """Return one Problem per pydantic error, placed at its YAML line and column."""
    problems: list[Problem] = []
    details = error.errors(include_url=False)
    suggested = _suggested_fields(details, model)
    for detail in details:
        if detail["type"] == "missing" and tuple(detail["loc"]) in suggested:
            continue  # -- the misspelt key that was meant says it better --
        if is_reported(detail["input"]) or detail["type"] == "al_gemeld":
            continue
        is_key = "[key]" in detail["loc"]
        loc = tuple(part for part in detail["loc"] if part != "[key]")
        if detail["type"] == "verwijzing":
            problems.extend(_reference_problems(detail, loc, source))
            continue
        if is_key or detail["type"] in ("extra_forbidden", "missing"):
            position = source.key_position(loc)
            if detail["type"] == "missing":
                position = (
                    source.key_position(loc[:-1])
                    if loc[:-1] or not source.positioned
                    else Position(1, 1, 0, 0)
                )
        else:
            position = source.value_position(loc)
        problems.append(source.problem(position, _message(detail, loc, model), path=loc))
    return problems


def _suggested_fields(details: list[ErrorDetails], model: type[BaseModel]) -> set[tuple[Any, ...]]:
    """Return the locations of fields that an unknown key is probably a misspelling of."""
    rv = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            loc = tuple(detail["loc"])
            close = difflib.get_close_matches(
                str(loc[-1]), _fields_at(model, loc[:-1]), n=1, cutoff=0.6
            )
            if close:
                rv.add((*loc[:-1], close[0]))
    return rv


def _reference_problems(
    detail: ErrorDetails, loc: tuple[Any, ...], source: Source
) -> Iterator[Problem]:
    """Place each reference problem at the fragment the author typed, inside the text."""
    ctx = detail.get("ctx") or {}
    for fragment, occurrence, message in ctx.get("fragmenten", []):
        yield source.problem(source.fragment_position(loc, fragment, occurrence), message, path=loc)


def _message(detail: ErrorDetails, loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    value = detail["input"]
    field = quote(next((str(part) for part in reversed(loc) if isinstance(part, str)), ""))
    if kind == "jeugddocs":
        return str(ctx["bericht"])
    if kind == "missing":
        return f"het verplichte veld '{field}' ontbreekt; voeg '{field}:' toe met een waarde"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
        if close:
            return f"onbekend veld '{field}'; bedoelde u '{close[0]}'?"
        return f"onbekend veld '{field}'; toegestaan zijn hier: {', '.join(allowed)}"
    if value is None and kind in (
        "string_type",
        "list_type",
        "model_type",
        "dict_type",
        "int_type",
        "date_type",
        "bool_type",
    ):
        return (
            f"'{field}' is leeg; vul een waarde in, of laat het veld weg als het niet verplicht is"
        )
    if kind == "string_type":
        return (
            f"verwacht tekst, maar hier staat {describe(value)}; zet de waarde tussen "
            "aanhalingstekens als het tekst is"
        )
    if kind == "list_type":
        return (
            f"verwacht een lijst, maar hier staat {describe(value)}; zet elk item op een eigen "
            "regel die begint met '- '"
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            f"verwacht een groep velden (naam: waarde op eigen regels), maar hier staat "
            f"{describe(value)}"
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"verwacht een geheel getal, zoals 1 of 2, maar hier staat {describe(value)}"
    if kind == "greater_than_equal":
        return f"het getal moet {ctx['ge']} of hoger zijn, maar hier staat {describe(value)}"
    if kind == "too_short":
        return (
            f"deze lijst mag niet leeg zijn; geef minstens {ctx['min_length']} "
            f"{'item' if ctx['min_length'] == 1 else 'items'}"
        )
    if kind == "literal_error":
        options = str(ctx["expected"]).replace(" or ", " of ")
        return f"{describe(value)} is hier niet toegestaan; kies uit: {options}"
    if kind == "bool_type":
        return f"verwacht true of false, maar hier staat {describe(value)}"
    # -- never pydantic's own (English) text: a kind of error not worded above is rare --
    return f"{describe(value)} is hier niet toegestaan; controleer wat voor waarde dit veld vraagt"


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Return the field names of the model found at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else None
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip ``X | None`` and ``Annotated[X, …]`` down to ``X``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation
