"""Turn a computed view into template variables: prose, inline text and tables as Word objects.

This is the only place that knows how view values map onto docxtpl objects:
prose becomes a sub-document for ``{{p naam }}``, inline text RichText for
``{{r naam }}``, and a table of amounts a sub-document for ``{{p tabel }}``.
"""

from __future__ import annotations

from typing import Any

from docxtpl import DocxTemplate

from jeugddocs.compute.prose import ListBlock, Paragraph, Run
from jeugddocs.compute.view import TableView
from jeugddocs.render.prose import inline_richtext, prose_subdoc
from jeugddocs.render.tables import table_subdoc


def build_context(template: DocxTemplate, view: dict[str, Any]) -> dict[str, Any]:
    """Return the template context for ``view``, creating Word objects in ``template``."""
    rv = _convert(template, view)
    assert isinstance(rv, dict)
    return rv


def _convert(template: DocxTemplate, value: Any) -> Any:
    if isinstance(value, TableView):
        return table_subdoc(template, value)
    if isinstance(value, dict):
        return {key: _convert(template, item) for key, item in value.items()}
    if isinstance(value, tuple) and value and isinstance(value[0], Paragraph | ListBlock):
        return prose_subdoc(template, value)
    if isinstance(value, tuple) and value and isinstance(value[0], Run):
        return inline_richtext(value)
    if isinstance(value, list):
        return [_convert(template, item) for item in value]
    return value
