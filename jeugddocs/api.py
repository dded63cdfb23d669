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
from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jeugddocs import batch
from jeugddocs.artefact import Artefact, Publicatie, file_name
from jeugddocs.compute.derive import DERIVED
from jeugddocs.content.load import Checked, ContentSource, check_source
from jeugddocs.content.models import SOORTEN, Document
from jeugddocs.content.models.deelnemers import Deelnemers
from jeugddocs.content.models.huisstijl import STANDAARD, Structuur
from jeugddocs.content.schema import json_schema
from jeugddocs.content.tekstblokken import FOLDER as BLOCK_FOLDER
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
from jeugddocs.exporters import (
    DEFAULT_FORMATS,
    EXPORTERS,
    ConversionError,
    describe,
    export,
    export_each,
)
from jeugddocs.housestyles import check_house_style, house_style, house_style_folders
from jeugddocs.housestyles import shipped as shipped_house_styles
from jeugddocs.libreoffice import missing as _pdf_missing
from jeugddocs.naming import NamePattern, PatternError
from jeugddocs.output import write_all, write_atomic
from jeugddocs.planning import Planned, StyleOf, possible_names
from jeugddocs.planning import plan as _plan_names
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
    "Filter",
    "JeugddocsError",
    "NamePattern",
    "OutputError",
    "PatternError",
    "Planned",
    "Problem",
    "ProblemsError",
    "Progress",
    "Publicatie",
    "TemplateCheck",
    "TemplateError",
    "TemplateSet",
    "Veld",
    "Velden",
    "build",
    "build_all",
    "check",
    "check_templates",
    "export",
    "fields",
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
    from jeugddocs.render.fields import Filter, Veld, Velden

    #: Deprecated: the name of :class:`Artefact` before it had a name and a format.
    RenderedDocument = Artefact
