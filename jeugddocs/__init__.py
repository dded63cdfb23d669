"""jeugddocs: Dutch council documents from YAML content, through Word templates.

The pipeline, one module per stage: :mod:`jeugddocs.content` loads and
validates YAML, :mod:`jeugddocs.compute` numbers and totals, :mod:`jeugddocs.planning`
names the documents a file yields, :mod:`jeugddocs.render` fills a Word template,
:mod:`jeugddocs.exporters` turns it into the formats asked for, and
:mod:`jeugddocs.output` writes the files of one content file, all or none.
:mod:`jeugddocs.api` runs them.

The public names below are imported on first use (PEP 562): ``import jeugddocs``
stays cheap, so ``jeugddocs --version`` and ``--help`` do not load pydantic, Word
and Jinja, which take most of a second.
"""

from __future__ import annotations

import sys


def _run_as_the_command() -> bool:
    """Whether this process is the ``jeugddocs`` command, not a program that imports us.

    ``python -m jeugddocs`` shows in the interpreter's own arguments; the console script
    is named ``jeugddocs``. A script of a user merely called "jeugddocs-rapport.py" is
    neither, and keeps Python's own Ctrl-C.
    """
    argv = list(getattr(sys, "orig_argv", sys.argv))
    if "-m" in argv:
        return argv[argv.index("-m") + 1 : argv.index("-m") + 2] == ["jeugddocs"]
    name = sys.argv[0].replace("\\", "/").rsplit("/", 1)[-1] if sys.argv else ""
    return name in ("jeugddocs", "jeugddocs.exe", "jeugddocs-script.py")


# -- as the command, a Ctrl-C from here on says "Afgebroken." instead of a traceback;
#    as a library, nothing is changed --
if _run_as_the_command():
    from jeugddocs import start as _start

    _start.guard()

# -- after the guard, so a Ctrl-C while these import is covered too --
import importlib  # noqa: E402 - after the guard, on purpose
import types  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from jeugddocs.api import (
        Artefact,
        BatchResult,
        Planned,
        build,
        build_all,
        check,
        export,
        plan,
        render,
        write,
    )
    from jeugddocs.api import RenderedDocument as RenderedDocument  # -- deprecated --
    from jeugddocs.content.load import Checked
    from jeugddocs.errors import ContentError, JeugddocsError, OutputError, Problem, TemplateError
    from jeugddocs.render.templates import TemplateSet

__version__ = "0.1.0"

#: Public name → the module that defines it.
_LAZY = {
    "Artefact": "jeugddocs.api",
    "BatchResult": "jeugddocs.api",
    "Planned": "jeugddocs.api",
    "RenderedDocument": "jeugddocs.api",  # -- deprecated: warns, and is Artefact --
    "build": "jeugddocs.api",
    "build_all": "jeugddocs.api",
    "check": "jeugddocs.api",
    "export": "jeugddocs.api",
    "plan": "jeugddocs.api",
    "render": "jeugddocs.api",
    "write": "jeugddocs.api",
    "Checked": "jeugddocs.content.load",
    "ContentError": "jeugddocs.errors",
    "JeugddocsError": "jeugddocs.errors",
    "OutputError": "jeugddocs.errors",
    "Problem": "jeugddocs.errors",
    "TemplateError": "jeugddocs.errors",
    "TemplateSet": "jeugddocs.render.templates",
}

__all__ = [
    "Artefact",
    "BatchResult",
    "Checked",
    "ContentError",
    "JeugddocsError",
    "OutputError",
    "Planned",
    "Problem",
    "TemplateError",
    "TemplateSet",
    "__version__",
    "build",
    "build_all",
    "check",
    "export",
    "plan",
    "render",
    "write",
]


def __getattr__(name: str) -> object:
    """Import a public name on first use and keep it, so the next use is a plain lookup."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """This package, keeping ``jeugddocs.render`` the function whatever gets imported.

    Why: the subpackage :mod:`jeugddocs.render` shares its name with
    :func:`jeugddocs.api.render`. Importing a subpackage binds it as an attribute of
    its parent, so the first ``import jeugddocs.render.…`` anywhere would hide the
    function. The eager imports this module used to do bound the function last; here
    the binding of the subpackage is skipped instead.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
