"""A table of contents as a Word TOC field, with the headings already filled in.

Word refreshes the field (adding page numbers) when the document is opened,
because the template sets ``updateFields``; until then, and in LibreOffice's
PDF, the reader sees the computed headings instead of an empty field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jeugddocs.compute.view import TableOfContents
from jeugddocs.render.wordml import paragraph_xml, text_run

if TYPE_CHECKING:
    from jeugddocs.render.writer import DocumentWriter

#: Heading levels shown in the table of contents.
LEVELS = 3

_BEGIN = (
    '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
    f'<w:r><w:instrText xml:space="preserve"> TOC \\o "1-{LEVELS}" \\h \\z \\u </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
)
_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def write_toc(out: DocumentWriter, toc: TableOfContents) -> str:
    """The TOC field, its cached entries one paragraph per heading."""
    entries = [s for s in toc.sections.walk() if s.niveau <= LEVELS]
    paragraphs = []
    for index, section in enumerate(entries):
        content = _BEGIN if index == 0 else ""
        if section.nummer:
            content += text_run(f"{section.nummer}\t")
        # -- a footnote mark belongs to the heading in the text, not to its TOC entry --
        content += out.runs(tuple(r for r in section.kop if r.voetnoot is None))
        if index == len(entries) - 1:
            content += _END
        paragraphs.append(paragraph_xml(content, out.style(f"toc {section.niveau}")))
    return "".join(paragraphs)
