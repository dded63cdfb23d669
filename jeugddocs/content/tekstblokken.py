"""Text blocks: finding them, reading each file once, and putting them in their place.

A text block (``tekstblokken/<naam>.yaml``, see :mod:`jeugddocs.content.models.tekstblok`)
is included from any text with ``{{ blok("naam") }}`` or, with values for its variables,
``{{ blok("kosten", bedrag=extra_bijdrage) }}``. Alone in its paragraph it becomes the
block's paragraphs and lists; inside a sentence the block must be one paragraph, whose
words then stand in that sentence.

Where a block is found, first match wins (so an override needs only the blocks it
changes):

1. ``<tekstblokken>/<gemeente-sleutel>/<naam>.yaml``: the sender's profile's own wording;
2. ``<huisstijl>/tekstblokken/<naam>.yaml``: the house style's, then the style it inherits;
3. ``<tekstblokken>/<naam>.yaml``: the general one.

``<tekstblokken>`` are the folders the caller names (``--tekstblokken``), then a
``tekstblokken`` folder beside the content file or in any folder above it, as for
``gemeenten``. Content given as text or data has no folder: its blocks come from the
folders named and the house style only.

A block's text computes its references when it is included: its own variables, the
document's named amounts and the sender's data (:data:`DOCUMENT_NAMES`). What is wrong
with a block file in itself is reported in that file; what goes wrong with one inclusion
(a block that does not exist, a variable missing or of the wrong kind, an amount the
document lacks, blocks that include each other in a loop) at the inclusion in the content.

Why files are cached by modification time: a batch checks hundreds of documents with the
same few blocks; each file is read and checked once per process, and an edited file is
read again.
"""

from __future__ import annotations

import datetime
import difflib
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, cast, get_args

from pydantic import ValidationError

from jeugddocs.content.filecache import FileCache
from jeugddocs.content.models.profiel import Profiel
from jeugddocs.content.models.tekstblok import HOW_TO_WRITE, Soort, Tekstblok, Variabele, convert
from jeugddocs.content.problems import problems_from_validation
from jeugddocs.content.source import Source, load_source
from jeugddocs.errors import Problem
from jeugddocs.format import FILTERS, FormatInputError
from jeugddocs.format.describe import quote
from jeugddocs.markup import checks, expressions
from jeugddocs.markup.prose import Block, Inline, ListBlock, Paragraph, Prose, Run, parse_prose
from jeugddocs.markup.references import (
    CROSS_REFERENCE,
    FOOTNOTE,
    INCLUDE_EXAMPLE,
    Include,
    Reference,
    ReferenceError,
    format_reference,
)
from jeugddocs.paths import folders_near

#: Name of the folder that holds text blocks.
FOLDER = "tekstblokken"
_SUFFIXES = (".yaml", ".yml")

#: Data of the document a block may use by name, besides its variables and the amounts.
DOCUMENT_NAMES = (
    "gemeente",
    "burgemeester",
    "secretaris",
    "griffier",
    "voorzitter",
    "portefeuillehouder",
)

#: How a variable of each kind is written in the block's text.
_SHOWN_AS = {
    "tekst": "{{{{ {0} }}}}",
    "bedrag": "{{{{ {0} | euro }}}}",
    "getal": "{{{{ {0} | getal }}}}",
    "datum": "{{{{ {0} | datum }}}}",
}


def search_path(near: Path | None, folders: Sequence[Path] = ()) -> list[Path]:
    """Return the general text-block folders, in order: the caller's, then those found.

    ``near`` is the content file's folder; None (content as text or data) finds none.
    """
    if near is None:
        return list(dict.fromkeys(map(Path, folders)))
    return folders_near(FOLDER, near, folders)


