"""The Python API: check content, render documents, write them. The CLI only calls these."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

from jeugddocs import batch
from jeugddocs.compute.derive import DERIVED, plan_documents
from jeugddocs.content.load import Checked, ContentSource, check_source
from jeugddocs.content.models import Document
from jeugddocs.errors import OutputError, Problem, ProblemsError
from jeugddocs.output import output_path, write_atomic
from jeugddocs.render.templates import TemplateSet, default_templates

CONTENT_SUFFIXES = (".yaml", ".yml")

#: Called once per content file of a batch as its outcome is taken in, for a progress bar.
Progress = Callable[[], None]


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

    def add(self, outcome: FileOutcome) -> None:
        """Take in what one file gave; files are added in input order."""
        self.written += outcome.written
        self.warnings += outcome.warnings
        self.problems += outcome.problems
        if outcome.failed:
            self.failed.append(outcome.path)


@dataclass(frozen=True)
class FileOutcome:
    """What one content file gave in a batch: small, so a worker process sends it back cheaply.

    The rendered bytes are written by whoever rendered them and never travel.
    """

    path: str
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False


Outcomes = Generator[FileOutcome, None, None]


def check(source: ContentSource, name: str | None = None) -> Checked:
    """Check content — a file, YAML text or a dict — the same way, and return every problem.

    ``source`` is a path (``Path``, or a ``str`` without a line break), YAML text (a
    ``str`` with line breaks, or ``bytes``) or the data itself (a ``dict``, as a form or
    JSON gives it). Formulas, references, totals and warnings are checked alike in every
    case; each problem has its field path, and its line and column where the content has
    them. Nothing is raised for content problems: ``checked.ok`` says whether the
    document can be made, and ``checked.valid()`` returns it or raises ContentError.
    """
    return check_source(source, name)


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
    return write(path, render(check(path).valid(), templates), output_dir)


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


def validate_all(
    paths: Iterable[Path], *, jobs: int | None = 1, progress: Progress | None = None
) -> BatchResult:
    """Check every content file and collect all problems; write nothing.

    ``jobs`` is how many processes may check at once (``None``: as many as suit the
    machine and the batch, see :mod:`jeugddocs.batch`); the result is the same for
    any number.
    """
    paths = list(paths)
    singles = [[index] for index in range(len(paths))]
    workers = batch.worker_count(len(paths), len(paths), jobs, _CHECKS_PER_WORKER)
    if workers == 1:
        outcomes = _validate_in_order(paths)
    else:
        outcomes = batch.in_workers(_validate_in_worker, paths, singles, workers, _PRELOAD)
    return _collect(outcomes, progress)


def build_all(
    paths: Iterable[Path],
    output_dir: Path,
    templates: TemplateSet | None = None,
    *,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> BatchResult:
    """Render every content file; an invalid one is reported and the others still render.

    Files are taken in the order given: a file that would write over the output of
    an earlier one is reported instead. With ``jobs`` above 1, worker processes each
    load the templates of ``templates.directory`` once and render and write their
    files; the result is the same as with one. (Where workers are not forked, they
    import the calling script again: keep its work under ``if __name__ ==
    "__main__":``.)
    """
    paths = list(paths)
    templates = templates or default_templates()
    groups = _collision_groups(paths, output_dir)
    workers = batch.worker_count(len(paths), len(groups), jobs, _BUILDS_PER_WORKER)
    if workers == 1:
        outcomes = _build_in_order(paths, output_dir, templates)
    else:
        step = partial(_build_in_worker, output_dir=output_dir, templates=templates.directory)
        outcomes = batch.in_workers(step, paths, groups, workers, _PRELOAD)
    return _collect(outcomes, progress)


#: What a worker needs, for a fork server to import once (see :mod:`jeugddocs.batch`).
_PRELOAD = ("jeugddocs.api",)

#: Files each worker must get before a pool is worth starting, when the user does not
#: say how many: a forked worker costs less than rendering one file and about as much
#: as checking eight (measured on the samples; see :mod:`jeugddocs.batch`).
_BUILDS_PER_WORKER = 1
_CHECKS_PER_WORKER = 8


def _collect(outcomes: Outcomes, progress: Progress | None) -> BatchResult:
    """Merge outcomes in input order; on Ctrl-C, stop the workers before it goes up."""
    result = BatchResult()
    with closing(outcomes):
        for outcome in outcomes:
            result.add(outcome)
            if progress:
                progress()
    return result


def _validate_in_order(paths: Iterable[Path]) -> Outcomes:
    for path in paths:
        yield _validate_one(path)


def _validate_one(path: Path) -> FileOutcome:
    checked = check(path)
    return FileOutcome(
        str(path), warnings=checked.warnings, problems=checked.problems, failed=not checked.ok
    )


def _validate_in_worker(paths: list[Path]) -> list[FileOutcome]:
    return [_validate_one(path) for path in paths]


def _build_in_worker(paths: list[Path], output_dir: Path, templates: Path) -> list[FileOutcome]:
    return list(_build_in_order(paths, output_dir, _templates_of(templates)))


@cache
def _templates_of(directory: Path) -> TemplateSet:
    """Return this process's templates of ``directory``: a worker loads each one once."""
    return TemplateSet(directory)


