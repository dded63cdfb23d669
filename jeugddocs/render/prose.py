"""Prose blocks and inline runs as real Word paragraphs, list items and runs."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as WordParagraph
from docxtpl import RichText
from docxtpl.subdoc import Subdoc

from jeugddocs.compute.prose import Inline, ListBlock, Paragraph, Prose
from jeugddocs.render.session import RenderSession

#: Word styles that prose needs in every template.
BULLET_STYLE = "List Bullet"
NUMBER_STYLE = "List Number"


def inline_richtext(session: RenderSession, runs: Inline) -> RichText:
    """Return runs as docxtpl RichText, for ``{{r ... }}`` inside a template paragraph."""
    rv = RichText()
    for run in runs:
        if run.voetnoot is not None:
            rv.xml += session.footnote_reference_xml(run.voetnoot)
        else:
            rv.add(run.text, bold=run.bold, italic=run.italic)
    return rv


def prose_subdoc(session: RenderSession, prose: Prose) -> Subdoc:
    """Return prose as a sub-document of paragraphs and lists, for ``{{p ... }}``."""
    subdoc = session.new_subdoc()
    add_blocks(session, subdoc, prose)
    return subdoc


def add_blocks(session: RenderSession, subdoc: Any, prose: Prose) -> None:
    """Append prose blocks to a sub-document."""
    for block in prose:
        if isinstance(block, Paragraph):
            add_runs(session, subdoc.add_paragraph(), block.runs)
        elif isinstance(block, ListBlock):
            _add_list(session, subdoc, block)


def _add_list(session: RenderSession, subdoc: Any, block: ListBlock) -> None:
    """Add a list; a numbered list gets its own numbering that starts at ``block.start``.

    Why its own numbering: Word continues a list style's numbering across the
    whole document, so the second numbered list would otherwise start at 4.
    """
    style = BULLET_STYLE if block.kind == "bullet" else NUMBER_STYLE
    num_id = _restarted_numbering(subdoc, block.start) if block.kind == "number" else None
    for item in block.items:
        paragraph = subdoc.add_paragraph(style=style)
        if num_id is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
        add_runs(session, paragraph, item)


def _restarted_numbering(subdoc: Any, start: int) -> int | None:
    style = subdoc.styles[NUMBER_STYLE]
    p_pr = style.element.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    numbering = subdoc.part.numbering_part.element
    current = numbering.num_having_numId(num_pr.numId.val)
    num = numbering.add_num(current.abstractNumId.val)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return int(num.get(qn("w:numId")))


def add_runs(session: RenderSession, paragraph: WordParagraph, runs: Inline) -> None:
    """Append runs (with their emphasis and footnote references) to a Word paragraph."""
    for run in runs:
        if run.voetnoot is not None:
            session.add_footnote_reference(paragraph, run.voetnoot)
            continue
        word_run = paragraph.add_run(run.text)
        if run.bold:
            word_run.bold = True
        if run.italic:
            word_run.italic = True
