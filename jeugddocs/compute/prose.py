"""Prose markup as data: paragraphs, bullet and numbered lists, bold and italic runs.

The markup is deliberately small, so that authors cannot get it wrong:

* a blank line starts a new paragraph; lines of one paragraph are joined;
* a line starting with ``- `` is a bullet item, ``1. `` a numbered item;
  an indented line continues the item above it; inside a paragraph only ``1.``
  starts a numbered list (so a wrapped line starting with ``12.`` stays text);
* ``**vet**`` is bold and ``*cursief*`` italic; a lone ``*`` stays as typed;
* ``[^1]`` places footnote ``1`` (its text is under ``voetnoten``).

>>> [type(b).__name__ for b in parse_prose("Eerste alinea\\nloopt door.\\n\\n- een\\n- twee")]
['Paragraph', 'ListBlock']
>>> [(r.text, r.bold, r.italic) for r in parse_inline("dit is **vet** en *schuin*")]
[('dit is ', False, False), ('vet', True, False), (' en ', False, False), ('schuin', False, True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from jeugddocs.content.references import FOOTNOTE

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
    """A piece of text with one emphasis, or (with ``voetnoot``) a footnote reference."""

    text: str
    bold: bool = False
    italic: bool = False
    voetnoot: str | None = None


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


def parse_inline(text: str) -> Inline:
    """Split one line of text into runs by ``**bold**``, ``*italic*`` and ``[^n]`` markers."""
    # -- fold only ordinary white space: a no-break space (€ 845.000, artikel 2 lid 3)
    #    is the author's and stays --
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        text = _WHITE_SPACE.sub(" ", text)
    text = text.strip(" ")
    runs: list[Run] = []
    # -- emphasis first, then footnote markers inside each run: "**vet[^1]**" stays bold --
    for run in _emphasis_runs(text):
        pos = 0
        for match in FOOTNOTE.finditer(run.text):
            if match.start() > pos:
                runs.append(Run(run.text[pos : match.start()], run.bold, run.italic))
            runs.append(Run("", voetnoot=match.group(1)))
            pos = match.end()
        if pos < len(run.text):
            runs.append(Run(run.text[pos:], run.bold, run.italic))
    return tuple(runs)


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
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[list[str]] = []
    kind: Literal["bullet", "number"] | None = None
    start = 1

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append(Paragraph(parse_inline(" ".join(paragraph))))
            paragraph.clear()

    def flush_list() -> None:
        nonlocal kind
        if kind is not None and items:
            blocks.append(
                ListBlock(kind, tuple(parse_inline(" ".join(item)) for item in items), start)
            )
        items.clear()
        kind = None

    for raw_line in text.splitlines():
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
