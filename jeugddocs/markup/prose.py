"""Prose markup as data: paragraphs, bullet and numbered lists, bold and italic runs.

The markup is deliberately small, so that authors cannot get it wrong:

* a blank line starts a new paragraph; lines of one paragraph are joined;
* a line starting with ``- `` is a bullet item, ``1. `` a numbered item;
  an indented line continues the item above it; inside a paragraph only ``1.``
  starts a numbered list (so a wrapped line starting with ``12.`` stays text);
* ``**vet**`` is bold and ``*cursief*`` italic; a lone ``*`` stays as typed;
* ``[^1]`` places footnote ``1`` (its text is under ``voetnoten``);
* ``{{ naam | euro }}`` places a named amount (:mod:`jeugddocs.markup.references`).

Text is parsed once, with its references as runs of their own (read, not yet computed,
with their offset in the text), so the checks and the view work on the same result;
:func:`expand` computes them when the amounts are known.

>>> [type(b).__name__ for b in parse_prose("Eerste alinea\\nloopt door.\\n\\n- een\\n- twee")]
['Paragraph', 'ListBlock']
>>> [(r.text, r.bold, r.italic) for r in parse_inline("dit is **vet** en *schuin*")]
[('dit is ', False, False), ('vet', True, False), (' en ', False, False), ('schuin', False, True)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from jeugddocs.markup.references import (
    CROSS_REFERENCE,
    FOOTNOTE,
    REFERENCE,
    Reference,
    format_reference,
    parse_reference,
)

_WHITE_SPACE = re.compile(r"[ \t\r\n]+")
_BULLET = re.compile(r"^- +(?P<text>.*)$")
_NUMBERED = re.compile(r"^(?P<number>\d{1,3})[.)] +(?P<text>.*)$")
# -- an emphasised span holds no '*' itself: that keeps matching linear in the length of
#    the text (a lazy ".*?" here takes seconds on a long line of lone asterisks) --
_EMPHASIS = re.compile(
    r"\*\*\*(?P<both>[^*\s](?:[^*]*[^*\s])?)\*\*\*"
    r"|\*\*(?P<bold>[^*\s](?:[^*]*[^*\s])?)\*\*"
    r"|\*(?P<italic>[^*\s](?:[^*]*[^*\s])?)\*"
)


@dataclass(frozen=True)
class Run:
    """A piece of text with one emphasis, a footnote mark (``voetnoot``) or a reference.

    A reference run holds the text as typed in ``text`` until :func:`expand` replaces
    it by the formatted amount; ``offset`` is where it starts in the field's text.
    """

    text: str
    bold: bool = False
    italic: bool = False
    voetnoot: str | None = None
    reference: Reference | None = None
    offset: int = -1
    verwijzing: str | None = None


Inline = tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    runs: Inline


@dataclass(frozen=True)
class ListBlock:
    """A bullet or numbered list; numbered lists start at ``start``."""

    kind: Literal["bullet", "number"]
    items: tuple[Inline, ...]
    start: int = 1


Block = Paragraph | ListBlock
Prose = tuple[Block, ...]


class _Placeholders:
    """Stand-ins for references while the text is split into blocks and emphasis.

    Each reference becomes one character that no markup rule matches, so a reference
    can sit inside bold text or span a line break without either rule taking it
    apart; the stand-ins come back in reading order.
    """

    def __init__(self, text: str) -> None:
        self.mark = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
        self.found: list[tuple[str, int]] = []

        def hide(match: re.Match[str]) -> str:
            self.found.append((match.group(), match.start()))
            return self.mark

        self.text = REFERENCE.sub(hide, text) if "{{" in text else text
        self.next = 0

    def restore(self, run: Run) -> Iterator[Run]:
        if self.mark not in run.text:
            yield run
            return
        for index, piece in enumerate(run.text.split(self.mark)):
            if index:
                fragment, offset = self.found[self.next]
                self.next += 1
                yield replace(
                    run, text=fragment, reference=parse_reference(fragment), offset=offset
                )
            if piece:
                yield replace(run, text=piece)


def parse_inline(text: str) -> Inline:
    """Split one line of text into runs by ``**bold**``, ``*italic*``, ``[^n]`` and references."""
    return _parse_inline(text)


@functools.lru_cache(maxsize=4096)
def _parse_inline(text: str) -> Inline:
    placeholders = _Placeholders(text)
    return _inline(placeholders.text, placeholders)


def _inline(text: str, placeholders: _Placeholders) -> Inline:
    # -- fold only ordinary white space: a no-break space (€ 845.000, artikel 2 lid 3)
    #    is the author's and stays --
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        text = _WHITE_SPACE.sub(" ", text)
    text = text.strip(" ")
    runs: list[Run] = []
    # -- emphasis first, then footnote markers inside each run: "**vet[^1]**" stays bold --
    for run in _emphasis_runs(text):
        pos = 0
        pieces: list[Run] = []
        for match in FOOTNOTE.finditer(run.text):
            if match.start() > pos:
                pieces.append(Run(run.text[pos : match.start()], run.bold, run.italic))
            pieces.append(Run("", voetnoot=match.group(1)))
            pos = match.end()
        if pos < len(run.text):
            pieces.append(Run(run.text[pos:], run.bold, run.italic))
        for piece in pieces:
            for restored in placeholders.restore(piece):
                runs.extend(_cross_references(restored))
    return tuple(runs)


def _cross_references(run: Run) -> Iterator[Run]:
    """Split ``[#sleutel]`` out of a text run, as a run that :func:`expand` numbers."""
    if run.reference is not None or run.voetnoot is not None or "[#" not in run.text:
        yield run
        return
    pos = 0
    for match in CROSS_REFERENCE.finditer(run.text):
        if match.start() > pos:
            yield replace(run, text=run.text[pos : match.start()])
        yield replace(run, text=match.group(), verwijzing=match.group(1))
        pos = match.end()
    if pos < len(run.text):
        yield replace(run, text=run.text[pos:])


def _emphasis_runs(text: str) -> list[Run]:
    runs: list[Run] = []
    pos = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > pos:
            runs.append(Run(text[pos : match.start()]))
        if match.group("both") is not None:
            runs.append(Run(match.group("both"), bold=True, italic=True))
        elif match.group("bold") is not None:
            runs.append(Run(match.group("bold"), bold=True))
        else:
            runs.append(Run(match.group("italic"), italic=True))
        pos = match.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return runs


def parse_prose(text: str) -> Prose:
    """Parse prose markup into blocks (see the module docstring for the rules)."""
    return _parse_prose(text)


@functools.lru_cache(maxsize=4096)
def _parse_prose(text: str) -> Prose:
    placeholders = _Placeholders(text)
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[list[str]] = []
    kind: Literal["bullet", "number"] | None = None
    start = 1

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append(Paragraph(_inline(" ".join(paragraph), placeholders)))
            paragraph.clear()

    def flush_list() -> None:
        nonlocal kind
        if kind is not None and items:
            blocks.append(
                ListBlock(
                    kind, tuple(_inline(" ".join(item), placeholders) for item in items), start
                )
            )
        items.clear()
        kind = None

    for raw_line in placeholders.text.splitlines():
        line = raw_line.strip(" \t")
        if not line:
            flush_paragraph()
            flush_list()
            continue
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if numbered and paragraph and numbered.group("number") != "1":
            # -- as in CommonMark: only "1." may interrupt a paragraph, so a wrapped line
            #    that happens to start with "2021." or "2)" stays part of its sentence --
            numbered = None
        if bullet or numbered:
            flush_paragraph()
            new_kind: Literal["bullet", "number"] = "bullet" if bullet else "number"
            if kind != new_kind:
                flush_list()
                kind = new_kind
                start = int(numbered.group("number")) if numbered else 1
            items.append([(bullet or numbered).group("text")])  # type: ignore[union-attr]
        elif kind is not None and raw_line[:1] in (" ", "\t"):
            items[-1].append(line)
        else:
            flush_list()
            paragraph.append(line)
    flush_paragraph()
    flush_list()
    return tuple(blocks)


def inlines(prose: Prose) -> Iterator[Inline]:
    """Yield every line of runs in ``prose``: each paragraph and each list item."""
    for block in prose:
        if isinstance(block, Paragraph):
            yield block.runs
        else:
            yield from block.items


def has_include(parsed: Prose | Inline) -> bool:
    """Whether parsed text includes a text block (``{{ blok("naam") }}``) anywhere."""
    lines = [parsed] if parsed and isinstance(parsed[0], Run) else inlines(parsed)  # type: ignore[arg-type]
    return any(run.reference and run.reference.include for line in lines for run in line)


def expand_inline(
    runs: Inline, amounts: Mapping[str, Any], numbers: Mapping[str, str] | None = None
) -> Inline:
    """Replace each reference run by its formatted amount and each ``[#sleutel]`` by the
    number its argument got (``numbers``), joining runs that look alike."""
    if not any(run.reference or run.verwijzing for run in runs):
        return runs
    # -- each run with the texts of the runs joined to it, joined once at the end: adding
    #    them one at a time copies a long line again for every reference in it --
    joined: list[tuple[Run, list[str]]] = []
    for run in runs:
        if run.reference is not None:
            run = Run(format_reference(run.reference, amounts), run.bold, run.italic)
        elif run.verwijzing is not None:
            run = Run((numbers or {}).get(run.verwijzing, run.text), run.bold, run.italic)
        previous, texts = joined[-1] if joined else (None, [])
        if (
            previous is not None
            and previous.voetnoot is None
            and run.voetnoot is None
            and (previous.bold, previous.italic) == (run.bold, run.italic)
        ):
            texts.append(run.text)
        else:
            joined.append((run, [run.text]))
    return tuple(
        run if len(texts) == 1 else Run("".join(texts), run.bold, run.italic)
        for run, texts in joined
    )


def expand(
    prose: Prose, amounts: Mapping[str, Any], numbers: Mapping[str, str] | None = None
) -> Prose:
    """Return ``prose`` with every reference computed and every ``[#sleutel]`` numbered."""
    return tuple(
        Paragraph(expand_inline(block.runs, amounts, numbers))
        if isinstance(block, Paragraph)
        else ListBlock(
            block.kind,
            tuple(expand_inline(item, amounts, numbers) for item in block.items),
            block.start,
        )
        for block in prose
    )


class ProseText(str):
    """Prose as typed, with its parsed blocks: a validated model carries both.

    Why a ``str``: the model stays plain text for everything that reads it as text
    (lint, JSON, a form), while the view takes ``blocks`` instead of parsing again.
    """

    blocks: Prose

    @classmethod
    def of(cls, text: str) -> ProseText:
        rv = cls(text)
        rv.blocks = parse_prose(text)
        return rv


class InlineText(str):
    """One line of inline text as typed, with its parsed runs (see :class:`ProseText`)."""

    runs: Inline

    @classmethod
    def of(cls, text: str) -> InlineText:
        rv = cls(text)
        rv.runs = parse_inline(text)
        return rv
