"""Prose blocks: paragraphs, and bullet or numbered lists whose items are paragraphs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from jeugddocs.compute.view import NumberedLines
from jeugddocs.markup.prose import Inline, ListBlock, Paragraph
from jeugddocs.render.wordml import paragraph_xml

if TYPE_CHECKING:
    from jeugddocs.render.writer import DocumentWriter

#: Word styles that prose needs in every template.
BULLET_STYLE = "List Bullet"
NUMBER_STYLE = "List Number"
#: The style of decision points and bijlagen, which Word numbers 1., 2., …
NUMBERED_LINES_STYLE = "Genummerde alinea"


def write_paragraph(out: DocumentWriter, block: Paragraph, keep_next: bool = False) -> str:
    """A paragraph in the template's normal style."""
    return paragraph_xml(out.runs(block.runs), keep_next=keep_next)


#: Longest emphasised paragraph still taken for a subheading rather than a sentence.
LABEL_LENGTH = 100


def introduces(block: object) -> bool:
    """Return whether ``block`` announces the next one and must stay on its page.

    Either it ends with a colon ("Oorzaken:"), or it is a short paragraph in bold or
    italics only, as authors type a subheading inside a section ("*Toegang*").
    """
    if not isinstance(block, Paragraph) or not block.runs:
        return False
    text = "".join(run.text for run in block.runs).strip()
    if text.endswith(":"):
        return True
    visible = [run for run in block.runs if run.text.strip()]
    emphasised = all(run.bold for run in visible) or all(run.italic for run in visible)
    return bool(visible) and emphasised and len(text) <= LABEL_LENGTH and text[-1] not in ".!?"


def write_list(out: DocumentWriter, block: ListBlock) -> str:
    """A list, one paragraph per item; a numbered list restarts at ``block.start``."""
    if block.kind == "bullet":
        style = out.style(BULLET_STYLE)
        return "".join(paragraph_xml(out.runs(item), style) for item in block.items)
    return _numbered(out, block.items, NUMBER_STYLE, block.start, out.layout.list_numbering)


def write_numbered_lines(out: DocumentWriter, block: NumberedLines) -> str:
    """Decision points or bijlagen: a list Word numbers itself, starting at 1, so a screen
    reader and the PDF's tags see a list; unnumbered, each line a plain paragraph."""
    if not block.genummerd:
        return "".join(paragraph_xml(out.runs(item)) for item in block.items)
    return _numbered(out, block.items, NUMBERED_LINES_STYLE, 1, out.layout.lines_numbering)


def _numbered(
    out: DocumentWriter, items: Sequence[Inline], style: str, start: int, numbering: int | None
) -> str:
    """Items in ``style``, numbered by a numbering instance of their own from ``start``."""
    num_id = out.restarted_list(start, numbering)
    place = (num_id, 0) if num_id is not None else None
    style_id = out.style(style)
    return "".join(paragraph_xml(out.runs(item), style_id, numbering=place) for item in items)
