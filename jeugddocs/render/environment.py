"""The Jinja environment that Word templates are rendered in."""

from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from jeugddocs.format import FILTERS

#: Jinja's own filters that templates may use besides ours; all others are refused.
_SAFE_BUILTINS = ("default", "first", "join", "last", "length", "lower", "upper", "capitalize")


def template_environment() -> SandboxedEnvironment:
    """Return a fresh sandboxed environment with strict undefined and our filters.

    Why sandboxed: templates are Word files that travel by e-mail; one must not
    be able to reach Python internals. Why strict: a field the template asks
    for but the view lacks is an error, never an empty spot in a council letter.
    """
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    builtins = env.filters
    env.filters = {name: builtins[name] for name in _SAFE_BUILTINS}
    env.filters.update(FILTERS)
    env.globals = {}
    return env
