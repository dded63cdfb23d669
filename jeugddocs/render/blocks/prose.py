"""Prose blocks: paragraphs, and bullet or numbered lists whose items are paragraphs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jeugddocs.markup.prose import ListBlock, Paragraph
from jeugddocs.render.wordml import paragraph_xml

if TYPE_CHECKING:
    from jeugddocs.render.writer import DocumentWriter

#: Word styles that prose needs in every template.
BULLET_STYLE = "List Bullet"
NUMBER_STYLE = "List Number"


def write_paragraph(out: DocumentWriter, block: Paragraph, keep_next: bool = False) -> str:
    """A paragraph in the template's normal style."""
    return paragraph_xml(out.runs(block.runs), keep_next=keep_next)


def introduces(block: object) -> bool:
    """Return whether ``block`` is a paragraph that announces the next one ("Oorzaken:")."""
    if not isinstance(block, Paragraph) or not block.runs:
        return False
    return block.runs[-1].text.rstrip().endswith(":")


def write_list(out: DocumentWriter, block: ListBlock) -> str:
    """A list, one paragraph per item; a numbered list restarts at ``block.start``."""
    if block.kind == "bullet":
        style, numbering = out.style(BULLET_STYLE), None
    else:
        style = out.style(NUMBER_STYLE)
        num_id = out.restarted_list(block.start)
        numbering = (num_id, 0) if num_id is not None else None
    return "".join(
        paragraph_xml(out.runs(item), style, numbering=numbering) for item in block.items
    )
