"""The Python API: check content, plan and render documents, export and write them.

A content file goes through ``check`` → ``plan`` → ``render`` → ``export`` →
``write``; each stage is a function here, and :func:`build` and :func:`build_all`
run them all. The CLI imports nothing else of jeugddocs: what it needs (template
folders, starting files, the JSON schema, the error classes) is here too.
"""

from __future__ import annotations

import errno
import os
import warnings
from collections.abc import Callable, Generator, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jeugddocs import batch
from jeugddocs.artefact import Artefact, file_name
from jeugddocs.compute.derive import DERIVED
from jeugddocs.content.load import Checked, ContentSource, check_source
from jeugddocs.content.models import SOORTEN, Document
from jeugddocs.content.models.huisstijl import STANDAARD, Structuur
from jeugddocs.content.schema import json_schema
from jeugddocs.errors import (
    ContentError,
    ConverterMissing,
    JeugddocsError,
    OutputError,
    Problem,
    ProblemsError,
    TemplateError,
    system_reason,
)
from jeugddocs.exporters import DEFAULT_FORMATS, EXPORTERS, ConversionError, export, export_each
from jeugddocs.housestyles import house_style
from jeugddocs.housestyles import shipped as shipped_house_styles
from jeugddocs.libreoffice import missing as _pdf_missing
from jeugddocs.output import write_all, write_atomic
from jeugddocs.planning import Planned, plan, possible_names
from jeugddocs.render.templates import TemplateSet
from jeugddocs.starters import starter_text

__all__ = [
    "CONTENT_SUFFIXES",
    "EXPORTERS",
    "KINDS",
    "Artefact",
    "BatchResult",
    "Checked",
    "ContentError",
    "ConversionError",
    "ConverterMissing",
    "FileOutcome",
    "JeugddocsError",
    "OutputError",
    "Planned",
    "Problem",
    "ProblemsError",
    "Progress",
    "TemplateError",
    "TemplateSet",
    "build",
    "build_all",
    "check",
    "export",
    "find_content",
    "json_schema",
    "pdf_missing",
    "plan",
    "render",
    "template_set",
    "validate_all",
    "write",
    "write_starter",
]

CONTENT_SUFFIXES = (".yaml", ".yml")

#: Every kind a content file may declare in ``soort``, in the order users see them.
KINDS: tuple[str, ...] = tuple(SOORTEN)

#: Called once per content file of a batch as its outcome is taken in, for a progress bar.
Progress = Callable[[], None]

if TYPE_CHECKING:
    #: Deprecated: the name of :class:`Artefact` before it had a name and a format.
    RenderedDocument = Artefact
else:
    # -- at run time only: a module __getattr__ seen by mypy would let any misspelt
    #    name of this module pass as Any --

    def __getattr__(name: str) -> Any:
        """Keep the old name ``RenderedDocument`` working a while, with a warning."""
        if name == "RenderedDocument":
            warnings.warn(
                "RenderedDocument is now Artefact: .suffix ('-raadsbesluit') became part of "
                ".name, and .format says the file type",
                DeprecationWarning,
                stacklevel=2,
            )
            return Artefact
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def check(
    source: ContentSource,
    name: str | None = None,
    *,
    gemeenten: Sequence[Path | str] = (),
    huisstijl: Path | str | None = None,
) -> Checked:
    """Check content — a file, YAML text or a dict — the same way, and return every problem.

    ``source`` is a path (``Path``, or a ``str`` without a line break), YAML text (a
    ``str`` with line breaks, or ``bytes``) or the data itself (a ``dict``, as a form or
    JSON gives it). Formulas, references, totals and warnings are checked alike in every
    case; each problem has its field path, and its line and column where the content has
    them. Nothing is raised for content problems: ``checked.ok`` says whether the
    document can be made, and ``checked.valid()`` returns it or raises ContentError.

    ``gemeenten`` are folders with municipality profiles (``<sleutel>.yaml``), searched
    before any ``gemeenten`` folder beside the content file or above it. ``huisstijl``
    (a name or folder) decides which fields are required; without it the sender's
    profile's house style does, else the default one.
    """

    def rules(profile_style: str | None) -> Structuur:
        chosen = huisstijl if huisstijl is not None else profile_style
        try:
            return house_style(chosen).structure or STANDAARD
        except ProblemsError as exc:
            raise ContentError(exc.problems) from None

    folders = [Path(folder) for folder in gemeenten]
    return check_source(source, name, gemeenten=folders, rules=rules)


