"""Sections as Word headings with their prose, tables and subsections."""

from __future__ import annotations

from typing import Any

from docxtpl.subdoc import Subdoc

from jeugddocs.compute.prose import Run
from jeugddocs.compute.view import Sections, SectionView
from jeugddocs.render.prose import add_blocks, add_runs
from jeugddocs.render.session import RenderSession
from jeugddocs.render.tables import add_table


def sections_subdoc(session: RenderSession, sections: Sections) -> Subdoc:
    """Return every section, nested ones under their parent, as one sub-document."""
    subdoc = session.new_subdoc()
    for section in sections.items:
        _add_section(session, subdoc, section)
    return subdoc


def _add_section(session: RenderSession, subdoc: Any, section: SectionView) -> None:
    heading = subdoc.add_paragraph(style=f"Heading {section.niveau}")
    number = (Run(f"{section.nummer} "),) if section.nummer else ()
    add_runs(session, heading, number + section.kop)
    if section.tekst:
        add_blocks(session, subdoc, section.tekst)
    if section.tabel:
        add_table(session, subdoc, section.tabel)
    if section.toelichting:
        add_blocks(session, subdoc, section.toelichting)
    for child in section.secties:
        _add_section(session, subdoc, child)