# -- reading block files ------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedBlock:
    """A block file as read and checked on its own: its model and parsed text, or problems."""

    name: str
    path: Path
    source: Source
    block: Tekstblok | None
    prose: Prose
    problems: tuple[Problem, ...]

    @property
    def tekst(self) -> str:
        return self.block.tekst if self.block is not None else ""

    def place(self, fragment: str, offset: int) -> str:
        """``file:line:column`` of ``fragment`` at ``offset`` in the block's text."""
        occurrence = self.tekst.count(fragment, 0, offset)
        position = self.source.fragment_position(("tekst",), fragment, occurrence)
        return f"{self.path}:{position.line}:{position.column}"


#: folder → (modification time, block name → file): a folder listed once while unchanged.
_LISTINGS: dict[Path, tuple[int, dict[str, Path]]] = {}


def _listing(folder: Path) -> dict[str, Path]:
    """The block files directly in ``folder`` by name (empty when there is no such folder)."""
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return {}
    cached = _LISTINGS.get(folder)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    files: dict[str, Path] = {}
    try:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                path = Path(entry.path)
                if path.suffix in _SUFFIXES and entry.is_file():
                    files.setdefault(path.stem, path)
    except OSError:
        return {}
    _LISTINGS[folder] = (stamp, files)
    return files


def load_block(path: Path) -> LoadedBlock:
    """Return the block in ``path``, read and checked; read again only once it changed."""
    return _BLOCKS.get(path)


def _read(path: Path) -> LoadedBlock:
    name = path.stem
    source, problems = load_source(path, str(path))
    block: Tekstblok | None = None
    if source.data is not None and not problems:
        if not isinstance(source.data, dict):
            problems.append(
                Problem(
                    str(path),
                    1,
                    1,
                    "een tekstblok begint met velden, zoals 'tekst: |' met de tekst eronder",
                )
            )
        else:
            try:
                block = Tekstblok.model_validate(source.data)
            except ValidationError as exc:
                problems += problems_from_validation(exc, source, Tekstblok)
                # -- the text is still checked, so every problem of the file shows at once --
                block = _as_far_as_valid(source.data)
    elif source.data is None and not problems:
        problems.append(
            Problem(str(path), 1, 1, "het tekstblok is leeg; schrijf de tekst onder 'tekst: |'")
        )
    prose: Prose = ()
    if block is not None:
        prose = parse_prose(block.tekst)
        problems += _text_problems(block, prose, source)
    return LoadedBlock(name, path, source, block if not problems else None, prose, tuple(problems))


def _as_far_as_valid(data: dict[str, Any]) -> Tekstblok | None:
    """A block of what is usable in an invalid file: its text and its variables' kinds."""
    text = data.get("tekst")
    if not isinstance(text, str):
        return None
    raw = data.get("variabelen")
    variables = {
        str(name): Variabele.model_construct(soort=cast(Soort, kind), standaard=None)
        for name, value in (raw.items() if isinstance(raw, dict) else ())
        for kind in [value if isinstance(value, str) else (value or {}).get("soort")]
        if kind in get_args(Soort)
    }
    return Tekstblok.model_construct(tekst=text, variabelen=variables, omschrijving=None)


def _text_problems(block: Tekstblok, prose: Prose, source: Source) -> list[Problem]:
    """What is wrong with a block's text whatever document includes it."""
    text = block.tekst
    issues = checks.number_issues(text) + checks.stray_syntax_issues(text, prose)
    for pattern, message in (
        (
            FOOTNOTE,
            "een tekstblok kan geen voetnoot hebben: de voetnoten horen bij het stuk; zet de "
            "voetnoot in de tekst van het stuk, naast het blok",
        ),
        (
            CROSS_REFERENCE,
            "een tekstblok kan niet naar een argument of kanttekening verwijzen: die horen bij "
            "één stuk; zet de verwijzing in de tekst van het stuk",
        ),
    ):
        seen: dict[str, int] = {}
        for match in pattern.finditer(text):
            occurrence = seen.get(match.group(), 0)
            seen[match.group()] = occurrence + 1
            issues.append(checks.Issue(match.group(), occurrence, message))
    seen_refs: dict[str, int] = {}
    for run in _runs(prose):
        if run.reference is None:
            continue
        fragment = run.reference.fragment
        occurrence = seen_refs.get(fragment, 0)
        seen_refs[fragment] = occurrence + 1
        shape = _reference_shape(run.reference, block.variabelen)
        if shape:
            issues.append(checks.Issue(fragment, occurrence, shape))
    return [
        source.problem(
            source.fragment_position(("tekst",), issue.fragment, issue.occurrence),
            issue.message,
            path=("tekst",),
        )
        for issue in issues
    ]


