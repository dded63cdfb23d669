"""WordprocessingML as text: the one place where text and runs become Word XML.

Why strings and not an XML tree: a document is written once, front to back, and
never edited afterwards; building lxml elements only to serialise them again
cost most of the render time. Every value that reaches this module is escaped
here, so no writer can produce XML that does not parse.
"""

from __future__ import annotations

import re

from jeugddocs.markup.prose import Run

W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# -- Word keeps a tab or a line break as an element, not as a character in the text --
_BREAKS = re.compile(r"[\t\n]")


def escape(text: str) -> str:
    """Escape text for element content or a double-quoted attribute.

    >>> escape('a < b & "c"')
    'a &lt; b &amp; &quot;c&quot;'
    """
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return text


def text_xml(text: str) -> str:
    """Return the content of a run for ``text``: ``w:t`` pieces, tabs and line breaks.

    >>> text_xml("1\\tKop")
    '<w:t>1</w:t><w:tab/><w:t>Kop</w:t>'
    >>> text_xml(" spatie")
    '<w:t xml:space="preserve"> spatie</w:t>'
    """
    if "\t" not in text and "\n" not in text:
        return _t(text) if text else ""
    pieces = []
    for piece in _BREAKS.split(text):
        pieces.append(_t(piece) if piece else "")
    separators = _BREAKS.findall(text)
    out = pieces[0]
    for separator, piece in zip(separators, pieces[1:], strict=True):
        out += ("<w:tab/>" if separator == "\t" else "<w:br/>") + piece
    return out


def _t(text: str) -> str:
    # -- Word drops white space at either end of a run unless told to keep it --
    if text != text.strip():
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:t>{escape(text)}</w:t>"


def run_properties(bold: bool = False, italic: bool = False, style_id: str | None = None) -> str:
    """Return ``w:rPr`` for a run, or '' when it has none (children in schema order)."""
    if not (bold or italic or style_id):
        return ""
    inner = f'<w:rStyle w:val="{escape(style_id)}"/>' if style_id else ""
    if bold:
        inner += "<w:b/>"
    if italic:
        inner += "<w:i/>"
    return f"<w:rPr>{inner}</w:rPr>"


def text_run(text: str, bold: bool = False, italic: bool = False) -> str:
    """Return one run of text with its emphasis."""
    return f"<w:r>{run_properties(bold, italic)}{text_xml(text)}</w:r>"


def run_xml(run: Run, footnote_reference: str = "") -> str:
    """Return the XML of one prose run.

    ``footnote_reference`` is the run that stands for a footnote mark; the
    caller owns footnote numbering, this function only places it.
    """
    if run.voetnoot is not None:
        return footnote_reference
    return text_run(run.text, run.bold, run.italic)


def paragraph_xml(
    content: str,
    style_id: str | None = None,
    alignment: str | None = None,
    numbering: tuple[int, int] | None = None,
    keep_next: bool = False,
    space_before: int = 0,
) -> str:
    """Return a paragraph around runs ``content``; ``numbering`` is ``(numId, level)``.

    ``keep_next`` keeps the paragraph on the page of the next one (an introduction such
    as "Oorzaken:" never stands alone at the bottom of a page); ``space_before`` is in
    twips. Properties come in the order the schema requires.
    """
    properties = f'<w:pStyle w:val="{escape(style_id)}"/>' if style_id else ""
    if keep_next:
        properties += "<w:keepNext/>"
    if numbering is not None:
        num_id, level = numbering
        properties += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    if space_before:
        properties += f'<w:spacing w:before="{space_before}"/>'
    if alignment:
        properties += f'<w:jc w:val="{alignment}"/>'
    if properties:
        return f"<w:p><w:pPr>{properties}</w:pPr>{content}</w:p>"
    return f"<w:p>{content}</w:p>"


def is_inline(value: object) -> bool:
    """Return whether ``value`` is inline text (a tuple of runs) rather than blocks."""
    return isinstance(value, tuple) and bool(value) and isinstance(value[0], Run)