def render(planned: Iterable[Planned], templates: TemplateSet | None = None) -> list[Artefact]:
    """Render planned documents to Word files in memory; nothing is written.

    All files are rendered before any is written, so that a template error in the
    second file cannot leave the first one updated on its own.
    """
    templates = templates or house_style()
    return [
        Artefact(
            item.name, "docx", templates.get(item.soort).render(item.view), item.soort, item.title
        )
        for item in planned
    ]


def write(artefacts: Sequence[Artefact], output_dir: Path | str) -> list[Path]:
    """Write the artefacts of one content file into ``output_dir``: all of them, or none.

    Why all or none: ``x.docx`` and ``x-raadsbesluit.docx`` belong together, so a
    failure halfway (disk full, a file open in Word) puts back what was there.
    Raises OutputError; returns the paths written.
    """
    files = [(Path(output_dir) / _plain_name(item.filename), item.data) for item in artefacts]
    write_all(files)
    return [target for target, _ in files]


def build(
    path: Path | str,
    output_dir: Path | str,
    templates: TemplateSet | None = None,
    *,
    gemeenten: Sequence[Path | str] = (),
    pdf: bool = False,
) -> list[Path]:
    """Check, plan, render, export and write one content file; return the paths written.

    The documents are named after the content file: ``x.yaml`` gives ``x.docx``, and
    with ``pdf`` (or ``pdf: true`` in the sender's profile) also ``x.pdf``. Raises
    ConverterMissing when a PDF is asked for and LibreOffice is not installed, and
    ConversionError when a document cannot be converted; nothing is written then.
    """
    path = Path(path)
    document = check(path, gemeenten=gemeenten).valid()
    styles = _styles_for(document, templates or house_style(), templates is not None)
    planned = plan(document, path.stem, styles.structure or STANDAARD)
    return write(export(render(planned, styles), _formats(document, pdf)), output_dir)


def pdf_missing() -> str | None:
    """Return why PDFs cannot be made on this machine (LibreOffice is missing), or None.

    The message, in Dutch, says how to install LibreOffice.
    """
    return _pdf_missing()


def template_set(house_style_or_folder: Path | str | None = None) -> TemplateSet:
    """Return a house style: a shipped one by name (``vragen``), or a folder of templates.

    None gives the default house style. Kinds the house style has no template for come
    from the style it inherits from; its ``huisstijl.yaml`` rules (numbering) go with it.
    Each template is loaded and checked on first use, and kept for the next document.
    """
    return house_style(house_style_or_folder)


def copy_house_style(house_style_or_folder: Path | str, target: Path | str) -> list[Path]:
    """Copy a house style into ``target`` for an editor: every kind's Word file and its rules.

    Kinds the style inherits are copied too, so the copy shows every template an editor
    may change; ``target`` must not exist yet (nothing is overwritten). Returns the files
    written.
    """
    source = house_style(house_style_or_folder)
    target = Path(target)
    if target.exists():
        raise OutputError(f"{target}: bestaat al; kies een nieuwe map voor de kopie")
    files: list[tuple[Path, bytes]] = []
    kinds = [*SOORTEN, *(name for derived in DERIVED.values() for name, _, _ in derived)]
    for soort in dict.fromkeys(kinds):
        template = source.path_of(soort)
        if template is not None:
            files.append((target / template.name, template.read_bytes()))
    settings = source.directory / "huisstijl.yaml"
    if settings.is_file():
        files.append((target / settings.name, settings.read_bytes()))
    write_all(files)
    return [path for path, _ in files]


def house_styles() -> list[str]:
    """Return the names of the house styles shipped with jeugddocs."""
    return shipped_house_styles()


def write_starter(soort: str, target: Path | str) -> None:
    """Write a commented starting file for content of kind ``soort`` to ``target``.

    Written like any output: a file it replaces is never left half-written.
    ``soort`` must be one of :data:`KINDS`.
    """
    if soort not in KINDS:
        raise ValueError(f"unknown soort {soort!r}; known: {', '.join(KINDS)}")
    write_atomic(Path(target), starter_text(soort).encode("utf-8"))


