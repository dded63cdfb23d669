"""One expression grammar for formulas and references: exact Decimals, nothing executed.

A formula under ``bedragen`` (``=som(a, b) * 1.02``) and the computation inside a
reference in prose (``{{ (extra * 1.02) | euro }}``) are one language: numbers written
with a decimal point, names of amounts, ``+ - * /``, parentheses, a sign, and the
functions ``som``, ``verschil``, ``procent_van`` and ``indexeer`` (which also takes
``jaren=`` by name).

The parser reads a little more than that language (attributes, subscripts, ``**``,
text in quotes, comparisons, lists), so that a refusal can quote the construct the
author typed ("'a.real' mag niet in een formule") rather than say only that something
is wrong; :func:`refusal` decides what is allowed. Nothing is passed to ``eval``, and
every limit is checked before the work it bounds.

>>> evaluate(parse("som(a, b) - 10"), {"a": Decimal(100), "b": Decimal("2.5")})
Decimal('92.5')
>>> sorted(names(parse("procent_van(tekort, raming) * 2")))
['raming', 'tekort']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation

from jeugddocs.format.describe import quote
from jeugddocs.format.numbers import round_half_up

#: Longest expression accepted; a real one is a line, this bounds the work of parsing.
MAX_LENGTH = 500
#: Deepest nesting of parentheses, signs and calls; deeper is no budget, only an attack.
MAX_DEPTH = 60
#: Largest amount a computation may produce: a thousand billion euros is no municipal budget.
MAX_AMOUNT = Decimal(10) ** 15


class ExpressionError(ValueError):
    """An expression that cannot be read or computed; the message says why, in Dutch.

    ``kind`` lets a caller word its own sentence around the common failures:
    "nul" (division by zero), "onberekenbaar", "te_groot", "te_lang", "te_diep".
    """

    def __init__(self, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind


class Unavailable(Exception):
    """A name whose own value is invalid; its problem is reported at its own line."""


# -- functions ----------------------------------------------------------------------------


def som(*values: Decimal) -> Decimal:
    """Sum of all arguments."""
    return sum(values, Decimal(0))


def verschil(a: Decimal, b: Decimal) -> Decimal:
    """``a`` minus ``b``."""
    return a - b


def procent_van(deel: Decimal, geheel: Decimal) -> Decimal:
    """``deel`` as a percentage of ``geheel`` (32.3 for 32,3%)."""
    if geheel == 0:
        raise ExpressionError("procent_van: het geheel is 0, dus er is geen percentage")
    return deel / geheel * 100


def indexeer(bedrag: Decimal, procent: Decimal, jaren: Decimal = Decimal(1)) -> Decimal:
    """``bedrag`` increased by ``procent`` a year for ``jaren`` years, in whole euros.

    Each year is rounded half up to whole euros, as a multi-year budget does.
    """
    if jaren != jaren.to_integral_value() or not 0 <= jaren <= 100:
        raise ExpressionError("indexeer: het aantal jaren moet een heel getal van 0 tot 100 zijn")
    factor = 1 + procent / 100
    rv = bedrag
    for _ in range(int(jaren)):
        rv = round_half_up(rv * factor)
    return rv


#: The functions an expression may call, by name; a new one is added here only.
FUNCTIONS: dict[str, Callable[..., Decimal]] = {
    "som": som,
    "verschil": verschil,
    "procent_van": procent_van,
    "indexeer": indexeer,
}
#: Arguments a function takes by name.
_KEYWORDS: dict[str, tuple[str, ...]] = {"indexeer": ("jaren",)}

HELP = "gebruik getallen, namen uit 'bedragen', + - * / en haakjes, en de functies " + ", ".join(
    FUNCTIONS
)

# -- syntax tree --------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A piece of an expression, with its span in the expression's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Number(Node):
    text: str


@dataclass(frozen=True)
class Name(Node):
    name: str


@dataclass(frozen=True)
class Text(Node):
    """Text in quotes: never an amount, but a filter may take it (``datum('lang')``)."""

    value: str


@dataclass(frozen=True)
class Unary(Node):
    operator: str
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    operator: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Keyword:
    name: str
    value: Node


@dataclass(frozen=True)
class Call(Node):
    function: Node
    arguments: tuple[Node, ...]
    keywords: tuple[Keyword, ...]


@dataclass(frozen=True)
class Attribute(Node):
    value: Node
    name: str


@dataclass(frozen=True)
class Subscript(Node):
    value: Node
    index: Node


@dataclass(frozen=True)
class Sequence(Node):
    """``[a, b]`` or ``a, b``: never allowed, read only to say so."""

    items: tuple[Node, ...]
    bracketed: bool


# -- reading ------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<number>(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<text>'[^'\n]*'|\"[^\"\n]*\")"
    r"|(?P<op>\*\*|//|==|!=|<=|>=|[-+*/%()\[\],.=<>|])"
)
_COMPARISONS = ("==", "!=", "<", ">", "<=", ">=")
_SUMS = ("+", "-")
_PRODUCTS = ("*", "/", "//", "%")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int


class SyntaxProblem(Exception):
    """The text is not an expression at all (unbalanced, two values side by side, …)."""


def tokens(text: str) -> list[Token]:
    """Split ``text`` into tokens; raise SyntaxProblem at a character no token starts with."""
    rv = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise SyntaxProblem(position)
        kind = match.lastgroup or ""
        if kind != "space":
            rv.append(Token(kind, match.group(), match.start(), match.end()))
        position = match.end()
    return rv


class Parser:
    """A recursive-descent reader over tokens; callers may stop it at a token (``|``)."""

    def __init__(self, text: str, stop: tuple[str, ...] = ()) -> None:
        if len(text) > MAX_LENGTH:
            raise ExpressionError(f"de berekening is langer dan {MAX_LENGTH} tekens", "te_lang")
        self.text = text
        self.tokens = tokens(text)
        self.index = 0
        self.depth = 0
        self.stop = stop

    # -- cursor --

    def peek(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def at(self, *texts: str) -> bool:
        token = self.peek()
        return token is not None and token.kind == "op" and token.text in texts

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise SyntaxProblem(len(self.text))
        self.index += 1
        return token

    def expect(self, text: str) -> Token:
        if not self.at(text):
            token = self.peek()
            raise SyntaxProblem(token.start if token else len(self.text))
        return self.take()

    def finished(self) -> bool:
        token = self.peek()
        return token is None or (token.kind == "op" and token.text in self.stop)

    # -- grammar --

    def expression(self) -> Node:
        """An expression, or several separated by commas (read only to refuse them)."""
        first = self.comparison()
        if not self.at(","):
            return first
        items = [first]
        while self.at(","):
            self.take()
            if self.finished():
                break
            items.append(self.comparison())
        return Sequence(first.start, items[-1].end, tuple(items), bracketed=False)

    def comparison(self) -> Node:
        return self._binary(self.sum, _COMPARISONS)

    def sum(self) -> Node:
        return self._binary(self.product, _SUMS)

    def product(self) -> Node:
        return self._binary(self.unary, _PRODUCTS)

    def _binary(self, operand: Callable[[], Node], operators: tuple[str, ...]) -> Node:
        left = operand()
        while self.at(*operators):
            operator = self.take().text
            right = operand()
            left = Binary(left.start, right.end, operator, left, right)
        return left

    def unary(self) -> Node:
        if self.at("-", "+"):
            token = self.take()
            with self._deeper():
                operand = self.unary()
            return Unary(token.start, operand.end, token.text, operand)
        return self.power()

    def power(self) -> Node:
        base = self.postfix()
        if self.at("**"):
            self.take()
            with self._deeper():
                exponent = self.unary()
            return Binary(base.start, exponent.end, "**", base, exponent)
        return base

    def postfix(self) -> Node:
        node = self.atom()
        while self.at("(", ".", "["):
            opener = self.take().text
            if opener == ".":
                token = self.take()
                if token.kind != "name":
                    raise SyntaxProblem(token.start)
                node = Attribute(node.start, token.end, node, token.text)
            elif opener == "[":
                with self._deeper():
                    index = self.expression()
                node = Subscript(node.start, self.expect("]").end, node, index)
            else:
                arguments, keywords, end = self.arguments()
                node = Call(node.start, end, node, arguments, keywords)
        return node

    def arguments(self) -> tuple[tuple[Node, ...], tuple[Keyword, ...], int]:
        """Read call arguments after "(" up to and including ")"."""
        arguments: list[Node] = []
        keywords: list[Keyword] = []
        with self._deeper():
            while not self.at(")"):
                token = self.peek()
                following = self.tokens[self.index + 1] if token else None
                if (
                    token is not None
                    and token.kind == "name"
                    and following is not None
                    and following.text == "="
                ):
                    self.index += 2
                    keywords.append(Keyword(token.text, self.comparison()))
                elif keywords:
                    raise SyntaxProblem(token.start if token else len(self.text))
                else:
                    arguments.append(self.comparison())
                if not self.at(","):
                    break
                self.take()
        end = self.expect(")").end
        return tuple(arguments), tuple(keywords), end

    def atom(self) -> Node:
        token = self.take()
        if token.kind == "number":
            return Number(token.start, token.end, token.text)
        if token.kind == "name":
            return Name(token.start, token.end, token.text)
        if token.kind == "text":
            return Text(token.start, token.end, token.text[1:-1])
        if token.text == "(":
            with self._deeper():
                inner = self.expression()
            close = self.expect(")")
            if isinstance(inner, Sequence):
                return Sequence(token.start, close.end, inner.items, bracketed=False)
            return inner
        if token.text == "[":
            items: list[Node] = []
            with self._deeper():
                while not self.at("]"):
                    items.append(self.comparison())
                    if not self.at(","):
                        break
                    self.take()
            return Sequence(token.start, self.expect("]").end, tuple(items), bracketed=True)
        raise SyntaxProblem(token.start)

    def _deeper(self) -> _Depth:
        return _Depth(self)


class _Depth:
    """Count nesting, so a deep expression is refused before Python's stack runs out."""

    def __init__(self, parser: Parser) -> None:
        self.parser = parser

    def __enter__(self) -> None:
        self.parser.depth += 1
        if self.parser.depth > MAX_DEPTH:
            raise ExpressionError("de berekening is te diep genest", "te_diep")

    def __exit__(self, *_: object) -> None:
        self.parser.depth -= 1


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> Node:
    """Read a whole expression; raise ExpressionError or SyntaxProblem.

    Cached: a document, a batch or a live preview repeats the same few expressions, and
    the tree is never changed after it is made.
    """
    parser = Parser(text)
    if not parser.tokens:
        raise SyntaxProblem(0)
    node = parser.expression()
    if parser.peek() is not None:
        raise SyntaxProblem(parser.take().start)
    return node


