"""Numbers that carry meaning: arguments per decision point (1.1, 1.2, 2.1)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar


class _PerBeslispunt(Protocol):
    @property
    def beslispunt(self) -> int: ...


T = TypeVar("T", bound=_PerBeslispunt)


def number_per_beslispunt(items: Sequence[T]) -> list[tuple[str, T]]:
    """Return the items grouped by decision point, each with its number ``"p.n"``.

    Items keep their written order within a decision point; groups follow the
    order of the decision points, as a reader expects.

    >>> from types import SimpleNamespace as A
    >>> [n for n, _ in number_per_beslispunt([A(beslispunt=2), A(beslispunt=1), A(beslispunt=1)])]
    ['1.1', '1.2', '2.1']
    """
    counters: dict[int, int] = {}
    rv: list[tuple[str, T]] = []
    for item in sorted(items, key=lambda i: i.beslispunt):
        counters[item.beslispunt] = counters.get(item.beslispunt, 0) + 1
        rv.append((f"{item.beslispunt}.{counters[item.beslispunt]}", item))
    return rv


def number(items: Sequence[T], scheme: str) -> list[tuple[str, T]]:
    """Number ``items`` by a house style's scheme; ``""`` where items have no number.

    ``per_beslispunt`` groups by decision point (1.1, 1.2, 2.1); ``doorlopend`` numbers
    in the written order (1, 2, 3); ``geen`` leaves them unnumbered, in the written order.

    >>> from types import SimpleNamespace as A
    >>> [n for n, _ in number([A(beslispunt=2), A(beslispunt=1)], "doorlopend")]
    ['1', '2']
    """
    if scheme == "per_beslispunt":
        return number_per_beslispunt(items)
    if scheme == "doorlopend":
        return [(str(index), item) for index, item in enumerate(items, start=1)]
    return [("", item) for item in items]
