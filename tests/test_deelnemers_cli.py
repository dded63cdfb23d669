"""Regional proposals end to end: one document per participant, whose shares add up."""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jeugddocs import api
from jeugddocs.cli import cli
from tests.conftest import MINIMAL, ROOT, SAMPLES
from tests.docx_text import extract

SAMPLE = SAMPLES / "dagbehandeling-jonge-kinderen.yaml"
SEVEN = ["blaricum", "gooise-meren", "hilversum", "huizen", "laren", "weesp", "wijdemeren"]
SHARE = re.compile(r"Het aandeel van uw gemeente in de extra bijdrage is € ([\d.]+) per jaar\.")


def lines_of(path: Path) -> list[str]:
    return [line.replace("\xa0", " ") for line in extract(path)]


def amount(text: str) -> Decimal:
    return Decimal(text.replace(".", ""))


def test_seed_000_gives_seven_documents_whose_shares_add_up(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(cli, ["render", str(SAMPLE), "-o", str(tmp_path), "--per-deelnemer"])

    assert result.exit_code == 0, result.output
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(f"dagbehandeling-jonge-kinderen-{key}.docx" for key in SEVEN)
    shares, letterheads, addresses = [], set(), set()
    for key in SEVEN:
        lines = lines_of(tmp_path / f"dagbehandeling-jonge-kinderen-{key}.docx")
        [share] = [match for line in lines if (match := SHARE.search(line))]
        shares.append(amount(share.group(1)))
        head = [line for line in lines if line.startswith("[koptekst eerste pagina]")]
        letterheads.add(head[0])
        addresses.add(head[-1])
        # -- the regional table is in every document, whole --
        assert "| Totaal | € 103.500 |" in lines
        assert sum(1 for line in lines if re.fullmatch(r"\| [A-Z][\w ]+ \| € [\d.]+ \|", line)) == 8
        assert "| Aan | het college van burgemeester en wethouders |" in lines
    assert sum(shares) == Decimal(103500)
    assert shares == [Decimal(n) for n in (750, 4800, 70000, 14750, 3300, 7900, 2000)]
    assert len(letterheads) == len(addresses) == 7
    assert "[koptekst eerste pagina] Gemeente Gooise Meren" in letterheads


def test_each_document_is_in_its_profiles_house_style(tmp_path: Path) -> None:
    api.build(SAMPLE, tmp_path, per_deelnemer=True)

    # -- Hilversum's profile chooses the house style with questions as headings --
    assert "[Heading 1] Wat stellen wij voor?" in lines_of(
        tmp_path / "dagbehandeling-jonge-kinderen-hilversum.docx"
    )
    assert "[Heading 1] Voorstel" in lines_of(
        tmp_path / "dagbehandeling-jonge-kinderen-blaricum.docx"
    )


def test_a_house_style_given_by_the_user_is_used_for_every_participant(tmp_path: Path) -> None:
    api.build(SAMPLE, tmp_path, api.template_set("standaard"), per_deelnemer=True)

    assert "[Heading 1] Voorstel" in lines_of(
        tmp_path / "dagbehandeling-jonge-kinderen-hilversum.docx"
    )


def test_without_the_option_the_regional_document_is_made_as_before(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(cli, ["render", str(SAMPLE), "-o", str(tmp_path)])

    assert result.exit_code == 0, result.output
    [made] = tmp_path.iterdir()
    lines = lines_of(made)
    assert "[koptekst eerste pagina] Regio Gooi en Vechtstreek" in lines
    assert not any(SHARE.search(line) for line in lines)
    assert "| Totaal | € 103.500 |" in lines


REGIONAL_RAADSVOORSTEL = MINIMAL + textwrap.dedent(
    """\
    deelnemers:
      verdeel:
        aandeel: extra
      verdeelsleutel: aantal inwoners (voorbeeld)
      tekst: Voor uw gemeente is dat {{ aandeel | euro }}.
      gemeenten:
        - gemeente: blaricum
          gewicht: 12000
          zaaknummer: "B-7"
        - gemeente: laren
          gewicht: 11000
    """
)


@pytest.fixture
def regional(tmp_path: Path) -> Path:
    profiles = tmp_path / "gemeenten"
    profiles.mkdir()
    (profiles / "blaricum.yaml").write_text(
        "naam: Blaricum\n"
        "functionarissen:\n  burgemeester: B. Voorbeeld\n  griffier: G. Voorbeeld\n",
        encoding="utf-8",
    )
    (profiles / "laren.yaml").write_text("naam: Laren\nhuisstijl: plat\n", encoding="utf-8")
    (tmp_path / "stukken").mkdir()
    path = tmp_path / "stukken" / "regionaal.yaml"
    path.write_text(REGIONAL_RAADSVOORSTEL, encoding="utf-8")
    return path


def test_a_raadsvoorstel_gives_each_council_its_proposal_and_besluit(
    regional: Path, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    written = api.build(regional, out, per_deelnemer=True)

    assert [path.name for path in written] == [
        "regionaal-blaricum.docx",
        "regionaal-blaricum-raadsbesluit.docx",
        "regionaal-laren.docx",
        "regionaal-laren-raadsbesluit.docx",
    ]
    voorstel = lines_of(out / "regionaal-blaricum.docx")
    besluit = lines_of(out / "regionaal-blaricum-raadsbesluit.docx")
    # -- 103500 × 12/23 = 54000; 103500 × 11/23 = 49500 --
    assert any("Voor uw gemeente is dat € 54.000." in line for line in voorstel)
    assert any(
        "Voor uw gemeente is dat € 49.500." in line
        for line in lines_of(out / "regionaal-laren.docx")
    )
    assert "[koptekst eerste pagina] Gemeente Blaricum" in besluit
    assert "| G. Voorbeeld | B. Voorbeeld |" in besluit
    assert any("nr. B-7" in line for line in besluit)
    assert not any("0042" in line for line in voorstel + besluit)


def test_the_api_plans_the_names_before_rendering(regional: Path) -> None:
    document = api.check(regional).valid()

    planned = api.plan(document, "x", per_deelnemer=True)

    assert [(item.name, item.huisstijl) for item in planned] == [
        ("x-blaricum", None),
        ("x-blaricum-raadsbesluit", None),
        ("x-laren", "plat"),
        ("x-laren-raadsbesluit", "plat"),
    ]
    assert [item.name for item in api.plan(document, "x")] == ["x", "x-raadsbesluit"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_named_like_a_participants_document_is_reported_first(
    regional: Path, tmp_path: Path, runner: CliRunner, jobs: str
) -> None:
    # -- sorted first, this plain raadsvoorstel claims regionaal-laren(-raadsbesluit).docx --
    regional.with_name("regionaal-laren.yaml").write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "uit"

    result = runner.invoke(
        cli, ["render", str(regional.parent), "-o", str(out), "--per-deelnemer", "-j", jobs]
    )

    assert result.exit_code == 1
    assert f"{regional}:1:1: dit bestand geeft dezelfde uitvoer als" in result.stderr
    assert sorted(path.name for path in out.iterdir()) == [
        "regionaal-laren-raadsbesluit.docx",
        "regionaal-laren.docx",
    ]


def test_all_or_none_of_the_participants_documents_are_written(
    regional: Path, tmp_path: Path, runner: CliRunner
) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    (out / "regionaal-blaricum.docx").write_bytes(b"vorige versie")
    (out / "regionaal-laren-raadsbesluit.docx").mkdir()  # -- cannot be replaced --

    result = runner.invoke(cli, ["render", str(regional), "-o", str(out), "--per-deelnemer"])

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert sorted(path.name for path in out.iterdir()) == [
        "regionaal-blaricum.docx",
        "regionaal-laren-raadsbesluit.docx",
    ]
    assert (out / "regionaal-blaricum.docx").read_bytes() == b"vorige versie"


def test_an_error_in_the_participants_is_reported_and_nothing_written(
    regional: Path, tmp_path: Path, runner: CliRunner
) -> None:
    regional.write_text(
        REGIONAL_RAADSVOORSTEL.replace("gemeente: laren", "gemeente: blaricum"), encoding="utf-8"
    )
    out = tmp_path / "uit"

    result = runner.invoke(cli, ["render", str(regional), "-o", str(out), "--per-deelnemer"])

    assert result.exit_code == 1
    line = REGIONAL_RAADSVOORSTEL.splitlines().index("    - gemeente: laren") + 1
    assert f"regionaal.yaml:{line}:17: 'blaricum' staat al in de lijst" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_the_shipped_profiles_of_the_region_are_valid() -> None:
    for key in [*SEVEN, "eemnes"]:
        path = ROOT / "content" / "gemeenten" / f"{key}.yaml"
        assert path.is_file(), key
    assert api.check(SAMPLE).ok


def test_participant_documents_are_schema_valid_ooxml(
    regional: Path, tmp_path: Path, openxml_audit: Any
) -> None:
    written = api.build(regional, tmp_path / "uit", per_deelnemer=True)
    written += api.build(SAMPLE, tmp_path / "uit", per_deelnemer=True)[:2]

    for path in written:
        result = openxml_audit.OpenXmlValidator().validate(str(path))
        assert [str(e) for e in result.errors] == [], path.name


def _regional_copy(tmp_path: Path) -> Path:
    """The seed 000 sample with its profiles, a text block in its text, and a Blaricum override."""
    shutil.copytree(ROOT / "content" / "gemeenten", tmp_path / "gemeenten")
    blocks = tmp_path / "tekstblokken"
    (blocks / "blaricum").mkdir(parents=True)
    (blocks / "communicatie.yaml").write_text(
        "tekst: Het besluit staat op de website van de gemeente {{ gemeente }}.\n", encoding="utf-8"
    )
    (blocks / "blaricum" / "communicatie.yaml").write_text(
        "tekst: Blaricum meldt het besluit in de Blaricummer.\n", encoding="utf-8"
    )
    (tmp_path / "voorstellen").mkdir()
    content = tmp_path / "voorstellen" / "regionaal.yaml"
    text = SAMPLE.read_text(encoding="utf-8")
    text = re.sub(r"\ncommunicatie:[^\n]*(\n  [^\n]*)*", "", text)
    content.write_text(text + '\ncommunicatie: |\n  {{ blok("communicatie") }}\n', encoding="utf-8")
    return content


def test_each_participant_gets_its_own_text_blocks(tmp_path: Path) -> None:
    content = _regional_copy(tmp_path)

    api.build(content, tmp_path / "uit", per_deelnemer=True)

    blaricum = "\n".join(lines_of(tmp_path / "uit" / "regionaal-blaricum.docx"))
    hilversum = "\n".join(lines_of(tmp_path / "uit" / "regionaal-hilversum.docx"))
    assert "Blaricum meldt het besluit in de Blaricummer." in blaricum
    assert "Het besluit staat op de website van de gemeente Hilversum." in hilversum
    (regional,) = api.build(content, tmp_path / "regio")
    assert "Het besluit staat op de website van de gemeente Gooi en Vechtstreek." in "\n".join(
        lines_of(regional)
    )


def test_a_participants_house_style_binds_only_its_own_document(tmp_path: Path) -> None:
    content = _regional_copy(tmp_path)
    style = tmp_path / "streng"
    style.mkdir()
    (style / "huisstijl.yaml").write_text(
        "naam: Streng\nverplicht: [portefeuillehouder]\n", encoding="utf-8"
    )
    profile = tmp_path / "gemeenten" / "hilversum.yaml"
    profile.write_text(
        re.sub(r"(?m)^huisstijl:.*$", "", profile.read_text(encoding="utf-8"))
        + f"huisstijl: {style}\n",
        encoding="utf-8",
    )

    assert api.check(content).ok
    with pytest.raises(api.ContentError) as raised:
        api.build(content, tmp_path / "uit", per_deelnemer=True)
    assert "de huisstijl Streng vraagt het" in str(raised.value)
    assert not (tmp_path / "uit").exists()


def test_a_participants_own_pdf_setting_decides_for_its_own_document(tmp_path: Path) -> None:
    if api.pdf_missing():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) ontbreekt op de CI-machine")
        pytest.skip("LibreOffice ontbreekt")
    content = _regional_copy(tmp_path)
    profile = tmp_path / "gemeenten" / "blaricum.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "pdf: true\n", encoding="utf-8")

    api.build(content, tmp_path / "uit", per_deelnemer=True)

    assert sorted(p.name for p in (tmp_path / "uit").glob("*.pdf")) == ["regionaal-blaricum.pdf"]
    assert len(list((tmp_path / "uit").glob("*.docx"))) == 7


def test_validate_per_participant_finds_what_render_would(tmp_path: Path) -> None:
    content = _regional_copy(tmp_path)
    (tmp_path / "tekstblokken" / "blaricum" / "communicatie.yaml").write_text(
        "tekst: Blaricum meldt het in {{ krant }}.\n", encoding="utf-8"
    )

    plain = CliRunner().invoke(cli, ["validate", str(content)])
    per = CliRunner().invoke(cli, ["validate", str(content), "--per-deelnemer"])

    assert plain.exit_code == 0, plain.output
    assert per.exit_code == 1
    assert "krant" in per.stderr
