"""The DiWoo record beside each document: valid against the shipped XSD, and right."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from lxml import etree

from jeugddocs import api
from jeugddocs.artefact import Artefact, Publicatie
from jeugddocs.woo import diwoo, tooi
from tests.conftest import ROOT, SAMPLES

NS = {"diwoo": diwoo.NAMESPACE}
GEMEENTEN = ROOT / "content" / "gemeenten"

#: Profiles for the samples whose sender is a plain name: the real municipalities by
#: their CBS code; the invented "Voorbeeldstad" is given Noordwijk's.
PLAIN_SENDERS = {
    "Raalte": ("raalte", "GM0177"),
    "Ouder-Amstel": ("ouder-amstel", "GM0437"),
    "Voorbeeldstad": ("voorbeeldstad", "GM0575"),
}


TEKSTBLOKKEN = ROOT / "content" / "tekstblokken"


def _with_profile(sample: Path, folder: Path) -> Path:
    """Return ``sample``, or a copy in ``folder`` with its plain-named sender a profile."""
    text = sample.read_text(encoding="utf-8")
    for name, (key, code) in PLAIN_SENDERS.items():
        if f"\ngemeente: {name}\n" in text:
            profiles = folder / "gemeenten"
            profiles.mkdir(exist_ok=True)
            (profiles / f"{key}.yaml").write_text(
                f"naam: {name}\ncbs_code: {code}\n", encoding="utf-8"
            )
            target = folder / sample.name
            target.write_text(
                text.replace(f"\ngemeente: {name}\n", f"\ngemeente: {key}\n"), encoding="utf-8"
            )
            return target
    return sample


def _value(tree: etree._Element, path: str) -> str:
    found = tree.find(path, NS)
    assert found is not None, path
    return found.text or ""


def _resource(tree: etree._Element, path: str) -> str:
    found = tree.find(path, NS)
    assert found is not None, path
    return found.get("resource", "")


#: Every sample, so every kind of document (a test in test_xsd.py keeps the kinds classified).
SAMPLE_KINDS = sorted(SAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("sample", SAMPLE_KINDS, ids=lambda path: path.stem)
def test_the_record_of_every_sample_validates_and_describes_its_document(
    sample: Path, tmp_path: Path
) -> None:
    content = _with_profile(sample, tmp_path)
    out = tmp_path / "uit"

    written = api.build(content, out, gemeenten=[GEMEENTEN], tekstblokken=[TEKSTBLOKKEN], woo=True)

    documents = [path for path in written if path.suffix == ".docx"]
    records = [path for path in written if path.name.endswith(".diwoo.xml")]
    assert [path.name.removesuffix(".diwoo.xml") for path in records] == [
        path.stem for path in documents
    ]
    checked = api.check(content, gemeenten=[GEMEENTEN], tekstblokken=[TEKSTBLOKKEN]).valid()
    for record in records:
        data = record.read_bytes()
        assert diwoo.validate(data) is None
        tree = etree.fromstring(data)
        soort = "raadsbesluit" if record.name.endswith("-raadsbesluit.diwoo.xml") else checked.soort
        kind = diwoo.CLASSIFICATIE[soort]
        publisher = checked.afzender.uitgever if checked.afzender else None
        assert publisher is not None
        assert _resource(tree, ".//diwoo:publisher") == publisher
        assert _value(tree, ".//diwoo:publisher") == tooi.organisatie(publisher)
        assert _value(tree, ".//diwoo:officieleTitel") == checked.onderwerp
        assert _resource(tree, ".//diwoo:informatiecategorie") == kind.informatiecategorie
        assert _resource(tree, ".//diwoo:soortHandeling") == kind.handeling
        assert _value(tree, ".//diwoo:creatiedatum") == checked.datum.isoformat()
        assert _resource(tree, ".//diwoo:language") == diwoo.NEDERLANDS
        assert _value(tree, ".//diwoo:format") == "Word DOCX"
        identifiers = [found.text for found in tree.iterfind(".//diwoo:identifier", NS)]
        assert identifiers == ([checked.zaaknummer] if checked.zaaknummer else [])


def test_noordwijk_is_named_by_its_tooi_identifier_and_label(tmp_path: Path) -> None:
    sample = SAMPLES / "kaders-inkoop-jeugdhulp.yaml"

    written = api.build(sample, tmp_path, woo=True)

    tree = etree.parse(str(tmp_path / "kaders-inkoop-jeugdhulp.diwoo.xml"))
    publisher = tree.find(".//diwoo:publisher", NS)
    assert publisher is not None
    assert publisher.get("resource") == "https://identifier.overheid.nl/tooi/id/gemeente/gm0575"
    assert publisher.text == "gemeente Noordwijk"
    assert _value(tree.getroot(), ".//diwoo:informatiecategorie") == (
        "vergaderstukken decentrale overheden"
    )
    assert sorted(path.name for path in written) == [
        "kaders-inkoop-jeugdhulp-raadsbesluit.diwoo.xml",
        "kaders-inkoop-jeugdhulp-raadsbesluit.docx",
        "kaders-inkoop-jeugdhulp.diwoo.xml",
        "kaders-inkoop-jeugdhulp.docx",
    ]


def test_a_raadsbesluit_is_adopted_at_its_meeting_and_made_on_its_date(tmp_path: Path) -> None:
    text = (SAMPLES / "verordening-jeugdhulp-noordwijk.yaml").read_text(encoding="utf-8")
    content = tmp_path / "besluit.yaml"
    content.write_text(
        text.replace("vergadering: 2021-03-18", "vergadering: 2021-03-25"), encoding="utf-8"
    )

    api.build(content, tmp_path / "uit", gemeenten=[GEMEENTEN], woo=True)

    tree = etree.parse(str(tmp_path / "uit" / "besluit.diwoo.xml")).getroot()
    assert _value(tree, ".//diwoo:creatiedatum") == "2021-03-18"
    assert _value(tree, ".//diwoo:atTime") == "2021-03-25T00:00:00"
    assert _value(tree, ".//diwoo:soortHandeling") == "vaststelling"
    assert _value(tree, ".//diwoo:documentsoort") == "besluit"


def test_a_raadsinformatiebrief_is_signed_and_a_collegevoorstel_not_a_meeting_document(
    tmp_path: Path,
) -> None:
    brief = _with_profile(SAMPLES / "sturingsinformatie-jeugdhulp-2022.yaml", tmp_path)
    api.build(brief, tmp_path / "uit", gemeenten=[GEMEENTEN], woo=True)
    api.build(SAMPLES / "pilot-praktijkondersteuner-jeugd.yaml", tmp_path / "uit", woo=True)

    letter = etree.parse(str(tmp_path / "uit" / f"{brief.stem}.diwoo.xml")).getroot()
    proposal = etree.parse(
        str(tmp_path / "uit" / "pilot-praktijkondersteuner-jeugd.diwoo.xml")
    ).getroot()
    assert _value(letter, ".//diwoo:soortHandeling") == "ondertekening"
    assert _value(letter, ".//diwoo:publisher") == "gemeente Raalte"
    assert _value(proposal, ".//diwoo:informatiecategorie") == (
        "inspanningsverplichting art 3.1 Woo"
    )


def test_per_participant_each_municipality_publishes_its_own_document(tmp_path: Path) -> None:
    written = api.build(
        SAMPLES / "dagbehandeling-jonge-kinderen.yaml", tmp_path, per_deelnemer=True, woo=True
    )

    records = {
        path.name.removesuffix(".diwoo.xml"): etree.parse(str(path)).getroot()
        for path in written
        if path.name.endswith(".diwoo.xml")
    }
    assert len(records) == len([path for path in written if path.suffix == ".docx"]) == 7
    blaricum = records["dagbehandeling-jonge-kinderen-blaricum"]
    assert _resource(blaricum, ".//diwoo:publisher") == (
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0376"
    )
    assert _value(blaricum, ".//diwoo:publisher") == "gemeente Blaricum"
    assert all(diwoo.validate(etree.tostring(tree)) is None for tree in records.values())


def test_the_regional_document_is_published_by_the_region(tmp_path: Path) -> None:
    api.build(SAMPLES / "dagbehandeling-jonge-kinderen.yaml", tmp_path, woo=True)

    tree = etree.parse(str(tmp_path / "dagbehandeling-jonge-kinderen.diwoo.xml")).getroot()
    assert _resource(tree, ".//diwoo:publisher") == (
        "https://identifier.overheid.nl/tooi/id/so/so0006"
    )
    assert _value(tree, ".//diwoo:publisher") == "Regio Gooi en Vechtstreek"


def _document(publicatie: Publicatie | None = None) -> Artefact:
    return Artefact("x", "docx", b"PK", "memo", "Overschrijding", publicatie or PUBLICATIE)


PUBLICATIE = Publicatie(
    uitgever="https://identifier.overheid.nl/tooi/id/gemeente/gm0575",
    uitgever_naam="gemeente Noordwijk",
    datum=datetime.date(2020, 10, 6),
    kenmerken=("2020-123",),
)


def test_a_record_describes_the_pdf_when_one_is_made() -> None:
    document = _document()
    pdf = Artefact("x", "pdf", b"%PDF", "memo", "Overschrijding")

    with_pdf = diwoo.describe([document], [document, pdf])
    word_only = diwoo.describe([document], [document])

    assert [record.filename for record in with_pdf] == ["x.diwoo.xml"]
    assert _value(etree.fromstring(with_pdf[0].data), ".//diwoo:format") == "PDF"
    assert _value(etree.fromstring(word_only[0].data), ".//diwoo:format") == "Word DOCX"


def test_a_document_that_asks_for_no_record_gets_none() -> None:
    plain = Artefact("x", "docx", b"PK", "memo", "Overschrijding")

    assert api.export([plain]) == [plain]


def test_export_puts_the_record_after_the_files_it_describes() -> None:
    document = _document()

    made = api.export([document])

    assert [artefact.filename for artefact in made] == ["x.docx", "x.diwoo.xml"]


def test_a_record_the_schema_refuses_is_a_programming_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # -- a category no TOOI list has, with a label found for it anyway: only the
    #    schema can catch it, and must, before anything is written --
    wrong = diwoo.Classificatie(
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_00000000", None, diwoo.VASTSTELLING
    )
    monkeypatch.setitem(diwoo.CLASSIFICATIE, "memo", wrong)
    monkeypatch.setattr(tooi, "label", lambda lijst, uri: "verzonnen")

    with pytest.raises(RuntimeError, match="does not validate"):
        diwoo.describe([_document()], [_document()])


def test_the_schema_refuses_what_diwoo_does_not_allow() -> None:
    good = diwoo.record("memo", "Overschrijding", PUBLICATIE, "docx")
    assert diwoo.validate(good) is None

    unknown_publisher = good.replace(b"gemeente/gm0575", b"gemeente/gm9999")
    no_title = good.replace(b"<diwoo:officieleTitel>Overschrijding</diwoo:officieleTitel>", b"")
    bad_date = good.replace(b"2020-10-06</diwoo:creatiedatum>", b"6-10-2020</diwoo:creatiedatum>")

    assert diwoo.validate(unknown_publisher) is not None
    assert diwoo.validate(no_title) is not None
    assert diwoo.validate(bad_date) is not None


def test_a_publisher_no_list_has_is_refused_before_any_xml_is_made() -> None:
    made_up = Publicatie(
        "https://identifier.overheid.nl/tooi/id/gemeente/gm9999", "?", PUBLICATIE.datum
    )

    with pytest.raises(ValueError, match="no TOOI organisation list"):
        diwoo.record("memo", "Overschrijding", made_up, "docx")