def _collision_groups(paths: list[Path], output_dir: Path) -> list[list[int]]:
    """Group the files that could write the same output file, as lists of indices.

    Which files collide is only known once each is checked (a raadsvoorstel also
    writes ``-raadsbesluit``), so files are grouped on every name their kind could
    give: ``x.yaml`` in two folders, or ``x.yaml`` and ``x-raadsbesluit.yaml``. A group
    is built in input order in one process, which keeps "the first file wins" exact
    however the batch is split.
    """
    suffixes = ["", *(suffix for derived in DERIVED.values() for _, suffix, _ in derived)]
    first_owner: dict[Path, int] = {}
    root = list(range(len(paths)))

    def find(index: int) -> int:
        while root[index] != index:
            root[index] = root[root[index]]
            index = root[index]
        return index

    for index, path in enumerate(paths):
        for suffix in suffixes:
            owner = first_owner.setdefault(output_path(path, output_dir, suffix), index)
            root[find(index)] = find(owner)
    groups: dict[int, list[int]] = {}
    for index in range(len(paths)):
        groups.setdefault(find(index), []).append(index)
    return sorted(groups.values())


def _build_in_order(paths: Iterable[Path], output_dir: Path, templates: TemplateSet) -> Outcomes:
    claimed: dict[Path, Path] = {}
    for path in paths:
        yield _build_one(path, output_dir, templates, claimed)


def _build_one(
    path: Path, output_dir: Path, templates: TemplateSet, claimed: dict[Path, Path]
) -> FileOutcome:
    """Check, render and write one file, unless an earlier file in ``claimed`` has its output."""
    warnings: list[Problem] = []
    try:
        checked = check(path)
        warnings = checked.warnings
        rendered = render(checked.valid(), templates)
        targets = [output_path(path, output_dir, item.suffix) for item in rendered]
        taken = [claimed[t] for t in targets if t in claimed]
        if taken:
            # -- x.yaml in two folders, or x-raadsbesluit.yaml beside x.yaml: the second
            #    would overwrite the first without anyone noticing --
            problem = Problem(
                str(path),
                1,
                1,
                f"dit bestand geeft dezelfde uitvoer als {taken[0]} "
                f"({targets[0].name}); geef een van beide een andere naam",
            )
            return FileOutcome(str(path), warnings=warnings, problems=[problem], failed=True)
        claimed.update(dict.fromkeys(targets, path))
        return FileOutcome(str(path), written=write(path, rendered, output_dir), warnings=warnings)
    except ProblemsError as exc:
        return FileOutcome(str(path), warnings=warnings, problems=exc.problems, failed=True)
    except OutputError as exc:
        problem = Problem(str(path), 1, 1, str(exc))
        return FileOutcome(str(path), warnings=warnings, problems=[problem], failed=True)