# -- what is allowed ----------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def refusal(node: Node, text: str) -> str | None:
    """Return why ``node`` (read from ``text``) is not a computation, or None if it is.

    Checked in reading order, so the first thing the author typed wrong is named.
    """
    for part in _walk(node):
        if isinstance(part, Number):
            if not _NUMBER.fullmatch(part.text) or len(part.text) > 20:
                return f"schrijf '{quote(part.text)}' als gewoon getal, zoals 1234.5"
        elif (isinstance(part, Binary) and part.operator in _ARITHMETIC) or isinstance(
            part, Unary | Name
        ):
            continue
        elif isinstance(part, Call) and isinstance(part.function, Name):
            problem = _call_refusal(part)
            if problem:
                return problem
        else:
            return f"'{quote(text[part.start : part.end], 80)}' mag niet in een formule; {HELP}"
    return None


def _call_refusal(call: Call) -> str | None:
    name = call.function.name  # type: ignore[attr-defined]
    if name not in FUNCTIONS:
        return f"onbekende functie '{name}'; {HELP}"
    allowed = _KEYWORDS.get(name, ())
    if call.keywords and not allowed:
        return f"'{name}' kent geen benoemde argumenten"
    seen: set[str] = set()
    for keyword in call.keywords:
        if keyword.name not in allowed or keyword.name in seen:
            return f"{name} kent alleen het benoemde argument {', '.join(allowed)}"
        seen.add(keyword.name)
    return None


