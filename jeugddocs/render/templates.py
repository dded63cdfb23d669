"""Finding the Word template for a kind of document, loaded and checked once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jeugddocs.errors import Problem, TemplateError
from jeugddocs.paths import UnsafePathError, safe_join
from jeugddocs.render.compiled import WordTemplate

_PACKAGE = Path(__file__).resolve().parents[1]


def default_template_dir() -> Path:
    """Return the templates shipped with jeugddocs.

    In a source checkout (editable install) these are the top-level
    ``templates/`` that editors work on; an installed wheel carries a copy.
    """
    bundled = _PACKAGE / "_templates"
    return bundled if bundled.is_dir() else _PACKAGE.parent / "templates"


class TemplateSet:
    """The templates of one folder, each loaded and checked on first use and kept.

    Why kept: loading parses and compiles the template (tens of milliseconds); a
    batch, a web form or a benchmark renders many documents with the same one. An
    edited template is picked up by a new TemplateSet (a new run of the command).
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_template_dir()
        self._loaded: dict[Path, WordTemplate] = {}

    def get(self, name: str) -> WordTemplate:
        """Return the checked template ``name`` (``raadsvoorstel`` → ``raadsvoorstel.docx``)."""
        try:
            path = safe_join(self.directory, f"{name}.docx")
        except UnsafePathError as exc:
            raise TemplateError([Problem(str(self.directory), 1, 1, str(exc))]) from None
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
