"""The shipped DiWoo and MDTO schemas: unchanged, complete offline, and strict enough to matter."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from jeugddocs.compute.derive import DERIVED
from jeugddocs.content.models import SOORTEN
from jeugddocs.woo import diwoo, tooi

README = tooi.XSD_FOLDER / "README.md"
ROOT = Path(__file__).resolve().parents[2]


def test_every_shipped_schema_has_the_hash_its_provenance_note_gives() -> None:
    listed = dict(
        (name, digest)
        for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+)$", README.read_text(), re.M)
    )
    shipped = {path.name for path in tooi.XSD_FOLDER.glob("*.xsd")}

    assert (
        set(listed)
        == shipped
        == {
            "diwoo-metadata.xsd",
            "diwoo-metadata-lijsten.xsd",
            "MDTO-XML1.0.1.xsd",
        }
    )
    for name, digest in listed.items():
        assert hashlib.sha256((tooi.XSD_FOLDER / name).read_bytes()).hexdigest() == digest, name


def test_the_schema_imports_mdto_from_the_web_and_compiles_only_through_the_shipped_copy() -> None:
    text = diwoo.DIWOO_XSD.read_text(encoding="utf-8")
    assert f'schemaLocation="{diwoo.MDTO_LOCATION}"' in text
    offline = etree.XMLParser(no_network=True)

    # -- without the resolver the import cannot be read offline, so the shipped copy is
    #    what makes the schema whole, not a download --
    with pytest.raises(etree.XMLSchemaParseError):
        etree.XMLSchema(etree.parse(str(diwoo.DIWOO_XSD), offline))
    assert isinstance(diwoo.schema(), etree.XMLSchema)


def test_the_mdto_part_of_the_schema_is_really_checked() -> None:
    # -- a DiWoo document may hold MDTO instead; an MDTO 'bestand' needs its fields --
    record = (
        b'<diwoo:Document xmlns:diwoo="https://standaarden.overheid.nl/diwoo/metadata/" '
        b'xmlns:mdto="https://www.nationaalarchief.nl/mdto">'
        b"<mdto:MDTO><mdto:bestand/></mdto:MDTO></diwoo:Document>"
    )

    problem = diwoo.validate(record)

    assert problem is not None
    assert "bestand" in problem


def test_the_organisation_lists_are_those_diwoo_allows_a_publisher_from() -> None:
    root = etree.parse(str(diwoo.DIWOO_XSD)).getroot()
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    union = root.find("xs:simpleType[@name='organisatielijst']/xs:union", ns)
    assert union is not None
    members = [
        restriction.get("base", "").removeprefix("diwoo:")
        for restriction in union.iterfind("xs:simpleType/xs:restriction", ns)
    ]

    assert sorted(members) == sorted(tooi.ORGANISATIELIJSTEN)


def test_every_tooi_value_jeugddocs_writes_is_in_its_list() -> None:
    lists = tooi.lists()
    for kind in diwoo.CLASSIFICATIE.values():
        assert kind.informatiecategorie in lists["informatiecategorielijst"]
        assert kind.documentsoort is None or kind.documentsoort in lists["documentsoortlijst"]
        assert kind.handeling in lists["soorthandelinglijst"]
    for uri in diwoo.BESTANDSTYPEN.values():
        assert uri in lists["formatlijst"]
    assert lists["taallijst"][diwoo.NEDERLANDS] == "Nederlands"
    assert lists["informatiecategorielijst"][diwoo.VERGADERSTUKKEN_DECENTRAAL] == (
        "vergaderstukken decentrale overheden"
    )
    assert lists["soorthandelinglijst"][diwoo.VASTSTELLING] == "vaststelling"
    assert lists["soorthandelinglijst"][diwoo.ONDERTEKENING] == "ondertekening"


def test_every_kind_jeugddocs_makes_is_classified() -> None:
    derived = {template for extra in DERIVED.values() for template, _, _ in extra}

    assert set(diwoo.CLASSIFICATIE) == set(SOORTEN) | derived


def test_a_municipality_is_found_by_its_cbs_code_with_its_tooi_label() -> None:
    uri = tooi.gemeente_uri("GM0575")

    assert uri == "https://identifier.overheid.nl/tooi/id/gemeente/gm0575"
    assert tooi.organisatie(uri) == "gemeente Noordwijk"
    assert tooi.gemeente_uri("gm0575") == uri
    assert tooi.gemeente_uri("JZ26") is None
    assert tooi.organisatie_uri("so0006") == "https://identifier.overheid.nl/tooi/id/so/so0006"
    assert tooi.organisatie("https://identifier.overheid.nl/tooi/id/so/so0006") == (
        "Regio Gooi en Vechtstreek"
    )
    assert tooi.organisatie_uri("so9999") is None


def test_reading_the_lists_and_the_schema_module_loads_no_lxml() -> None:
    probe = (
        "import sys, jeugddocs.exporters, jeugddocs.woo.diwoo, jeugddocs.woo.tooi\n"
        "jeugddocs.woo.tooi.lists()\n"
        "print('lxml' in sys.modules)"
    )

    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )

    assert result.stdout.strip() == "False"