def missing_path(path: Path | str) -> str | None:
    """Return why ``path`` cannot be used as input, in Dutch, or None if it can be read.

    Why not ``Path.exists()``: it says False for a loop of symbolic links or a folder
    without permission, and the user then hears that a file they can see does not exist.
    """
    try:
        Path(path).stat()
    except OSError as exc:
        if exc.errno == errno.ENOENT and not os.path.lexists(path):
            return f"bestand of map bestaat niet: '{path}'"
        return f"bestand of map kan niet worden gelezen: '{path}' ({system_reason(exc)})"
    return None


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
    paths: Iterable[Path],
    *,
    jobs: int | None = 1,
    progress: Progress | None = None,
    gemeenten: Sequence[Path | str] = (),
) -> BatchResult:
    """Check every content file and collect all problems; write nothing.

    ``jobs`` is how many processes may check at once (``None``: as many as suit the
    machine and the batch, see :mod:`jeugddocs.batch`); the result is the same for
    any number.
    """
    paths = list(paths)
    singles = [[index] for index in range(len(paths))]
    workers = batch.worker_count(len(paths), len(paths), jobs, _CHECKS_PER_WORKER)
    folders = tuple(Path(folder) for folder in gemeenten)
    if workers == 1:
        outcomes = _validate_in_order(paths, folders)
    else:
        step = partial(_validate_in_worker, gemeenten=folders)
        outcomes = batch.in_workers(step, paths, singles, workers, _PRELOAD)
    return _collect(outcomes, progress)


def build_all(
    paths: Iterable[Path],
    output_dir: Path,
    templates: TemplateSet | None = None,
    *,
    jobs: int | None = 1,
    progress: Progress | None = None,
    gemeenten: Sequence[Path | str] = (),
    pdf: bool = False,
) -> BatchResult:
    """Build every content file; an invalid one is reported and the others are still built.

    Files are taken in the order given: a file whose output names an earlier file
    already claimed is reported instead, before it is rendered. With ``jobs`` above
    1, worker processes each load the templates of ``templates.directory`` once and
    render and write their files; the result is the same as with one. (Where
    workers are not forked, they import the calling script again: keep its work
    under ``if __name__ == "__main__":``.)

    With ``pdf`` every document is also converted to PDF/A (so is every document
    whose sender's profile says ``pdf: true``): LibreOffice starts once for up to
    :data:`FILES_PER_CONVERSION` content files, once per worker process in a batch
    of up to that many per worker. A document that cannot be converted is a
    problem of its content file, of which nothing is written then.
    """
    paths = list(paths)
    chosen = templates is not None
    templates = templates or house_style()
    groups = _collision_groups(paths)
    workers = batch.worker_count(len(paths), len(groups), jobs, _BUILDS_PER_WORKER)
    folders = tuple(Path(folder) for folder in gemeenten)
    if workers == 1:
        outcomes = _build_in_order(paths, output_dir, templates, folders, chosen, pdf)
    else:
        step = partial(
            _build_in_worker,
            output_dir=output_dir,
            templates=templates.directory,
            gemeenten=folders,
            chosen=chosen,
            pdf=pdf,
        )
        tasks = _tasks(groups, workers, FILES_PER_CONVERSION)
        outcomes = batch.in_workers(step, paths, tasks, workers, _PRELOAD)
    return _collect(outcomes, progress)


#: Content files whose documents one LibreOffice run converts at most: enough that
#: starting it (about a second) costs little per document, few enough that the
#: rendered files waiting for it stay small in memory.
FILES_PER_CONVERSION = 100


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


def _validate_in_order(paths: Iterable[Path], gemeenten: tuple[Path, ...]) -> Outcomes:
    for path in paths:
        yield _validate_one(path, gemeenten)


def _validate_one(path: Path, gemeenten: tuple[Path, ...]) -> FileOutcome:
    checked = check(path, gemeenten=gemeenten)
    return FileOutcome(
        str(path), warnings=checked.warnings, problems=checked.problems, failed=not checked.ok
    )


def _validate_in_worker(paths: list[Path], gemeenten: tuple[Path, ...]) -> list[FileOutcome]:
    return [_validate_one(path, gemeenten) for path in paths]


def _build_in_worker(
    paths: list[Path],
    output_dir: Path,
    templates: Path,
    gemeenten: tuple[Path, ...],
    chosen: bool,
    pdf: bool = False,
) -> list[FileOutcome]:
    return list(
        _build_in_order(paths, output_dir, _templates_of(templates), gemeenten, chosen, pdf)
    )


