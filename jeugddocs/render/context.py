"""Turn a computed view into template variables: prose, inline text and tables as Word objects.

This is the only place that knows how view values map onto docxtpl objects:
prose becomes a sub-document for ``{{p naam }}``, inline text RichText for
``{{r naam }}``, and tables, sections and the table of contents sub-documents
for ``{{p naam }}``.
"""

from __future__ import annotations

from typing import Any

from jeugddocs.compute.prose import ListBlock, Paragraph, Run
from jeugddocs.compute.view import Sections, TableOfContents, TableView
from jeugddocs.render.prose import inline_richtext, prose_subdoc
from jeugddocs.render.sections import sections_subdoc
from jeugddocs.render.session import RenderSession
from jeugddocs.render.tables import table_subdoc
from jeugddocs.render.toc import toc_subdoc


def build_context(session: RenderSession, view: dict[str, Any]) -> dict[str, Any]:
    """Return the template context for ``view``, creating Word objects in the session."""
    session.voetnoten = view.get("voetnoten") or {}
    rv = {key: _convert(session, value) for key, value in view.items() if key != "voetnoten"}
    return rv


def _convert(session: RenderSession, value: Any) -> Any:
    if isinstance(value, TableView):
        return table_subdoc(session, value)
    if isinstance(value, Sections):
        return sections_subdoc(session, value)
    if isinstance(value, TableOfContents):
        return toc_subdoc(session, value)
    if isinstance(value, dict):
        return {key: _convert(session, item) for key, item in value.items()}
    if isinstance(value, tuple) and value and isinstance(value[0], Paragraph | ListBlock):
        return prose_subdoc(session, value)
    if isinstance(value, tuple) and value and isinstance(value[0], Run):
        return inline_richtext(session, value)
    if isinstance(value, list):
        return [_convert(session, item) for item in value]
    return value
