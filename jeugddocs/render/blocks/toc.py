"""A table of contents with page numbers: one entry per heading of the document, each a
link to its heading with a PAGEREF field for the page it is on.

Why not Word's TOC field: LibreOffice (7.4, as on CI) imports a TOC field as an index
and shows its stored text as it is, page numbers included, and the PDF export does not
update it; a PAGEREF field outside a TOC field it does work out while laying out the
pages. Word works out the PAGEREF fields when the document opens (the template sets
``updateFields``), LibreOffice when it lays out the pages: so the PDF has the right
page numbers without Word. Checked by converting to PDF (tests/render/test_accessibility.py).

The entries are made after the template has been filled in, so that headings of the
template itself ("Inleiding", "Bijlagen") are listed too, as Word would list them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from jeugddocs.compute.view import TableOfContents

if TYPE_CHECKING:
    from jeugddocs.render.writer import DocumentWriter

#: Heading levels shown in the table of contents.
LEVELS = 3

# -- where the entries go: a style id no template has, so no text can produce it --
PLACEHOLDER = '<w:p><w:pPr><w:pStyle w:val="jd-inhoudsopgave"/></w:pPr></w:p>'
# -- a paragraph with a style (the first thing in w:pPr), its properties and its content --
_PARAGRAPH = re.compile(
    r'(<w:p(?: [^>]*)?><w:pPr><w:pStyle w:val="([^"]*)"/>(?:(?!</w:p>).)*?</w:pPr>)'
    r"((?:(?!</w:p>).)*)</w:p>",
    re.DOTALL,
)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:tab/>")
_BOOKMARK_ID = re.compile(r'<w:bookmarkStart\b[^>]*\bw:id="(\d+)"')
_BOOKMARK_NAME = re.compile(r'<w:bookmarkStart\b[^>]*\bw:name="([^"]*)"')
# -- Word's own names for the bookmarks of a table of contents: hidden, "_Toc" and digits --
_FIRST_BOOKMARK = 900_000_000


def write_toc(out: DocumentWriter, toc: TableOfContents) -> str:
    """Mark where the table of contents goes; :func:`fill_toc` writes it there."""
    return PLACEHOLDER


def fill_toc(out: DocumentWriter, body: str) -> str:
    """Write the table of contents at its place in ``body``: bookmark every heading of
    levels 1 to 3 and list it, linked, with the number of its page."""
    if PLACEHOLDER not in body:
        return body
    levels = {out.style(f"Heading {level}"): level for level in range(1, LEVELS + 1)}
    names = set(_BOOKMARK_NAME.findall(body))
    next_id = max([0, *(int(n) for n in _BOOKMARK_ID.findall(body))]) + 1
    entries: list[str] = []

    def bookmark(match: re.Match[str]) -> str:
        nonlocal next_id
        level = levels.get(match.group(2))
        text = "".join(piece or "\t" for piece in _TEXT.findall(match.group(3))).strip()
        if level is None or not text:
            return match.group()
        name = _free_name(names, len(entries))
        names.add(name)
        bookmark_id, next_id = next_id, next_id + 1
        entries.append(_entry(out, level, text.replace("\t", " "), name))
        return (
            f'{match.group(1)}<w:bookmarkStart w:id="{bookmark_id}" w:name="{name}"/>'
            f'{match.group(3)}<w:bookmarkEnd w:id="{bookmark_id}"/></w:p>'
        )

    body = _PARAGRAPH.sub(bookmark, body)
    return body.replace(PLACEHOLDER, "".join(entries))


def _free_name(names: set[str], index: int) -> str:
    number = _FIRST_BOOKMARK + index
    while f"_Toc{number}" in names:
        number += 1
    return f"_Toc{number}"


def _entry(out: DocumentWriter, level: int, text: str, name: str) -> str:
    """One entry: the heading's text, a dotted tab to the right margin, its page number.

    ``text`` is taken from the body as it is there, so already escaped for XML.
    """
    tab = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{out.layout.text_width}"/></w:tabs>'
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{out.style(f"toc {level}")}"/>{tab}</w:pPr>'
        f'<w:hyperlink w:anchor="{name}" w:history="1">'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:tab/></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> PAGEREF {name} \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "</w:hyperlink></w:p>"
    )
