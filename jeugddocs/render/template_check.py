"""Checking a Word template before any document is rendered with it, all problems at once.

What compiling finds (see :mod:`.compiled` and :mod:`.contract`): Jinja syntax errors,
tags that load other templates, missing styles, an unreadable part. Added here, read
from the template's Jinja tree and its text as the editor sees it in Word:

- tags Word split so that they are no tags any more (Jinja sees text, and the
  document would show ``{{ onderwerp }}`` itself);
- fields the documents of that kind do not have (names and attribute chains, with
  loop variables, ``set`` variables and macro arguments followed), compared with the
  same list ``jeugddocs velden`` shows (:mod:`.fields`); and
- filters the template environment does not have.

Every problem is placed at its paragraph or table cell, as :mod:`.locate` places them.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import TemplateSyntaxError, nodes

from jeugddocs.errors import Problem
from jeugddocs.render import guard, locate
from jeugddocs.render.calls import COLLECTION_METHODS, DATE_METHODS, MARKUP_METHODS
from jeugddocs.render.compiled import compile_part, environment_of_templates
from jeugddocs.render.contract import read_contract
from jeugddocs.render.environment import filter_descriptions
from jeugddocs.render.fields import Shape, View, views_of
from jeugddocs.render.package import read_parts

# -- a whole tag as the editor sees it in Word --
_VISIBLE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
# -- text Word does not show: deleted text of tracked changes, field codes --
_HIDDEN_TEXT = re.compile(r"<w:(delText|instrText)\b[^>]*>.*?</w:\1>")
_XML_TAG = re.compile(r"<[^>]+>")
_TAG_MARK = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_TAG_BEGINS = ("variable_begin", "block_begin", "comment_begin")
# -- names Jinja itself gives inside loops and macros --
_LOCALS = ("loop", "caller", "varargs", "kwargs")
# -- what a value of each type has besides fields: the methods the sandbox allows on it --
_TEXT_TYPES = (
    "tekst",
    "tekstregel",
    "alinea's",
    "tabel",
    "secties",
    "inhoudsopgave",
    "nummerlijst",
    "afbeelding",
)
_ATTRIBUTES: dict[str, frozenset[str]] = {
    **dict.fromkeys(_TEXT_TYPES, MARKUP_METHODS),
    "datum": DATE_METHODS | {"year", "month", "day"},
    "lijst": COLLECTION_METHODS,
    "onderdeel": COLLECTION_METHODS,
    "per naam": COLLECTION_METHODS,
}
#: Syntax errors a part may have before the check stops reading it for fields.
_SYNTAX_ERRORS = 20


def check_template(path: Path, soort: str | None) -> list[Problem]:
    """Return every problem of the Word template at ``path``, a template for ``soort``.

    Without a ``soort`` (a file named after no kind) the fields are not checked.
    """
    name = str(path)
    try:
        blob = path.read_bytes()
    except OSError as exc:
        return [Problem(name, 1, 1, f"het sjabloon kan niet worden gelezen ({exc.strerror})")]
    try:
        parts = read_parts(blob)
    except Exception as exc:
        return [
            Problem(name, 1, 1, f"het sjabloon kan niet worden gelezen als Word-bestand: {exc}")
        ]
    contract = read_contract(blob, parts, name)
    problems = set(contract.problems)
    views = views_of(soort) if soort is not None else ()
    for part, source in contract.sources.items():
        if part in contract.unclosed:
            continue
        _, compiled = compile_part(source, name)
        problems.update(compiled)
        problems.update(_check_source(name, source, views))
    return sorted(problems)


def _check_source(name: str, source: str, views: Sequence[View]) -> list[Problem]:
    """The problems of one part's Jinja source that compiling does not find."""
    lines = locate.paragraphs(source)
    cells = locate.cells(source)
    readable = _readable(source)
    if readable is None:  # -- compile_part has reported why the source cannot be read --
        return []
    source, tree = readable
    problems = [
        locate.message_at(name, message, lines, lineno, cells)
        for lineno, message in _split_tags(source)
    ]
    try:
        # -- include, extends, huge numbers after a syntax error: compile_part stopped there --
        _, refused = guard.prepare(environment_of_templates(), source)
    except Exception:
        refused = []
    problems += [locate.problem_at(name, tag, lines, tag.lineno, cells) for tag in refused]
    known = filter_descriptions()
    problems += [
        locate.message_at(name, locate.unknown_filter(node.name, known), lines, node.lineno, cells)
        for node in tree.find_all(nodes.Filter)
        if node.name not in known
    ]
    problems += [
        locate.message_at(name, message, lines, lineno, cells)
        for lineno, message in _unknown_fields(tree, views)
    ]
    return problems


