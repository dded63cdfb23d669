"""What a template may call, and the filters that turn whole lists into text, checked.

Jinja's sandbox lets a template call any public method of a value. Several make
a result far larger than their input from one small number (``"x".center(10**9)``,
``"\\t".expandtabs(10**9)``, ``(1).to_bytes(10**9, "big")``), and Python adds new
ones now and then. So a template may call only the methods below, which make
nothing larger than their input or are estimated first, besides its own macros,
``loop()`` and ``caller()``; anything else is refused with a Dutch message.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection
from typing import Any, Literal

from jinja2.filters import do_capitalize, do_join, do_lower, do_upper
from jinja2.runtime import BlockReference, Context, LoopContext, Macro, Undefined
from jinja2.utils import pass_context
from markupsafe import Markup

from jeugddocs.render.bounds import (
    FORMAT_WIDTH,
    BoundError,
    check_items,
    check_value,
    size_of,
    sizes_of,
)

#: Text methods that make at most a few times their input: case, strip, split, search.
TEXT_METHODS = frozenset(
    {
        *("capitalize", "casefold", "lower", "swapcase", "title", "upper"),
        *("lstrip", "rstrip", "strip", "removeprefix", "removesuffix"),
        *("partition", "rpartition", "rsplit", "split", "splitlines"),
        *("count", "endswith", "find", "index", "rfind", "rindex", "startswith"),
        *("isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "islower", "isnumeric"),
        *("isspace", "istitle", "isupper"),
        *("join", "replace"),  # -- estimated first, see _TEXT_ESTIMATES and _LIST_ESTIMATES --
    }
)
MARKUP_METHODS = TEXT_METHODS | {"striptags", "unescape"}
COLLECTION_METHODS = frozenset({"count", "get", "index", "items", "keys", "values"})
DATE_METHODS = frozenset({"isoformat", "isoweekday", "strftime", "weekday"})
LOOP_METHODS = frozenset({"changed", "cycle"})


def _replace_size(text: str, args: tuple[Any, ...]) -> int:
    if len(args) < 2 or not isinstance(args[0], str) or not isinstance(args[1], str):
        return 0  # -- str.replace itself refuses these --
    old, new = args[0], args[1]
    times = len(text) + 1 if old == "" else text.count(old)
    if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
        times = min(times, args[2])
    return len(text) + times * max(len(new) - len(old), 0)


def _join_size(separator: str, args: tuple[Any, ...]) -> int:
    items = args[0] if args else ()
    if not isinstance(items, Collection):
        return 0  # -- a template cannot make an iterator; the result is checked after --
    return sizes_of(items) + len(separator) * len(items)


def _split_parts(text: str, args: tuple[Any, ...]) -> int:
    separator = args[0] if args else None
    # -- without a separator, parts are split by at least one white space character --
    if isinstance(separator, str) and separator:
        parts = text.count(separator) + 1
    else:
        parts = len(text) // 2 + 1
    if len(args) > 1 and isinstance(args[1], int) and args[1] >= 0:
        parts = min(parts, args[1] + 1)
    return parts


_TEXT_ESTIMATES: dict[str, Callable[[str, tuple[Any, ...]], int]] = {
    "replace": _replace_size,
    "join": _join_size,
}
# -- what str.splitlines splits on --
_LINE_BREAKS = ("\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_LIST_ESTIMATES: dict[str, Callable[[str, tuple[Any, ...]], int]] = {
    "split": _split_parts,
    "rsplit": _split_parts,
    "splitlines": lambda text, args: sum(map(text.count, _LINE_BREAKS)) + 1,
}


#: What a call does: renders template code (a macro, ``loop()``, a block, ``caller()``),
#: makes new text (a text method), or only reads what is there (``dict.get``).
CallKind = Literal["renders", "makes", "reads"]


def check_call(callee: Any, args: tuple[Any, ...]) -> CallKind:
    """Refuse a call the template may not make; else say what kind of call it is.

    An undefined value raises its own error when called.
    """
    if isinstance(callee, Macro | LoopContext | BlockReference):
        return "renders"
    if isinstance(callee, Undefined):
        return "reads"
    receiver = getattr(callee, "__self__", None)
    name = getattr(callee, "__name__", "?")
    if getattr(callee, "bounded_format", False):
        return "makes"
    if isinstance(receiver, str):
        if name not in (MARKUP_METHODS if isinstance(receiver, Markup) else TEXT_METHODS):
            raise _not_allowed(name)
        if name in _TEXT_ESTIMATES:
            check_value(_TEXT_ESTIMATES[name](receiver, args), f"'{name}()'")
        elif name in _LIST_ESTIMATES:
            check_items(_LIST_ESTIMATES[name](receiver, args), f"'{name}()'")
        return "makes"
    if isinstance(receiver, dict | list | tuple) and name in COLLECTION_METHODS:
        return "reads"
    if isinstance(receiver, datetime.date) and name in DATE_METHODS:
        if name == "strftime" and args and isinstance(args[0], str) and len(args[0]) > FORMAT_WIDTH:
            raise BoundError(f"de opmaak van een datum is langer dan {FORMAT_WIDTH} tekens")
        return "reads"
    if isinstance(receiver, LoopContext) and name in LOOP_METHODS:
        return "reads"
    raise _not_allowed(name)


def _not_allowed(name: str) -> BoundError:
    return BoundError(
        f"'{name[:40]}()' kan in een Word-sjabloon niet worden gebruikt; gebruik een filter "
        "(euro, euro_kort, getal, procent, datum, join, upper, lower) of een eigen macro"
    )


def _checked_text(value: Any, what: str) -> None:
    # -- a list made into text prints every item; a text is already as large as it is --
    if not isinstance(value, str):
        check_value(size_of(value), what)


@pass_context
def join(context: Context, value: Any, separator: str = "", attribute: Any = None) -> str:
    """Jinja's ``join``, refused when the joined text would be too large."""
    items = value if isinstance(value, Collection) else list(value)
    # -- an item's attribute is part of the item, so the item's size bounds it --
    size = sizes_of(items) + size_of(separator) * len(items)
    check_value(size, "het filter 'join'")
    rv: str = do_join(context.eval_ctx, items, separator, attribute)
    return rv


def _text_filter(filter_: Callable[[Any], str], name: str) -> Callable[[Any], str]:
    def checked(value: Any) -> str:
        _checked_text(value, f"het filter '{name}'")
        return filter_(value)

    checked.__name__ = name
    return checked


#: Jinja's filters that make text of any value, checked; they replace Jinja's own.
CHECKED_FILTERS: dict[str, Callable[..., Any]] = {
    "join": join,
    "upper": _text_filter(do_upper, "upper"),
    "lower": _text_filter(do_lower, "lower"),
    "capitalize": _text_filter(do_capitalize, "capitalize"),
}
#: What each of :data:`CHECKED_FILTERS` does, in Dutch for editors.
CHECKED_FILTER_DESCRIPTIONS = {
    "join": "lijst als één tekst: gelet_op | join('; ') zet '; ' tussen de onderdelen",
    "upper": "tekst in hoofdletters",
    "lower": "tekst in kleine letters",
    "capitalize": "tekst met een hoofdletter aan het begin en verder kleine letters",
}
