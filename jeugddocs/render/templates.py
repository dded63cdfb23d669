"""Finding the Word template for a kind of document, loaded and checked once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jeugddocs.content.models.huisstijl import Structuur
from jeugddocs.errors import Problem, TemplateError
from jeugddocs.paths import UnsafePathError, safe_join
from jeugddocs.render.compiled import WordTemplate

_PACKAGE = Path(__file__).resolve().parents[1]


#: The house style every other one inherits the kinds it does not have from.
DEFAULT_HOUSE_STYLE = "standaard"


def templates_root() -> Path:
    """Return the folder of the house styles shipped with jeugddocs, one folder each.

    In a source checkout (editable install) this is the top-level ``templates/`` that
    editors work on; an installed wheel carries a copy.
    """
    bundled = _PACKAGE / "_templates"
    return bundled if bundled.is_dir() else _PACKAGE.parent / "templates"


def default_template_dir() -> Path:
    """Return the templates of the default house style."""
    return templates_root() / DEFAULT_HOUSE_STYLE


class TemplateSet:
    """The templates of one folder, each loaded and checked on first use and kept.

    Why kept: loading parses and compiles the template (tens of milliseconds); a
    batch, a web form or a benchmark renders many documents with the same one. An
    edited template is picked up by a new TemplateSet (a new run of the command).
    """

    def __init__(
        self,
        directory: Path | None = None,
        *,
        inherits: TemplateSet | None = None,
        structure: Structuur | None = None,
    ) -> None:
        self.directory = directory or default_template_dir()
        #: The set whose templates this one uses for the kinds it has none of.
        self.inherits = inherits
        #: The house style's structure settings (numbering, …), for the compute stage.
        self.structure = structure
        self._loaded: dict[Path, WordTemplate] = {}

    def path_of(self, name: str) -> Path | None:
        """Return the Word file this set uses for kind ``name`` (its own or inherited)."""
        path = self.directory / f"{name}.docx"
        if path.is_file():
            return path
        return self.inherits.path_of(name) if self.inherits is not None else None

    def get(self, name: str) -> WordTemplate:
        """Return the checked template ``name`` (``raadsvoorstel`` → ``raadsvoorstel.docx``).

        A house style may have only some kinds; the others come from the set it inherits.
        """
        try:
            path = safe_join(self.directory, f"{name}.docx")
        except UnsafePathError as exc:
            raise TemplateError([Problem(str(self.directory), 1, 1, str(exc))]) from None
        if not path.is_file() and self.inherits is not None:
            return self.inherits.get(name)
        if path not in self._loaded:
            self._loaded[path] = _load(path)
        return self._loaded[path]


@cache
def default_templates() -> TemplateSet:
    """Return the shared set of templates shipped with jeugddocs."""
    return TemplateSet()


def _load(path: Path) -> WordTemplate:
    if not path.is_file():
        raise TemplateError(
            [
                Problem(
                    str(path),
                    1,
                    1,
                    f"sjabloon niet gevonden; verwacht {path.name} in {path.parent}",
                )
            ]
        )
    return WordTemplate(path)