def _readable(source: str) -> tuple[str, nodes.Template] | None:
    """Return the source with its paragraphs that have syntax errors made plain text, parsed.

    compile_part reports the first syntax error; the paragraphs after it are still
    checked for fields and filters, so an editor sees those problems in the same run.
    """
    env = environment_of_templates()
    for _ in range(_SYNTAX_ERRORS):
        try:
            return source, env.parse(source)
        except TemplateSyntaxError as exc:
            lines = source.splitlines()
            index = (exc.lineno or 1) - 1
            if not 0 <= index < len(lines) or not _TAG_MARK.search(lines[index]):
                return None
            lines[index] = _TAG_MARK.sub(lambda mark: " ".join(mark.group()), lines[index])
            source = "\n".join(lines)
        except Exception:  # -- too deep, too long: nothing to read fields from --
            return None
    return None


def _split_tags(source: str) -> list[tuple[int, str]]:
    """Find paragraphs where the editor sees a tag that Jinja does not read as one.

    Word keeps a tag in pieces (runs) when its formatting changes halfway or a change
    is tracked in it; the compiler joins pieces with only Word's markup between them,
    so what is left here had something else between them: deleted text, an invisible
    character.
    """
    env = environment_of_templates()
    read: Counter[int] = Counter()
    raw = False
    try:
        for lineno, kind, value in env.lex(source):
            if kind in _TAG_BEGINS:
                read[lineno] += 1
            elif kind in ("raw_begin", "raw_end"):
                raw = kind == "raw_begin"
            elif raw and kind == "data":  # -- {% raw %}{{ shown as is }}{% endraw %} --
                read[lineno] += len(_VISIBLE_TAG.findall(value))
    except JinjaTemplateError:  # -- a syntax error, reported by compile_part --
        return []
    found = []
    for index, line in enumerate(source.splitlines()):
        text = _XML_TAG.sub("", _HIDDEN_TEXT.sub("", line))
        shown = "".join(c for c in text if unicodedata.category(c) != "Cf" and c != "\u00ad")
        if len(_VISIBLE_TAG.findall(shown)) > read[index + 1]:
            found.append(
                (
                    index + 1,
                    "Word heeft een tag in deze alinea zo in stukken gedeeld dat hij niet als "
                    "tag wordt gelezen (er staat bijgehouden verwijderde tekst of een onzichtbaar "
                    "teken tussen); selecteer de tag en typ hem opnieuw in één keer",
                )
            )
    return found


@dataclass(frozen=True)
class _Unknown:
    """A field a view does not have: as the template writes it, and what was there."""

    lineno: int
    written: str
    #: The names there are at that place (for "bedoelde u …?").
    known: tuple[str, ...]
    #: Where the chain comes from when it starts at a loop variable: ``argumenten[]``.
    origin: str = ""
    #: The type of what has no such field, when it has no fields at all ("tekstregel").
    kind: str = ""


def _unknown_fields(tree: nodes.Template, views: Sequence[View]) -> list[tuple[int, str]]:
    """Return each field the template asks for that a document of its kind lacks."""
    if not views:
        return []
    missing: dict[tuple[int, str], tuple[_Unknown, list[str]]] = {}
    for view in views:
        walker = _Walker(view.velden)
        try:
            walker.template(tree)
        except (RecursionError, MemoryError):  # -- too deep a tag, reported by compile_part --
            return []
        for unknown in walker.unknown:
            missing.setdefault((unknown.lineno, unknown.written), (unknown, []))[1].append(
                view.naam
            )
    names = [view.naam for view in views]
    return [
        (unknown.lineno, _message(unknown, lacking, names)) for unknown, lacking in missing.values()
    ]


