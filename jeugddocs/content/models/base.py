"""The base of every content model, and the way validators report located problems."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Weergave:
    """What a field type is to a Word template, by the name ``jeugddocs velden`` shows.

    Put in a type's ``Annotated`` metadata (pydantic keeps it and ignores it): several
    types are ``str`` to Python but reach a template differently (plain text, a line of
    marked-up text, paragraphs); the list of fields a template may use reads this.
    """

    naam: str


class Model(BaseModel):
    """Base model: unknown keys are errors, values are never coerced, instances are frozen.

    Why: a typo such as ``beslispunen:`` must be reported at its line instead of
    being ignored, and ``"12"`` must not quietly become 12.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        validate_default=False,
        use_attribute_docstrings=False,
        # -- build a validator when a kind is first used, not at import: a command that
        #    checks one raadsvoorstel should not pay for the models of every other kind --
        defer_build=True,
    )


def fail(title: str, problems: Iterable[tuple[Loc, str, Any]]) -> None:
    """Raise one ValidationError holding every ``(loc, message, input)`` given.

    Raised from a field validator, pydantic prefixes each ``loc`` with the
    field's own path, so the message lands on the exact YAML line.
    """
    details = [
        InitErrorDetails(
            type=PydanticCustomError("jeugddocs", "{bericht}", {"bericht": message}),
            loc=loc,
            input=value,
        )
        for loc, message, value in problems
    ]
    if details:
        raise ValidationError.from_exception_data(title, details)


def custom_error(message: str) -> PydanticCustomError:
    """Return a single located-by-pydantic error carrying a Dutch message."""
    return PydanticCustomError("jeugddocs", "{bericht}", {"bericht": message})
