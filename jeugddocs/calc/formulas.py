"""Formulas over named amounts: ``=som(a, b)``, ``=procent_van(tekort, raming)``.

A formula is a value under ``bedragen`` that starts with ``=``. Its language is the
one expression grammar of :mod:`jeugddocs.markup.expressions`, which references in
prose use too; this module adds what belongs to ``bedragen``: the ``=``, messages that
quote the formula, and the order in which formulas that use each other are computed.

>>> evaluate("=som(a, b) - 10", {"a": Decimal(100), "b": Decimal("2.5")})
Decimal('92.5')
>>> evaluate("=procent_van(845000, 2616000)", {}).quantize(Decimal("0.1"))
Decimal('32.3')
>>> evaluate("=indexeer(6167100, 2, 2)", {})
Decimal('6416251')
"""

from __future__ import annotations

import graphlib
from collections.abc import Mapping
from decimal import Decimal

from jeugddocs.format.describe import quote
from jeugddocs.markup import expressions
from jeugddocs.markup.expressions import (
    FUNCTIONS,
    HELP,
    MAX_AMOUNT,
    MAX_DEPTH,
    MAX_LENGTH,
    ExpressionError,
    Sequence,
    SyntaxProblem,
    Unavailable,
    indexeer,
    procent_van,
    som,
    verschil,
)

__all__ = [
    "FUNCTIONS",
    "MAX_AMOUNT",
    "MAX_LENGTH",
    "FormulaError",
    "Unavailable",
    "evaluate",
    "indexeer",
    "is_formula",
    "names_in",
    "procent_van",
    "resolve",
    "som",
    "verschil",
]

#: A formula that cannot be evaluated; the message says why in Dutch.
FormulaError = ExpressionError


def is_formula(value: object) -> bool:
    return isinstance(value, str) and value.lstrip().startswith("=")


def _body(formula: str) -> str:
    return formula.lstrip()[1:].strip()


def names_in(formula: str) -> set[str]:
    """Return the names a formula refers to (empty when it cannot be read)."""
    try:
        return set(expressions.names(expressions.parse(_body(formula))))
    except (ExpressionError, SyntaxProblem):
        return set()


def evaluate(formula: str, amounts: Mapping[str, Decimal | None]) -> Decimal:
    """Evaluate ``formula`` (starting with ``=``) over ``amounts``; raise FormulaError."""
    source = _body(formula)
    if len(source) > MAX_LENGTH:
        raise FormulaError(f"de formule is langer dan {MAX_LENGTH} tekens; splits hem op")
    try:
        tree = expressions.parse(source)
    except SyntaxProblem:
        raise FormulaError(
            f"'{quote(formula, 80)}' is geen geldige formule; {HELP}, bijvoorbeeld =som(a, b)"
        ) from None
    except ExpressionError as exc:
        raise FormulaError(
            f"de formule is te diep genest (meer dan {MAX_DEPTH} haakjes, tekens of functies in "
            "elkaar); schrijf haar eenvoudiger of splits haar op"
        ) from exc
    if isinstance(tree, Sequence) and not tree.bracketed:
        raise FormulaError(
            f"'{quote(formula, 80)}': schrijf getallen in een formule als 1234.5 (een punt "
            "voor decimalen, geen punten voor duizendtallen); een komma scheidt alleen argumenten"
        )
    refusal = expressions.refusal(tree, source)
    if refusal:
        raise FormulaError(refusal)
    try:
        return expressions.evaluate(tree, amounts)
    except ExpressionError as exc:
        raise FormulaError(_worded(exc, formula)) from None


def _worded(error: ExpressionError, formula: str) -> str:
    if error.kind == "nul":
        return f"'{quote(formula, 80)}' deelt door nul"
    if error.kind == "onberekenbaar":
        return f"'{quote(formula, 80)}' kan niet worden uitgerekend"
    if error.kind == "te_groot":
        return f"de uitkomst van '{quote(formula, 80)}' is groter dan 10^15; klopt de formule?"
    return str(error)


def resolve(raw: Mapping[str, object]) -> tuple[dict[str, Decimal | None], dict[str, str]]:
    """Resolve named amounts, formulas included, in dependency order.

    Returns the values (``None`` where a value could not be computed) and a Dutch
    message per name that is wrong. A formula may use names defined anywhere in
    ``bedragen``; every name in a cycle is told which names form it, and a formula
    that only uses a name in a cycle stays without a value and without a second message.

    >>> values, errors = resolve({"a": 1, "b": "=a * 2", "c": "=c + 1"})
    >>> values
    {'a': Decimal('1'), 'b': Decimal('2'), 'c': None}
    >>> errors
    {'c': 'deze formule verwijst naar zichzelf'}
    """
    values: dict[str, Decimal | None] = {name: None for name in raw}
    errors: dict[str, str] = {}
    pending = {name: str(value) for name, value in raw.items() if is_formula(value)}
    for name, value in raw.items():
        if name not in pending:
            values[name] = _amount(value)
    graph = {name: names_in(formula) & pending.keys() for name, formula in pending.items()}
    for cycle in _cycles(graph):
        message = (
            "deze formule verwijst naar zichzelf"
            if len(cycle) == 1
            else f"deze formules verwijzen in een kring naar elkaar: {', '.join(sorted(cycle))}"
        )
        errors.update(dict.fromkeys(cycle, message))
    for name in graphlib.TopologicalSorter(graph).static_order():
        if name not in pending or name in errors:
            continue
        try:
            values[name] = evaluate(pending[name], values)
        except Unavailable:
            values[name] = None
        except FormulaError as exc:
            errors[name] = str(exc)
    return values, errors


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Find the cycles in ``graph`` and take them out of it, so the rest can be ordered.

    One depth-first walk: a cycle is taken out as soon as the walk closes it, and the
    walk goes on from the formula before it, so many cycles cost no more than one
    (asking ``graphlib`` again after each cycle walked the whole graph once per cycle).
    """
    rv: list[set[str]] = []
    done: set[str] = set()  # -- walked to the end, or taken out with a cycle --
    for root in graph:
        if root in done:
            continue
        path, at = [root], {root: 0}
        todo = [iter(sorted(graph[root]))]
        while path:
            name = next(todo[-1], None)
            if name is None:
                finished = path.pop()
                del at[finished]
                done.add(finished)
                todo.pop()
                continue
            if name in done:
                continue
            if name in at:
                start = at[name]
                cycle = set(path[start:])
                rv.append(cycle)
                done |= cycle
                for member in cycle:
                    del at[member]
                    graph[member] = set()
                del path[start:], todo[start:]
                continue
            at[name] = len(path)
            path.append(name)
            todo.append(iter(sorted(graph[name])))
    taken = set().union(*rv)
    for dependencies in graph.values():
        dependencies -= taken
    return rv


def _amount(value: object) -> Decimal | None:
    """A plain amount as the model reads it, or None for a value with its own problem."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
        return None
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return amount if amount.is_finite() and abs(amount) < MAX_AMOUNT else None
