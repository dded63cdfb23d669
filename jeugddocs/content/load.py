"""Check content — a file, YAML text or a dict — into its typed model and every problem."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jeugddocs.collector import held_off
from jeugddocs.content import lint, profiles, tekstblokken
from jeugddocs.content.models import SOORTEN, Document
from jeugddocs.content.models.deelnemers import Deelnemers, doubled
from jeugddocs.content.models.document import validation_context
from jeugddocs.content.models.huisstijl import STANDAARD, Structuur
from jeugddocs.content.models.profiel import Profiel
from jeugddocs.content.problems import problems_from_validation
from jeugddocs.content.source import (
    Position,
    Source,
    YamlParser,
    is_reported,
    load_source,
    load_text_bytes,
    source_from_data,
)
from jeugddocs.errors import ContentError, FieldPath, Problem
from jeugddocs.format.describe import quote
from jeugddocs.woo import tooi

#: Content as a caller may give it: a file (``Path`` or a one-line ``str``), YAML text
#: (``str`` with a line break, or ``bytes``), or the data itself (a ``dict``).
ContentSource = Path | os.PathLike[str] | str | bytes | Mapping[str, Any]


@dataclass(frozen=True)
class Checked:
    """The outcome of checking content: the document if it is valid, and every problem.

    ``problems`` are errors (the document cannot be made); ``warnings`` are things that
    are valid but worth a look (a number typed twice, an amount never used).
    """

    document: Document | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.document is not None and not self.problems

    def valid(self) -> Document:
        """Return the document, or raise ContentError with every problem."""
        if self.document is None or self.problems:
            raise ContentError(self.problems)
        return self.document


@held_off()
def check_source(
    source: ContentSource,
    name: str | None = None,
    *,
    parser: YamlParser | None = None,
    gemeenten: Sequence[Path] = (),
    rules: Callable[[str | None], Structuur] | None = None,
    blocks: Sequence[Path] = (),
    styles: Callable[[str | None], Sequence[Path]] | None = None,
    woo: bool = False,
    per_deelnemer: bool = False,
    als: str | None = None,
) -> Checked:
    """Read and validate content, from a file, YAML text or a dict, the same way for each.

    A ``str`` is YAML text when it has a line break and a file name otherwise (content
    always has several lines; a file name never has one). ``name`` is what messages call
    the content (the file name by default, ``<tekst>`` or ``<gegevens>`` otherwise).
    Problems of YAML text and files have line and column; problems of a dict have only
    their field path, which every problem carries. Nothing is raised for content
    problems: see :meth:`Checked.valid`. ``gemeenten`` are folders with municipality
    profiles, searched before the ``gemeenten`` folders found from the content's folder
    (see :mod:`jeugddocs.content.profiles`). ``rules`` gives the structure rules of a
    house style by name (None: the caller's or default style), for the fields a house
    style requires; without it the default rules apply.

    ``woo``: every document is to get Woo metadata, so its publisher must be one DiWoo
    can name (see :func:`woo_problems`); ``per_deelnemer``: the documents are made per
    participant, whose profiles are then the publishers. ``als`` checks the content as
    sent by that participant (a profile key): its profile, its house style and its own
    text blocks, as the participant's document is made.
    """
    near: Path | None = None
    if isinstance(source, Mapping):
        loaded, problems = source_from_data(dict(source), name or "<gegevens>")
    elif isinstance(source, bytes):
        loaded, problems = load_text_bytes(source, name or "<tekst>", parser)
    elif isinstance(source, str) and "\n" in source:
        loaded, problems = load_text_bytes(source.encode("utf-8"), name or "<tekst>", parser)
    else:
        path = Path(source)
        near = path.parent
        loaded, problems = load_source(path, name or str(path), parser)
    try:
        return _validate(
            loaded,
            problems,
            profiles.search_path(near, gemeenten),
            rules,
            _Blocks(tekstblokken.search_path(near, blocks), styles),
            _Publication(woo, per_deelnemer),
            als,
        )
    except ContentError as exc:
        return Checked(None, exc.problems)


@dataclass(frozen=True)
class _Blocks:
    """Where a document's text blocks are: general folders, and a house style's by name."""

    general: Sequence[Path] = ()
    styles: Callable[[str | None], Sequence[Path]] | None = None

    def expander(
        self, data: dict[str, Any], context: dict[str, Any], profile: Profiel | None
    ) -> tuple[tekstblokken.Expander, Callable[[], list[Problem]]]:
        key = data.get("gemeente") if profile is not None else None
        styles = self.styles(profile.huisstijl if profile else None) if self.styles else ()
        library = tekstblokken.Library(self.general, key, styles)
        expander = tekstblokken.Expander(
            library,
            context["bedragen"],
            tekstblokken.document_data(data, profile),
            key,
        )
        return expander, lambda: list(expander.elsewhere)


@dataclass(frozen=True)
class _Publication:
    """How the documents are to be published: with Woo metadata, and per participant."""

    woo: bool = False
    per_deelnemer: bool = False


def _validate(
    source: Source,
    problems: list[Problem],
    folders: Sequence[Path],
    rules: Callable[[str | None], Structuur] | None = None,
    blocks: _Blocks = _Blocks(),
    publication: _Publication = _Publication(),
    als: str | None = None,
) -> Checked:
    if source.data is None and problems:
        raise ContentError(problems)
    data = source.data
    if als is not None and isinstance(data, dict):
        data = {**data, "gemeente": als}
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
    context = validation_context(data)
    gemeente = data.get("gemeente")
    if profiles.is_key(gemeente):
        found = profiles.find(gemeente, folders)
        if found is None:
            problems.append(profiles.unknown(gemeente, folders, source))
        else:
            context["afzender"], found_problems = profiles.load(found)
            problems += found_problems
    context["deelnemers"] = _participant_profiles(data, source, folders, problems)
    expander, in_blocks = blocks.expander(data, context, context.get("afzender"))
    context["tekstblokken"] = expander
    try:
        document = model.model_validate(data, context=context)
    except ValidationError as exc:
        problems = problems + _dedupe(problems, problems_from_validation(exc, source, model))
        raise ContentError(problems + in_blocks()) from None
    problems += in_blocks()
    styles = [document.afzender.huisstijl if document.afzender else None]
    if publication.per_deelnemer:
        # -- only then is a document made in each participant's own house style --
        styles += [profile.huisstijl for profile in context["deelnemers"].values() if profile]
    structures = [rules(style) for style in dict.fromkeys(styles)] if rules else [STANDAARD]
    for structure in structures:
        # -- a field two house styles require is reported once, for the first --
        taken = {problem.path for problem in problems}
        problems += [
            problem
            for problem in _required_by_house_style(document, structure, source)
            if problem.path not in taken
        ]
    problems += woo_problems(document, source, publication.woo, publication.per_deelnemer)
    if problems:
        raise ContentError(problems)
    return Checked(document, warnings=sorted(lint.warnings(source, document, expander.used)))


def _participant_profiles(
    data: dict[str, Any], source: Source, folders: Sequence[Path], problems: list[Problem]
) -> dict[str, Profiel | None]:
    """Read the profile of every participant (``deelnemers.gemeenten``), each once.

    A key without a profile is a problem at its line; a profile's own problems are
    placed in the profile's file.
    """
    participants = data.get("deelnemers")
    listed = participants.get("gemeenten") if isinstance(participants, dict) else None
    found: dict[str, Profiel | None] = {}
    entries = listed if isinstance(listed, list) else []
    keys = [entry.get("gemeente") if isinstance(entry, dict) else None for entry in entries]
    # -- reported here too, so that a doubled participant is told alongside its list's
    #    other problems (the model sees the list only once every entry is valid) --
    for index, message in doubled(keys):
        at = ("deelnemers", "gemeenten", index, "gemeente")
        problems.append(source.problem(source.value_position(at), message, path=at))
    for index, key in enumerate(keys):
        if not profiles.is_key(key) or key in found:
            continue
        path = profiles.find(key, folders)
        if path is None:
            problems.append(
                profiles.unknown(
                    key, folders, source, ("deelnemers", "gemeenten", index, "gemeente")
                )
            )
            found[key] = None
            continue
        found[key], own_problems = profiles.load(path)
        problems += own_problems
    return found


def woo_problems(
    document: Document, source: Source, woo: bool = False, per_deelnemer: bool = False
) -> list[Problem]:
    """A problem for each publisher of ``document`` that Woo metadata cannot name.

    The publisher is the sender, or with ``per_deelnemer`` each participant of a
    regional proposal. Metadata is made for a publisher when ``woo`` asks for it
    (``--woo``) or its profile does (``woo: true``); a profile that asks was checked
    when it was read, in its own file. What is missing (no profile, no CBS or TOOI
    code) is reported at the content's ``gemeente:`` that names the publisher; a code
    no TOOI list has, at that code in the profile.
    """
    participants = getattr(document, "deelnemers", None)
    publishers: list[tuple[Profiel | None, object, FieldPath]]
    if per_deelnemer and isinstance(participants, Deelnemers):
        publishers = [
            (deelnemer.profiel, deelnemer.gemeente, ("deelnemers", "gemeenten", index, "gemeente"))
            for index, deelnemer in enumerate(participants.gemeenten)
        ]
    else:
        publishers = [(document.afzender, document.gemeente, ("gemeente",))]
    problems = []
    for profile, name, at in publishers:
        if profile is None:
            if woo:
                problems.append(
                    source.problem(source.value_position(at), _no_profile(str(name)), path=at)
                )
            continue
        if not woo or profile.woo:
            continue
        for bezwaar in profile.woo_bezwaren():
            if bezwaar.veld is not None:
                problems.append(profile.problem(bezwaar.veld, bezwaar.tekst))
                continue
            problems.append(
                source.problem(
                    source.value_position(at),
                    f"Woo-metadata (--woo) noemt '{name}' als uitgever, maar het profiel "
                    f"{profile.bestand or name} heeft daarvoor geen code: {bezwaar.tekst}",
                    path=at,
                )
            )
    return problems


def _no_profile(name: str) -> str:
    found = tooi.like(f"gemeente {name}", 1)
    hint = f", met '{tooi.setting(found[0][0])}' ({found[0][1]})" if found else ""
    return (
        f"Woo-metadata (--woo) noemt de uitgever met de CBS- of TOOI-code uit een "
        f"gemeenteprofiel, en '{quote(name)}' is een naam zonder profiel; schrijf hier de "
        f"sleutel van een profiel (gemeenten/<sleutel>.yaml{hint})"
    )


def _required_by_house_style(
    document: Document, structure: Structuur, source: Source
) -> list[Problem]:
    """A problem for each field the house style requires that this document leaves empty."""
    name = structure.naam or "deze"
    return [
        source.problem(
            source.key_position(()) if not source.positioned else Position(1, 1, 0, 0),
            f"het veld '{field}' ontbreekt of is leeg; de huisstijl {name} vraagt het. Voeg "
            f"'{field}:' toe en vul het in",
            path=(field,),
        )
        for field in structure.verplicht
        if field in type(document).model_fields and not getattr(document, field)
    ]


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
                path=("soort",),
            )
        )
        return None
    close = difflib.get_close_matches(str(soort), list(SOORTEN), n=1)
    hint = f"bedoelde u '{close[0]}'? " if close else ""
    problems.append(
        source.problem(
            source.value_position(("soort",)),
            f"onbekende soort '{quote(soort)}'; {hint}mogelijk zijn: {kinds}",
            path=("soort",),
        )
    )
    return None


def _dedupe(existing: list[Problem], new: list[Problem]) -> list[Problem]:
    """Drop validation problems at a place the loader already reported."""
    taken = {_place(p) for p in existing}
    return [p for p in new if _place(p) not in taken]


def _place(problem: Problem) -> object:
    # -- content without positions (a dict) has its problems only at their field --
    return (problem.line, problem.column) if problem.line else problem.path
