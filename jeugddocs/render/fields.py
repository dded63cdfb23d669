"""The fields and filters a Word template of each kind may use, read from the models.

The names are those the renderer fills. A kind's own view has every field of its
content model (:func:`~jeugddocs.compute.view.build_view` takes them all), what the view
adds to every kind (:class:`~jeugddocs.compute.view.Toegevoegd`) or reshapes
(:class:`~jeugddocs.compute.view.Vervangen`, :class:`~jeugddocs.compute.view.Genummerd`),
less what the writer keeps to itself (the footnote texts). A derived document (the
raadsbesluit of a raadsvoorstel) has the fields declared beside its builder in
:mod:`jeugddocs.compute.derive`. Types come from the field types (their
:class:`~jeugddocs.content.models.base.Weergave`) and descriptions from the fields'
``description``, so the list cannot drift from the models: ``jeugddocs velden`` shows it
and ``jeugddocs sjablonen controleer`` checks templates against it.
"""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from jeugddocs.compute.derive import DERIVED, FROM_VOORSTEL, OWN_FIELDS
from jeugddocs.compute.tables import TableView
from jeugddocs.compute.view import (
    Deelnemersweergave,
    Genummerd,
    NumberedLines,
    Sections,
    TableOfContents,
    Toegevoegd,
    Vervangen,
)
from jeugddocs.content.models import SOORTEN
from jeugddocs.content.models.base import Weergave
from jeugddocs.content.models.deelnemers import Deelnemers
from jeugddocs.content.models.parts import Onderbouwing, Sectie, Tabel
from jeugddocs.content.pictures import Picture
from jeugddocs.render.environment import filter_descriptions
from jeugddocs.render.writer import FOOTNOTES, WRITERS

#: Every type a template field can have, with its plural (for "lijst van …") and how a
#: template uses it, in Dutch for editors.
TYPES: dict[str, tuple[str, str]] = {
    "tekst": ("teksten", "gewone tekst: {{ veld }}"),
    "tekstregel": ("tekstregels", "opgemaakte tekst binnen een alinea: {{r veld }}"),
    "alinea's": ("alinea's", "een of meer alinea's: {{p veld }} in een alinea van zichzelf"),
    "tekst of datum": ("teksten of datums", "{{ veld }}"),
    "bedrag": ("bedragen", "een bedrag in euro's: {{ veld | euro }}"),
    "datum": ("datums", "{{ veld | datum }}"),
    "getal": ("getallen", "{{ veld }}"),
    "ja/nee": ("ja/nee-waarden", "voor een keuze: {% if veld %}…{% endif %}"),
    "tabel": ("tabellen", "{{p veld }} in een alinea van zichzelf"),
    "secties": ("secties", "alle secties met koppen: {{p veld }} in een alinea van zichzelf"),
    "inhoudsopgave": ("inhoudsopgaven", "{{p veld }} in een alinea van zichzelf"),
    "nummerlijst": (
        "nummerlijsten",
        "regels die Word nummert (1., 2.): {{p veld }} in een alinea van zichzelf; of elke "
        "regel apart: {% for x in veld %}{{r x }}{% endfor %}",
    ),
    "afbeelding": ("afbeeldingen", "{{p veld }} in een alinea van zichzelf"),
    "onderdeel": ("onderdelen", "met eigen velden: veld.naam"),
    "lijst": ("lijsten", "{% for x in veld %}…{% endfor %}; [] is elk onderdeel (x)"),
    "per naam": ("", "veld.naam, met een naam uit de inhoud (bedragen.tekort)"),
}

#: The blocks the writer makes from view values (see :data:`~.writer.WRITERS`), by type.
_BLOCKS: dict[type, str] = {
    TableView: "tabel",
    Sections: "secties",
    TableOfContents: "inhoudsopgave",
    NumberedLines: "nummerlijst",
    Picture: "afbeelding",
}
# -- content models the view turns into blocks: a table becomes a TableView, a list of
#    sections one Sections block (see compute.view._ViewBuilder.value) --
_VIEW_OF: dict[type, type] = {Tabel: TableView, Deelnemers: Deelnemersweergave}
_SECTIONS_OF: dict[type, type] = {Sectie: Sections}
#: Items the view numbers: each gets the fields of :class:`Genummerd` first.
_NUMBERED = (Onderbouwing,)
_PLAIN: dict[type, str] = {
    bool: "ja/nee",
    int: "getal",
    str: "tekst",
    Decimal: "bedrag",
    datetime.date: "datum",
}


