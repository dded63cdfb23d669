"""Footnotes numbered in reading order, and their texts added to the footnotes part.

Writers place a reference with a placeholder id (see
:meth:`~jeugddocs.render.writer.DocumentWriter.footnote_reference`): where a
field lands, and so which footnote comes first, is decided by the template. Once
the template has been rendered, each placeholder, in the order it stands in the
body, gets the next id after the template's own footnotes, and its text is added
to the footnotes part under that id. A field the template shows twice gets two
footnotes, as Word requires one footnote per reference.
"""

from __future__ import annotations

import re

from jeugddocs.errors import Problem, TemplateError
from jeugddocs.render.wordml import paragraph_xml, run_properties, text_run
from jeugddocs.render.writer import (
    FOOTNOTE_PLACEHOLDER,
    FOOTNOTE_REFERENCE_STYLE,
    FOOTNOTE_TEXT_STYLE,
    DocumentWriter,
)

_PLACEHOLDER = re.compile(f'w:id="{FOOTNOTE_PLACEHOLDER}(\\d+)"')
_FOOTNOTE_ID = re.compile(r'<w:footnote\b[^>]*?\sw:id="(-?\d+)"')
_END = "</w:footnotes>"


def number_footnotes(out: DocumentWriter, body: str, part: str | None) -> tuple[str, str | None]:
    """Return the body with final footnote ids, and the footnotes part with their texts."""
    if not out.placed_footnotes:
        return body, part
    if part is None or _END not in part:
        raise TemplateError(
            [
                Problem(
                    out.layout.template_name,
                    1,
                    1,
                    "dit sjabloon kan geen voetnoten bevatten (het mist het voetnotendeel); "
                    "maak het opnieuw met scripts/build_templates.py of voeg in Word één "
                    "voetnoot toe en verwijder die weer",
                )
            ]
        )
    number = max([0, *(int(n) for n in _FOOTNOTE_ID.findall(part))])
    notes: list[str] = []

    def renumber(match: re.Match[str]) -> str:
        nonlocal number
        number += 1
        notes.append(_footnote(out, number, out.placed_footnotes[int(match.group(1))]))
        return f'w:id="{number}"'

    body = _PLACEHOLDER.sub(renumber, body)
    at = part.rindex(_END)
    return body, part[:at] + "".join(notes) + part[at:]


def _footnote(out: DocumentWriter, number: int, key: str) -> str:
    mark = (
        f"<w:r>{run_properties(style_id=out.style(FOOTNOTE_REFERENCE_STYLE))}<w:footnoteRef/></w:r>"
    )
    runs = out.voetnoten[key]
    # -- a space between the mark and the text, as Word types it --
    text = "".join(
        text_run((" " if index == 0 else "") + run.text, run.bold, run.italic)
        for index, run in enumerate(runs)
    )
    paragraph = paragraph_xml(mark + text, out.style(FOOTNOTE_TEXT_STYLE))
    return f'<w:footnote w:id="{number}">{paragraph}</w:footnote>'
