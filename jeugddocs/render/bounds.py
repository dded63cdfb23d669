"""How far a Word template may go while rendering one document.

Templates travel by e-mail and can be anyone's (``jeugddocs render --sjablonen``),
so rendering must end, in little time and memory, whatever a template asks for.
The sandbox (see :mod:`.environment`) checks every template operation that can
make something large *before* it is made, against these bounds; a document's
:class:`Bounds` counts what all its operations made together, its call depth and
its time. Going too far raises :class:`BoundError`, a template error whose Dutch
message says which bound; :mod:`.locate` adds the paragraph.

Why not ``resource.setrlimit`` or a thread with a timer: jeugddocs is also a
library, and a limit on the whole process or an interrupted thread would hit
its caller too.
"""

from __future__ import annotations

import datetime
import decimal
import time
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.runtime import Context

#: Wall-clock seconds one document may take to render, all its parts together.
SECONDS = 10.0
#: Characters of one rendered part (the body, a header or footer, the footnotes).
PART_CHARS = 50_000_000
#: Characters one template operation may make (a repeated text, a joined list).
VALUE_CHARS = 10_000_000
#: Items of one list a template operation may make (each costs some 50 bytes or more).
LIST_ITEMS = 1_000_000
#: Characters a template may make in one document, all operations and output together.
WORK_CHARS = 100_000_000
#: Digits of the largest whole number a template may compute or contain.
INT_DIGITS = 1000
#: Largest width or precision in a format (``"{:>10}"``, ``"%.2f"``).
FORMAT_WIDTH = 1000
#: Nesting of macro calls, recursive loops and calls within them. Sections go
#: three levels deep; at some five Python frames per level, 40 stays far below
#: Python's recursion limit.
CALL_DEPTH = 40

INT_LIMIT = 10**INT_DIGITS
# -- values that print short, and are measured by printing them --
_SHORT = (float, decimal.Decimal, datetime.date, datetime.time, datetime.timedelta)
# -- sizes of containers nested deeper than this are not counted but refused --
_NESTING = 100


class BoundError(SecurityError):
    """A template went beyond a bound; the message says which, in Dutch."""


def too_long(what: str, limit: int) -> BoundError:
    """Return the error for ``what`` making more than ``limit`` characters."""
    return BoundError(
        f"{what} maakt een tekst van meer dan {_number(limit)} tekens; "
        "zo'n grote tekst hoort niet in een raadsstuk"
    )


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def check_int(value: int, what: str) -> int:
    """Return ``value`` if it has at most INT_DIGITS digits, else raise BoundError."""
    if -INT_LIMIT < value < INT_LIMIT:
        return value
    raise int_too_large(what)


def int_too_large(what: str) -> BoundError:
    """Return the error for ``what`` giving a number of more than INT_DIGITS digits."""
    return BoundError(
        f"{what} geeft een getal van meer dan {INT_DIGITS} cijfers; "
        "met zo'n groot getal kan het sjabloon niet rekenen"
    )


def check_value(size: int, what: str) -> None:
    """Refuse an operation that would make more than VALUE_CHARS characters."""
    if size > VALUE_CHARS:
        raise too_long(what, VALUE_CHARS)


def check_items(count: int, what: str) -> None:
    """Refuse an operation that would make a list of more than LIST_ITEMS items."""
    if count > LIST_ITEMS:
        raise BoundError(
            f"{what} maakt een lijst van meer dan {_number(LIST_ITEMS)} elementen; "
            "zo'n lange lijst hoort niet in een raadsstuk"
        )


def size_of(value: object, cap: int = VALUE_CHARS) -> int:
    """Return an upper bound of ``len(str(value))``, or more than ``cap`` once that is sure.

    Lists, tuples and dicts count every item as often as it appears, as printing
    them would; the walk stops once ``cap`` is passed, so it costs at most about
    ``cap`` steps whatever the value.
    """
    if isinstance(value, str):
        return len(value)
    if isinstance(value, bool) or value is None:
        return 5
    if isinstance(value, int):
        # -- bit_length * log10(2), rounded up, plus a sign --
        return value.bit_length() * 30103 // 100000 + 2
    if isinstance(value, Collection):
        return _collection_size(value, cap, 0)
    if isinstance(value, _SHORT):
        return len(str(value))
    # -- any other object prints as its type and address --
    return 40


