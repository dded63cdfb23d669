"""A table of contents as a Word TOC field, with the headings already filled in.

Word refreshes the field (adding page numbers) when the document is opened,
because the template sets ``updateFields``; until then, and in LibreOffice's
PDF, the reader sees the computed headings instead of an empty field.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docxtpl.subdoc import Subdoc
from lxml import etree

from jeugddocs.compute.view import TableOfContents
from jeugddocs.render.prose import add_runs
from jeugddocs.render.session import RenderSession

#: Heading levels shown in the table of contents.
LEVELS = 3


def toc_subdoc(session: RenderSession, toc: TableOfContents) -> Subdoc:
    """Return the TOC field, its cached entries one paragraph per heading."""
    subdoc = session.new_subdoc()
    entries = [s for s in toc.sections.walk() if s.niveau <= LEVELS]
    paragraphs: list[Paragraph] = []
    for section in entries:
        paragraph = subdoc.add_paragraph(style=f"toc {section.niveau}")
        paragraphs.append(paragraph)
        number = f"{section.nummer}\t" if section.nummer else ""
        if number:
            paragraph.add_run(number)
        add_runs(session, paragraph, tuple(r for r in section.kop if r.voetnoot is None))
    first, last = paragraphs[0], paragraphs[-1]
    begin = [
        _field_char("begin"),
        _instruction(f'TOC \\o "1-{LEVELS}" \\h \\z \\u'),
        _field_char("separate"),
    ]
    for run in reversed(begin):
        first._p.insert(1 if first._p.pPr is not None else 0, run)
    last._p.append(_field_char("end"))
    return subdoc


def _field_char(kind: str) -> etree._Element:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


def _instruction(text: str) -> etree._Element:
    run = OxmlElement("w:r")
    instruction = OxmlElement("w:instrText")
    instruction.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instruction.text = f" {text} "
    run.append(instruction)
    return run