def _runs(prose: Prose) -> Iterator[Run]:
    for block in prose:
        lines = [block.runs] if isinstance(block, Paragraph) else list(block.items)
        for line in lines:
            yield from line


def _kind(name: str, variables: Mapping[str, Variabele]) -> str | None:
    """The kind of value ``name`` has in a block: its variable's, text for document data."""
    if name in variables:
        return variables[name].soort
    return "tekst" if name in DOCUMENT_NAMES else None


def _reference_shape(reference: Reference, variables: Mapping[str, Variabele]) -> str | None:
    """What is wrong with a reference in a block's text, given the kinds of its variables."""
    fragment = quote(reference.fragment, 80)
    if reference.include is not None:
        return reference.problem
    expression = reference.expression
    bare = isinstance(expression, expressions.Name)
    if bare and not reference.filters:
        name = expression.name  # type: ignore[union-attr]
        kind = _kind(name, variables)
        if kind == "tekst":
            return None
        if kind is not None:
            return (
                f"'{name}' is een {kind}: schrijf {_SHOWN_AS[kind].format(name)} zodat het in "
                "Nederlandse notatie verschijnt"
            )
        return (
            f"'{name}' in '{fragment}' is geen variabele van dit blok en geen gegeven van het stuk "
            f"({', '.join(DOCUMENT_NAMES)}); zet hem onder 'variabelen:' als '{name}: tekst', "
            f"of schrijf {{{{ {name} | euro }}}} voor een bedrag uit het stuk"
        )
    if reference.problem is not None:
        return reference.problem
    for name in reference.names:
        kind = _kind(name, variables)
        if kind == "tekst":
            return (
                f"'{name}' is tekst: schrijf {{{{ {name} }}}}, zonder filter of berekening "
                f"(in '{fragment}')"
            )
        if kind == "datum" and not (
            bare and reference.filters and reference.filters[0].name == "datum"
        ):
            return f"'{name}' is een datum: schrijf {{{{ {name} | datum }}}} (in '{fragment}')"
    return None


# -- where blocks are found ---------------------------------------------------------------


class Library:
    """The text blocks one document may include, over the layers that override each other.

    ``general`` are the general folders (see :func:`search_path`), ``profile`` the
    sender's profile key, ``styles`` the house style's folders, its own first.
    """

    def __init__(
        self,
        general: Sequence[Path] = (),
        profile: str | None = None,
        styles: Sequence[Path] = (),
    ) -> None:
        own = [folder / profile for folder in general] if profile else []
        self.layers: list[Path] = [*own, *(folder / FOLDER for folder in styles), *general]
        self._found: dict[str, LoadedBlock | None] = {}

    def get(self, name: str) -> LoadedBlock | None:
        """Return the block ``name`` from the first layer that has it, or None."""
        if name not in self._found:
            self._found[name] = next(
                (
                    load_block(listing[name])
                    for listing in map(_listing, self.layers)
                    if name in listing
                ),
                None,
            )
        return self._found[name]

    def names(self) -> list[str]:
        """Every block name any layer has."""
        return sorted({name for folder in self.layers for name in _listing(folder)})

    def where(self) -> str:
        """The folders searched, for a message."""
        existing = [str(folder) for folder in self.layers if folder.is_dir()]
        return ", ".join(existing) or f"geen map '{FOLDER}' gevonden"


# -- putting blocks in place --------------------------------------------------------------


@dataclass(frozen=True)
class _Missing:
    """Document data a block may use that this document does not have."""

    name: str


Value = Decimal | str | datetime.date | _Missing | None


