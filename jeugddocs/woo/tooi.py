"""The TOOI value lists of DiWoo, read from the shipped ``diwoo-metadata-lijsten.xsd``.

Every value a DiWoo record may give for an organisation, an information category, a
file type or a language is an enumeration in that XSD, with its TOOI label as the first
``dita:p`` of its documentation. Why read them from the XSD rather than copy them into
code: the labels stay exactly as published, the lists the XSD checks against are the
lists used, and a newer XSD brings its own values. Read once per process, and only
when a document asks for Woo metadata (some 20 ms).

Only the standard library: this runs while content is checked, before lxml is needed.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from pathlib import Path

#: The shipped XSD files (see ``xsd/README.md`` for where they come from).
XSD_FOLDER = Path(__file__).resolve().parent / "xsd"
LISTS_XSD = XSD_FOLDER / "diwoo-metadata-lijsten.xsd"

#: The value lists a DiWoo organisation (publisher) may come from: the members of
#: ``organisatielijst`` in ``diwoo-metadata.xsd`` (a test keeps the two the same).
ORGANISATIELIJSTEN = (
    "gemeentelijst",
    "collijst",
    "ministerielijst",
    "provincielijst",
    "oorglijst",
    "solijst",
    "waterschapslijst",
    "zbolijst",
)

#: Where every TOOI organisation identifier starts: ``…/tooi/id/<soort>/<code>``.
TOOI_ID = "https://identifier.overheid.nl/tooi/id/"
#: Where the TOOI list of regions and gemeenschappelijke regelingen is published.
SAMENWERKINGSORGANISATIES = (
    "https://identifier.overheid.nl/tooi/set/rwc_samenwerkingsorganisaties_compleet"
)
#: A TOOI organisation code as a profile may give it: ``so0006``, or the whole URI.
TOOI_CODE = re.compile(r"(?:https://identifier\.overheid\.nl/tooi/id/[a-z_]+/)?[a-z]+[0-9]+")
#: A CBS municipality code, which names a municipality in TOOI as well: ``GM0575``.
CBS_GEMEENTE = re.compile(r"GM[0-9]{4}", re.IGNORECASE)

_XS = "{http://www.w3.org/2001/XMLSchema}"
_DITA_P = "{http://dita.oasis-open.org/architecture/2005/}p"


@cache
def lists() -> dict[str, dict[str, str]]:
    """Return every value list of the XSD: its type name (``gemeentelijst``) → URI → label."""
    # -- here, not at the top: every profile imports this module, few need the lists --
    from xml.etree import ElementTree

    root = ElementTree.parse(LISTS_XSD).getroot()
    rv: dict[str, dict[str, str]] = {}
    for simple in root.iter(f"{_XS}simpleType"):
        values: dict[str, str] = {}
        for value in simple.iter(f"{_XS}enumeration"):
            label = value.find(f"{_XS}annotation/{_XS}documentation/{_DITA_P}")
            text = label.text if label is not None else None
            values[value.get("value", "")] = " ".join((text or "").split())
        rv[simple.get("name", "")] = values
    return rv


def label(lijst: str, uri: str) -> str:
    """Return the TOOI label of ``uri`` in value list ``lijst``; KeyError when it is not there."""
    return lists()[lijst][uri]


def gemeente_uri(cbs_code: str) -> str | None:
    """Return the TOOI URI of the municipality a CBS code names, None for another code.

    >>> gemeente_uri("GM0575")
    'https://identifier.overheid.nl/tooi/id/gemeente/gm0575'
    """
    if CBS_GEMEENTE.fullmatch(cbs_code) is None:
        return None
    return f"{TOOI_ID}gemeente/{cbs_code.lower()}"


def organisatie_uri(code: str) -> str | None:
    """Return the URI of a TOOI organisation code (``so0006``, or its URI); None if unknown."""
    if code.startswith(TOOI_ID):
        return code if organisatie(code) is not None else None
    return _by_code().get(code.lower())


def organisatie(uri: str) -> str | None:
    """Return the TOOI label of organisation ``uri``, or None when no DiWoo list holds it."""
    every = lists()
    for lijst in ORGANISATIELIJSTEN:
        found = every[lijst].get(uri)
        if found is not None:
            return found
    return None


def like(naam: str, count: int = 2) -> list[tuple[str, str]]:
    """Return the organisations whose TOOI label is ``naam`` or nearly so, as (code, label).

    For a hint in a message ("bedoelt u so0006, Regio Gooi en Vechtstreek?"): the
    label itself (in any case) when a list has it, else labels that differ by a typo or
    two. Only near ones: "Gemeenschappelijke regeling X" is not a hint for "… Y".
    """
    labels: dict[str, str] = {}
    for lijst in ORGANISATIELIJSTEN:
        for uri, found in lists()[lijst].items():
            labels.setdefault(found.lower(), uri)
    wanted = " ".join(naam.lower().split())
    if wanted in labels:
        keys = [wanted]
    else:
        keys = difflib.get_close_matches(wanted, list(labels), n=count, cutoff=0.9)
    return [(_code(labels[key]), organisatie(labels[key]) or key) for key in keys]


def setting(code: str) -> str:
    """How a profile names TOOI organisation ``code``: a municipality by its CBS code.

    >>> setting("gm0575"), setting("so0006")
    ('cbs_code: GM0575', 'tooi: so0006')
    """
    return f"cbs_code: {code.upper()}" if CBS_GEMEENTE.fullmatch(code) else f"tooi: {code}"


@cache
def _by_code() -> dict[str, str]:
    """Every organisation's code (the last part of its URI) → its URI."""
    return {_code(uri): uri for lijst in ORGANISATIELIJSTEN for uri in lists()[lijst] if uri}


def _code(uri: str) -> str:
    return uri.rstrip("/").rpartition("/")[2]
