"""The DiWoo record of a document: ``x.diwoo.xml`` beside ``x.pdf`` or ``x.docx``.

One record per document, for the file a publication platform takes: the PDF when one
was made (what a griffie publishes and archives), else the Word file. It says who
publishes the document (a TOOI organisation), its official title (the onderwerp), its
Woo information category, its date, its language, its file type, what happened to it
on which day (documenthandeling) and its case number. Every value that comes from a
TOOI list is looked up in the shipped XSD's lists, labels included; the tables below
name only the URIs.

Every record is validated against the shipped DiWoo 0.9.8 XSD before it is handed
on: compiling the schema takes some 15 ms once per process (and reading the lists as
much), a record with its check a tenth of a millisecond (measured on the 2-core CI
machine), and a record that does not validate is a fault of this module, never of
the content (which was checked for what DiWoo needs before rendering), so it is
raised as a programming error.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from jeugddocs.artefact import Artefact, Publicatie
from jeugddocs.woo import tooi

if TYPE_CHECKING:
    from lxml import etree

#: The file format of a DiWoo record, as an artefact names it: ``x`` → ``x.diwoo.xml``.
FORMAT = "diwoo.xml"
#: The DiWoo namespace, and its usual prefix.
NAMESPACE = "https://standaarden.overheid.nl/diwoo/metadata/"
#: What the XSD imports from the Nationaal Archief's site, and the copy shipped instead:
#: validation never goes on the network.
MDTO_LOCATION = "https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"
MDTO_XSD = tooi.XSD_FOLDER / "MDTO-XML1.0.1.xsd"
DIWOO_XSD = tooi.XSD_FOLDER / "diwoo-metadata.xsd"

_KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"

# -- Woo information categories (TOOI list scw_woo_informatiecategorieen, the XSD's
#    informatiecategorielijst), after art. 3.3 lid 2 Woo --
#: g. "vergaderstukken en verslagen van … gemeenteraden … algemene besturen van openbare
#: lichamen … als bedoeld in de Wet gemeenschappelijke regelingen en hun commissies".
VERGADERSTUKKEN_DECENTRAAL = f"{_KERN}c_db4862c3"
#: Published under the general duty of art. 3.1 Woo, outside the compulsory categories.
INSPANNINGSVERPLICHTING = f"{_KERN}c_816e508d"

# -- Kinds of document (TOOI list ccw_plooi_documentsoorten, the XSD's documentsoortlijst) --
_BESLUIT = f"{_KERN}c_465163c9"
_BRIEF = f"{_KERN}c_7652d853"
_BESLISNOTA = f"{_KERN}c_2977c34f"
_BELEIDSNOTA = f"{_KERN}c_9376c730"
_VERGADERSTUK = f"{_KERN}c_7f9dffa7"
_VOORTGANGSRAPPORT = f"{_KERN}c_cccba364"

# -- What happened to a document (TOOI list ccw_plooi_documenthandelingen, the XSD's
#    soorthandelinglijst; it has only ondertekening, ontvangst and vaststelling) --
VASTSTELLING = f"{_KERN}c_641ecd76"
ONDERTEKENING = f"{_KERN}c_e1ec050e"


@dataclass(frozen=True)
class Classificatie:
    """How DiWoo classifies one kind of document: category, kind (if any) and its act."""

    informatiecategorie: str
    documentsoort: str | None
    handeling: str


#: Every kind of document jeugddocs makes → its DiWoo classification. Why each:
#:
#: - raadsvoorstel: a document of the council's meeting (art. 3.3 lid 2 g); TOOI has no
#:   "raadsvoorstel", its broader "vergaderstuk" is "ieder document dat een rol speelt op
#:   of ten behoeve van een vergadering". The college establishes it on its date.
#: - raadsbesluit: the council's decision, a document of its meeting (g), not "overige
#:   besluiten van algemene strekking": a verordening it adopts is published on its own,
#:   in the Gemeenteblad. Established by the council at its meeting (``vergadering``) —
#:   for a raadsbesluit made with its raadsvoorstel, the draft, on the proposal's date.
#: - raadsinformatiebrief: sent to the council and published with its meeting
#:   documents (g); not "ingekomen stukken" (f), which are pieces received "ter
#:   behandeling", where a brief informs. A letter: signed (ondertekening) on its date.
#: - memo: in jeugddocs a memo to the council (seed 001: the college on an overrun),
#:   so a meeting document (g); TOOI has no "memo" kind, and "brief" would say more than
#:   the form is, so none is given.
#: - nota: a policy document that a council or a regeling's algemeen bestuur adopts
#:   (seed 003: GRJR's purchasing strategy), a meeting document of that body (g);
#:   kind "beleidsnota".
#: - rapportage: a bestuurs- or afwijkingenrapportage, a planning-and-control document
#:   for the council's meeting (g); not "jaarplannen en jaarverslagen" (k), which it is
#:   neither; kind "voortgangsrapport" (a report on how the budget is being carried out).
#: - collegevoorstel: a proposal to the college. The Woo makes only the college's
#:   agendas and lists of decisions compulsory (h), not the proposals, so a published
#:   collegevoorstel falls under the general duty of art. 3.1; kind "beslisnota", TOOI's
#:   note that asks an administrator for a decision.
#:
#: Every document is made by its publisher, so none is "ontvangst" (receipt).
CLASSIFICATIE: dict[str, Classificatie] = {
    "raadsvoorstel": Classificatie(VERGADERSTUKKEN_DECENTRAAL, _VERGADERSTUK, VASTSTELLING),
    "raadsbesluit": Classificatie(VERGADERSTUKKEN_DECENTRAAL, _BESLUIT, VASTSTELLING),
    "raadsinformatiebrief": Classificatie(VERGADERSTUKKEN_DECENTRAAL, _BRIEF, ONDERTEKENING),
    "memo": Classificatie(VERGADERSTUKKEN_DECENTRAAL, None, VASTSTELLING),
    "nota": Classificatie(VERGADERSTUKKEN_DECENTRAAL, _BELEIDSNOTA, VASTSTELLING),
    "rapportage": Classificatie(VERGADERSTUKKEN_DECENTRAAL, _VOORTGANGSRAPPORT, VASTSTELLING),
    "collegevoorstel": Classificatie(INSPANNINGSVERPLICHTING, _BESLISNOTA, VASTSTELLING),
}

#: File formats a record may describe, most preferred first → their TOOI file type
#: (EU file-type authority, the XSD's formatlijst). The first one made is described.
BESTANDSTYPEN: dict[str, str] = {
    "pdf": "http://publications.europa.eu/resource/authority/file-type/PDF",
    "docx": "http://publications.europa.eu/resource/authority/file-type/DOCX",
}

#: Dutch (the XSD's taallijst, EU language authority): every document jeugddocs makes.
NEDERLANDS = "http://publications.europa.eu/resource/authority/language/NLD"


def describe(documents: Sequence[Artefact], files: Sequence[Artefact]) -> list[Artefact]:
    """Return a DiWoo record for every rendered document that asks for one (``publicatie``).

    ``files`` are all files made of ``documents``; a record describes the one of its
    own document in the most preferred format of :data:`BESTANDSTYPEN`.
    """
    rv = []
    for document in documents:
        if document.publicatie is None:
            continue
        made = {item.format for item in files if item.name == document.name}
        chosen = next((format for format in BESTANDSTYPEN if format in made), None)
        if chosen is None:
            raise ValueError(
                f"no DiWoo file type for {document.name!r} in {sorted(made)}; "
                f"known: {', '.join(BESTANDSTYPEN)}"
            )
        data = record(document.soort, document.title, document.publicatie, chosen)
        rv.append(Artefact(document.name, FORMAT, data, document.soort, document.title))
    return rv


def record(soort: str, titel: str, publicatie: Publicatie, format: str) -> bytes:
    """Return the DiWoo record (UTF-8 XML) of a document of kind ``soort`` in ``format``.

    Raises ValueError for a kind, format or publisher no list has (the caller's
    mistake: content is checked for its publisher first), and RuntimeError when the
    record does not validate against the shipped XSD (this module's).
    """
    from lxml import etree

    if soort not in CLASSIFICATIE:
        raise ValueError(f"no DiWoo classification for kind {soort!r}")
    if format not in BESTANDSTYPEN:
        raise ValueError(f"no DiWoo file type for format {format!r}")
    if tooi.organisatie(publicatie.uitgever) is None:
        raise ValueError(f"publisher {publicatie.uitgever!r} is in no TOOI organisation list")
    kind = CLASSIFICATIE[soort]
    root = etree.Element(_tag("Document"), nsmap={"diwoo": NAMESPACE})
    diwoo = _add(root, "DiWoo")
    if publicatie.kenmerken:
        identifiers = _add(diwoo, "identifiers")
        for kenmerk in publicatie.kenmerken:
            _add(identifiers, "identifier", kenmerk)
    _add(diwoo, "publisher", publicatie.uitgever_naam, publicatie.uitgever)
    _add(_add(diwoo, "titelcollectie"), "officieleTitel", titel)
    classification = _add(diwoo, "classificatiecollectie")
    categories = _add(classification, "informatiecategorieen")
    _listed(categories, "informatiecategorie", "informatiecategorielijst", kind.informatiecategorie)
    if kind.documentsoort is not None:
        kinds = _add(classification, "documentsoorten")
        _listed(kinds, "documentsoort", "documentsoortlijst", kind.documentsoort)
    _add(diwoo, "creatiedatum", publicatie.datum.isoformat())
    _listed(diwoo, "language", "taallijst", NEDERLANDS)
    _listed(diwoo, "format", "formatlijst", BESTANDSTYPEN[format])
    act = _add(_add(diwoo, "documenthandelingen"), "documenthandeling")
    _listed(act, "soortHandeling", "soorthandelinglijst", kind.handeling)
    # -- DiWoo wants a moment and a document has a day: its start, without a time zone,
    #    as the day has none --
    _add(act, "atTime", _start_of(publicatie.vastgesteld or publicatie.datum))
    tree = etree.ElementTree(root)
    invalid = _invalid(tree)
    if invalid:
        raise RuntimeError(
            f"the DiWoo record of {titel!r} ({soort}) does not validate against "
            f"{DIWOO_XSD.name}: {invalid}"
        )
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def validate(data: bytes) -> str | None:
    """Return why ``data`` is no valid DiWoo record (every error, with its line), or None."""
    from lxml import etree

    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:
        return str(exc)
    return _invalid(tree)


def _invalid(tree: etree._ElementTree) -> str | None:
    checker = schema()
    if checker.validate(tree):
        return None
    # -- one line per error: "<string>:line:column:ERROR:SCHEMASV:…: message" --
    return str(checker.error_log) or "invalid"


@cache
def schema() -> etree.XMLSchema:
    """Return the DiWoo 0.9.8 schema, compiled from the shipped XSD files, offline.

    The XSD imports MDTO (Nationaal Archief) from its web address; a resolver gives
    the shipped copy of that file instead, and the parser may not use the network, so
    a missing file is an error here rather than a download.
    """
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(DIWOO_XSD), _parser()))


def _parser() -> etree.XMLParser:
    from lxml import etree

    class Shipped(etree.Resolver):
        """Answers the schema's import of MDTO with the shipped copy."""

        # -- lxml-stubs lag behind lxml, whose resolve() is given a context and whose
        #    Resolver has resolve_filename() --
        def resolve(  # type: ignore[override]
            self, system_url: str, public_id: str, context: Any
        ) -> Any:
            if system_url == MDTO_LOCATION:
                return self.resolve_filename(str(MDTO_XSD), context)  # type: ignore[attr-defined]
            return None

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(Shipped())
    return parser


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _add(
    parent: etree._Element, name: str, text: str | None = None, resource: str | None = None
) -> etree._Element:
    from lxml import etree

    element = etree.SubElement(parent, _tag(name))
    if resource is not None:
        element.set("resource", resource)
    if text is not None:
        element.text = text
    return element


def _listed(parent: etree._Element, name: str, lijst: str, uri: str) -> etree._Element:
    """Add an element naming ``uri`` of TOOI list ``lijst``, with the list's own label."""
    return _add(parent, name, tooi.label(lijst, uri), uri)


def _start_of(day: datetime.date) -> str:
    return datetime.datetime.combine(day, datetime.time()).isoformat()
