"""A template's Jinja tree checked and fitted with counters before it is compiled.

Refused outright, each at its paragraph: tags that load another template
(``include``, ``import``, ``from``, ``extends``; a Word template has no other
templates to load) and numbers beyond INT_DIGITS digits.

Rewritten, so that the sandbox sees what Jinja does not show it: each loop's
iterable goes through :func:`bounded_loop`, which counts the loop's own text per
turn against the document's bounds (a loop inside a macro is not streamed, so
its output is counted nowhere else) and checks the time; and ``a ~ b`` goes
through :func:`checked_concat`, which refuses a result beyond VALUE_CHARS
(a macro that calls itself with ``s ~ s`` doubles its text at every level).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import nodes
from jinja2.environment import Environment
from jinja2.runtime import Context, markup_join, str_join
from jinja2.utils import pass_context
from jinja2.visitor import NodeTransformer

from jeugddocs.render.bounds import (
    INT_DIGITS,
    INT_LIMIT,
    BoundError,
    Bounds,
    bounds_of,
    check_value,
    sizes_of,
)

#: Names under which the rewritten tree calls the helpers below (as filters).
LOOP_FILTER = "_bounded_loop"
CONCAT_FILTER = "_checked_concat"

_LOADING = {
    nodes.Include: "een Word-sjabloon kan geen ander sjabloon invoegen ({% include %}); "
    "zet de tekst in dit sjabloon zelf",
    nodes.Import: "een Word-sjabloon kan geen macro's uit een ander sjabloon halen "
    "({% import %}); zet de macro in dit sjabloon zelf",
    nodes.FromImport: "een Word-sjabloon kan geen macro's uit een ander sjabloon halen "
    "({% from ... import %}); zet de macro in dit sjabloon zelf",
    nodes.Extends: "een Word-sjabloon kan niet voortbouwen op een ander sjabloon "
    "({% extends %}); maak er één sjabloon van",
}


class Refused(BoundError):
    """A tag the sandbox does not compile; the message is Dutch."""

    def __init__(self, message: str, lineno: int | None) -> None:
        super().__init__(message)
        self.lineno = lineno


def prepare(env: Environment, source: str) -> tuple[nodes.Template, list[Refused]]:
    """Parse ``source`` and return its rewritten tree, with every tag that is refused.

    Raises what Jinja raises for a tag it cannot parse (TemplateSyntaxError).
    """
    tree = env.parse(source)
    refused = [
        Refused(message, node.lineno)
        for node in tree.find_all(tuple(_LOADING))
        for kind, message in _LOADING.items()
        if isinstance(node, kind)
    ]
    refused += [
        long_number(node.lineno)
        for node in tree.find_all(nodes.Const)
        if isinstance(node.value, int) and not -INT_LIMIT < node.value < INT_LIMIT
    ]
    rewritten = _Counters().visit(tree)
    rewritten.set_environment(env)
    return rewritten, refused


def long_number(lineno: int | None) -> Refused:
    """Return the refusal of a number in a tag that has more than INT_DIGITS digits."""
    return Refused(
        f"de tag bevat een getal van meer dan {INT_DIGITS} cijfers; "
        "met zo'n groot getal kan het sjabloon niet rekenen",
        lineno,
    )


def busiest_line(env: Environment, source: str) -> int | None:
    """Return the line with the most tag tokens: where a tag too deep for Jinja most likely is.

    Only used once parsing or compiling gave up without saying where.
    """
    tokens: dict[int, int] = {}
    try:
        for lineno, kind, value in env.lex(source):
            if kind != "data":  # -- the Word XML between tags --
                tokens[lineno] = tokens.get(lineno, 0) + max(len(value) // 100, 1)
    except Exception:  # -- a source Jinja cannot even split into tokens: what was read counts --
        pass
    return max(tokens, key=tokens.__getitem__) if tokens else None


class _Counters(NodeTransformer):
    def __init__(self) -> None:
        self.loop_costs: list[int] = []

    def visit_For(self, node: nodes.For) -> nodes.Node:
        cost = _literal_size(node.body)
        node.iter = self._bounded(self.visit(node.iter), cost)
        self.loop_costs.append(cost)
        node.body = [self.visit(child) for child in node.body]
        self.loop_costs.pop()
        node.else_ = [self.visit(child) for child in node.else_]
        if node.test is not None:
            node.test = self.visit(node.test)
        return node

    def visit_Call(self, node: nodes.Call) -> nodes.Node:
        self.generic_visit(node)
        # -- loop(children) in a recursive loop: the same body, so the same cost per turn --
        is_loop = isinstance(node.node, nodes.Name) and node.node.name == "loop"
        if is_loop and node.args and self.loop_costs:
            node.args[0] = self._bounded(node.args[0], self.loop_costs[-1])
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        items = nodes.List(node.nodes, lineno=node.lineno)
        return nodes.Filter(items, CONCAT_FILTER, [], [], None, None, lineno=node.lineno)

    @staticmethod
    def _bounded(iterable: nodes.Expr, cost: int) -> nodes.Filter:
        cost_node = nodes.Const(cost, lineno=iterable.lineno)
        return nodes.Filter(
            iterable, LOOP_FILTER, [cost_node], [], None, None, lineno=iterable.lineno
        )


def _literal_size(body: list[nodes.Node]) -> int:
    """Return the characters of template text a loop's body outputs per turn, at most.

    Nested loops count their own; macros and call blocks are counted when called.
    """
    size = 0
    todo = list(body)
    while todo:
        node = todo.pop()
        if isinstance(node, nodes.TemplateData):
            size += len(node.data)
        elif not isinstance(node, nodes.For | nodes.Macro | nodes.CallBlock):
            todo.extend(node.iter_child_nodes())
    return size


class BoundedLoop:
    """A loop's iterable that counts every turn against the document's bounds."""

    __slots__ = ("_bounds", "_cost", "_items", "_iterator")

    def __init__(self, items: Any, bounds: Bounds, cost: int) -> None:
        self._items = items
        self._iterator = iter(items)
        self._bounds = bounds
        # -- a turn that outputs nothing still costs one, so turns alone are bounded too --
        self._cost = cost + 1

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        item = next(self._iterator)
        self._bounds.charge(self._cost)
        return item

    def __len__(self) -> int:
        # -- loop.length asks; a TypeError makes Jinja count the items itself --
        return len(self._items)


@pass_context
def bounded_loop(context: Context, items: Any, cost: int = 0) -> BoundedLoop:
    """The filter the rewritten tree puts on every loop's iterable."""
    return BoundedLoop(items, bounds_of(context), cost)


@pass_context
def checked_concat(context: Context, values: list[Any]) -> str:
    """``a ~ b ~ c``, refused beyond VALUE_CHARS and counted against the document's bounds."""
    size = sizes_of(values)
    check_value(size, "de bewerking '~'")
    bounds_of(context).charge(size)
    join = markup_join if context.eval_ctx.autoescape else str_join
    return join(values)
