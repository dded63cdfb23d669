"""What can be wrong with a text an author typed, found on its parsed form.

Each problem names the fragment as typed and which occurrence of it, so that the
content loader can place it at its line and column inside the YAML value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from jeugddocs.markup.prose import Inline, Prose, Run, inlines
from jeugddocs.markup.references import (
    CROSS_REFERENCE,
    EXAMPLE,
    FOOTNOTE,
    REFERENCE,
    STRAY_SYNTAX,
    reference_problem,
)


@dataclass(frozen=True)
class Issue:
    """A problem with one piece of a text; ``fragment`` is the text as the author typed it."""

    fragment: str
    occurrence: int
    message: str


def text_issues(
    text: str,
    parsed: Prose | Inline,
    amounts: Mapping[str, Any] | None = None,
    footnotes: Collection[str] | None = None,
    cross_references: Collection[str] | None = None,
) -> list[Issue]:
    """Return every problem in ``text`` (parsed as ``parsed``), in the order of the checks.

    Without ``amounts`` the names in references are not checked, and without
    ``footnotes`` the footnote markers are not: a caller that does not know them yet
    (a single field in a form) still gets everything else.
    """
    issues = number_issues(text)
    if amounts is not None:
        issues += reference_issues(parsed, amounts)
    issues += stray_syntax_issues(text, parsed)
    if footnotes is not None:
        issues += footnote_issues(text, footnotes)
    if cross_references is not None:
        issues += cross_reference_issues(text, cross_references)
    return issues


def cross_reference_issues(text: str, keys: Collection[str]) -> list[Issue]:
    """Return a problem for every ``[#sleutel]`` that names no argument or kanttekening."""
    issues = []
    seen: dict[str, int] = {}
    for match in CROSS_REFERENCE.finditer(text):
        fragment = match.group()
        occurrence = seen.get(fragment, 0)
        seen[fragment] = occurrence + 1
        if match.group(1) not in keys:
            known = ", ".join(sorted(keys)) or "nog geen"
            issues.append(
                Issue(
                    fragment,
                    occurrence,
                    f"'{fragment}' verwijst naar een argument of kanttekening die niet bestaat; "
                    f"geef dat argument 'sleutel: {match.group(1)}' (bekende sleutels: {known})",
                )
            )
    return issues


def _lines(parsed: Prose | Inline) -> list[Inline]:
    if parsed and isinstance(parsed[0], Run):
        return [parsed]
    return list(inlines(parsed))  # type: ignore[arg-type]


def reference_issues(parsed: Prose | Inline, amounts: Mapping[str, Any]) -> list[Issue]:
    """Return a problem for every reference that is not a computable, formattable amount."""
    issues = []
    seen: dict[str, int] = {}
    # -- a reference's problem depends only on its text: a long text that repeats a wrong
    #    one is told once what is wrong (a close name is sought among every amount) --
    messages: dict[str, str | None] = {}
    for line in _lines(parsed):
        for run in line:
            # -- a text block's inclusion is checked where it is put in its place --
            if run.reference is None or run.reference.include is not None:
                continue
            fragment = run.reference.fragment
            occurrence = seen.get(fragment, 0)
            seen[fragment] = occurrence + 1
            if fragment not in messages:
                messages[fragment] = reference_problem(run.reference, amounts)
            message = messages[fragment]
            if message:
                issues.append(Issue(fragment, occurrence, message))
    return issues


def stray_syntax_issues(text: str, parsed: Prose | Inline) -> list[Issue]:
    """Return a problem for template syntax that is not part of a whole reference.

    Looked for in the text as typed and in the text as it will be shown: bold or a
    footnote marker can split braces (``{**{** naam **}**}``) that then meet in the
    document.
    """
    stray = STRAY_SYNTAX.search(REFERENCE.sub("", text))
    if stray:
        return [
            Issue(
                stray.group(),
                0,
                f"'{stray.group()}' hoort bij een verwijzing, maar hier staat geen volledige "
                f"verwijzing; schrijf een bedrag als {EXAMPLE}, of haal de tekens weg",
            )
        ]
    for line in _lines(parsed):
        shown = "".join(run.text for run in line if run.reference is None)
        joined = STRAY_SYNTAX.search(shown)
        if joined:
            return [
                Issue(
                    joined.group(),
                    0,
                    f"opmaak met * of een voetnoot staat midden in '{joined.group()}', zodat er "
                    f"in het document '{joined.group()}' komt te staan; schrijf een verwijzing "
                    f"aaneen, als {EXAMPLE}, en zet ** om de hele verwijzing",
                )
            ]
    return []


def footnote_issues(text: str, keys: Collection[str]) -> list[Issue]:
    """Return a problem for every footnote marker in ``text`` without a text in ``keys``."""
    issues = []
    seen: dict[str, int] = {}
    known = ""  # -- the footnotes there are, listed once for every marker without one --
    for match in FOOTNOTE.finditer(text):
        fragment = match.group()
        occurrence = seen.get(fragment, 0)
        seen[fragment] = occurrence + 1
        if match.group(1) not in keys:
            known = known or ", ".join(sorted(keys)) or "nog geen"
            issues.append(
                Issue(
                    fragment,
                    occurrence,
                    f"voetnoot '{fragment}' heeft geen tekst; voeg onder 'voetnoten:' de regel "
                    f"'{match.group(1)}: tekst van de voetnoot' toe (bekende voetnoten: {known})",
                )
            )
    return issues


_PERCENT_WITH_POINT = re.compile(r"(?<![\d.,])\d+\.\d+\s?%")
_AMOUNT_WITH_POINT_CENTS = re.compile(r"€\s?\d{1,3}(?:\.\d{3})*\.\d{2}(?![\d,]|\.\d)")
_AMOUNT_WITH_DASHES = re.compile(r"€\s?[\d.]+,-{1,2}")

_NUMBER_CHECKS: tuple[tuple[re.Pattern[str], Callable[[str], str]], ...] = (
    (
        _PERCENT_WITH_POINT,
        lambda f: (
            f"'{f}' gebruikt een punt als decimaalteken; schrijf "
            f"{f.replace('.', ',').replace(' ', '')} (of gebruik het filter procent)"
        ),
    ),
    (
        _AMOUNT_WITH_POINT_CENTS,
        lambda f: (
            f"het bedrag '{f}' is dubbelzinnig: bedoelt u centen of duizenden? Zet het bedrag "
            f"onder 'bedragen:' en schrijf {EXAMPLE}"
        ),
    ),
    (
        _AMOUNT_WITH_DASHES,
        lambda f: (
            f"schrijf hele euro's zonder ',-': '{f.rstrip('-').rstrip(',')}', of beter {EXAMPLE}"
        ),
    ),
)


def number_issues(text: str) -> list[Issue]:
    """Return a problem for every number typed in a form Dutch readers misread.

    ``32.3%`` uses an English decimal point; ``€ 394.00`` could be 394 euros or
    394 thousand; ``€ 845.000,--`` is not how whole euros are written.
    """
    if "%" not in text and "€" not in text:
        return []  # -- every pattern needs one of the two; most prose has neither --
    issues = []
    for pattern, message in _NUMBER_CHECKS:
        seen: dict[str, int] = {}
        for match in pattern.finditer(text):
            fragment = match.group()
            occurrence = seen.get(fragment, 0)
            seen[fragment] = occurrence + 1
            issues.append(Issue(fragment, occurrence, message(fragment)))
    return issues
