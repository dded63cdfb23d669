"""Finding and reading municipality profiles (``gemeenten/<sleutel>.yaml``).

Content names its sender by key (``gemeente: noordwijk``). The profile is looked for in
the folders the caller gives, then in a ``gemeenten`` folder beside the content file or
in any folder above it (so ``content/voorbeelden/x.yaml`` finds ``content/gemeenten/``),
the way tools find their configuration. A plain name (``gemeente: Noordwijk``) needs no
profile and keeps working.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeGuard

from pydantic import ValidationError

from jeugddocs.content.filecache import FileCache
from jeugddocs.content.models.profiel import SLEUTEL, Profiel
from jeugddocs.content.pictures import PictureError, read_picture
from jeugddocs.content.problems import problems_from_validation
from jeugddocs.content.source import Source, load_source
from jeugddocs.errors import Problem
from jeugddocs.paths import folders_near

#: Width of the logo in the letterhead; its height follows the picture.
LOGO_WIDTH_CM = 4.0
#: Name of the folder that holds profiles.
FOLDER = "gemeenten"
#: What a profile key looks like; a plain name starts with a capital or has a space.
KEY = SLEUTEL


def is_key(value: object) -> TypeGuard[str]:
    """Return True if ``value`` names a profile rather than a municipality by name."""
    return isinstance(value, str) and KEY.fullmatch(value) is not None


def search_path(near: Path | None, folders: Sequence[Path] = ()) -> list[Path]:
    """Return the folders to look in for profiles, in order.

    ``near`` is the content file's folder (or the working folder for content given as
    text or data); ``folders`` are the caller's own, searched first.
    """
    return folders_near(FOLDER, near or Path.cwd(), folders)


def find(key: str, folders: Sequence[Path]) -> Path | None:
    """Return the profile file for ``key`` in the first folder that has one."""
    for folder in folders:
        for suffix in (".yaml", ".yml"):
            candidate = folder / f"{key}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def load(path: Path) -> tuple[Profiel | None, list[Problem]]:
    """Read and validate one profile; its problems are placed in the profile's own file.

    Read once while the profile and its logo are unchanged (see
    :mod:`jeugddocs.content.filecache`): every document of a batch names its sender.
    """
    profile, problems = _READ.get(path)
    return profile, list(problems)


def _logo_of(path: Path, result: tuple[Profiel | None, list[Problem]]) -> list[Path]:
    profile = result[0]
    return [path.parent / profile.logo] if profile is not None and profile.logo else []


def _read(path: Path) -> tuple[Profiel | None, list[Problem]]:
    source, problems = load_source(path, str(path))
    if source.data is None:
        return None, problems
    if not isinstance(source.data, dict):
        return None, [
            *problems,
            Problem(str(path), 1, 1, "een profiel begint met velden, zoals 'naam: Noordwijk'"),
        ]
    try:
        profile = Profiel.model_validate(source.data)
    except ValidationError as exc:
        return None, problems + problems_from_validation(exc, source, Profiel)
    if profile.logo is not None:
        try:
            picture = read_picture(
                path.parent / profile.logo, LOGO_WIDTH_CM, f"Logo van {profile.briefhoofd}"
            )
        except PictureError as exc:
            return None, [
                *problems,
                source.problem(source.value_position(("logo",)), str(exc), path=("logo",)),
            ]
        profile = profile.with_logo(picture)
    profile = profile.with_places(_places(source, path))
    return (None if problems else profile), problems


#: The fields of a profile that a problem found after reading it may concern.
_PLACED = ("cbs_code", "tooi", "woo")


def _places(source: Source, path: Path) -> dict[str, tuple[str, int, int]]:
    """Where each field of :data:`_PLACED` stands (at its value), and the file (``""``)."""
    places = {"": (str(path), 1, 1)}
    for name in _PLACED:
        if (name,) in source.values:
            at = source.value_position((name,))
            places[name] = (str(path), at.line, at.column)
    return places


def unknown(
    key: str,
    folders: Sequence[Path],
    source: Source,
    path: tuple[str | int, ...] = ("gemeente",),
) -> Problem:
    """The problem for a key with no profile, at its value (``gemeente`` by default).

    Only the sender may also be a plain name; a participant of a regional proposal
    (``deelnemers``) is always a profile.
    """
    where = ", ".join(str(folder) for folder in folders) or f"een map '{FOLDER}'"
    plain = (
        ", of schrijf de naam van de gemeente met een hoofdletter als u geen profiel gebruikt"
        if path == ("gemeente",)
        else "; een deelnemer heeft altijd een profiel"
    )
    return source.problem(
        source.value_position(path),
        f"geen gemeenteprofiel '{key}' gevonden (gezocht in: {where}); voeg {FOLDER}/{key}.yaml "
        f"toe{plain}",
        path=path,
    )


#: Profiles read, kept while the file and its logo are unchanged.
_READ: FileCache[tuple[Profiel | None, list[Problem]]] = FileCache(_read, _logo_of)
