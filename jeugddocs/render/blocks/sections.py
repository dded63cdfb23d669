"""Sections: a heading at the section's level, its prose, table and chart, then its subsections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jeugddocs.compute.view import Sections, SectionView
from jeugddocs.render.wordml import paragraph_xml, text_run

if TYPE_CHECKING:
    from jeugddocs.render.writer import DocumentWriter


def write_sections(out: DocumentWriter, sections: Sections) -> str:
    """Every section, nested ones after their parent."""
    return "".join(_section(out, section) for section in sections.items)


def _section(out: DocumentWriter, section: SectionView) -> str:
    number = text_run(f"{section.nummer} ") if section.nummer else ""
    xml = paragraph_xml(number + out.runs(section.kop), out.style(f"Heading {section.niveau}"))
    if section.tekst:
        xml += out.blocks(section.tekst)
    if section.tabel:
        xml += out.block(section.tabel)
    if section.grafiek:
        xml += out.block(section.grafiek)
    if section.toelichting:
        xml += out.blocks(section.toelichting)
    return xml + "".join(_section(out, child) for child in section.secties)
