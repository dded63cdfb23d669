"""Problems a user can fix, and the exceptions that carry them.

This module imports nothing from jeugddocs: every stage may raise these.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["fout", "waarschuwing"]
#: Where a value sits in the content: keys and 0-based list indices, as in the YAML or JSON.
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a content file or template, with where it is.

    ``str(problem)`` is the line a user sees: ``file:line:column: message``.
    Line and column are 1-based, as editors show them; both are 0 where the content
    has no positions (a dict from a web form), and the line then names the field.
    ``path`` is the field the problem belongs to (``("argumenten", 2, "beslispunt")``),
    empty for the file as a whole or a template.
    """

    file: str
    line: int
    column: int
    message: str
    severity: Severity = "fout"
    path: FieldPath = field(default=(), compare=False)

    @property
    def veld(self) -> str:
        """The field path as text: ``argumenten.2.beslispunt``."""
        return ".".join(str(part) for part in self.path)

    def __str__(self) -> str:
        prefix = "waarschuwing: " if self.severity == "waarschuwing" else ""
        if self.line == 0:
            where = f"{self.file}: {self.veld}" if self.path else self.file
            return f"{where}: {prefix}{self.message}"
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"


class JeugddocsError(Exception):
    """Base class of every error meant for the user rather than a programmer."""


class ProblemsError(JeugddocsError):
    """An error that carries every problem found, so all are reported at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ContentError(ProblemsError):
    """The YAML content is invalid."""


class TemplateError(ProblemsError):
    """A Word template is broken or does not fit the content model."""


class OutputError(JeugddocsError):
    """An output file could not be written (locked, read-only, disk full)."""


class ConverterMissing(JeugddocsError):
    """A program needed for an output format (LibreOffice, for PDF) is not installed."""


#: What an error of the operating system means, in Dutch: its own text is English.
_SYSTEM_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EISDIR: "het is een map",
    errno.EEXIST: "er bestaat al een bestand met die naam",
    errno.ENOENT: "het bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "de snelkoppelingen verwijzen in een kring naar elkaar",
    errno.ENXIO: "het apparaat bestaat niet",
    errno.EBUSY: "het is in gebruik",
    errno.ETXTBSY: "het is in gebruik",
    errno.EMFILE: "te veel open bestanden",
}


def system_reason(exc: OSError) -> str:
    """Return why ``exc`` happened, in Dutch; an error outside the table by its code."""
    if exc.errno in _SYSTEM_REASONS:
        return _SYSTEM_REASONS[exc.errno]
    if exc.errno is None:
        return "onbekende systeemfout"
    return f"systeemfout {errno.errorcode.get(exc.errno, exc.errno)}"
