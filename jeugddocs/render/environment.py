"""The Jinja environment that Word templates are rendered in."""

from __future__ import annotations

import time
import types
from collections.abc import Generator
from functools import update_wrapper
from typing import Any, cast

from jinja2 import StrictUndefined, Template
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import pass_context
from markupsafe import Markup

from jeugddocs.format import FILTER_DESCRIPTIONS, TEMPLATE_FILTERS
from jeugddocs.render import guard
from jeugddocs.render.bounds import (
    PART_CHARS,
    BoundedContext,
    Bounds,
    bounds_of,
    check_items,
    check_value,
    size_of,
    too_long,
)
from jeugddocs.render.calls import CHECKED_FILTER_DESCRIPTIONS, CHECKED_FILTERS, check_call
from jeugddocs.render.operations import OPERATORS, BoundedEscapeFormatter, BoundedFormatter

#: Jinja's own filters that templates may use besides ours, with what each does (in Dutch,
#: for editors); all others are refused.
_SAFE_BUILTINS = {
    "default": "vervangt een ontbrekend veld: x | default('-'); default('-', true) ook een "
    "leeg veld",
    "first": "het eerste onderdeel van een lijst",
    "last": "het laatste onderdeel van een lijst",
    "length": "het aantal onderdelen van een lijst (of tekens van een tekst)",
}
#: Changes whenever what compiled template code calls changes; compiled templates are
#: cached on disk under a key that includes it, so none compiled before is used.
REVISION = "bounded-2"


class BoundedEnvironment(SandboxedEnvironment):
    """Jinja's sandbox, with every operation that can grow checked against :mod:`.bounds`.

    Uses Jinja's documented hooks: intercepted operators (``call_binop``), calls
    (``call``), ``str.format`` (``wrap_str_format``), output (``finalize``) and the
    context class, which carries the document's :class:`~.bounds.Bounds`.
    """

    intercepted_binops = frozenset(OPERATORS)
    context_class = BoundedContext

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return OPERATORS[operator](left, right)

    def call(self, context: Context, callee: Any, /, *args: Any, **kwargs: Any) -> Any:
        kind = check_call(callee, args)
        bounds = bounds_of(context)
        bounds.enter()
        try:
            rv = super().call(context, callee, *args, **kwargs)
        finally:
            bounds.leave()
        if kind == "reads" or not isinstance(rv, str | list | tuple):
            return rv
        if kind == "makes":
            what = f"'{getattr(callee, '__name__', '?')}()'"
            if isinstance(rv, str):
                check_value(len(rv), what)
            else:
                check_items(len(rv), what)
        # -- a macro's text is counted as it is returned: nothing streams it --
        bounds.charge(len(rv))
        return rv

    def wrap_str_format(self, value: Any) -> Any:
        """Return ``str.format`` of a text with widths and the result bounded, else None."""
        if not isinstance(value, types.MethodType | types.BuiltinMethodType):
            return None
        text = value.__self__
        if value.__name__ not in ("format", "format_map") or not isinstance(text, str):
            return None
        formatter = (
            BoundedEscapeFormatter(self, escape=text.escape)
            if isinstance(text, Markup)
            else BoundedFormatter(self)
        )
        is_format_map = value.__name__ == "format_map"

        def bounded_format(*args: Any, **kwargs: Any) -> str:
            if is_format_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                kwargs = args[0]
                args = ()
            return type(text)(formatter.vformat(text, args, kwargs))

        wrapper = update_wrapper(bounded_format, value)
        wrapper.bounded_format = True  # type: ignore[attr-defined]
        return wrapper


@pass_context
def _count_output(context: BoundedContext, value: Any) -> Any:
    """Count what a ``{{ }}`` prints, before it is made text."""
    bounds = context.bounds or bounds_of(context)
    if type(value) is Markup or type(value) is str:  # -- nearly every value: the short way --
        bounds.charge(len(value))
    else:
        bounds.charge(size_of(value, max(bounds.work, 0)))
    return value


def template_environment() -> SandboxedEnvironment:
    """Return a fresh sandboxed environment with strict undefined and our filters.

    Why sandboxed: templates are Word files that travel by e-mail; one must not
    be able to reach Python internals, nor run long or fill memory. Why strict:
    a field the template asks for but the view lacks is an error, never an empty
    spot in a council letter.
    """
    env = BoundedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=_count_output)
    builtins = env.filters
    env.filters = {name: builtins[name] for name in _SAFE_BUILTINS}
    env.filters.update(CHECKED_FILTERS)
    env.filters.update(TEMPLATE_FILTERS)
    env.filters[guard.LOOP_FILTER] = guard.bounded_loop
    env.filters[guard.CONCAT_FILTER] = guard.checked_concat
    env.globals = {}
    return env


def filter_descriptions() -> dict[str, str]:
    """Every filter a template may use, with what it does in Dutch, from the environment's
    own registry: a filter registered without a description fails here (and in the tests).
    """
    described = {**_SAFE_BUILTINS, **CHECKED_FILTER_DESCRIPTIONS, **FILTER_DESCRIPTIONS}
    return {
        name: described[name]
        for name in sorted(template_environment().filters)
        if not name.startswith("_")
    }


def render_bounded(template: Template, variables: dict[str, Any], bounds: Bounds) -> str:
    """Render ``template`` as ``Template.render`` does, within the document's ``bounds``.

    The output is counted as it streams, so a part that grows beyond PART_CHARS,
    or a render past its time, stops there instead of after the whole text was
    made; the error is raised inside the template, where its line is known.
    """
    context = template.new_context(variables)
    assert isinstance(context, BoundedContext), "BoundedEnvironment.context_class"
    context.bounds = bounds
    # -- Jinja types the root render function as an iterator; its code is a generator --
    stream = cast(Generator[str, None, None], template.root_render_func(context))
    chunks: list[str] = []
    size = 0
    deadline = bounds.deadline
    try:
        for chunk in stream:
            size += len(chunk)
            if size > PART_CHARS or time.monotonic() > deadline:
                overrun = bounds.overtime() or too_long("dit deel van het document", PART_CHARS)
                stream.throw(overrun)
                raise overrun  # -- only if the template went on, which Jinja's code does not --
            chunks.append(chunk)
    except Exception:
        template.environment.handle_exception()
    return "".join(chunks)
