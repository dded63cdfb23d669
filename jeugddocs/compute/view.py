"""The computed view of a document: what a template sees, before Word objects exist.

Prose is expanded (references replaced by formatted amounts) and parsed into
blocks, arguments are numbered, and tables carry their computed totals. The
view holds only plain data, so it can be tested and reused (a web preview, a
PDF) without Word.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from jeugddocs.compute.numbering import number_per_beslispunt
from jeugddocs.compute.prose import Inline, parse_inline, parse_prose
from jeugddocs.content import references
from jeugddocs.content.models.document import Document
from jeugddocs.content.models.fields import InlineMarker, ProseMarker
from jeugddocs.content.models.parts import Onderbouwing, Tabel


@dataclass(frozen=True)
class TableRow:
    omschrijving: str
    bedragen: tuple[Decimal, ...]


@dataclass(frozen=True)
class TableView:
    """A table of amounts with its computed total row (``totaal`` is its label)."""

    titel: Inline | None
    kop_omschrijving: str
    kolommen: tuple[str, ...]
    rijen: tuple[TableRow, ...]
    totaal: str | None
    totalen: tuple[Decimal, ...]


def build_view(document: Document) -> dict[str, Any]:
    """Return the template view of a validated document (every field present)."""
    amounts = dict(document.bedragen)
    view = _model_view(document, amounts)
    assert isinstance(view, dict)
    return view


def _model_view(model: BaseModel, amounts: dict[str, Decimal]) -> dict[str, Any]:
    rv: dict[str, Any] = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        marker = _marker(info.metadata) or _marker_in(info.annotation)
        rv[name] = _value_view(value, info.annotation, marker, amounts)
    return rv


def _value_view(value: Any, annotation: Any, marker: object, amounts: dict[str, Decimal]) -> Any:
    if value is None:
        return None
    if isinstance(value, Tabel):
        return _table_view(value, amounts)
    if isinstance(value, BaseModel):
        return _model_view(value, amounts)
    if isinstance(value, str):
        if isinstance(marker, ProseMarker):
            return parse_prose(references.expand(value, amounts))
        if isinstance(marker, InlineMarker):
            return parse_inline(references.expand(value, amounts))
        return value
    if isinstance(value, list):
        if value and all(isinstance(item, Onderbouwing) for item in value):
            return [
                {"nummer": number, **_model_view(item, amounts)}
                for number, item in number_per_beslispunt(value)
            ]
        item_type = _list_item(annotation)
        item_marker = _marker_in(item_type)
        return [_value_view(item, item_type, item_marker, amounts) for item in value]
    if isinstance(value, dict):
        return dict(value)
    return value


def _table_view(table: Tabel, amounts: dict[str, Decimal]) -> TableView:
    return TableView(
        titel=parse_inline(references.expand(table.titel, amounts)) if table.titel else None,
        kop_omschrijving=table.kop_omschrijving or "",
        kolommen=tuple(table.kolommen),
        rijen=tuple(TableRow(r.omschrijving, tuple(r.bedragen)) for r in table.rijen),
        totaal=table.totaal,
        totalen=tuple(table.totalen()),
    )


def _marker(metadata: list[Any]) -> object:
    return next((m for m in metadata if isinstance(m, ProseMarker | InlineMarker)), None)


def _marker_in(annotation: Any) -> object:
    """Find a prose or inline marker inside ``Annotated`` / ``X | None``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _marker(list(annotation.__metadata__))
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _marker_in(arg)
            if found:
                return found
    return None


def _list_item(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if typing.get_origin(arg) is list:
                return typing.get_args(arg)[0]
    if origin is list:
        return typing.get_args(annotation)[0]
    return None
