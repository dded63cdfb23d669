"""Read YAML content into plain data, remembering where every value stands.

Why a loader of our own: YAML 1.1, which PyYAML implements, silently changes
values on the way in (``0042`` becomes 34, ``no`` becomes False, a duplicate
key overwrites the first). Content for a council must arrive exactly as typed,
so only a small, explicit set of implicit types is recognised:

* ``true`` / ``false`` are booleans; ``yes``, ``no``, ``on``, ``off`` stay text;
* integers are written without leading zeros or "+" (``0042`` and ``+31`` stay text);
* numbers with a decimal point become exact Decimals (``1234.56``), never floats;
* ``2021-03-18`` is a date, and one that does not exist is an error;
* ``null``, ``~`` and an empty value are "no value".

Everything else is text. Duplicate keys, explicit tags and oversized input are
reported as problems with their line and column.

Two parsers read the YAML; both give the same nodes, positions and problems. By
default libyaml's C parser is used when PyYAML was built with it (over ten times
faster); PyYAML's pure-Python parser reads whatever libyaml would read differently,
and every file libyaml refuses, so problems are always worded from PyYAML's
findings. Set the environment variable ``JEUGDDOCS_YAML=python`` (or pass
``parser="python"``) to use only the pure-Python parser, for instance to compare.
"""

from __future__ import annotations

import bisect
import codecs
import datetime
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import yaml
from yaml.composer import Composer
from yaml.error import Mark
from yaml.events import AliasEvent, Event, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner, ScannerError

from jeugddocs.errors import FieldPath, Problem, Severity, system_reason
from jeugddocs.format.describe import describe, quote

#: Largest content file accepted; a real raadsvoorstel is far below this.
MAX_BYTES = 2_000_000
_TOO_DEEP = "het bestand is te diep genest (lijsten of velden in elkaar); maak de structuur platter"
#: Longest number literal accepted (no amount or count comes near it).
_MAX_DIGITS = 30
# -- YAML counts these as line breaks and most editors do not; they come from copy-paste --
_UNICODE_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
_LINE_BREAK = re.compile("\n")
#: Longest single text value; a whole nota chapter is far below this.
MAX_TEXT = 100_000
#: Characters XML 1.0 (and so Word) cannot hold, which YAML escapes like "\x01" can produce.
_FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Most values a file may expand to, counting every alias use (bounds "billion laughs").
MAX_NODES = 200_000

PathKey = FieldPath

#: Which parser reads the YAML: libyaml's C parser when PyYAML has it, or PyYAML's own.
YamlParser = Literal["libyaml", "python"]
#: Environment variable that chooses the parser when a caller does not; "python" or "libyaml".
PARSER_VARIABLE = "JEUGDDOCS_YAML"

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_DATE = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _StrictResolver(BaseResolver):
    """Resolve only the implicit types listed in the module docstring."""


_StrictResolver.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# -- no leading "+": "+31 20 123 4567" is a phone number, and str() of an int would drop it --
_INTEGER = re.compile(r"^-?(?:0|[1-9][0-9]*)$")
_DECIMAL = re.compile(r"^-?(?:0|[1-9][0-9]*)\.[0-9]+$")
_StrictResolver.add_implicit_resolver(_INT, _INTEGER, list("-0123456789"))
_StrictResolver.add_implicit_resolver(_FLOAT, _DECIMAL, list("-0123456789"))
_StrictResolver.add_implicit_resolver(
    _NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
# -- recognised only to refuse it with a clear message: merging hides where values come from --
_StrictResolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])
_DATE_ONLY = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$")
_StrictResolver.add_implicit_resolver(_DATE, _DATE_ONLY, list("0123456789"))


