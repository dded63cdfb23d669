"""References from prose to named amounts: ``{{ tekort | euro }}``, ``{{ (a * 1.02) | euro }}``.

The same braces hold the inclusion of a text block: ``{{ blok("communicatie") }}`` or
``{{ blok("kosten", bedrag=extra_bijdrage) }}`` (see :class:`Include`); it is read here with
the rest, and put in its place by :mod:`jeugddocs.content.tekstblokken`.

A reference is a computation over names from ``bedragen`` in the one expression
grammar (:mod:`jeugddocs.markup.expressions`), followed by one or more formatting
filters from :data:`jeugddocs.format.FILTERS` whose arguments are fixed values. That is
all: content is data, never code, and nothing here goes near a template engine.

A reference is read once (:func:`parse_reference`, cached by its text); what is wrong
with its shape is known then, and what depends on the amounts is found by computing
it (:func:`reference_problem`), exactly as the view will.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jeugddocs.format import FILTERS, FormatInputError
from jeugddocs.format.describe import quote
from jeugddocs.markup import expressions
from jeugddocs.markup.expressions import (
    ExpressionError,
    Name,
    Node,
    Number,
    SyntaxProblem,
    Text,
    Unary,
    Unavailable,
)

# -- no braces inside a reference: this keeps matching linear, and a stray "{{" is then
#    reported by the check for loose template syntax --
REFERENCE = re.compile(r"\{\{[^{}]*\}\}")
#: A name under ``bedragen``: usable in a reference and in a formula.
NAME = re.compile(r"[a-z_][a-z0-9_]*")
#: A footnote marker in prose: ``[^1]`` or ``[^bron]``; its text is under ``voetnoten``.
FOOTNOTE = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")
#: A reference to an argument or kanttekening by its key: ``[#effect]`` becomes "1.2".
CROSS_REFERENCE = re.compile(r"\[#([A-Za-z0-9_-]+)\]")
#: Template syntax that is not part of a whole reference.
STRAY_SYNTAX = re.compile(r"\{%|%\}|\{#|#\}|\{\{|\}\}")
EXAMPLE = "{{ naam | euro }}"
#: The function that includes a text block: ``{{ blok("naam", variabele=waarde) }}``.
INCLUDE = "blok"
#: What the name of a text block (its file name without ``.yaml``) looks like.
BLOCK_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
INCLUDE_EXAMPLE = '{{ blok("communicatie") }}'

_CONSTANTS = {"True": True, "true": True, "False": False, "false": False}


@dataclass(frozen=True)
class FilterCall:
    """A filter with the fixed values it is given: ``euro(centen=False)``."""

    name: str
    arguments: tuple[Any, ...] = ()
    keywords: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Include:
    """The inclusion of a text block: its name and its arguments as read (not yet computed).

    ``arguments`` keep the order typed; ``text`` is the text inside the braces, from
    which each argument's value is quoted in messages (by the span of its node).
    """

    name: str
    arguments: tuple[tuple[str, Node], ...]
    text: str


@dataclass(frozen=True)
class Reference:
    """A reference as read: its computation and filters, or why it is not one.

    ``names`` are the amounts it uses, also when something else is wrong with it
    (so that an amount is not reported as unused because its reference has a typo).
    ``include`` is set when it includes a text block instead (``{{ blok("naam") }}``).
    """

    fragment: str
    expression: Node | None = None
    filters: tuple[FilterCall, ...] = ()
    names: tuple[str, ...] = ()
    problem: str | None = None
    include: Include | None = None


class ReferenceError(ValueError):
    """A reference that cannot be computed or formatted with these amounts (Dutch message)."""


@functools.lru_cache(maxsize=4096)
def parse_reference(fragment: str) -> Reference:
    """Read ``{{ … }}`` once; a document, a batch or a preview repeat the same few."""
    inner = fragment[2:-2]
    try:
        parser = expressions.Parser(inner, stop=("|",))
        if parser.finished():
            raise SyntaxProblem(0)
        expression = parser.comparison()
        filters: list[FilterCall] = []
        constant_only = True
        while parser.at("|"):
            parser.take()
            token = parser.take()
            if token.kind != "name":
                raise SyntaxProblem(token.start)
            arguments: tuple[Node, ...] = ()
            keywords: tuple[expressions.Keyword, ...] = ()
            if parser.at("("):
                parser.take()
                arguments, keywords, _ = parser.arguments()
            values = [_constant(a) for a in (*arguments, *(k.value for k in keywords))]
            constant_only = constant_only and all(v is not _NOT_CONSTANT for v in values)
            filters.append(
                FilterCall(
                    token.text,
                    tuple(values[: len(arguments)]),
                    tuple(
                        (k.name, v) for k, v in zip(keywords, values[len(arguments) :], strict=True)
                    ),
                )
            )
        if parser.peek() is not None:
            raise SyntaxProblem(parser.take().start)
    except SyntaxProblem:
        return Reference(fragment, problem=_invalid(fragment))
    except ExpressionError as exc:
        # -- too long or too deep: said before the work, in the words of the limit --
        return Reference(
            fragment,
            problem=f"'{_q(fragment)}': {exc}; zet de berekening als formule onder 'bedragen' "
            "en verwijs naar haar naam",
        )
    names = expressions.names(expression)
    if _is_include(expression):
        return _include(fragment, inner, expression, filters)  # type: ignore[arg-type]
    problem = _shape_problem(fragment, inner, expression, filters, constant_only)
    return Reference(fragment, expression, tuple(filters), names, problem)


def _is_include(expression: Node) -> bool:
    return (
        isinstance(expression, expressions.Call)
        and isinstance(expression.function, Name)
        and expression.function.name == INCLUDE
    )


def _include(
    fragment: str, inner: str, call: expressions.Call, filters: list[FilterCall]
) -> Reference:
    """Read ``{{ blok("naam", variabele=waarde) }}``: the name in quotes, then arguments by name."""
    names = tuple(
        dict.fromkeys(
            name for keyword in call.keywords for name in expressions.names(keyword.value)
        )
    )
    problem: str | None = None
    first = call.arguments[0] if call.arguments else None
    if isinstance(first, Name) and len(call.arguments) == 1:
        problem = (
            f"in '{_q(fragment)}' staat de naam van het tekstblok zonder aanhalingstekens; "
            f'schrijf blok("{first.name}")'
        )
    elif not isinstance(first, Text) or len(call.arguments) > 1:
        problem = (
            f"in '{_q(fragment)}' staat eerst de naam van het tekstblok tussen aanhalingstekens, "
            f"daarna de variabelen met hun naam: {INCLUDE_EXAMPLE} of "
            '{{ blok("kosten", bedrag=extra_bijdrage) }}'
        )
    elif not BLOCK_NAME.fullmatch(first.value):
        problem = (
            f"'{quote(first.value)}' kan geen naam van een tekstblok zijn; de naam is die van het "
            "bestand zonder .yaml: kleine letters, cijfers, - en _"
        )
    elif filters:
        problem = (
            f"'{_q(fragment)}' voegt een tekstblok in en krijgt daarom geen filter; zet de "
            "filters in de tekst van het blok"
        )
    else:
        keys = [keyword.name for keyword in call.keywords]
        twice = next((key for key in keys if keys.count(key) > 1), None)
        if twice:
            problem = f"in '{_q(fragment)}' staat de variabele '{twice}' twee keer"
    name = first.value if isinstance(first, Text) else ""
    include = Include(name, tuple((k.name, k.value) for k in call.keywords), inner)
    return Reference(fragment, call, (), names, problem, include)


def _shape_problem(
    fragment: str, inner: str, expression: Node, filters: list[FilterCall], constant_only: bool
) -> str | None:
    if not filters:
        if isinstance(expression, Name):
            return (
                f"in '{_q(fragment)}' ontbreekt de opmaak; schrijf bijvoorbeeld "
                f"{{{{ {expression.name} | euro }}}} zodat het bedrag in Nederlandse notatie "
                "verschijnt"
            )
        return _not_a_reference(fragment)
    for call in filters:
        if call.name not in FILTERS:
            close = difflib.get_close_matches(call.name, FILTERS, n=1)
            hint = f"bedoelde u '{close[0]}'? " if close else ""
            return (
                f"onbekend filter '{call.name}' in '{_q(fragment)}'; {hint}"
                f"beschikbaar zijn: {', '.join(FILTERS)}"
            )
    if not constant_only:
        return f"in '{_q(fragment)}' mogen filters alleen vaste waarden krijgen, zoals centen=False"
    for call in filters:
        keys = [key for key, _ in call.keywords]
        twice = next((key for key in keys if keys.count(key) > 1), None)
        if twice:
            return (
                f"in '{_q(fragment)}' krijgt het filter '{call.name}' het argument '{twice}' "
                "twee keer"
            )
    if expressions.refusal(expression, inner) is not None:
        return _not_a_reference(fragment)
    return None


class _NotConstant:
    pass


_NOT_CONSTANT = _NotConstant()


def _constant(node: Node) -> Any:
    """The fixed value a filter argument stands for, or a marker that it is none."""
    if isinstance(node, Number) and re.fullmatch(r"\d+(\.\d+)?", node.text):
        return int(node.text) if node.text.isdigit() else Decimal(node.text)
    if isinstance(node, Unary) and node.operator == "-":
        value = _constant(node.operand)
        return -value if isinstance(value, int | Decimal) else _NOT_CONSTANT
    if isinstance(node, Text):
        return node.value
    if isinstance(node, Name) and node.name in _CONSTANTS:
        return _CONSTANTS[node.name]
    return _NOT_CONSTANT


def reference_problem(reference: Reference, amounts: Mapping[str, Any]) -> str | None:
    """Return what is wrong with ``reference`` given ``amounts``, or None.

    ``amounts`` maps each defined name to its value; ``None`` is a value with a problem
    of its own (reported at its own line), which makes the name known but not usable.
    """
    if reference.problem is not None:
        return reference.problem
    unknown = [name for name in reference.names if name not in amounts]
    if unknown:
        return _unknown_name(unknown[0], reference.fragment, amounts)
    if any(amounts[name] is None for name in reference.names):
        return None
    try:
        format_reference(reference, amounts)
    except ReferenceError as exc:
        return str(exc)
    return None


def format_reference(reference: Reference, amounts: Mapping[str, Any]) -> str:
    """Compute ``reference`` and format it; raise ReferenceError with a Dutch message."""
    fragment = reference.fragment
    if reference.expression is None or reference.problem is not None:
        raise ReferenceError(reference.problem or _invalid(fragment))
    if reference.include is not None:
        # -- a text block is put in its place when the content is checked; here it can
        #    only be text that bypassed the check --
        raise ReferenceError(f"'{_q(fragment)}' voegt een tekstblok in, geen bedrag")
    try:
        value: Any = expressions.evaluate(reference.expression, amounts)
    except Unavailable:
        raise ReferenceError(
            f"'{_q(fragment)}' gebruikt een bedrag dat zelf een fout heeft"
        ) from None
    except ExpressionError as exc:
        if exc.kind in ("nul", "onberekenbaar", "te_groot"):
            raise ReferenceError(
                f"'{_q(fragment)}' kan niet worden uitgerekend (deling door nul, of een te groot "
                "getal)"
            ) from None
        raise ReferenceError(f"'{_q(fragment)}': {exc}") from None
    for call in reference.filters:
        try:
            value = FILTERS[call.name](value, *call.arguments, **dict(call.keywords))
        except FormatInputError as exc:
            raise ReferenceError(f"'{_q(fragment)}' kan niet worden opgemaakt: {exc}") from None
        except (TypeError, ArithmeticError, ValueError):
            raise ReferenceError(
                f"'{_q(fragment)}': een filter krijgt argumenten die hij niet kent"
            ) from None
    return str(value)


def _q(fragment: str) -> str:
    """A reference as a message quotes it: on one line, and shortened when long."""
    return quote(fragment, 80)


def _invalid(fragment: str) -> str:
    return f"'{_q(fragment)}' is geen geldige verwijzing; schrijf een verwijzing als {EXAMPLE}"


def _not_a_reference(fragment: str) -> str:
    return (
        f"'{_q(fragment)}' is geen verwijzing naar een bedrag; in tekst mag alleen een naam uit "
        f"'bedragen' (of een berekening met namen, getallen, + - * / en som, verschil, "
        f"procent_van, indexeer) met een filter staan, zoals {EXAMPLE}"
    )


def _unknown_name(name: str, fragment: str, amounts: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(name, list(amounts), n=1)
    hint = f"bedoelde u '{close[0]}'? " if close else ""
    known = ", ".join(sorted(amounts)) or "nog geen"
    return (
        f"'{name}' in '{_q(fragment)}' is geen bekend bedrag; {hint}voeg het toe onder 'bedragen:' "
        f"(bekende namen: {known})"
    )
