"""References from prose to named amounts: ``{{ tekort | euro }}``.

Content is data, never code. A reference is a name from ``bedragen`` followed
by one or more formatting filters, nothing else: no statements, no attribute
access, no calls. Each reference is checked on its own so that every problem
can be reported with the exact text the author typed. Expansion runs in
Jinja's sandbox with only our filters and no globals, as a second line of
defence.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from jeugddocs.calc.formulas import FUNCTIONS, FormulaError
from jeugddocs.format import FILTERS, FormatInputError

# -- no braces inside a reference: this keeps matching linear, and a stray "{{" is then
#    reported by the check for loose template syntax --
REFERENCE = re.compile(r"\{\{[^{}]*\}\}")
#: A name under ``bedragen``: usable in a reference and in a formula.
NAME = re.compile(r"[a-z_][a-z0-9_]*")
#: A footnote marker in prose: ``[^1]`` or ``[^bron]``; its text is under ``voetnoten``.
FOOTNOTE = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")
_OTHER_SYNTAX = re.compile(r"\{%|%\}|\{#|#\}|\{\{|\}\}")
_EXAMPLE = "{{ naam | euro }}"


def _content_environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    env.filters = dict(FILTERS)
    env.globals = {name: _decimal_arguments(function) for name, function in FUNCTIONS.items()}
    env.tests = {}
    return env


def _decimal_arguments(function: Callable[..., Decimal]) -> Callable[..., Decimal]:
    """Let a formula function take the whole numbers a reference may contain."""

    def call(*args: Any) -> Decimal:
        return function(*(Decimal(a) if isinstance(a, int) else a for a in args))

    return call


ENVIRONMENT = _content_environment()


@dataclass(frozen=True)
class ReferenceIssue:
    """A problem with one reference; ``fragment`` is the text as the author typed it."""

    fragment: str
    occurrence: int
    message: str


def find_issues(text: str, amounts: Mapping[str, Any]) -> list[ReferenceIssue]:
    """Return every problem with the references in ``text``, checked against ``amounts``.

    ``amounts`` maps each defined name to its value; values that are not numbers
    (already reported elsewhere) only make the name known.
    """
    issues: list[ReferenceIssue] = []
    seen: dict[str, int] = {}
    for fragment in REFERENCE.findall(text):
        occurrence = seen.get(fragment, 0)
        seen[fragment] = occurrence + 1
        message = _check_reference(fragment, amounts)
        if message:
            issues.append(ReferenceIssue(fragment, occurrence, message))
    rest = REFERENCE.sub("", text)
    stray = _OTHER_SYNTAX.search(rest)
    if stray:
        issues.append(
            ReferenceIssue(
                stray.group(),
                0,
                f"'{stray.group()}' hoort bij een verwijzing, maar hier staat geen volledige "
                f"verwijzing; schrijf een bedrag als {_EXAMPLE}, of haal de tekens weg",
            )
        )
    return issues


def find_footnote_issues(text: str, keys: Collection[str]) -> list[ReferenceIssue]:
    """Return a problem for every footnote marker in ``text`` without a text in ``keys``."""
    issues = []
    seen: dict[str, int] = {}
    for match in FOOTNOTE.finditer(text):
        fragment = match.group()
        occurrence = seen.get(fragment, 0)
        seen[fragment] = occurrence + 1
        if match.group(1) not in keys:
            known = ", ".join(sorted(keys)) or "nog geen"
            issues.append(
                ReferenceIssue(
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


def find_number_issues(text: str) -> list[ReferenceIssue]:
    """Return a problem for every number typed in a form Dutch readers misread.

    ``32.3%`` uses an English decimal point; ``€ 394.00`` could be 394 euros or
    394 thousand; ``€ 845.000,--`` is not how whole euros are written.
    """
    if "%" not in text and "€" not in text:
        return []  # -- every pattern below needs one of the two; most prose has neither --
    issues = []
    checks: tuple[tuple[re.Pattern[str], Callable[[str], str]], ...] = (
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
                f"het bedrag '{f}' is dubbelzinnig: bedoelt u "
                "centen of duizenden? Zet het bedrag onder 'bedragen:' en schrijf "
                f"{_EXAMPLE}"
            ),
        ),
        (
            _AMOUNT_WITH_DASHES,
            lambda f: (
                f"schrijf hele euro's zonder ',-': "
                f"'{f.rstrip('-').rstrip(',')}', of beter {_EXAMPLE}"
            ),
        ),
    )
    for pattern, message in checks:
        seen: dict[str, int] = {}
        for match in pattern.finditer(text):
            fragment = match.group()
            occurrence = seen.get(fragment, 0)
            seen[fragment] = occurrence + 1
            issues.append(ReferenceIssue(fragment, occurrence, message(fragment)))
    return issues


def _check_reference(fragment: str, amounts: Mapping[str, Any]) -> str | None:
    shape = _shape(fragment)
    if shape.problem is not None:
        return shape.problem
    names = shape.names
    unknown = [name for name in names if name not in amounts]
    if unknown:
        return _unknown_name(unknown[0], fragment, amounts)
    if any(amounts[name] is None for name in names):
        return None  # -- a value with its own problem, reported at its own line --
    try:
        compiled_reference(fragment).render(amounts)
    except (TemplateSyntaxError, SyntaxError, RecursionError):
        return f"'{fragment}' is geen geldige verwijzing; schrijf een verwijzing als {_EXAMPLE}"
    except FormatInputError as exc:
        return f"'{fragment}' kan niet worden opgemaakt: {exc}"
    except FormulaError as exc:
        return f"'{fragment}': {exc}"
    except (ArithmeticError, InvalidOperation):
        return f"'{fragment}' kan niet worden uitgerekend (deling door nul, of een te groot getal)"
    except TypeError:
        return f"'{fragment}': een filter of functie krijgt argumenten die hij niet kent"
    return None


_ARITHMETIC = (nodes.Add, nodes.Sub, nodes.Mul, nodes.Div)


def names_in_reference(fragment: str) -> set[str]:
    """Return the names of amounts a reference uses (empty when it does not parse)."""
    return set(_shape(fragment).names)


@dataclass(frozen=True)
class _Shape:
    """What a reference is, apart from the amounts: the names it uses, or why it is wrong."""

    names: tuple[str, ...] = ()
    problem: str | None = None


@functools.lru_cache(maxsize=4096)
def _shape(fragment: str) -> _Shape:
    """Parse a reference once; a document, a batch or a preview repeats the same few."""
    try:
        body = ENVIRONMENT.parse(fragment).body
    except (TemplateSyntaxError, SyntaxError, RecursionError):
        return _Shape(
            problem=f"'{fragment}' is geen geldige verwijzing; schrijf een verwijzing als "
            f"{_EXAMPLE}"
        )
    expression = body[0].nodes[0] if body and isinstance(body[0], nodes.Output) else None
    if expression is None or not isinstance(expression, nodes.Filter):
        if isinstance(expression, nodes.Name):
            return _Shape(
                (expression.name,),
                f"in '{fragment}' ontbreekt de opmaak; schrijf bijvoorbeeld "
                f"{{{{ {expression.name} | euro }}}} zodat het bedrag in Nederlandse notatie "
                "verschijnt",
            )
        return _Shape(problem=_not_a_reference(fragment))
    chain = list(_filter_chain(expression))
    names = _names_in(chain[-1])
    for node in chain[:-1]:
        problem = _check_filter(node, fragment)  # type: ignore[arg-type]
        if problem:
            return _Shape(tuple(names or ()), problem)
    if names is None:
        return _Shape(problem=_not_a_reference(fragment))
    return _Shape(tuple(names))


def _names_in(node: nodes.Node) -> list[str] | None:
    """Return the names in a computation, or None if it uses anything not allowed.

    Allowed: names, whole numbers, + - * /, and calls of the formula functions
    (``som``, ``verschil``, ``procent_van``, ``indexeer``) with such arguments.
    """
    if isinstance(node, nodes.Name):
        return [node.name]
    if isinstance(node, nodes.Const) and type(node.value) is int:
        return []
    if isinstance(node, _ARITHMETIC):
        left, right = _names_in(node.left), _names_in(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, nodes.Neg | nodes.Pos):
        return _names_in(node.node)
    if (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.Name)
        and node.node.name in FUNCTIONS
        and not node.kwargs
        and node.dyn_args is None
        and node.dyn_kwargs is None
    ):
        found: list[str] = []
        for argument in node.args:
            names = _names_in(argument)
            if names is None:
                return None
            found += names
        return found
    return None


def _filter_chain(node: nodes.Node) -> Iterator[nodes.Node]:
    """Yield a filter chain from outside in, ending with the expression it filters."""
    while isinstance(node, nodes.Filter):
        yield node
        node = node.node  # type: ignore[assignment]
    yield node


def _check_filter(node: nodes.Filter, fragment: str) -> str | None:
    if node.name not in FILTERS:
        close = difflib.get_close_matches(node.name, FILTERS, n=1)
        hint = f"bedoelde u '{close[0]}'? " if close else ""
        return (
            f"onbekend filter '{node.name}' in '{fragment}'; {hint}"
            f"beschikbaar zijn: {', '.join(FILTERS)}"
        )
    arguments = [*node.args, *(keyword.value for keyword in node.kwargs)]
    if node.dyn_args or node.dyn_kwargs or not all(isinstance(a, nodes.Const) for a in arguments):
        return f"in '{fragment}' mogen filters alleen vaste waarden krijgen, zoals centen=False"
    return None


def _not_a_reference(fragment: str) -> str:
    return (
        f"'{fragment}' is geen verwijzing naar een bedrag; in tekst mag alleen een naam uit "
        f"'bedragen' (of een berekening met namen, hele getallen, + - * / en som, verschil, "
        f"procent_van, indexeer) met een filter staan, zoals {_EXAMPLE}"
    )


def _unknown_name(name: str, fragment: str, amounts: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(name, list(amounts), n=1)
    hint = f"bedoelde u '{close[0]}'? " if close else ""
    known = ", ".join(sorted(amounts)) or "nog geen"
    return (
        f"'{name}' in '{fragment}' is geen bekend bedrag; {hint}voeg het toe onder 'bedragen:' "
        f"(bekende namen: {known})"
    )


def expand(text: str, amounts: Mapping[str, Any]) -> str:
    """Replace every reference in ``text`` by its formatted value.

    Call only on text that :func:`find_issues` passed; the sandbox still
    refuses anything unsafe if that was skipped.
    """
    if "{{" not in text:
        return text
    return REFERENCE.sub(lambda m: compiled_reference(m.group()).render(amounts), text)


@functools.lru_cache(maxsize=4096)
def compiled_reference(fragment: str) -> Template:
    """Return a reference compiled once: validation and every render reuse it.

    Why cached: compiling costs a hundred times more than rendering, and a batch
    or a live preview sees the same few references again and again.
    """
    return ENVIRONMENT.from_string(fragment)