def _message(unknown: _Unknown, lacking: list[str], views: list[str]) -> str:
    written = unknown.written
    if len(lacking) < len(views):
        having = [name for name in views if name not in lacking]
        return (
            f"het veld '{written}' bestaat niet in een {' of '.join(lacking)}, wel in een "
            f"{' of '.join(having)}; gebruik het alleen binnen {{% if {written} is defined %}}"
        )
    last = written.rsplit(".", 1)[-1]
    close = difflib.get_close_matches(last, unknown.known, n=1)
    prefix = written[: -len(last)]
    hint = f"; bedoelde u '{prefix}{close[0]}'?" if close else ""
    if unknown.kind:
        owner = written.rsplit(".", 1)[0]
        return (
            f"'{written}' bestaat niet: '{owner}' is een {unknown.kind}, zonder velden; "
            "'jeugddocs velden <soort>' toont alle velden"
        )
    if unknown.origin:
        items = unknown.origin.removesuffix("[]")
        where = f" (elk onderdeel van '{items}' heeft: {', '.join(unknown.known)})"
    elif "." in written:
        where = f" (daar staan: {', '.join(unknown.known)})"
    else:
        where = ""
    return (
        f"het veld '{written}' bestaat niet{where}{hint}; 'jeugddocs velden <soort>' toont alle "
        "velden"
    )


@dataclass
class _Bound:
    """A name bound in the template: its shape if known, and where it comes from."""

    shape: Shape | None
    origin: str = ""


Scope = dict[str, _Bound]