_ARITHMETIC = ("+", "-", "*", "/")


def _walk(node: Node) -> Iterator[Node]:
    """Yield ``node`` and everything in it, in reading order (outer nodes first)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(_children(current)))


def _children(node: Node) -> list[Node]:
    if isinstance(node, Unary):
        return [node.operand]
    if isinstance(node, Binary):
        return [node.left, node.right]
    if isinstance(node, Call):
        # -- a call's function is a bare name, checked with the call itself --
        inner = [] if isinstance(node.function, Name) else [node.function]
        return [*inner, *node.arguments, *(k.value for k in node.keywords)]
    if isinstance(node, Attribute):
        return [node.value]
    if isinstance(node, Subscript):
        return [node.value, node.index]
    if isinstance(node, Sequence):
        return list(node.items)
    return []


def names(node: Node) -> tuple[str, ...]:
    """Return the names of amounts ``node`` uses, in reading order, each once.

    Function names are not amounts, and neither are the words of a construct that is
    refused anyway (``a.real`` uses ``a``).
    """
    return tuple(dict.fromkeys(part.name for part in _walk(node) if isinstance(part, Name)))


# -- computing ----------------------------------------------------------------------------

_OPERATIONS: dict[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}


def evaluate(node: Node, amounts: Mapping[str, Decimal | None]) -> Decimal:
    """Compute an allowed expression exactly; raise ExpressionError or Unavailable.

    Call only on a node :func:`refusal` passed. Division by zero and results beyond
    :data:`MAX_AMOUNT` are ExpressionErrors; a name whose value is itself wrong
    (``None``) raises Unavailable, because its problem is reported at its own line.
    """
    try:
        rv = _value(node, amounts)
    except (DivisionByZero, ZeroDivisionError):
        raise ExpressionError("deelt door nul", "nul") from None
    except InvalidOperation:
        raise ExpressionError("kan niet worden uitgerekend", "onberekenbaar") from None
    if not abs(rv) < MAX_AMOUNT:
        raise ExpressionError("de uitkomst is groter dan 10^15", "te_groot")
    return rv


def _value(node: Node, amounts: Mapping[str, Decimal | None]) -> Decimal:
    if isinstance(node, Number):
        return Decimal(node.text)
    if isinstance(node, Name):
        if node.name not in amounts:
            known = ", ".join(sorted(amounts)) or "nog geen"
            raise ExpressionError(
                f"'{node.name}' is geen bekend bedrag; definieer het onder 'bedragen:' "
                f"(bekende namen: {known})"
            )
        value = amounts[node.name]
        if value is None:
            raise Unavailable(node.name)
        return value
    if isinstance(node, Unary):
        operand = _value(node.operand, amounts)
        return -operand if node.operator == "-" else operand
    if isinstance(node, Binary):
        return _OPERATIONS[node.operator](_value(node.left, amounts), _value(node.right, amounts))
    if isinstance(node, Call) and isinstance(node.function, Name):
        function = FUNCTIONS[node.function.name]
        arguments = [_value(argument, amounts) for argument in node.arguments]
        keywords = {k.name: _value(k.value, amounts) for k in node.keywords}
        try:
            return function(*arguments, **keywords)
        except TypeError:
            raise ExpressionError(
                f"'{node.function.name}' krijgt het verkeerde aantal argumenten"
            ) from None
    raise ExpressionError(f"{HELP}")  # pragma: no cover - refusal() keeps these out