class _Composer(Reader, Scanner, Parser, Composer, _StrictResolver):
    """Build YAML nodes (with their marks) and construct nothing by itself."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _StrictResolver.__init__(self)


class _Unsure(Exception):
    """libyaml may read this text differently from PyYAML; let the pure-Python parser decide."""


#: Characters libyaml treats differently (tabs as white space, a BOM at any line start, its
#: own column for a BOM, other line breaks), and characters both parsers refuse (where
#: libyaml names a byte offset). A text with any of these goes to PyYAML.
_LIBYAML_UNSURE_CHARACTER = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
#: Deeper than this, PyYAML's recursion decides whether the file is too deep.
_LIBYAML_MAX_DEPTH = 100

if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _LibyamlComposer(Composer, CParser, _StrictResolver):
        """PyYAML's own Composer and our resolver, over the events of libyaml's parser.

        The events carry the same marks (libyaml counts characters, like PyYAML), and
        composing in Python keeps anchors, aliases and their errors exactly PyYAML's. Where
        the two parsers are known to differ, :class:`_Unsure` hands the text to PyYAML.
        """

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            Composer.__init__(self)
            _StrictResolver.__init__(self)
            self.depth = 0
            # -- libyaml moves past a last line without "\n" to the next line; PyYAML stays --
            self.last: Mark | None = None
            if not text.endswith("\n"):
                line, column = line_column(text, len(text))
                self.last = Mark("<unicode string>", len(text), line - 1, column - 1, None, 0)

        def compose_node(self, parent: Node | None, index: int) -> Node | None:
            event = self.peek_event()
            if isinstance(event, AliasEvent):
                # -- the anchored node as it is, perhaps still being composed (&a [*a]) --
                return super().compose_node(parent, index)
            _refuse_unsure(event, parent)
            self.depth += 1
            if self.depth > _LIBYAML_MAX_DEPTH:
                raise _Unsure
            node = super().compose_node(parent, index)
            self.depth -= 1
            if node is not None and self.last is not None:
                self._stay_on_last_line(node, self.last)
            return node

        def _stay_on_last_line(self, node: Node, last: Mark) -> None:
            if node.start_mark.index == last.index:
                node.start_mark = last
            if node.end_mark.index == last.index:
                node.end_mark = last


def _refuse_unsure(event: Event | None, parent: Node | None) -> None:
    """Raise :class:`_Unsure` for a node libyaml may read differently from PyYAML.

    That is a node with an explicit tag (libyaml resolves a lone "!" on an empty value
    differently), and, inside [ ] or { }, a plain scalar with a "?" (PyYAML ends the
    scalar there) or an empty one (PyYAML marks it right after the ':' or '?', libyaml
    at the next token).
    """
    if getattr(event, "tag", None) is not None:
        raise _Unsure
    if (
        isinstance(event, ScalarEvent)
        and event.style == ""
        and (event.value == "" or "?" in event.value)
        and isinstance(parent, MappingNode | SequenceNode)
        and parent.flow_style
    ):
        raise _Unsure


def line_column(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column of character ``index`` in ``text``.

    >>> line_column("a: 1\\nbc: 2", 6)
    (2, 2)
    """
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def strings_in(value: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Yield every text in loaded data with its path, depth first."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, (*path, index))


@dataclass(frozen=True)
class Position:
    """Where a value stands: 1-based line and column, and its character span."""

    line: int
    column: int
    start: int
    end: int

    @classmethod
    def of(cls, node: Node) -> Position:
        mark, end = node.start_mark, node.end_mark
        return cls(mark.line + 1, mark.column + 1, mark.index, end.index)


#: The position of a value in content that has none (a dict from a form or a program).
NOWHERE = Position(0, 0, 0, 0)


class Occurrences:
    """Where fragments start in (part of) a text, overlapping ones included, in order.

    Why not ``str.find`` per fragment: a long text with thousands of different
    fragments to place ("{{ post_1 | euro }}", "[^17]") would be read from its start
    once per fragment. Here every piece of the text that has a fragment's first
    character and length is listed in one pass, which serves every such fragment.
    """

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.text = text
        self.start = start
        self.end = len(text) if end is None else end
        #: (first character, length) → each such piece of the text → where it starts.
        self._pieces: dict[tuple[str, int], dict[str, list[int]]] = {}

    def of(self, fragment: str) -> list[int]:
        """Return every index where ``fragment`` starts inside ``text[start:end]``."""
        key = (fragment[0], len(fragment))
        pieces = self._pieces.get(key)
        if pieces is None:
            pieces = self._pieces[key] = {}
            stop = self.end - len(fragment) + 1  # -- beyond the last place a piece fits --
            # -- a stop below zero would count from the end: nothing fits, nothing found --
            at = self.text.find(fragment[0], self.start, stop) if stop > self.start else -1
            while at >= 0:
                pieces.setdefault(self.text[at : at + len(fragment)], []).append(at)
                at = self.text.find(fragment[0], at + 1, stop)
        return pieces.get(fragment, [])


@dataclass
class Source:
    """Loaded content: its data, its text, and where every value stands.

    Content given as data has no text and no positions (``positioned`` is False);
    its problems are placed by field path only.
    """

    path: str
    text: str
    data: Any
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)
    positioned: bool = True
    _line_breaks: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _occurrences: dict[tuple[int, int], Occurrences] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def value_position(self, path: PathKey) -> Position:
        """Return the position of the value at ``path``, or of its nearest ancestor."""
        if not self.positioned:
            return NOWHERE
        for n in range(len(path), -1, -1):
            if path[:n] in self.values:
                return self.values[path[:n]]
        return Position(1, 1, 0, 0)

    def key_position(self, path: PathKey) -> Position:
        """Return the position of the key that names ``path`` (its value's, for list items)."""
        return self.keys.get(path) or self.value_position(path)

    def fragment_position(self, path: PathKey, fragment: str, occurrence: int = 0) -> Position:
        """Return where ``fragment`` (its n-th occurrence) stands inside the value at ``path``.

        Falls back to the value's own position when the fragment is not found as
        typed (for instance when YAML folding joined it across lines).
        """
        position = self.value_position(path)
        if not self.positioned:
            return position
        start, end = position.start, position.end
        # -- a block scalar's first line is its header ("|  # opmerking"), not its text --
        if self.text[start : start + 1] in ("|", ">"):
            header_end = self.text.find("\n", start, end)
            start = header_end + 1 if header_end >= 0 else start
        occurrences = self._occurrences.get((start, end))
        if occurrences is None:
            occurrences = self._occurrences[start, end] = Occurrences(self.text, start, end)
        found = occurrences.of(fragment)
        if occurrence >= len(found):
            return position
        index = found[occurrence]
        line, column = self.line_column(index)
        return Position(line, column, index, index + len(fragment))

    def line_column(self, index: int) -> tuple[int, int]:
        """Return the 1-based line and column of character ``index`` of the text.

        The same as :func:`line_column`, without counting from the start of the text
        each time: the line breaks are found once.
        """
        if self._line_breaks is None:
            self._line_breaks = [match.start() for match in _LINE_BREAK.finditer(self.text)]
        line = bisect.bisect_left(self._line_breaks, index)
        return line + 1, index - (self._line_breaks[line - 1] if line else -1)

    def problem(
        self,
        position: Position,
        message: str,
        severity: Severity = "fout",
        path: PathKey = (),
    ) -> Problem:
        return Problem(self.path, position.line, position.column, message, severity, path)


