"""House styles: a folder of Word templates with its structure rules, found by name.

A house style is a folder (``templates/<naam>/`` for the shipped ones) with a Word
template per kind it changes and a ``huisstijl.yaml`` with its structure rules (see
:class:`~jeugddocs.content.models.huisstijl.Structuur`). Kinds it has no template for
come from the style it names in ``erft_van``, in the end from ``standaard``, so an
editor's copy may hold only the one template the council wants different.
"""

from __future__ import annotations

from difflib import get_close_matches
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from jeugddocs.content.models import SOORTEN
from jeugddocs.content.models.huisstijl import STANDAARD, Structuur
from jeugddocs.content.problems import problems_from_validation
from jeugddocs.content.source import Source, load_source
from jeugddocs.errors import Problem, TemplateError
from jeugddocs.render.templates import DEFAULT_HOUSE_STYLE, TemplateSet, templates_root

#: The file with a house style's structure rules.
SETTINGS = "huisstijl.yaml"


def shipped() -> list[str]:
    """Return the names of the house styles shipped with jeugddocs."""
    return sorted(p.name for p in templates_root().iterdir() if (p / SETTINGS).is_file())


def folder_of(name_or_folder: str | Path) -> Path:
    """Return the folder of a shipped house style by name, or the folder given."""
    candidate = Path(name_or_folder)
    if candidate.is_dir():
        return candidate
    shipped_folder = templates_root() / str(name_or_folder)
    if isinstance(name_or_folder, str) and "/" not in name_or_folder and shipped_folder.is_dir():
        return shipped_folder
    known = ", ".join(shipped())
    raise TemplateError(
        [
            Problem(
                str(name_or_folder),
                1,
                1,
                f"onbekende huisstijl '{name_or_folder}'; geef een map met sjablonen, of een "
                f"van: {known}",
            )
        ]
    )


def house_style(name_or_folder: str | Path | None = None) -> TemplateSet:
    """Return the templates and rules of a house style (the default when None).

    Raises TemplateError, at ``huisstijl.yaml``'s line, when its rules are wrong.
    """
    folder = folder_of(name_or_folder) if name_or_folder is not None else None
    return _load(folder.resolve() if folder else templates_root() / DEFAULT_HOUSE_STYLE)


@cache
def _load(folder: Path, seen: tuple[Path, ...] = ()) -> TemplateSet:
    structure = _structure(folder)
    default = (templates_root() / DEFAULT_HOUSE_STYLE).resolve()
    inherits: TemplateSet | None = None
    if folder.resolve() != default:
        parent = folder_of(structure.erft_van) if structure.erft_van else default
        if parent.resolve() in (*seen, folder.resolve()):
            raise TemplateError(
                [Problem(str(folder / SETTINGS), 1, 1, "huisstijlen erven in een kring van elkaar")]
            )
        inherits = _load(parent.resolve(), (*seen, folder.resolve()))
    return TemplateSet(folder, inherits=inherits, structure=structure)


def _structure(folder: Path) -> Structuur:
    path = folder / SETTINGS
    if not path.is_file():
        return STANDAARD
    source, problems = load_source(path, str(path))
    if source.data is None or problems:
        raise TemplateError(problems)
    try:
        structure = Structuur.model_validate(source.data if source.data is not None else {})
    except ValidationError as exc:
        raise TemplateError(problems_from_validation(exc, source, Structuur)) from None
    unknown = _unknown_required_fields(structure, source)
    if unknown:
        raise TemplateError(unknown)
    return structure


def _unknown_required_fields(structure: Structuur, source: Source) -> list[Problem]:
    """A problem for each name in ``verplicht`` that no kind of document has.

    Without this a typo ("kernn") would make nothing required and say nothing.
    """
    known = {name for model in SOORTEN.values() for name in model.model_fields}
    problems = []
    for index, field in enumerate(structure.verplicht):
        if field in known:
            continue
        hint = get_close_matches(field, sorted(known), n=1)
        suggestion = f"; bedoelde u '{hint[0]}'?" if hint else ""
        problems.append(
            source.problem(
                source.value_position(("verplicht", index)),
                f"'verplicht' noemt '{field}', maar geen soort stuk heeft dat veld{suggestion}",
                path=("verplicht", index),
            )
        )
    return problems


def is_house_style(folder: Path) -> bool:
    """Whether ``folder`` holds a house style: its rules, or a Word template."""
    return (folder / SETTINGS).is_file() or any(_templates_in(folder))


def house_style_folders(folder: Path | None = None) -> list[Path]:
    """Return the house styles in ``folder``: itself, or the folders in it that are one.

    Without a folder: every shipped house style.
    """
    if folder is None:
        return [templates_root() / name for name in shipped()]
    if is_house_style(folder):
        return [folder]
    return sorted(sub for sub in folder.iterdir() if sub.is_dir() and is_house_style(sub))


def check_house_style(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Check a house style: its rules and every Word template in it, all problems at once.

    Returns the templates checked and the problems found; nothing is rendered.
    """
    problems: list[Problem] = []
    try:
        house_style(folder)
    except TemplateError as exc:
        problems += exc.problems
    # -- the field list and the checker are for editors' checks, not for every render --
    from jeugddocs.render.fields import template_names
    from jeugddocs.render.template_check import check_template, known_template

    known = template_names()
    templates = _templates_in(folder)
    for path in templates:
        wrong_name = known_template(path.stem, known)
        if wrong_name is not None:
            problems.append(Problem(str(path), 1, 1, wrong_name))
        problems += check_template(path, None if wrong_name else path.stem)
    return templates, problems


def _templates_in(folder: Path) -> list[Path]:
    # -- "~$memo.docx" is the lock file Word keeps beside a file it has open --
    return sorted(
        path for path in folder.glob("*.docx") if path.is_file() and not path.name.startswith("~$")
    )