def _tasks(groups: list[list[int]], workers: int, most: int) -> list[list[int]]:
    """Join groups of files into the tasks workers take: as few as fit ``most`` files each.

    Why not one task per group: a task converts its PDFs in one LibreOffice run, so
    one task per worker starts LibreOffice once per worker. Groups stay whole (they
    may write the same output), and a task joins groups that follow each other, so
    results still come in input order, a task at a time.
    """
    files = sum(map(len, groups))
    count = max(workers, -(-files // most))
    size = -(-files // count)
    tasks: list[list[int]] = []
    current: list[int] = []
    for group in groups:
        current += group
        if len(current) >= size:
            tasks.append(sorted(current))
            current = []
    if current:
        tasks.append(sorted(current))
    return tasks


@cache
def _templates_of(directory: Path) -> TemplateSet:
    """Return this process's house style in ``directory``: a worker loads each one once."""
    return house_style(directory)


def _styles_for(document: Document, templates: TemplateSet, chosen: bool) -> TemplateSet:
    """The house style for ``document``: the caller's choice, else its profile's, else default."""
    profile = document.afzender
    if not chosen and profile is not None and profile.huisstijl:
        return house_style(profile.huisstijl)
    return templates


def _collision_groups(paths: list[Path]) -> list[list[int]]:
    """Group the files that could write the same output file, as lists of indices.

    Which files collide is only known once each is checked (a raadsvoorstel also
    writes ``-raadsbesluit``), so files are grouped on every name their kind could
    give: ``x.yaml`` in two folders, or ``x.yaml`` and ``x-raadsbesluit.yaml``. A group
    is built in input order in one process, which keeps "the first file wins" exact
    however the batch is split.
    """
    first_owner: dict[str, int] = {}
    root = list(range(len(paths)))

    def find(index: int) -> int:
        while root[index] != index:
            root[index] = root[root[index]]
            index = root[index]
        return index

    for index, path in enumerate(paths):
        for name in possible_names(path.stem):
            owner = first_owner.setdefault(name, index)
            root[find(index)] = find(owner)
    groups: dict[int, list[int]] = {}
    for index in range(len(paths)):
        groups.setdefault(find(index), []).append(index)
    return sorted(groups.values())


def _build_in_order(
    paths: Iterable[Path],
    output_dir: Path,
    templates: TemplateSet,
    gemeenten: tuple[Path, ...] = (),
    chosen: bool = True,
    pdf: bool = False,
) -> Outcomes:
    """Build ``paths`` in order; documents to convert wait and are converted together.

    A file with only Word output is written at once; one that needs a PDF waits
    until :data:`FILES_PER_CONVERSION` such files (or the last file) are rendered,
    so that LibreOffice starts once for all of them. Outcomes keep input order.
    """
    claimed: dict[str, Path] = {}
    waiting: list[_Rendered | FileOutcome] = []
    for path in paths:
        if batch.stop_requested():
            return  # -- Ctrl-C: files waiting for their PDF are not written --
        waiting.append(_build_one(path, output_dir, templates, claimed, gemeenten, chosen, pdf))
        converting = sum(isinstance(item, _Rendered) for item in waiting)
        if converting == 0 or converting >= FILES_PER_CONVERSION:
            yield from _finish(waiting, output_dir)
            waiting = []
    yield from _finish(waiting, output_dir)


@dataclass(frozen=True)
class _Rendered:
    """A content file rendered to Word, waiting to be converted with others, then written."""

    path: Path
    warnings: list[Problem]
    documents: list[Artefact]
    formats: tuple[str, ...]


def _build_one(
    path: Path,
    output_dir: Path,
    templates: TemplateSet,
    claimed: dict[str, Path],
    gemeenten: tuple[Path, ...] = (),
    chosen: bool = True,
    pdf: bool = False,
) -> FileOutcome | _Rendered:
    """Check and plan one file; unless an earlier file claimed its names, render it.

    Word alone is written at once; a file to be converted is returned rendered.
    """
    warnings: list[Problem] = []
    try:
        checked = check(
            path, gemeenten=gemeenten, huisstijl=templates.directory if chosen else None
        )
        warnings = checked.warnings
        document = checked.valid()
        styles = _styles_for(document, templates, chosen)
        planned = plan(document, path.stem, styles.structure or STANDAARD)
        collision = _claim(path, planned, claimed)
        if collision is not None:
            return FileOutcome(str(path), warnings=warnings, problems=[collision], failed=True)
        formats = _formats(document, pdf)
        if formats != DEFAULT_FORMATS:
            return _Rendered(path, warnings, render(planned, styles), formats)
        written = write(export(render(planned, styles)), output_dir)
        return FileOutcome(str(path), written=written, warnings=warnings)
    except ProblemsError as exc:
        return FileOutcome(str(path), warnings=warnings, problems=exc.problems, failed=True)
    except OutputError as exc:
        return _failed(path, warnings, [str(exc)])


def _formats(document: Document, pdf: bool) -> tuple[str, ...]:
    """The formats a document is made in: Word, and PDF when asked or its profile says so."""
    profile = document.afzender
    if pdf or (profile is not None and profile.pdf):
        return (*DEFAULT_FORMATS, "pdf")
    return DEFAULT_FORMATS


def _finish(waiting: list[_Rendered | FileOutcome], output_dir: Path) -> Outcomes:
    """Convert the rendered files of ``waiting`` together, write each, and yield every outcome.

    Each format is exported once for all files that ask for it (one LibreOffice run
    for all PDFs). A content file with a document that could not be converted is a
    problem, and none of its files is written; the others are.
    """
    rendered = [item for item in waiting if isinstance(item, _Rendered)]
    made: dict[str, list[Artefact]] = {}
    failures: dict[str, str] = {}
    for format in dict.fromkeys(f for item in rendered for f in item.formats):
        documents = [d for item in rendered if format in item.formats for d in item.documents]
        try:
            made[format], failed = export_each(documents, [format])
        except ConverterMissing as exc:
            made[format] = []
            failed = {file_name(d.name, format): str(exc) for d in documents}
        failures.update(failed)
    for item in waiting:
        if isinstance(item, FileOutcome):
            yield item
            continue
        names = [d.name for d in item.documents]
        files = [file_name(name, format) for format in item.formats for name in names]
        reasons = {name: failures[name] for name in files if name in failures}
        if reasons:
            yield _failed(item.path, item.warnings, _conversion_problems(reasons))
            continue
        artefacts = [a for format in item.formats for a in made[format] if a.name in names]
        try:
            written = write(artefacts, output_dir)
        except OutputError as exc:
            yield _failed(item.path, item.warnings, [str(exc)])
            continue
        yield FileOutcome(str(item.path), written=written, warnings=item.warnings)


def _conversion_problems(reasons: dict[str, str]) -> list[str]:
    """One message per reason, naming the files it stopped: a missing LibreOffice once."""
    files_by_reason: dict[str, list[str]] = {}
    for name, reason in reasons.items():
        files_by_reason.setdefault(reason, []).append(name)
    return [
        f"{' en '.join(files)}: {reason}; niets van dit bestand is geschreven"
        for reason, files in files_by_reason.items()
    ]


def _failed(path: Path, warnings: list[Problem], messages: list[str]) -> FileOutcome:
    problems = [Problem(str(path), 1, 1, message) for message in messages]
    return FileOutcome(str(path), warnings=warnings, problems=problems, failed=True)


def _claim(path: Path, planned: list[Planned], claimed: dict[str, Path]) -> Problem | None:
    """Claim the output files of ``path``, or return why not: an earlier file has one.

    Why: ``x.yaml`` in two folders, or ``x-raadsbesluit.yaml`` beside a raadsvoorstel
    ``x.yaml``; the second would overwrite the first without anyone noticing.
    """
    names = [file_name(item.name, format) for format in DEFAULT_FORMATS for item in planned]
    for name in names:
        if name in claimed:
            return Problem(
                str(path),
                1,
                1,
                f"dit bestand geeft dezelfde uitvoer als {claimed[name]} ({name}); geef een "
                "van beide een andere naam",
            )
    claimed.update(dict.fromkeys(names, path))
    return None


def _plain_name(filename: str) -> str:
    """Return ``filename`` if it names a file in the output folder itself, else raise.

    Why: :func:`write` takes artefacts from anyone; a name with a folder in it
    would write outside the output folder.
    """
    if Path(filename).name != filename:
        raise ValueError(f"not a plain file name: {filename!r}")
    return filename
