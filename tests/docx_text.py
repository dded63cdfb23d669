"""Extract a rendered .docx as text lines in reading order, for golden-file comparison.

Paragraphs become ``[Style] text`` (list items also show their numbering), and
tables become ``| cell | cell |`` rows, so the comparison covers text, headings,
numbering and table structure but not zip bytes or timestamps.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.table import Table
from docx.text.paragraph import Paragraph


def extract(source: bytes | Path) -> list[str]:
    data = source.read_bytes() if isinstance(source, Path) else source
    document = Document(io.BytesIO(data))
    lines: list[str] = []
    for section in document.sections[:1]:
        parts = [("koptekst", section.header), ("voettekst", section.footer)]
        if section.different_first_page_header_footer:
            parts = [
                ("koptekst eerste pagina", section.first_page_header),
                ("voettekst eerste pagina", section.first_page_footer),
                *parts,
            ]
        for label, part in parts:
            for paragraph in part.paragraphs:
                if paragraph.text.strip():
                    lines.append(f"[{label}] {paragraph.text}")
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text
            if not text.strip():
                continue
            style = block.style.name if block.style is not None else "?"
            marker = " (#)" if _has_numbering(block) else ""
            lines.append(f"[{style}{marker}] {text}")
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [cell.text.strip() for cell in row.cells]
                if any(cells):
                    lines.append("| " + " | ".join(cells) + " |")
    lines += _footnotes(document)
    return lines


def _footnotes(document: object) -> list[str]:
    """Return ``[voetnoot n] text`` for every real footnote, in id order."""
    part = next(
        (
            p
            for p in document.part.package.parts  # type: ignore[attr-defined]
            if p.partname == "/word/footnotes.xml"
        ),
        None,
    )
    if part is None:
        return []
    root = parse_xml(part.blob)
    rv = []
    for note in root.iter(qn("w:footnote")):
        number = int(note.get(qn("w:id")))
        if number > 0:
            text = "".join(t.text or "" for t in note.iter(qn("w:t")))
            rv.append(f"[voetnoot {number}] {text.strip()}")
    return rv


def _has_numbering(paragraph: Paragraph) -> bool:
    p_pr = paragraph._p.pPr
    return p_pr is not None and p_pr.find(qn("w:numPr")) is not None