@dataclass(frozen=True)
class Shape:
    """What one field is to a template: its type, description, and what is inside it."""

    type: str
    omschrijving: str
    leeg: bool = False
    #: An onderdeel's own fields.
    velden: Mapping[str, Shape] = field(default_factory=dict)
    #: A list's items.
    item: Shape | None = None
    #: A mapping's values (any name, as in ``bedragen.tekort``).
    waarde: Shape | None = None

    def label(self) -> str:
        """The type as an editor reads it: "lijst van tekstregels", "tekst of leeg"."""
        if self.type == "lijst" and self.item is not None:
            text = f"lijst van {TYPES[self.item.type][0]}"
        elif self.type == "per naam" and self.waarde is not None:
            text = f"{TYPES[self.waarde.type][0]} per naam"
        else:
            text = self.type
        return f"{text} of leeg" if self.leeg else text


#: What a loop over a block gives, for the blocks a template may also loop over.
_BLOCK_ITEMS: dict[type, Shape] = {
    NumberedLines: Shape("tekstregel", "één regel van de lijst, zonder nummer"),
}


@dataclass(frozen=True)
class View:
    """The fields one kind of document gives a template: ``naam`` says which document."""

    naam: str
    velden: Mapping[str, Shape]


@dataclass(frozen=True)
class Veld:
    """One field in the list of ``jeugddocs velden``: ``argumenten[].kop`` and what it is.

    ``alleen_in`` names the documents that have it when a template serves several and not
    all of them do (the raadsbesluit on its own, or with its raadsvoorstel); else empty.
    """

    naam: str
    type: str
    omschrijving: str
    alleen_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filter:
    """One filter a template may use, and what it does."""

    naam: str
    omschrijving: str


@dataclass(frozen=True)
class Velden:
    """Everything a template for ``soort`` may use: its fields and the filters."""

    soort: str
    velden: tuple[Veld, ...]
    filters: tuple[Filter, ...]
    #: Every type in ``velden``, with how a template uses it.
    typen: tuple[tuple[str, str], ...]


def template_names() -> list[str]:
    """Every template a house style may have: one per kind, and per derived document."""
    derived = [name for items in DERIVED.values() for name, _, _ in items]
    return list(dict.fromkeys([*SOORTEN, *derived]))


@cache
def views_of(template: str) -> tuple[View, ...]:
    """Every document the template ``template`` renders, with the fields each gives it."""
    found: list[View] = []
    derived = [
        (source, name)
        for source, items in DERIVED.items()
        for name, _, _ in items
        if name == template
    ]
    if template in SOORTEN:
        label = f"{template} op zichzelf" if derived else template
        found.append(View(label, _template_sees(_own_view(template))))
    for source, name in derived:
        found.append(View(f"{name} bij een {source}", _template_sees(_derived_view(source, name))))
    if not found:
        raise KeyError(template)
    return tuple(found)


def field_list(template: str) -> Velden:
    """Return the fields and filters a template for ``template`` may use, for an editor."""
    views = views_of(template)
    rows: dict[str, tuple[Shape, list[str]]] = {}
    for view in views:
        for path, shape in _flatten(view.velden):
            rows.setdefault(path, (shape, []))[1].append(view.naam)
    everywhere = len(views)
    velden = tuple(
        Veld(
            path, shape.label(), shape.omschrijving, () if len(seen) == everywhere else tuple(seen)
        )
        for path, (shape, seen) in rows.items()
    )
    used = {shape.type for shape, _ in rows.values()}
    used |= {shape.item.type for shape, _ in rows.values() if shape.item is not None}
    used |= {shape.waarde.type for shape, _ in rows.values() if shape.waarde is not None}
    return Velden(
        soort=template,
        velden=velden,
        filters=tuple(Filter(name, text) for name, text in filter_descriptions().items()),
        typen=tuple((name, TYPES[name][1]) for name in TYPES if name in used),
    )


def _flatten(fields: Mapping[str, Shape], prefix: str = "") -> Iterator[tuple[str, Shape]]:
    for name, shape in fields.items():
        path = f"{prefix}{name}"
        yield path, shape
        yield from _flatten(shape.velden, f"{path}.")
        if shape.item is not None:
            yield from _flatten(shape.item.velden, f"{path}[].")
        if shape.waarde is not None:
            yield f"{path}.<naam>", shape.waarde
            yield from _flatten(shape.waarde.velden, f"{path}.<naam>.")