def sizes_of(values: Iterable[object], cap: int = VALUE_CHARS) -> int:
    """Return an upper bound of the characters of ``str(value)`` for each value, together."""
    if isinstance(values, str):  # -- its characters: one each --
        return len(values)
    total = 0
    for value in values:
        total += size_of(value, cap - total)
        if total > cap:
            break
    return total


def _collection_size(value: Collection[object], cap: int, depth: int) -> int:
    if depth > _NESTING:
        return cap + 1
    items: Collection[object] = value
    if isinstance(value, Mapping):
        items = [part for pair in value.items() for part in pair]
    total = 2
    for item in items:
        if isinstance(item, str):
            # -- inside a list a text prints as its repr: quotes, and at worst \U0001xxxx --
            total += 10 * len(item) + 4
        elif isinstance(item, Collection):
            total += _collection_size(item, cap - total, depth + 1) + 2
        elif isinstance(item, _SHORT):
            # -- inside a list a date prints as datetime.date(2026, 1, 2) --
            total += len(repr(item)) + 2
        else:
            total += size_of(item) + 2
        if total > cap:
            return total
    return total


class Bounds:
    """What one document's rendering has used so far: time, characters made, call depth."""

    __slots__ = ("deadline", "depth", "seconds", "work")

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = SECONDS if seconds is None else seconds
        self.deadline = time.monotonic() + self.seconds
        self.work = WORK_CHARS
        self.depth = 0

    def charge(self, size: int) -> None:
        """Count ``size`` characters made; refuse once there are too many, or time is up."""
        # -- called for every {{ }} and every turn of a loop: one test on the way through --
        self.work -= size
        if self.work < 0 or time.monotonic() > self.deadline:
            raise self.overtime() or BoundError(
                f"het sjabloon maakt voor dit document in totaal meer dan {_number(WORK_CHARS)} "
                "tekens tekst; staat er een lus of macro in die steeds meer tekst maakt?"
            )

    def check_time(self) -> None:
        overrun = self.overtime()
        if overrun is not None:
            raise overrun

    def overtime(self) -> BoundError | None:
        """Return the error for a render past its time, or None while there is time left."""
        if time.monotonic() <= self.deadline:
            return None
        seconds = f"{self.seconds:g}".replace(".", ",")
        return BoundError(
            f"het maken van dit document duurt langer dan {seconds} seconden; staat er "
            "een lus of macro in het sjabloon die niet of pas na heel lang stopt?"
        )

    def enter(self) -> None:
        """Count one more level of calls; refuse beyond CALL_DEPTH, or once time is up."""
        self.check_time()
        if self.depth >= CALL_DEPTH:
            raise BoundError(
                f"macro's of een recursieve lus roepen zich dieper dan {CALL_DEPTH} niveaus aan; "
                "roept een macro zichzelf aan zonder te stoppen?"
            )
        self.depth += 1

    def leave(self) -> None:
        self.depth -= 1


class BoundedContext(Context):
    """Jinja's context for one part of a document, carrying the document's bounds."""

    #: Set by environment.render_bounded; see bounds_of for a context rendered otherwise.
    bounds: Bounds | None = None

    def derived(self, locals: dict[str, Any] | None = None) -> Context:
        # -- a scoped block renders in a derived context: it shares the document's bounds --
        context = super().derived(locals)
        if isinstance(context, BoundedContext):
            context.bounds = bounds_of(self)
        return context


def bounds_of(context: Context) -> Bounds:
    """Return the bounds of the document that ``context`` renders."""
    assert isinstance(context, BoundedContext), "the environment's context_class"
    if context.bounds is None:
        # -- a template rendered with Template.render: bounds of its own --
        context.bounds = Bounds()
    return context.bounds