def document_data(data: Mapping[str, Any], profile: Profiel | None) -> dict[str, Value]:
    """The sender's data a block may use by name (:data:`DOCUMENT_NAMES`), from raw content."""
    people = profile.functionarissen if profile is not None else None
    gemeente = profile.naam if profile is not None else data.get("gemeente")
    chair = (people.voorzitter or people.burgemeester) if people else None
    holder = data.get("portefeuillehouder")
    if not isinstance(holder, str) and profile is not None:
        subject = data.get("onderwerp")
        holder = profile.portefeuillehouder(subject) if isinstance(subject, str) else None
    found: dict[str, Any] = {
        "gemeente": gemeente,
        "burgemeester": people.burgemeester if people else None,
        "secretaris": people.secretaris if people else None,
        "griffier": people.griffier if people else None,
        "voorzitter": chair,
        "portefeuillehouder": holder,
    }
    return {
        name: value if isinstance(value, str) and value.strip() else _Missing(name)
        for name, value in found.items()
    }


@dataclass(frozen=True)
class _Frame:
    """A text in which blocks are included: the content's field, or a block's text."""

    text: str
    block: LoadedBlock | None
    values: Mapping[str, Value]
    chain: tuple[LoadedBlock, ...] = ()


class _Failed(Exception):
    """An inclusion that cannot be made; its problem is already recorded."""


@dataclass
class Expander:
    """Puts text blocks in place in the texts of one document, and collects what goes wrong.

    ``amounts`` are the document's named amounts (None where an amount has a problem of
    its own); ``data`` the sender's data (see :func:`document_data`). ``used`` gathers the
    amounts blocks use, so they are not reported as unused; ``elsewhere`` the problems of
    block files, reported in those files.
    """

    library: Library
    amounts: Mapping[str, Decimal | None]
    data: Mapping[str, Value] = field(default_factory=dict)
    profile: str | None = None
    used: set[str] = field(default_factory=set)
    elsewhere: list[Problem] = field(default_factory=list)

    def prose(self, text: str, prose: Prose) -> tuple[Prose, list[checks.Issue], bool]:
        """Return ``prose`` (parsed from ``text``) with its blocks in place.

        Also the problems at its inclusions, and whether an inclusion failed for a
        problem reported elsewhere (in a block file, or at an amount).
        """
        state = _State(self, text)
        rv = tuple(state.blocks(prose, state.top))
        return rv, state.issues, state.failed

    def inline(self, text: str, runs: Inline) -> tuple[Inline, list[checks.Issue], bool]:
        """As :meth:`prose`, for one line of text (a heading, a footnote)."""
        state = _State(self, text)
        rv = state.inline(runs, state.top)
        return rv, state.issues, state.failed