else:
    # -- at run time only: a module __getattr__ seen by mypy would let any misspelt
    #    name of this module pass as Any --

    def __getattr__(name: str) -> Any:
        """Keep the old name ``RenderedDocument`` working a while, with a warning.

        The field list's types are loaded when asked for: renders never need them.
        """
        if name in ("Filter", "Veld", "Velden"):
            from jeugddocs.render import fields as field_module

            return getattr(field_module, name)
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
    tekstblokken: Sequence[Path | str] = (),
    woo: bool = False,
    per_deelnemer: bool = False,
    als: str | None = None,
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

    ``tekstblokken`` are folders with text blocks (``<naam>.yaml``), searched before any
    ``tekstblokken`` folder beside the content file or above it; content given as text or
    data finds only these (and the house style's). A subfolder named after the sender's
    profile key, and a house style's own ``tekstblokken`` folder, override blocks of the
    same name.

    ``woo``: the documents are to get Woo metadata (see :func:`plan`), so each
    publisher must be one DiWoo can name: a profile with a CBS code of a municipality,
    or a TOOI code; what is missing is a problem at the ``gemeente:`` that names it.
    ``per_deelnemer``: they are made per participant (see :func:`plan`), whose
    profiles are then the publishers.
    """

    def style(profile_style: str | None) -> TemplateSet:
        chosen = huisstijl if huisstijl is not None else profile_style
        try:
            return house_style(chosen)
        except ProblemsError as exc:
            raise ContentError(exc.problems) from None

    def rules(profile_style: str | None) -> Structuur:
        return style(profile_style).structure or STANDAARD

    def styles(profile_style: str | None) -> list[Path]:
        found: list[Path] = []
        current: TemplateSet | None = style(profile_style)
        while current is not None:
            found.append(current.directory)
            current = current.inherits
        return found

    return check_source(
        source,
        name,
        gemeenten=[Path(folder) for folder in gemeenten],
        rules=rules,
        blocks=[Path(folder) for folder in tekstblokken],
        styles=styles,
        woo=woo,
        per_deelnemer=per_deelnemer,
        als=als,
    )


def plan(
    document: Document,
    name: str,
    structure: Structuur = STANDAARD,
    *,
    per_deelnemer: bool | StyleOf = False,
    woo: bool = False,
    naam: str | NamePattern | None = None,
) -> list[Planned]:
    """Return every document a checked ``document`` yields, named after ``name``, unrendered.

    ``structure`` is the house style's rules (numbering). With ``per_deelnemer``, a
    regional proposal yields each participant's documents instead (``name-blaricum``,
    and ``name-blaricum-raadsbesluit`` for a raadsvoorstel), each planned in the house
    style of the participant's profile, which :func:`render` then uses; pass a function
    from a profile's ``huisstijl`` (or None) to ``(huisstijl or None, structure)`` to
    decide that yourself.

    With ``woo``, every document gets Woo metadata (``Planned.publicatie``, which
    :func:`export` writes as ``x.diwoo.xml``); without it, the documents of a publisher
    whose profile says ``woo: true``. Check the content with ``woo=True`` first.
    ``naam`` names each document by a pattern (see :mod:`jeugddocs.naming`; a wrong
    one raises PatternError).
    """
    pattern = NamePattern.parse(naam) if isinstance(naam, str) else naam
    if per_deelnemer is True:
        chosen: StyleOf | None = _participant_styles(structure, chosen=False)
    else:
        chosen = per_deelnemer if callable(per_deelnemer) else None
    return _plan_names(document, name, structure, per_deelnemer=chosen, woo=woo, naam=pattern)


def render(planned: Iterable[Planned], templates: TemplateSet | None = None) -> list[Artefact]:
    """Render planned documents to Word files in memory; nothing is written.

    All files are rendered before any is written, so that a template error in the
    second file cannot leave the first one updated on its own. A document planned in
    a house style of its own (a participant's, see :func:`plan`) is rendered in that one.
    """
    templates = templates or house_style()
    return [
        Artefact(
            item.name,
            "docx",
            (house_style(item.huisstijl) if item.huisstijl else templates)
            .get(item.soort)
            .render(item.view),
            item.soort,
            item.title,
            item.publicatie,
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
    per_deelnemer: bool = False,
    tekstblokken: Sequence[Path | str] = (),
    pdf: bool = False,
    naam: str | None = None,
    woo: bool = False,
) -> list[Path]:
    """Check, plan, render, export and write one content file; return the paths written.

    The documents are named after the content file: ``x.yaml`` gives ``x.docx``, and
    with ``pdf`` (or ``pdf: true`` in the sender's profile) also ``x.pdf``; ``naam``
    is a pattern such as ``{datum}-{soort}-{onderwerp}`` to name them by their own
    fields instead (see :mod:`jeugddocs.naming`; a wrong pattern raises PatternError).
    With ``per_deelnemer``, a regional proposal gives each participant's documents
    instead (``x-blaricum.docx``, …), each in its profile's house style unless
    ``templates`` is given. With ``woo`` each document gets its Woo metadata beside
    it (``x.diwoo.xml``, see :func:`plan`). All files are written, or none. Raises
    ConverterMissing when a PDF is asked for and LibreOffice is not installed, and
    ConversionError when a document cannot be converted.
    """
    path = Path(path)
    pattern = NamePattern.parse(naam) if naam is not None else None
    chosen = templates is not None
    document = check(
        path,
        gemeenten=gemeenten,
        huisstijl=templates.directory if templates else None,
        tekstblokken=tekstblokken,
        woo=woo,
        per_deelnemer=per_deelnemer,
    ).valid()
    styles = _styles_for(document, templates or house_style(), chosen)
    own = (
        _as_participants(
            path,
            document,
            gemeenten=gemeenten,
            tekstblokken=tekstblokken,
            huisstijl=templates.directory if templates else None,
            woo=woo,
        )
        if per_deelnemer
        else None
    )
    planned = _plan(path, document, styles, chosen, per_deelnemer, pattern, woo, own)
    problem = _claim(path, planned, {}, pattern is not None)
    if problem is not None:
        raise ContentError([problem])
    documents = render(planned, styles)
    return write(_export_wanted(_wanted(planned, documents, pdf), documents), output_dir)


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
    may change, and so are the style's own text blocks (``tekstblokken/``); ``target``
    must not exist yet (nothing is overwritten). Returns the files written.
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
    # -- the house style's own text blocks, which an editor may change as well --
    blocks = source.directory / BLOCK_FOLDER
    if blocks.is_dir():
        files += [
            (target / BLOCK_FOLDER / block.name, block.read_bytes())
            for block in sorted(blocks.iterdir())
            if block.suffix in CONTENT_SUFFIXES and block.is_file()
        ]
    write_all(files)
    return [path for path, _ in files]


@dataclass(frozen=True)
class TemplateCheck:
    """What checking house styles found: the templates read and every problem in them."""

    house_styles: list[Path]
    templates: list[Path]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_templates(folder: Path | str | None = None) -> TemplateCheck:
    """Check every Word template of the house styles in ``folder`` without rendering.

    ``folder`` is one house style (its ``huisstijl.yaml`` or Word templates) or a folder
    of them; None checks the house styles shipped with jeugddocs. Every problem is
    returned at once, each at its template's paragraph or table cell: Jinja syntax,
    tags Word split unreadably, fields the documents of that kind do not have (see
    :func:`fields`), unknown filters, missing styles, and tags that load other templates.
    ``house_styles`` is empty when ``folder`` holds none.
    """
    styles = house_style_folders(Path(folder) if folder is not None else None)
    templates: list[Path] = []
    problems: list[Problem] = []
    for style in styles:
        found, wrong = check_house_style(style)
        templates += found
        problems += wrong
    return TemplateCheck(styles, templates, sorted(problems))


def fields(soort: str) -> Velden:
    """Return every field and filter a Word template for ``soort`` may use, described.

    Read from the content model of ``soort`` and the view the renderer builds from it,
    and from the template environment's filters: the same list the template check
    (:func:`check_templates`) tests templates against. ``soort`` is one of :data:`KINDS`.
    """
    from jeugddocs.render.fields import field_list

    if soort not in KINDS:
        raise ValueError(f"unknown soort {soort!r}; known: {', '.join(KINDS)}")
    return field_list(soort)


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
    tekstblokken: Sequence[Path | str] = (),
    woo: bool = False,
    per_deelnemer: bool = False,
    huisstijl: Path | str | None = None,
) -> BatchResult:
    """Check every content file and collect all problems; write nothing.

    ``jobs`` is how many processes may check at once (``None``: as many as suit the
    machine and the batch, see :mod:`jeugddocs.batch`); the result is the same for
    any number. ``woo``, ``per_deelnemer`` and ``huisstijl`` (a house style chosen for
    every file; its required fields) check as :func:`build_all` would.
    """
    paths = list(paths)
    singles = [[index] for index in range(len(paths))]
    workers = batch.worker_count(len(paths), len(paths), jobs, _CHECKS_PER_WORKER)
    folders = _Folders.of(gemeenten, tekstblokken, woo, per_deelnemer, huisstijl)
    if workers == 1:
        outcomes = _validate_in_order(paths, folders)
    else:
        step = partial(_validate_in_worker, folders=folders)
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
    per_deelnemer: bool = False,
    tekstblokken: Sequence[Path | str] = (),
    pdf: bool = False,
    naam: str | None = None,
    woo: bool = False,
) -> BatchResult:
    """Build every content file; an invalid one is reported and the others are still built.

    ``per_deelnemer``: regional proposals give each participant's documents (see
    :func:`build`); ``woo``: every document gets its Woo metadata beside it.

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
    job = _Job(
        output_dir=Path(output_dir),
        templates=(templates or house_style()).directory,
        chosen=templates is not None,
        folders=_Folders.of(gemeenten, tekstblokken, woo, per_deelnemer),
        pdf=pdf,
        naam=NamePattern.parse(naam) if naam is not None else None,
    )
    # -- names from a pattern depend on the content: every file may meet every other --
    groups = [list(range(len(paths)))] if job.naam else _collision_groups(paths, per_deelnemer)
    workers = batch.worker_count(len(paths), len(groups), jobs, _BUILDS_PER_WORKER)
    if workers == 1:
        outcomes = _build_in_order(paths, job, templates or house_style())
    else:
        step = partial(_build_in_worker, job=job)
        # -- a PDF batch: few big tasks, LibreOffice once per worker; Word only: smaller
        #    ones, so progress moves and the workers finish together (a profile's
        #    pdf: true then starts LibreOffice once per task) --
        most = FILES_PER_CONVERSION if job.pdf else max(1, len(paths) // (workers * 8))
        tasks = _tasks(groups, workers, most)
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


@dataclass(frozen=True)
class _Job:
    """What every file of a batch is built with; sent to worker processes as it is."""

    output_dir: Path
    templates: Path
    chosen: bool
    folders: _Folders
    pdf: bool = False
    naam: NamePattern | None = None

    @property
    def per_deelnemer(self) -> bool:
        """Whether regional proposals give each participant's documents (checked so too)."""
        return self.folders.per_deelnemer


@dataclass(frozen=True)
class _Folders:
    """The caller's folders of profiles and text blocks, as a batch hands them to workers.

    With them, how the documents are published, which decides what checking asks:
    ``woo`` (Woo metadata for every document), ``per_deelnemer``, and for checking
    alone a house style chosen for every file (``huisstijl``; a build has its own).
    """

    gemeenten: tuple[Path, ...] = ()
    tekstblokken: tuple[Path, ...] = ()
    woo: bool = False
    per_deelnemer: bool = False
    huisstijl: Path | str | None = None

    @classmethod
    def of(
        cls,
        gemeenten: Iterable[Path | str],
        tekstblokken: Iterable[Path | str],
        woo: bool = False,
        per_deelnemer: bool = False,
        huisstijl: Path | str | None = None,
    ) -> _Folders:
        return cls(
            tuple(map(Path, gemeenten)),
            tuple(map(Path, tekstblokken)),
            woo,
            per_deelnemer,
            huisstijl,
        )


def _validate_in_order(paths: Iterable[Path], folders: _Folders) -> Outcomes:
    for path in paths:
        yield _validate_one(path, folders)


def _validate_one(path: Path, folders: _Folders) -> FileOutcome:
    checked = check(
        path,
        gemeenten=folders.gemeenten,
        huisstijl=folders.huisstijl,
        tekstblokken=folders.tekstblokken,
        woo=folders.woo,
        per_deelnemer=folders.per_deelnemer,
    )
    problems = checked.problems
    if checked.document is not None and folders.per_deelnemer:
        # -- as render --per-deelnemer makes them: each participant's own text blocks --
        try:
            _as_participants(
                path,
                checked.document,
                gemeenten=folders.gemeenten,
                tekstblokken=folders.tekstblokken,
                huisstijl=folders.huisstijl,
                woo=folders.woo,
            )
        except ContentError as exc:
            problems = exc.problems
    return FileOutcome(
        str(path), warnings=checked.warnings, problems=problems, failed=bool(problems)
    )


def _validate_in_worker(paths: list[Path], folders: _Folders) -> list[FileOutcome]:
    return [_validate_one(path, folders) for path in paths]


def _build_in_worker(paths: list[Path], job: _Job) -> list[FileOutcome]:
    return list(_build_in_order(paths, job, _templates_of(job.templates)))


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


def _as_participants(
    path: Path,
    document: Document,
    *,
    gemeenten: Sequence[Path | str],
    tekstblokken: Sequence[Path | str],
    huisstijl: Path | str | None,
    woo: bool,
) -> dict[str, Document]:
    """Check a regional proposal once more as each participant sends it.

    Why: text blocks are put in place while checking, from the sender's profile,
    house style and own folder; each participant's document must have its own
    (``tekstblokken/<sleutel>/``, its house style's, its names). Problems only a
    participant has are problems of the content file.
    """
    participants = getattr(document, "deelnemers", None)
    if not isinstance(participants, Deelnemers):
        return {}
    own: dict[str, Document] = {}
    problems: list[Problem] = []
    for deelnemer in participants.gemeenten:
        checked = check(
            path,
            gemeenten=gemeenten,
            huisstijl=huisstijl,
            tekstblokken=tekstblokken,
            woo=woo,
            per_deelnemer=True,
            als=deelnemer.gemeente,
        )
        problems += [problem for problem in checked.problems if problem not in problems]
        if checked.document is not None:
            own[deelnemer.gemeente] = checked.document
    if problems:
        raise ContentError(problems)
    return own


def _styles_for(document: Document, templates: TemplateSet, chosen: bool) -> TemplateSet:
    """The house style for ``document``: the caller's choice, else its profile's, else default."""
    profile = document.afzender
    if not chosen and profile is not None and profile.huisstijl:
        return house_style(profile.huisstijl)
    return templates


def _plan(
    path: Path,
    document: Document,
    styles: TemplateSet,
    chosen: bool,
    per_deelnemer: bool,
    naam: NamePattern | None = None,
    woo: bool = False,
    own: Mapping[str, Document] | None = None,
) -> list[Planned]:
    """Plan one checked document; per participant, each in its own house style if not chosen.

    ``own``: the content as each participant sends it (see :func:`_as_participants`).
    A name pattern that gives this document an empty name is a problem of its file.
    """
    structure = styles.structure or STANDAARD
    style_of = _participant_styles(structure, chosen)
    try:
        return _plan_names(
            document,
            path.stem,
            structure,
            per_deelnemer=style_of if per_deelnemer else None,
            naam=naam,
            woo=woo,
            own=own,
        )
    except PatternError as exc:
        raise ContentError([Problem(str(path), 1, 1, str(exc))]) from None


def _participant_styles(structure: Structuur, chosen: bool) -> StyleOf:
    """How each participant's documents are styled: in its profile's house style, unless
    the caller chose one for all (``chosen``) or the profile names none."""

    def style_of(own: str | None) -> tuple[str | None, Structuur]:
        if chosen or own is None:
            return None, structure
        return own, house_style(own).structure or STANDAARD

    return style_of


def _collision_groups(paths: list[Path], per_deelnemer: bool = False) -> list[list[int]]:
    """Group the files that could write the same output file, as lists of indices.

    Which files collide is only known once each is checked (a raadsvoorstel also
    writes ``-raadsbesluit``), so files are grouped on every name their kind could
    give: ``x.yaml`` in two folders, or ``x.yaml`` and ``x-raadsbesluit.yaml``. Per
    participant, ``x.yaml`` may write any ``x-<sleutel>``: it is grouped with every
    file whose name begins with ``x-``. A group is built in input order in one
    process, which keeps "the first file wins" exact however the batch is split.
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
    if per_deelnemer:
        # -- every earlier part of a name up to a '-' is a stem whose participants'
        #    documents may take this name --
        for index, path in enumerate(paths):
            parts = path.stem.split("-")
            for end in range(1, len(parts)):
                stem_owner = first_owner.get("-".join(parts[:end]))
                if stem_owner is not None:
                    root[find(index)] = find(stem_owner)
    groups: dict[int, list[int]] = {}
    for index in range(len(paths)):
        groups.setdefault(find(index), []).append(index)
    return sorted(groups.values())


def _build_in_order(paths: Iterable[Path], job: _Job, templates: TemplateSet) -> Outcomes:
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
        waiting.append(_build_one(path, job, templates, claimed))
        converting = sum(isinstance(item, _Rendered) for item in waiting)
        if converting == 0 or converting >= FILES_PER_CONVERSION:
            yield from _finish(waiting, job.output_dir)
            waiting = []
    yield from _finish(waiting, job.output_dir)


@dataclass(frozen=True)
class _Rendered:
    """A content file rendered to Word, waiting to be converted with others, then written."""

    path: Path
    warnings: list[Problem]
    documents: list[Artefact]
    #: Format → the documents to make in it (see :func:`_wanted`).
    formats: dict[str, list[Artefact]]


def _build_one(
    path: Path, job: _Job, templates: TemplateSet, claimed: dict[str, Path]
) -> FileOutcome | _Rendered:
    """Check and plan one file; unless an earlier file claimed its names, render it.

    Word alone is written at once; a file to be converted is returned rendered.
    """
    warnings: list[Problem] = []
    try:
        checked = check(
            path,
            gemeenten=job.folders.gemeenten,
            huisstijl=templates.directory if job.chosen else None,
            tekstblokken=job.folders.tekstblokken,
            woo=job.folders.woo,
            per_deelnemer=job.per_deelnemer,
        )
        warnings = checked.warnings
        document = checked.valid()
        styles = _styles_for(document, templates, job.chosen)
        own = (
            _as_participants(
                path,
                document,
                gemeenten=job.folders.gemeenten,
                tekstblokken=job.folders.tekstblokken,
                huisstijl=templates.directory if job.chosen else None,
                woo=job.folders.woo,
            )
            if job.per_deelnemer
            else None
        )
        planned = _plan(
            path,
            document,
            styles,
            job.chosen,
            job.per_deelnemer,
            job.naam,
            job.folders.woo,
            own,
        )
        collision = _claim(path, planned, claimed, job.naam is not None)
        if collision is not None:
            return FileOutcome(str(path), warnings=warnings, problems=[collision], failed=True)
        documents = render(planned, styles)
        wanted = _wanted(planned, documents, job.pdf)
        if tuple(wanted) != DEFAULT_FORMATS:
            return _Rendered(path, warnings, documents, wanted)
        written = write(export(documents), job.output_dir)
        return FileOutcome(str(path), written=written, warnings=warnings)
    except ProblemsError as exc:
        return FileOutcome(str(path), warnings=warnings, problems=exc.problems, failed=True)
    except OutputError as exc:
        return _failed(path, warnings, [str(exc)])


def _wanted(
    planned: list[Planned], documents: list[Artefact], pdf: bool
) -> dict[str, list[Artefact]]:
    """Format → the documents made in it: every one in Word; in PDF those asked for
    (``pdf``), or whose sender's profile says ``pdf: true`` — per participant its own."""
    wanted = {format: list(documents) for format in DEFAULT_FORMATS}
    as_pdf = [doc for doc, item in zip(documents, planned, strict=True) if pdf or item.pdf]
    if as_pdf:
        wanted["pdf"] = as_pdf
    return wanted


def _export_wanted(wanted: dict[str, list[Artefact]], documents: list[Artefact]) -> list[Artefact]:
    """Export each format's documents, then the records describing the files made.

    Raises ConversionError when a document cannot be converted (nothing is written).
    """
    files: list[Artefact] = []
    failures: dict[str, str] = {}
    for format, chosen in wanted.items():
        made, failed = export_each(chosen, [format])
        files += made
        failures.update(failed)
    if failures:
        raise ConversionError(failures, files)
    return files + describe(documents, files)


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
        documents = [d for item in rendered for d in item.formats.get(format, [])]
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
        files = [file_name(d.name, f) for f, chosen in item.formats.items() for d in chosen]
        reasons = {name: failures[name] for name in files if name in failures}
        if reasons:
            yield _failed(item.path, item.warnings, _conversion_problems(reasons))
            continue
        artefacts = [
            artefact
            for format, chosen in item.formats.items()
            for artefact in made[format]
            if artefact.name in {d.name for d in chosen}
        ]
        artefacts += describe(item.documents, artefacts)
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


def _claim(
    path: Path, planned: list[Planned], claimed: dict[str, Path], patterned: bool = False
) -> Problem | None:
    """Claim the output files of ``path``, or return why not: an earlier file has one.

    Why: ``x.yaml`` in two folders, or ``x-raadsbesluit.yaml`` beside a raadsvoorstel
    ``x.yaml``; the second would overwrite the first without anyone noticing.
    """
    names = [file_name(item.name, format) for format in DEFAULT_FORMATS for item in planned]
    twice = [name for index, name in enumerate(names) if name in names[:index]]
    if twice:
        return Problem(
            str(path),
            1,
            1,
            f"dit bestand geeft twee keer {twice[0]}; "
            + (
                "neem {soort} op in het naampatroon (--naam), zodat voorstel en besluit elk "
                "een eigen naam krijgen"
                if patterned
                else "een sleutel van een deelnemer lijkt op de naam van een ander stuk: geef "
                "het gemeenteprofiel een andere sleutel"
            ),
        )
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