def _own_view(soort: str) -> dict[str, Shape]:
    """The view of a kind's own document: its model's fields, as build_view makes them."""
    rv = fields_of(SOORTEN[soort])
    rv.update(fields_of(Toegevoegd))
    for name, shape in fields_of(Vervangen).items():
        if name in rv:
            rv[name] = shape
    return rv


def _derived_view(source: str, template: str) -> dict[str, Shape]:
    """The view of a document derived from a ``source`` document (see compute.derive)."""
    taken = _own_view(source)
    own = _own_view(template)
    rv: dict[str, Shape] = {}
    for name, path in FROM_VOORSTEL.items():
        shape = _at(taken, path)
        if name != path[-1]:
            shape = replace(shape, omschrijving=f"uit het {source}: {shape.omschrijving}")
        rv[name] = shape
    for name in OWN_FIELDS:
        rv[name] = own[name]
    return rv


def _at(fields: Mapping[str, Shape], path: tuple[str, ...]) -> Shape:
    shape = fields[path[0]]
    for name in path[1:]:
        shape = shape.velden[name]
    return shape


def _template_sees(fields: dict[str, Shape]) -> dict[str, Shape]:
    """Leave out what the writer keeps to itself: the footnote texts."""
    return {name: shape for name, shape in fields.items() if name != FOOTNOTES}


def fields_of(model: type[BaseModel]) -> dict[str, Shape]:
    """Return each field of ``model`` as a template sees it, with its description."""
    return {
        name: _shape(info.annotation, _description(model, name), tuple(info.metadata))
        for name, info in model.model_fields.items()
    }


def _description(model: type[BaseModel], name: str) -> str:
    """The field's description, or that of the field it narrows in a base model (``soort``)."""
    for base in model.__mro__:
        if issubclass(base, BaseModel) and name in base.model_fields:
            description = base.model_fields[name].description
            if description:
                return description
    return ""


def _shape(annotation: Any, description: str, metadata: tuple[Any, ...] = ()) -> Shape:
    """Return what a value of type ``annotation`` is to a template."""
    annotation, metadata = _unwrap(annotation, metadata)
    leeg = False
    members = typing.get_args(annotation) if _is_union(annotation) else ()
    if type(None) in members:
        leeg = True
        rest = [member for member in members if member is not type(None)]
        annotation = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
        annotation, metadata = _unwrap(annotation, metadata)
    shape = _shape_of(annotation, description, metadata)
    return replace(shape, leeg=True) if leeg else shape


def _unwrap(annotation: Any, metadata: tuple[Any, ...]) -> tuple[Any, tuple[Any, ...]]:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata = (*metadata, *extra)
    return annotation, metadata


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _shape_of(annotation: Any, description: str, metadata: tuple[Any, ...]) -> Shape:
    shown = [item.naam for item in metadata if isinstance(item, Weergave)]
    if shown:
        return Shape(shown[-1], description)
    origin = typing.get_origin(annotation)
    if origin is Literal:
        choices = [str(value) for value in typing.get_args(annotation)]
        note = f" ({', '.join(choices)})" if len(choices) > 1 else f" (hier: {choices[0]})"
        return Shape("tekst", description + note)
    if origin is list:
        (item,) = typing.get_args(annotation)
        if item in _SECTIONS_OF:
            return Shape(_BLOCKS[_SECTIONS_OF[item]], description)
        item_shape = _shape(item, "")
        if item in _NUMBERED:
            item_shape = replace(item_shape, velden={**fields_of(Genummerd), **item_shape.velden})
        return Shape("lijst", description, item=item_shape)
    if origin is dict:
        _, value = typing.get_args(annotation)
        value_shape = _shape(value, "de waarde met die naam, zoals bedragen.tekort")
        return Shape("per naam", description, waarde=value_shape)
    if isinstance(annotation, type):
        block = _VIEW_OF.get(annotation, annotation)
        if block in _BLOCKS:
            assert block in WRITERS, f"{block.__name__} has no writer"
            return Shape(_BLOCKS[block], description, item=_BLOCK_ITEMS.get(block))
        if issubclass(block, BaseModel):
            return Shape("onderdeel", description, velden=fields_of(block))
        for plain, name in _PLAIN.items():
            if issubclass(annotation, plain):
                return Shape(name, description)
    raise TypeError(f"no template type for {annotation!r}; give its Annotated type a Weergave")