class _State:
    """One text being expanded: its frame, and the problems found."""

    def __init__(self, expander: Expander, text: str) -> None:
        self.expander = expander
        self.top = _Frame(text, None, {**expander.amounts, **expander.data})
        self.issues: list[checks.Issue] = []
        self.failed = False
        #: The inclusion in the content being expanded: where nested problems are reported.
        self.outer: tuple[str, int] = ("", 0)

    # -- walking the text --

    def blocks(self, prose: Prose, frame: _Frame) -> Iterator[Block]:
        for block in prose:
            if isinstance(block, ListBlock):
                items = tuple(self.inline(item, frame) for item in block.items)
                yield ListBlock(block.kind, items, block.start)
                continue
            runs = block.runs
            if len(runs) == 1 and runs[0].reference and runs[0].reference.include:
                try:
                    included = self.include(runs[0], frame)
                except _Failed:
                    continue
                yield from _emphasised(included, runs[0])
            else:
                yield Paragraph(self.inline(runs, frame))

    def inline(self, runs: Inline, frame: _Frame) -> Inline:
        rv: list[Run] = []
        for run in runs:
            reference = run.reference
            if reference is None or (frame.block is None and reference.include is None):
                rv.append(run)  # -- the content's own references are computed by the view --
                continue
            try:
                if reference.include is not None:
                    rv += self.include_inline(run, frame)
                else:
                    rv.append(Run(self.compute(run, frame), run.bold, run.italic))
            except _Failed:
                continue
        return _joined(rv)

    def include_inline(self, run: Run, frame: _Frame) -> list[Run]:
        included = self.include(run, frame)
        if len(included) == 1 and isinstance(included[0], Paragraph):
            return [_emphasis(r, run) for r in included[0].runs]
        name = run.reference.include.name  # type: ignore[union-attr]
        raise self.problem(
            frame,
            run,
            f"het tekstblok '{name}' heeft meer dan één alinea of een lijst en kan daarom niet "
            f"midden in een zin staan; zet {run.text} op een eigen regel, met een lege regel "
            "ervoor en erna",
        )

    # -- one inclusion --

    def include(self, run: Run, frame: _Frame) -> Prose:
        reference = run.reference
        assert reference is not None and reference.include is not None
        include = reference.include
        if frame.block is None:
            self.outer = (run.text, frame.text.count(run.text, 0, run.offset))
        if reference.problem is not None:
            raise self.problem(frame, run, reference.problem)
        library = self.expander.library
        loaded = library.get(include.name)
        if loaded is None:
            raise self.problem(frame, run, self.missing(include.name))
        steps = [block.name for block in frame.chain]
        if any(block.path == loaded.path for block in frame.chain):
            start = next(i for i, b in enumerate(frame.chain) if b.path == loaded.path)
            loop = " → ".join([*steps[start:], include.name])
            raise self.problem(
                frame,
                run,
                f"tekstblokken nemen elkaar in een kring op: {loop}; haal één van die "
                f"{{{{ blok(…) }}}} weg",
            )
        if loaded.problems:
            self.elsewhere(loaded.problems)
            self.failed = True
            raise _Failed
        assert loaded.block is not None
        values = self.bind(include, loaded, run, frame)
        inner = _Frame(loaded.tekst, loaded, values, (*frame.chain, loaded))
        return tuple(self.blocks(loaded.prose, inner))

    def missing(self, name: str) -> str:
        library = self.expander.library
        known = library.names()
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"bedoelde u '{close[0]}'? " if close else ""
        listed = ", ".join(known) or "nog geen"
        return (
            f"het tekstblok '{name}' bestaat niet; {hint}voeg {FOLDER}/{name}.yaml toe "
            f"(bekende blokken: {listed}; gezocht in: {library.where()})"
        )

    def bind(
        self, include: Include, loaded: LoadedBlock, run: Run, frame: _Frame
    ) -> dict[str, Value]:
        """The values of a block's names: its variables from the inclusion, then defaults."""
        assert loaded.block is not None
        variables = loaded.block.variabelen
        given: dict[str, Value] = {}
        for key, node in include.arguments:
            if key not in variables:
                close = difflib.get_close_matches(key, list(variables), n=1)
                hint = f"bedoelde u '{close[0]}'? " if close else ""
                known = ", ".join(variables) or "geen"
                raise self.problem(
                    frame,
                    run,
                    f"het tekstblok '{include.name}' kent geen variabele '{key}'; {hint}"
                    f"variabelen van dit blok: {known}",
                )
            given[key] = self.argument(include, key, node, variables[key].soort, run, frame)
        missing = [
            name for name, v in variables.items() if name not in given and v.standaard is None
        ]
        if missing:
            wanted = ", ".join(f"'{name}' ({variables[name].soort})" for name in missing)
            example = ", ".join(f"{name}=…" for name in missing)
            raise self.problem(
                frame,
                run,
                f"het tekstblok '{include.name}' heeft een waarde nodig voor {wanted}; schrijf "
                f'{{{{ blok("{include.name}", {example}) }}}}',
            )
        values: dict[str, Value] = {**self.expander.amounts, **self.expander.data}
        for name, variable in variables.items():
            values[name] = (
                given[name] if name in given else convert(variable.soort, variable.standaard)
            )
        return values

    def argument(
        self,
        include: Include,
        key: str,
        node: expressions.Node,
        soort: str,
        run: Run,
        frame: _Frame,
    ) -> Value:
        """The value given for variable ``key``, checked against its kind."""
        typed = include.text[node.start : node.end]
        wrong = (
            f"de variabele '{key}' van tekstblok '{include.name}' is een {soort}, maar hier "
            f"staat '{quote(typed, 60)}'; schrijf {HOW_TO_WRITE[soort]}"
        )
        if isinstance(node, expressions.Text):
            value = convert(soort, node.value) if soort in ("tekst", "datum") else None
            if value is None:
                raise self.problem(frame, run, wrong)
            return value
        if isinstance(node, expressions.Name) and node.name in frame.values:
            found = self.value_of(node.name, frame, run)
            if not isinstance(found, Decimal):
                if (soort == "tekst" and isinstance(found, str)) or (
                    soort == "datum" and isinstance(found, datetime.date)
                ):
                    return found
                raise self.problem(frame, run, wrong)
        if soort in ("tekst", "datum"):
            raise self.problem(frame, run, wrong)
        refused = expressions.refusal(node, include.text)
        if refused is not None:
            raise self.problem(frame, run, f"in '{run.text}': {refused}")
        return self.number(
            expressions.names(node),
            frame,
            run,
            lambda amounts: expressions.evaluate(node, amounts),
            typed,
        )

    def number(
        self, names: Sequence[str], frame: _Frame, run: Run, compute: Any, typed: str
    ) -> Decimal:
        amounts: dict[str, Decimal | None] = {}
        for name in names:
            value = self.value_of(name, frame, run)
            if not isinstance(value, Decimal):
                raise self.problem(
                    frame, run, f"'{name}' in '{quote(typed, 60)}' is geen bedrag of getal"
                )
            amounts[name] = value
        try:
            rv: Decimal = compute(amounts)
        except expressions.Unavailable:
            self.failed = True  # -- the amount's own problem is reported at its line --
            raise _Failed from None
        except expressions.ExpressionError as exc:
            raise self.problem(frame, run, f"'{quote(typed, 60)}': {exc}") from None
        return rv

    def value_of(self, name: str, frame: _Frame, run: Run) -> Value:
        """The value ``name`` has in ``frame``; a problem when it has none."""
        if name not in frame.values:
            known = [n for n, v in frame.values.items() if not isinstance(v, _Missing)]
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"bedoelde u '{close[0]}'? " if close else ""
            if frame.block is None:
                message = (
                    f"'{name}' in '{quote(run.text, 80)}' is geen bekend bedrag; {hint}voeg het "
                    "toe onder 'bedragen:'"
                )
            else:
                message = (
                    f"'{name}' is geen variabele van het blok en geen bedrag van dit stuk; "
                    f"{hint}voeg '{name}' toe onder 'bedragen:' van het stuk, of zet '{name}' "
                    "onder 'variabelen:' van het blok"
                )
            raise self.problem(frame, run, message)
        value = frame.values[name]
        if isinstance(value, _Missing):
            raise self.problem(frame, run, self.no_data(name))
        if value is None:
            self.failed = True  # -- an amount with a problem of its own, reported there --
            raise _Failed
        own = frame.block.block.variabelen if frame.block and frame.block.block else {}
        if frame.block is not None and name not in own and name in self.expander.amounts:
            self.expander.used.add(name)
        return value

    def no_data(self, name: str) -> str:
        if name == "portefeuillehouder":
            return (
                "de portefeuillehouder wordt gebruikt, maar dit stuk noemt die niet; vul "
                "'portefeuillehouder:' in"
            )
        if self.expander.profile is None:
            return (
                f"'{name}' wordt gebruikt, maar dit stuk heeft geen gemeenteprofiel; schrijf "
                "'gemeente:' als sleutel van een profiel (zoals 'gemeente: noordwijk')"
            )
        return (
            f"'{name}' wordt gebruikt, maar het gemeenteprofiel '{self.expander.profile}' noemt "
            f"geen {name}; voeg '{name}:' toe onder 'functionarissen:' in het profiel"
        )

    def compute(self, run: Run, frame: _Frame) -> str:
        """The text a reference in a block's text stands for."""
        reference = run.reference
        assert reference is not None and reference.expression is not None
        expression = reference.expression
        if isinstance(expression, expressions.Name):
            value = self.value_of(expression.name, frame, run)
            if isinstance(value, str):
                return value
            if isinstance(value, datetime.date):
                return self.filtered(value, reference, frame, run)
        amounts: dict[str, Decimal | None] = {}
        for name in reference.names:
            value = self.value_of(name, frame, run)
            if not isinstance(value, Decimal):
                raise self.problem(
                    frame, run, f"'{name}' in '{quote(run.text, 60)}' is geen bedrag of getal"
                )
            amounts[name] = value
        try:
            return format_reference(reference, amounts)
        except ReferenceError as exc:
            raise self.problem(frame, run, str(exc)) from None

    def filtered(self, value: Any, reference: Reference, frame: _Frame, run: Run) -> str:
        try:
            for call in reference.filters:
                value = FILTERS[call.name](value, *call.arguments, **dict(call.keywords))
        except FormatInputError as exc:
            raise self.problem(
                frame, run, f"'{quote(run.text, 60)}' kan niet worden opgemaakt: {exc}"
            ) from None
        except (TypeError, ArithmeticError, ValueError):
            raise self.problem(
                frame,
                run,
                f"'{quote(run.text, 60)}': een filter krijgt argumenten die hij niet kent",
            ) from None
        return str(value)

    # -- reporting --

    def problem(self, frame: _Frame, run: Run, message: str) -> _Failed:
        """Record ``message`` at the inclusion in the content; return the exception to raise."""
        if frame.block is None:
            occurrence = frame.text.count(run.text, 0, run.offset)
            self.issues.append(checks.Issue(run.text, occurrence, message))
        else:
            where = frame.block.place(run.text, run.offset)
            fragment, occurrence = self.outer
            self.issues.append(
                checks.Issue(
                    fragment,
                    occurrence,
                    f"in tekstblok '{frame.block.name}' ({where}): {message}",
                )
            )
        return _Failed()

    def elsewhere(self, problems: Sequence[Problem]) -> None:
        found = self.expander.elsewhere
        found += [problem for problem in problems if problem not in found]


