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