class _Builder:
    """Turn composed nodes into plain Python data, collecting problems as it goes."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.count = 0

    def build(self, node: Node, path: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        self.source.values.setdefault(path, Position.of(node))
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                self._bad_tag(node, path)
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: PathKey) -> Any:
        if node.flow_style and self.source.text.startswith("{{", node.start_mark.index):
            # -- "gemeente: {{ naam }}" unquoted: YAML reads a mapping in a mapping --
            self._add(
                node,
                "een waarde die met '{{' begint, leest YAML als velden; zet de hele waarde "
                'tussen aanhalingstekens, zoals "{{ naam | euro }} extra"',
                path,
            )
            return _INVALID
        if node.tag != _MAP:
            self._bad_tag(node, path)
        rv: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._add(
                    key_node,
                    "samenvoegen met '<<' wordt niet ondersteund; schrijf de velden uit",
                    path,
                )
                continue
            key = self._scalar(key_node, path) if isinstance(key_node, ScalarNode) else None
            if isinstance(key, int) and not isinstance(key, bool):
                # -- footnote numbers are natural keys; our loader never reads "01" as 1 --
                key = str(key)
            problem = key_problem(key)
            if problem:
                self._add(key_node, problem, path)
            if not isinstance(key, str) or not (key := visible(key)):
                continue
            if key in first_seen:
                self._add(
                    key_node,
                    f"het veld '{quote(key)}' staat hier voor de tweede keer (eerder op regel "
                    f"{first_seen[key]}); verwijder een van beide",
                    (*path, key),
                )
                continue
            first_seen[key] = key_node.start_mark.line + 1
            self.source.keys[(*path, key)] = Position.of(key_node)
            rv[key] = self.build(value_node, (*path, key))
        return rv

    def _scalar(self, node: ScalarNode, path: PathKey) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            problem = text_problem(text)
            if problem:
                self._add(node, problem, path)
                return _INVALID
            return text
        # -- "!!int 0042" or "!!float .inf" (explicit tags) fall through to a problem below --
        if tag == _INT and _INTEGER.match(text):
            if len(text) > _MAX_DIGITS:
                self._add(node, f"dit getal heeft meer dan {_MAX_DIGITS} cijfers; klopt het?", path)
                return _INVALID
            return int(text)
        if tag == _FLOAT and _DECIMAL.match(text):
            return Decimal(text)
        if tag == _BOOL:
            return text.lower() == "true"
        if tag == _NULL:
            return None
        if tag == _DATE:
            if not _DATE_ONLY.match(text):
                self._add(
                    node,
                    f"verwacht een datum zonder tijd, zoals 2021-03-18, maar hier staat "
                    f"'{quote(text)}'; schrijf alleen jaar-maand-dag",
                    path,
                )
                return _INVALID
            try:
                year, month, day = (int(part) for part in text.split("-"))
                return datetime.date(year, month, day)
            except ValueError:
                self._add(
                    node,
                    f"de datum {text} bestaat niet; schrijf een bestaande datum als "
                    "jaar-maand-dag, bijvoorbeeld 2021-03-18",
                    path,
                )
                return _INVALID
        self._bad_tag(node, path)
        return _INVALID

    def _bad_tag(self, node: Node, path: PathKey) -> None:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self._add(
            node,
            f"de YAML-tag {tag} is niet toegestaan; content is alleen tekst, getallen, "
            "datums, lijsten en velden. Verwijder de tag",
            path,
        )

    def _add(self, node: Node, message: str, path: PathKey) -> None:
        self.problems.append(self.source.problem(Position.of(node), message, path=path))


#: Characters that show as nothing: a field name with one looks right and is not.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def key_problem(key: object) -> str | None:
    """Return what makes ``key`` unusable as a field name (however it arrived), or None."""
    if key is None or key == "":
        return "hier staat een ':' zonder veldnaam ervoor; schrijf een naam, zoals 'kern:'"
    if not isinstance(key, str):
        return (
            f"een veldnaam moet tekst zijn, niet {describe(key)}; schrijf een naam van "
            "letters, zoals 'kern', gevolgd door ':'"
        )
    invisible = _INVISIBLE.search(key)
    if invisible:
        return (
            f"de veldnaam '{quote(key)}' bevat een onzichtbaar teken "
            f"(U+{ord(invisible.group()):04X}); typ de naam opnieuw"
        )
    return None


def visible(key: str) -> str:
    """A field name without its invisible characters, so that one mistake gives one problem."""
    return _INVISIBLE.sub("", key) if _INVISIBLE.search(key) else key


def _separator_message(character: str) -> str:
    return (
        f"onzichtbaar regelscheidingsteken (U+{ord(character):04X}); vervang het "
        "door een gewone nieuwe regel of een spatie"
    )


def text_problem(text: str) -> str | None:
    """Return what makes ``text`` unusable in a document (however it arrived), or None."""
    bad = _FORBIDDEN_CHARACTER.search(text)
    if bad:
        return (
            f"deze tekst bevat een stuurteken (U+{ord(bad.group()):04X}) dat niet in een "
            "Word-document kan; haal het weg"
        )
    separator = _UNICODE_LINE_BREAK.search(text)
    if separator:
        return _separator_message(separator.group())
    if len(text) > MAX_TEXT:
        return (
            f"deze tekst is {len(text)} tekens lang; de grens is {MAX_TEXT}. Zet lange "
            "stukken in een bijlage"
        )
    return None


class _Invalid:
    """Stands in for a value the loader already reported, so validation skips it."""

    def __repr__(self) -> str:
        return "<ongeldig>"


_INVALID = _Invalid()


class _TooLarge(Exception):
    pass


def is_reported(value: object) -> bool:
    """Return True for a value the loader has already reported as a problem."""
    return value is _INVALID


def source_from_data(data: object, name: str) -> tuple[Source, list[Problem]]:
    """Take content given as data (a dict from a form, JSON or a program) as a Source.

    The same checks as for YAML apply where they concern values rather than syntax:
    field names are text, texts hold no characters Word cannot store and are not too
    long, numbers are not absurdly long, and the whole is bounded in size. The data is
    copied, so later changes by the caller do not reach a validated document.
    """
    source = Source(name, "", None, positioned=False)
    problems: list[Problem] = []
    count = 0

    def copy(value: object, path: PathKey) -> Any:
        nonlocal count
        count += 1
        if count > MAX_NODES:
            raise _TooLarge
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                problems.append(source.problem(NOWHERE, problem, path=path))
                return _INVALID
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            if abs(value) >= 10**_MAX_DIGITS:  # -- str() of a huge int raises, so compare --
                message = f"dit getal heeft meer dan {_MAX_DIGITS} cijfers; klopt het?"
                problems.append(source.problem(NOWHERE, message, path=path))
                return _INVALID
            return value
        if isinstance(value, list | tuple):
            return [copy(item, (*path, index)) for index, item in enumerate(value)]
        if isinstance(value, dict):
            rv: dict[str, Any] = {}
            for key, item in value.items():
                if isinstance(key, int) and not isinstance(key, bool):
                    key = str(key)  # -- footnote numbers, as the YAML loader reads them --
                problem = key_problem(key)
                if problem:
                    problems.append(source.problem(NOWHERE, problem, path=path))
                if not isinstance(key, str) or not (key := visible(key)):
                    continue
                rv[key] = copy(item, (*path, key))
            return rv
        return value

    try:
        source.data = copy(data, ())
    except RecursionError:
        return source, [Problem(name, 0, 0, _TOO_DEEP)]
    except _TooLarge:
        return source, [Problem(name, 0, 0, f"de gegevens bevatten meer dan {MAX_NODES} waarden")]
    return source, problems


def load_source(
    path: Path, display_name: str | None = None, parser: YamlParser | None = None
) -> tuple[Source, list[Problem]]:
    """Read the YAML file at ``path`` into a Source and the problems found while reading.

    The Source's data is usable (for validation) whenever the YAML could be parsed;
    values that were themselves problems are replaced by a marker that
    :func:`is_reported` recognises. ``parser`` chooses the YAML parser (see the module
    docstring); by default the environment variable ``JEUGDDOCS_YAML`` does.
    """
    name = display_name or str(path)
    try:
        raw = _read_regular_file(path)
    except _Unreadable as exc:
        return Source(name, "", None), [Problem(name, 1, 1, str(exc))]
    return load_text_bytes(raw, name, parser)


class _Unreadable(Exception):
    """A content file that cannot be read; the message says why, in Dutch."""


def _read_regular_file(path: Path) -> bytes:
    """Read a regular file of at most MAX_BYTES (+1, to know it is larger).

    Anything else is refused before it is opened: a pipe would block forever, and a
    device such as /dev/zero never ends.
    """
    try:
        status = path.stat()
    except OSError as exc:
        raise _Unreadable(f"het bestand kan niet worden gelezen ({system_reason(exc)})") from None
    if stat.S_ISDIR(status.st_mode):
        raise _Unreadable("dit is een map, geen bestand; geef een .yaml-bestand of de map zelf")
    if not stat.S_ISREG(status.st_mode):
        raise _Unreadable(
            "dit is geen gewoon bestand (maar een pijp, apparaat of socket); geef een .yaml-bestand"
        )
    if status.st_size > MAX_BYTES:
        raise _Unreadable(_too_large())
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _Unreadable(f"het bestand kan niet worden gelezen ({system_reason(exc)})") from None


def _too_large() -> str:
    return (
        f"het bestand is groter dan {MAX_BYTES // 1_000_000} MB; "
        "splits het op of haal ingeplakte gegevens weg"
    )


def load_text_bytes(
    raw: bytes, name: str, parser: YamlParser | None = None
) -> tuple[Source, list[Problem]]:
    """Like :func:`load_source`, for content that is already in memory."""
    empty = Source(name, "", None)
    if len(raw) > MAX_BYTES:
        return empty, [Problem(name, 1, 1, _too_large())]
    if _looks_like_utf16_or_32(raw):
        return empty, [
            Problem(
                name,
                1,
                1,
                "dit bestand is opgeslagen als UTF-16 (of UTF-32), niet als UTF-8; sla het op "
                "met codering UTF-8 (in Kladblok: Opslaan als, Codering: UTF-8)",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        valid = raw[: exc.start].decode("utf-8-sig")  # -- valid up to the bad byte --
        line, column = line_column(valid, len(valid))
        return empty, [
            Problem(
                name,
                line,
                column,
                "dit is geen geldige UTF-8-tekst; sla het bestand op met codering UTF-8",
            )
        ]
    # -- one kind of line break, so every line and column we report is the one editors show --
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    separator = _UNICODE_LINE_BREAK.search(text)
    if separator:
        line, column = line_column(text, separator.start())
        message = _separator_message(separator.group())
        return Source(name, text, None), [Problem(name, line, column, message)]
    source = Source(name, text, None)
    try:
        node = _compose(text, parser or _chosen_parser())
    except RecursionError:
        return source, [Problem(name, 1, 1, _TOO_DEEP)]
    except yaml.MarkedYAMLError as exc:
        return source, [_syntax_problem(name, exc)]
    except ReaderError as exc:
        return source, [_reader_problem(name, text, exc)]
    if node is None:
        return source, [
            Problem(
                name,
                1,
                1,
                "het bestand is leeg; begin met 'soort:' en "
                "'gemeente:', of maak een voorbeeld met 'jeugddocs new'",
            )
        ]
    builder = _Builder(source)
    try:
        source.data = builder.build(node, ())
    except RecursionError:
        return source, [Problem(name, 1, 1, _TOO_DEEP)]
    except _TooLarge:
        return source, [
            Problem(
                name,
                1,
                1,
                f"het bestand breidt uit tot meer dan {MAX_NODES} waarden "
                "(te veel of geneste verwijzingen met '*'); schrijf de waarden uit",
            )
        ]
    return source, builder.problems


def _looks_like_utf16_or_32(raw: bytes) -> bool:
    """Recognise text saved as UTF-16 or UTF-32, with or without its byte order mark.

    Without a mark, such text is YAML's ASCII with a zero byte beside every character:
    read as UTF-8 it would be reported as hundreds of control characters.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    sample = raw[:400]
    if len(sample) < 8:
        return False
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(zeros_even, zeros_odd) > len(sample) // 4