def _joined(runs: list[Run]) -> Inline:
    """``runs`` with neighbours of the same emphasis joined into one: fewer runs in Word."""
    rv: list[Run] = []
    for run in runs:
        previous = rv[-1] if rv else None
        if (
            previous is not None
            and _plain(previous)
            and _plain(run)
            and (previous.bold, previous.italic) == (run.bold, run.italic)
        ):
            rv[-1] = Run(previous.text + run.text, run.bold, run.italic)
        else:
            rv.append(run)
    return tuple(rv)


def _plain(run: Run) -> bool:
    return run.reference is None and run.voetnoot is None and run.verwijzing is None


def _emphasis(run: Run, around: Run) -> Run:
    """``run`` from a block, bold or italic as well when its inclusion is."""
    if not (around.bold or around.italic):
        return run
    return replace(run, bold=run.bold or around.bold, italic=run.italic or around.italic)


def _emphasised(prose: Prose, around: Run) -> Iterator[Block]:
    if not (around.bold or around.italic):
        yield from prose
        return
    for block in prose:
        if isinstance(block, Paragraph):
            yield Paragraph(tuple(_emphasis(r, around) for r in block.runs))
        else:
            items = tuple(tuple(_emphasis(r, around) for r in item) for item in block.items)
            yield ListBlock(block.kind, items, block.start)


__all__ = [
    "DOCUMENT_NAMES",
    "FOLDER",
    "INCLUDE_EXAMPLE",
    "Expander",
    "Library",
    "LoadedBlock",
    "document_data",
    "load_block",
    "search_path",
]


#: Block files read, each kept while unchanged (see :mod:`jeugddocs.content.filecache`).
_BLOCKS: FileCache[LoadedBlock] = FileCache(_read)
