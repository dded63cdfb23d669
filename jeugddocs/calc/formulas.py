"""Formulas over named amounts: ``=som(a, b)``, ``=procent_van(tekort, raming)``.

A formula is a string that starts with ``=``. It may use numbers, names from
``bedragen``, ``+ - * /``, parentheses and the functions below. It is parsed
with Python's ``ast`` and evaluated by walking only the node types listed
here, with exact Decimals; nothing is ever passed to ``eval``.

>>> evaluate("=som(a, b) - 10", {"a": Decimal(100), "b": Decimal("2.5")})
Decimal('92.5')
>>> evaluate("=procent_van(845000, 2616000)", {}).quantize(Decimal("0.1"))
Decimal('32.3')
>>> evaluate("=indexeer(6167100, 2, 2)", {})
Decimal('6416251')
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, DivisionByZero, InvalidOperation

from jeugddocs.format.numbers import round_half_up

#: Largest amount a formula may produce: a thousand billion euros is no municipal budget.
MAX_AMOUNT = Decimal(10) ** 15
#: Longest formula accepted; a real one is a line, this bounds the work of parsing.
MAX_LENGTH = 500


class FormulaError(ValueError):
    """A formula that cannot be evaluated; the message says why in Dutch."""


def som(*values: Decimal) -> Decimal:
    """Sum of all arguments."""
    return sum(values, Decimal(0))


def verschil(a: Decimal, b: Decimal) -> Decimal:
    """``a`` minus ``b``."""
    return a - b


def procent_van(deel: Decimal, geheel: Decimal) -> Decimal:
    """``deel`` as a percentage of ``geheel`` (32.3 for 32,3%)."""
    if geheel == 0:
        raise FormulaError("procent_van: het geheel is 0, dus er is geen percentage")
    return deel / geheel * 100


def indexeer(bedrag: Decimal, procent: Decimal, jaren: Decimal = Decimal(1)) -> Decimal:
    """``bedrag`` increased by ``procent`` a year for ``jaren`` years, in whole euros.

    Each year is rounded half up to whole euros, as a multi-year budget does.
    """
    if jaren != jaren.to_integral_value() or not 0 <= jaren <= 100:
        raise FormulaError("indexeer: het aantal jaren moet een heel getal van 0 tot 100 zijn")
    factor = 1 + procent / 100
    rv = bedrag
    for _ in range(int(jaren)):
        rv = round_half_up(rv * factor)
    return rv


FUNCTIONS: dict[str, Callable[..., Decimal]] = {
    "som": som,
    "verschil": verschil,
    "procent_van": procent_van,
    "indexeer": indexeer,
}

_OPERATORS: dict[type[ast.operator], Callable[[Decimal, Decimal], Decimal]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}
_HELP = "gebruik getallen, namen uit 'bedragen', + - * / en haakjes, en de functies " + ", ".join(
    FUNCTIONS
)


def is_formula(value: object) -> bool:
    return isinstance(value, str) and value.lstrip().startswith("=")


def names_in(formula: str) -> set[str]:
    """Return the names a formula refers to (empty when it does not parse)."""
    return set(_names(formula.lstrip()[1:].strip()))


@functools.lru_cache(maxsize=4096)
def _names(source: str) -> frozenset[str]:
    if len(source) > MAX_LENGTH:
        return frozenset()
    try:
        tree = _parse(source)
    except (SyntaxError, RecursionError):
        return frozenset()
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return frozenset(
        n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and id(n) not in called
    )


@functools.lru_cache(maxsize=4096)
def _parse(source: str) -> ast.Expression:
    """Parse a formula once: a document, a batch or a preview repeat the same ones.

    The tree is only read, never changed, so sharing it is safe.
    """
    return ast.parse(source, mode="eval")


def evaluate(formula: str, amounts: Mapping[str, Decimal | None]) -> Decimal:
    """Evaluate ``formula`` (starting with ``=``) over ``amounts``; raise FormulaError."""
    source = formula.lstrip()[1:].strip()
    if len(source) > MAX_LENGTH:
        raise FormulaError(f"de formule is langer dan {MAX_LENGTH} tekens; splits hem op")
    try:
        tree = _parse(source)
    except SyntaxError:
        raise FormulaError(
            f"'{formula}' is geen geldige formule; {_HELP}, bijvoorbeeld =som(a, b)"
        ) from None
    if isinstance(tree.body, ast.Tuple):
        raise FormulaError(
            f"'{formula}': schrijf getallen in een formule als 1234.5 (een punt voor decimalen, "
            "geen punten voor duizendtallen); een komma scheidt alleen argumenten"
        )
    try:
        rv = _Evaluator(source, amounts).visit(tree.body)
    except (DivisionByZero, ZeroDivisionError):
        raise FormulaError(f"'{formula}' deelt door nul") from None
    except InvalidOperation:
        raise FormulaError(f"'{formula}' kan niet worden uitgerekend") from None
    except RecursionError:
        raise FormulaError(f"'{formula}' is te diep genest") from None
    if not abs(rv) < MAX_AMOUNT:
        raise FormulaError(f"de uitkomst van '{formula}' is groter dan 10^15; klopt de formule?")
    return rv


class _Evaluator:
    def __init__(self, source: str, amounts: Mapping[str, Decimal | None]) -> None:
        self.source = source
        self.amounts = amounts

    def visit(self, node: ast.expr) -> Decimal:
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            # -- from the typed text, so 1.02 is exactly 1.02 --
            text = ast.get_source_segment(self.source, node) or repr(node.value)
            if not re.fullmatch(r"\d+(\.\d+)?", text) or len(text) > 20:
                raise FormulaError(f"schrijf '{text}' als gewoon getal, zoals 1234.5")
            return Decimal(text)
        if isinstance(node, ast.Name):
            return self._name(node.id)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](self.visit(node.left), self.visit(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            value = self.visit(node.operand)
            return -value if isinstance(node.op, ast.USub) else value
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return self._call(node)
        segment = ast.get_source_segment(self.source, node) or "?"
        raise FormulaError(f"'{segment}' mag niet in een formule; {_HELP}")

    def _name(self, name: str) -> Decimal:
        if name not in self.amounts:
            known = ", ".join(sorted(self.amounts)) or "nog geen"
            raise FormulaError(
                f"'{name}' is geen bekend bedrag; definieer het onder 'bedragen:' "
                f"(bekende namen: {known})"
            )
        value = self.amounts[name]
        if value is None:
            raise Unavailable(name)
        return value

    def _call(self, node: ast.Call) -> Decimal:
        name = node.func.id  # type: ignore[attr-defined]
        function = FUNCTIONS.get(name)
        if function is None:
            raise FormulaError(f"onbekende functie '{name}'; {_HELP}")
        if node.keywords and name != "indexeer":
            raise FormulaError(f"'{name}' kent geen benoemde argumenten")
        args = [self.visit(arg) for arg in node.args]
        kwargs = {}
        for keyword in node.keywords:
            if keyword.arg != "jaren":
                raise FormulaError("indexeer kent alleen het benoemde argument jaren")
            kwargs["jaren"] = self.visit(keyword.value)
        try:
            return function(*args, **kwargs)
        except TypeError:
            raise FormulaError(f"'{name}' krijgt het verkeerde aantal argumenten") from None


class Unavailable(Exception):
    """A name whose own value is invalid; its problem is reported at its own line."""


def resolve(raw: Mapping[str, object]) -> tuple[dict[str, Decimal | None], dict[str, str]]:
    """Resolve named amounts, formulas included, in dependency order.

    Returns the values (``None`` where a value could not be computed) and a
    Dutch message per name that is wrong. A formula may use names defined
    anywhere in ``bedragen``; a cycle is reported for every name in it.

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
        if name not in pending and _is_amount(value):
            values[name] = Decimal(value)  # type: ignore[arg-type]
    for name, formula in list(pending.items()):
        if name in names_in(formula):
            errors[name] = "deze formule verwijst naar zichzelf"
            del pending[name]
    while pending:
        ready = [n for n, f in pending.items() if not names_in(f) & set(pending)]
        if not ready:
            cycle = ", ".join(sorted(pending))
            errors.update(
                {n: f"deze formules verwijzen in een kring naar elkaar: {cycle}" for n in pending}
            )
            break
        for name in ready:
            formula = pending.pop(name)
            try:
                values[name] = evaluate(formula, values)
            except Unavailable:
                values[name] = None
            except FormulaError as exc:
                errors[name] = str(exc)
    return values, errors


def _is_amount(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)