def _chosen_parser() -> YamlParser:
    """Return the parser ``JEUGDDOCS_YAML`` asks for: "python", or else libyaml if present."""
    if os.environ.get(PARSER_VARIABLE, "").strip().lower() == "python":
        return "python"
    return "libyaml" if yaml.__with_libyaml__ else "python"


def _compose(text: str, parser: YamlParser) -> Node | None:
    """Compose with libyaml when asked and present, and with PyYAML whenever it is unsure.

    Any error on the libyaml side also goes to PyYAML: errors are rare, only valid files
    need the speed, and PyYAML's findings are what the Dutch messages are written for.
    """
    if parser == "libyaml" and yaml.__with_libyaml__:
        try:
            return _compose_libyaml(text)
        except (yaml.YAMLError, RecursionError, _Unsure):
            pass  # -- rare: PyYAML decides, and its findings word the problem --
    return _compose_python(text)


def _compose_libyaml(text: str) -> Node | None:
    """Compose with libyaml; raise :class:`_Unsure` where PyYAML might read otherwise."""
    if _LIBYAML_UNSURE_CHARACTER.search(text) or _comment_right_after_header(text):
        raise _Unsure
    return _LibyamlComposer(text).get_single_node()


def _comment_right_after_header(text: str) -> bool:
    """Return True if a '#' follows a block scalar header without a space ("|#", ">-#").

    libyaml reads that '#' as a comment, PyYAML refuses it. Looking only at each '#' is
    many times faster than a regular expression over the whole text.
    """
    index = text.find("#")
    while index >= 0:
        start = index
        while start > 0 and text[start - 1] in "-+0123456789":
            start -= 1
        if start > 0 and text[start - 1] in "|>":
            return True
        index = text.find("#", index + 1)
    return False


