"""Load a content file into its typed model, or report every problem in it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jeugddocs.content import lint
from jeugddocs.content.models import SOORTEN, Document
from jeugddocs.content.models.document import validation_context
from jeugddocs.content.problems import problems_from_validation
from jeugddocs.content.source import Source, is_reported, load_source, load_text_bytes
from jeugddocs.errors import ContentError, Problem


@dataclass(frozen=True)
class Checked:
    """Valid content, with the warnings that did not stop it (numbers typed twice, …)."""

    document: Document
    warnings: list[Problem] = field(default_factory=list)


def check_content(path: Path | str, display_name: str | None = None) -> Checked:
    """Read, parse and validate one content file; return it with its warnings.

    Raises ContentError with every problem found (YAML and validation alike).
    """
    path = Path(path)
    source, problems = load_source(path, display_name or str(path))
    return _validate(source, problems)


def load_content(path: Path | str, display_name: str | None = None) -> Document:
    """Read, parse and validate one content file (see :func:`check_content`)."""
    return check_content(path, display_name).document


def parse_content(text: str | bytes, name: str = "<tekst>") -> Document:
    """Validate content given as text, for programs that do not work with files."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    source, problems = load_text_bytes(raw, name)
    return _validate(source, problems).document


def _validate(source: Source, problems: list[Problem]) -> Checked:
    if source.data is None and problems:
        raise ContentError(problems)
    data = source.data
    if not isinstance(data, dict):
        raise ContentError(
            [
                *problems,
                source.problem(
                    source.value_position(()),
                    "het bestand moet beginnen met velden (naam: waarde), zoals "
                    "'soort: raadsvoorstel'",
                ),
            ]
        )
    model = _model_for(data, source, problems)
    if model is None:
        raise ContentError(problems)
    try:
        document = model.model_validate(data, context=validation_context(data))
    except ValidationError as exc:
        problems = problems + _dedupe(problems, problems_from_validation(exc, source, model))
        raise ContentError(problems) from None
    if problems:
        raise ContentError(problems)
    return Checked(document, sorted(lint.warnings(source, document)))


def _model_for(
    data: dict[str, Any], source: Source, problems: list[Problem]
) -> type[Document] | None:
    soort = data.get("soort")
    if isinstance(soort, str) and soort in SOORTEN:
        return SOORTEN[soort]
    kinds = ", ".join(SOORTEN)
    if soort is None or is_reported(soort):
        if soort is None:
            problems.append(
                source.problem(
                    source.value_position(()),
                    f"het veld 'soort' ontbreekt; begin het bestand met bijvoorbeeld "
                    f"'soort: raadsvoorstel' (mogelijk: {kinds})",
                )
            )
        return None
    if not isinstance(soort, str):
        problems.append(
            source.problem(
                source.value_position(("soort",)),
                f"'soort' moet één woord zijn, zoals 'raadsvoorstel' (mogelijk: {kinds})",
            )
        )
        return None
    close = difflib.get_close_matches(str(soort), list(SOORTEN), n=1)
    hint = f"bedoelde u '{close[0]}'? " if close else ""
    problems.append(
        source.problem(
            source.value_position(("soort",)),
            f"onbekende soort '{soort}'; {hint}mogelijk zijn: {kinds}",
        )
    )
    return None


def _dedupe(existing: list[Problem], new: list[Problem]) -> list[Problem]:
    """Drop validation problems at a place the loader already reported."""
    taken = {(p.line, p.column) for p in existing}
    return [p for p in new if (p.line, p.column) not in taken]
