"""The Python API: check content, render documents, write them. The CLI only calls these."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jeugddocs.compute.derive import plan_documents
from jeugddocs.content.load import Checked, check_content
from jeugddocs.content.models import Document
from jeugddocs.errors import OutputError, Problem, ProblemsError
from jeugddocs.output import output_path, write_atomic
from jeugddocs.render.templates import TemplateSet, default_templates

CONTENT_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class RenderedDocument:
    """A finished Word file in memory, with the suffix its file name gets."""

    suffix: str
    data: bytes


@dataclass
class BatchResult:
    """What a run over several content files did: files written and problems found."""

    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def check(path: Path | str) -> Checked:
    """Load and validate one content file; raise ContentError with every problem.

    The result holds the document and any warnings (valid, but worth a look).
    """
    return check_content(Path(path))


def render(document: Document, templates: TemplateSet | None = None) -> list[RenderedDocument]:
    """Render a validated document and the documents derived from it, to bytes.

    Nothing is written: all files are rendered first, so that a template error
    in the second file cannot leave the first one updated on its own.
    """
    templates = templates or default_templates()
    return [
        RenderedDocument(planned.suffix, templates.get(planned.template).render(planned.view))
        for planned in plan_documents(document)
    ]


def build(
    path: Path | str, output_dir: Path | str, templates: TemplateSet | None = None
) -> list[Path]:
    """Check, render and write one content file; return the paths written."""
    path, output_dir = Path(path), Path(output_dir)
    return write(path, render(check(path).document, templates), output_dir)


def write(path: Path, rendered: list[RenderedDocument], output_dir: Path) -> list[Path]:
    """Write rendered documents for content file ``path`` atomically; return their paths."""
    written = []
    for item in rendered:
        target = output_path(path, output_dir, item.suffix)
        write_atomic(target, item.data)
        written.append(target)
    return written


def find_content(paths: Iterable[Path | str]) -> list[Path]:
    """Expand folders into the YAML files below them, sorted; files are kept as given."""
    found: list[Path] = []
    for entry in map(Path, paths):
        if entry.is_dir():
            found += sorted(
                p for p in entry.rglob("*") if p.suffix in CONTENT_SUFFIXES and p.is_file()
            )
        else:
            found.append(entry)
    return found


def validate_all(paths: Iterable[Path]) -> BatchResult:
    """Check every content file and collect all problems; write nothing."""
    result = BatchResult()
    for path in paths:
        try:
            result.warnings += check(path).warnings
        except ProblemsError as exc:
            result.problems += exc.problems
            result.failed.append(str(path))
    return result


def build_all(
    paths: Iterable[Path], output_dir: Path, templates: TemplateSet | None = None
) -> BatchResult:
    """Render every content file; an invalid one is reported and the others still render."""
    result = BatchResult()
    templates = templates or default_templates()
    claimed: dict[Path, Path] = {}
    for path in paths:
        try:
            checked = check(path)
            result.warnings += checked.warnings
            rendered = render(checked.document, templates)
            targets = [output_path(path, output_dir, item.suffix) for item in rendered]
            taken = [claimed[t] for t in targets if t in claimed]
            if taken:
                # -- x.yaml in two folders, or x-raadsbesluit.yaml beside x.yaml: the second
                #    would overwrite the first without anyone noticing --
                result.problems.append(
                    Problem(
                        str(path),
                        1,
                        1,
                        f"dit bestand geeft dezelfde uitvoer als {taken[0]} "
                        f"({targets[0].name}); geef een van beide een andere naam",
                    )
                )
                result.failed.append(str(path))
                continue
            claimed.update(dict.fromkeys(targets, path))
            result.written += write(path, rendered, output_dir)
        except ProblemsError as exc:
            result.problems += exc.problems
            result.failed.append(str(path))
        except OutputError as exc:
            result.problems.append(Problem(str(path), 1, 1, str(exc)))
            result.failed.append(str(path))
    return result