def _compose_python(text: str) -> Node | None:
    loader = _Composer(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    except ValueError as exc:
        # -- PyYAML's scanner passes an escape beyond U+10FFFF ("\U00110000") to chr() --
        raise ScannerError(
            "while scanning a double-quoted scalar",
            None,
            "found unknown escape character (beyond U+10FFFF)",
            loader.get_mark(),
        ) from exc
    finally:
        loader.dispose()


# -- PyYAML's English problem texts, each with a Dutch explanation and a fix --
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "een tab mag niet in de inspringing; gebruik spaties"),
    (
        "mapping values are not allowed",
        "hier staat een ':' die YAML niet verwacht; zet tekst met "
        "een dubbele punt tussen aanhalingstekens, of controleer de inspringing",
    ),
    (
        "could not find expected ':'",
        "er ontbreekt een ':' na een veldnaam, of de inspringing klopt niet",
    ),
    (
        "expected ',' or ']'",
        "een lijst tussen [ en ] is niet goed afgesloten; controleer de komma's en de ']'",
    ),
    (
        "expected ',' or '}'",
        "een groep tussen { en } is niet goed afgesloten; controleer de komma's en de '}'",
    ),
    (
        "that cannot start any token",
        "dit teken kan geen waarde beginnen (zoals @, ` of %); "
        "zet de tekst tussen aanhalingstekens",
    ),
    (
        "sequence entries are not allowed here",
        "een lijst-item ('- ') mag hier niet; zet het "
        "op een eigen regel onder het veld, of zet de tekst tussen aanhalingstekens",
    ),
    (
        "mapping keys are not allowed here",
        "een '?' mag hier niet; zet de tekst tussen aanhalingstekens",
    ),
    (
        "expected '<document start>'",
        "dit ziet er niet uit als velden (naam: waarde); "
        "controleer de eerste regels van het bestand",
    ),
    ("found duplicate anchor", "dezelfde anker-naam ('&') staat twee keer in het bestand"),
    ("found undefined alias", "een verwijzing met '*' noemt een anker dat niet bestaat"),
    (
        "expected <block end>, but found '<scalar>'",
        "na een waarde tussen aanhalingstekens staat nog tekst; zet de hele tekst tussen de "
        "aanhalingstekens",
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet: deze regel springt anders in dan de regels erboven",
    ),
    (
        "found unexpected end of stream",
        "het bestand houdt midden in een waarde op; controleer of "
        "alle aanhalingstekens en haakjes gesloten zijn",
    ),
    (
        "expected a single document",
        "het bestand bevat meer dan één document ('---'); zet elk document in een eigen bestand",
    ),
    (
        "found unknown escape character",
        "onbekende escape met '\\' in tekst tussen dubbele "
        "aanhalingstekens; gebruik enkele aanhalingstekens",
    ),
    ("while scanning a quoted scalar", "tekst tussen aanhalingstekens wordt niet afgesloten"),
)


def _reader_problem(name: str, text: str, exc: ReaderError) -> Problem:
    # -- the reader counts characters; a BOM was already stripped by decoding --
    line, column = line_column(text, min(exc.position, len(text)))
    return Problem(
        name,
        line,
        column,
        f"onzichtbaar stuurteken (U+{exc.character:04X}) in het bestand; haal het weg (het komt "
        "vaak mee bij kopiëren uit een ander programma)"
        if isinstance(exc.character, int)
        else "het bestand bevat een teken dat niet kan",
    )


def _syntax_problem(name: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    english = f"{exc.context or ''} {exc.problem or ''}"
    for needle, dutch in _SYNTAX_HINTS:
        if needle in english:
            return Problem(name, line, column, f"YAML-fout: {dutch}")
    return Problem(
        name,
        line,
        column,
        f"YAML-fout: het bestand is hier niet te lezen ({english.strip()}); controleer "
        "aanhalingstekens, dubbele punten en inspringing",
    )