@dataclass
class _Walker:
    """Walks a template's tree, following what each name is, and notes unknown fields."""

    fields: Mapping[str, Shape]
    unknown: list[_Unknown] = field(default_factory=list)

    def template(self, tree: nodes.Template) -> None:
        # -- macros may be called before the tag that defines them --
        scope: Scope = {macro.name: _Bound(None) for macro in tree.find_all(nodes.Macro)}
        self.body(tree.body, [scope], frozenset())

    def body(
        self, statements: list[nodes.Node], scopes: list[Scope], guards: frozenset[str]
    ) -> None:
        for statement in statements:
            self.statement(statement, scopes, guards)

    def statement(self, node: nodes.Node, scopes: list[Scope], guards: frozenset[str]) -> None:
        if isinstance(node, nodes.For):
            shape, origin = self.expr(node.iter, scopes, guards)
            item = shape.item if shape is not None else None
            inner: Scope = {"loop": _Bound(None)}
            self.bind(node.target, _Bound(item, f"{origin}[]" if origin else ""), inner)
            if node.test is not None:
                self.expr(node.test, [*scopes, inner], guards)
            self.body(node.body, [*scopes, inner], guards)
            self.body(node.else_, scopes, guards)
        elif isinstance(node, nodes.If):
            self.expr(node.test, scopes, guards)
            self.body(node.body, scopes, guards | _defined(node.test))
            for branch in node.elif_:
                self.statement(branch, scopes, guards)
            self.body(node.else_, scopes, guards)
        elif isinstance(node, nodes.Assign):
            shape, origin = self.expr(node.node, scopes, guards)
            self.bind(node.target, _Bound(shape, origin), scopes[-1])
        elif isinstance(node, nodes.AssignBlock):
            self.body(node.body, scopes, guards)
            self.bind(node.target, _Bound(None), scopes[-1])
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            if isinstance(node, nodes.CallBlock):
                self.expr(node.call, scopes, guards)
            else:
                scopes[-1][node.name] = _Bound(None)
            for default in node.defaults:
                self.expr(default, scopes, guards)
            inner = {name: _Bound(None) for name in _LOCALS}
            for argument in node.args:
                self.bind(argument, _Bound(None), inner)
            self.body(node.body, [*scopes, inner], guards)
        elif isinstance(node, nodes.With):
            inner = {}
            for target, value in zip(node.targets, node.values, strict=False):
                shape, origin = self.expr(value, scopes, guards)
                self.bind(target, _Bound(shape, origin), inner)
            self.body(node.body, [*scopes, inner], guards)
        elif isinstance(node, nodes.Expr):
            self.expr(node, scopes, guards)
        else:
            for child in node.iter_child_nodes():
                self.statement(child, scopes, guards)

    def bind(self, target: nodes.Node, bound: _Bound, scope: Scope) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = bound
        else:  # -- a, b = …; each part is not known --
            for name in target.find_all(nodes.Name):
                scope[name.name] = _Bound(None)

    def expr(
        self, node: nodes.Node, scopes: list[Scope], guards: frozenset[str], lenient: bool = False
    ) -> tuple[Shape | None, str]:
        """Check ``node``; return the shape of its value where known, and its field path."""
        if isinstance(node, nodes.Name):
            if node.ctx != "load":
                return None, ""
            for scope in reversed(scopes):
                if node.name in scope:
                    return scope[node.name].shape, scope[node.name].origin
            if node.name in self.fields:
                return self.fields[node.name], node.name
            if not lenient and node.name not in guards:
                self.unknown.append(_Unknown(node.lineno, node.name, tuple(self.fields)))
            return None, ""
        if isinstance(node, nodes.Getattr):
            return self.member(node.node, node.attr, node, scopes, guards, lenient)
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.member(node.node, node.arg.value, node, scopes, guards, lenient)
            shape, origin = self.expr(node.node, scopes, guards, lenient)
            self.expr(node.arg, scopes, guards)
            if shape is not None and shape.item is not None:
                return shape.item, f"{origin}[]"
            return None, ""
        if isinstance(node, nodes.Filter | nodes.Test):
            tolerant = node.name in ("default", "defined", "undefined")
            shape, origin = (
                self.expr(node.node, scopes, guards, lenient or tolerant)
                if node.node is not None
                else (None, "")
            )
            arguments: list[nodes.Node | None] = [*node.args, *node.kwargs]
            for argument in [*arguments, node.dyn_args, node.dyn_kwargs]:
                if argument is not None:
                    self.expr(argument, scopes, guards)
            if isinstance(node, nodes.Filter) and node.name in ("first", "last") and shape:
                return shape.item, f"{origin}[]" if shape.item is not None else ""
            return None, ""
        for inner in node.iter_child_nodes():
            self.expr(inner, scopes, guards, lenient)
        return None, ""

    def member(
        self,
        base: nodes.Node,
        name: str,
        node: nodes.Node,
        scopes: list[Scope],
        guards: frozenset[str],
        lenient: bool,
    ) -> tuple[Shape | None, str]:
        shape, origin = self.expr(base, scopes, guards, lenient)
        if shape is None:
            return None, ""
        path = f"{origin}.{name}"
        if shape.velden:
            if name in shape.velden:
                return shape.velden[name], path
            if name not in COLLECTION_METHODS:
                written = _written(node)
                if not lenient and written not in guards:
                    loop_item = origin.endswith("[]") and not written.startswith(origin)
                    self.unknown.append(
                        _Unknown(
                            node.lineno,
                            written,
                            tuple(shape.velden),
                            origin if loop_item else "",
                        )
                    )
            return None, ""
        if shape.waarde is not None and name not in COLLECTION_METHODS:
            return shape.waarde, f"{origin}.<naam>"
        allowed = _ATTRIBUTES.get(shape.type)
        written = _written(node)
        if allowed is not None and name not in allowed and not lenient and written not in guards:
            self.unknown.append(_Unknown(node.lineno, written, (), kind=shape.label()))
        return None, ""


def _written(node: nodes.Node) -> str:
    """The expression as the template writes it, for a message: ``item.kop``."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_written(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_written(node.node)}.{node.arg.value}"
    return "…"


def _defined(test: nodes.Node) -> frozenset[str]:
    """The fields an ``{% if x is defined %}`` makes safe inside it (also with ``and``)."""
    return frozenset(
        _written(node.node)
        for node in [test, *test.find_all(nodes.Test)]
        if isinstance(node, nodes.Test) and node.name == "defined" and node.node is not None
    )


def known_template(name: str, known: Collection[str]) -> str | None:
    """Return why a Word file of a house style named ``name`` is no template, or None."""
    if name in known:
        return None
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"bedoelde u {close[0]}.docx? " if close else ""
    return (
        f"'{name}.docx' is geen sjabloon van een soort stuk, dus jeugddocs gebruikt het niet; "
        f"{hint}sjablonen heten naar hun soort: {', '.join(f'{k}.docx' for k in known)}"
    )
