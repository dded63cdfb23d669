"""House styles: structure rules as data, templates per kind, inheritance, an editor's copy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from jeugddocs import api
from jeugddocs.cli import cli
from jeugddocs.compute.numbering import number
from jeugddocs.errors import TemplateError
from tests.conftest import MINIMAL, SAMPLES
from tests.docx_text import extract

GOLDEN = Path(__file__).parent / "testdata" / "huisstijlen"
KADERS = SAMPLES / "kaders-inkoop-jeugdhulp.yaml"


SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))


def test_the_samples_cover_every_kind() -> None:
    kinds = {api.check(sample).valid().soort for sample in SAMPLE_FILES}
    assert kinds == set(api.KINDS)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda path: path.stem)
@pytest.mark.parametrize("style", ["standaard", "vragen", "plat"])
def test_each_shipped_house_style_renders_every_kind(
    style: str, sample: Path, golden: Callable[[Path, list[str]], None]
) -> None:
    """Every sample in every shipped house style, text and styles, one golden file each.

    A style's own templates and its rules (numbering, gelet op) show in its files; a kind
    it inherits comes out as in the style it inherits from.
    """
    templates = api.template_set(style)
    document = api.check(sample).valid()

    for artefact in api.render(api.plan(document, sample.stem, templates.structure), templates):
        golden(GOLDEN / style / f"{artefact.name}.txt", extract(artefact.data))


def test_the_plat_style_numbers_through_and_leaves_kanttekeningen_bare() -> None:
    templates = api.template_set("plat")
    document = api.check(KADERS).valid()

    lines = extract(api.render(api.plan(document, "k", templates.structure), templates)[0].data)

    assert (
        "[Heading 2] 1 Het programmaplan zorgaanbod ziet de inkoop als een meerjarig "
        "ontwikkeltraject." in lines
    )
    assert "[Heading 2] Openeinderegeling" in lines
    # -- one decision point, and this style does not number a single one --
    assert not any(
        line.endswith(
            "1.\tHet programmaplan Jeugdhulpaanbod voor de jaren 2021 tot en met 2023 vaststellen."
        )
        for line in lines
    )


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("per_beslispunt", ["1.1", "1.2", "2.1"]),
        ("doorlopend", ["1", "2", "3"]),
        ("geen", ["", "", ""]),
    ],
)
def test_numbering_schemes(scheme: str, expected: list[str]) -> None:
    class Item:
        def __init__(self, beslispunt: int) -> None:
            self.beslispunt = beslispunt

    items = [Item(1), Item(2), Item(1)]

    assert sorted(n for n, _ in number(items, scheme)) == sorted(expected)


def test_a_house_style_with_one_template_inherits_the_rest(tmp_path: Path) -> None:
    own = tmp_path / "eigen"
    own.mkdir()
    (own / "huisstijl.yaml").write_text("argumenten: geen\n", encoding="utf-8")
    templates = api.template_set(own)

    assert templates.path_of("memo") is not None
    assert templates.path_of("memo").parent.name == "standaard"  # type: ignore[union-attr]
    assert templates.structure is not None and templates.structure.argumenten == "geen"


def test_wrong_rules_are_reported_at_their_line(tmp_path: Path) -> None:
    own = tmp_path / "eigen"
    own.mkdir()
    (own / "huisstijl.yaml").write_text("naam: Eigen\nargumenten: door\n", encoding="utf-8")

    with pytest.raises(TemplateError) as excinfo:
        api.template_set(own)

    (problem,) = excinfo.value.problems
    assert (problem.file, problem.line) == (str(own / "huisstijl.yaml"), 2)
    assert "door" in problem.message


def test_an_editor_copies_a_house_style_and_renders_with_the_copy(tmp_path: Path) -> None:
    runner = CliRunner()
    copy = tmp_path / "mijn-stijl"

    copied = runner.invoke(cli, ["huisstijl", "kopieer", "vragen", str(copy)])
    again = runner.invoke(cli, ["huisstijl", "kopieer", "vragen", str(copy)])
    rendered = runner.invoke(
        cli, ["render", str(KADERS), "--huisstijl", str(copy), "-o", str(tmp_path / "uit")]
    )

    assert copied.exit_code == 0, copied.output
    assert {p.name for p in copy.iterdir()} >= {"raadsvoorstel.docx", "memo.docx", "huisstijl.yaml"}
    assert again.exit_code == 1 and "bestaat al" in again.stderr
    assert rendered.exit_code == 0, rendered.output
    lines = extract(tmp_path / "uit" / "kaders-inkoop-jeugdhulp.docx")
    assert "[Heading 1] Wat mag het kosten?" in lines


def test_a_profile_chooses_the_house_style(tmp_path: Path) -> None:
    (tmp_path / "gemeenten").mkdir()
    (tmp_path / "gemeenten" / "hilversum.yaml").write_text(
        "naam: Hilversum\nhuisstijl: vragen\n", encoding="utf-8"
    )
    content = tmp_path / "voorstel.yaml"
    content.write_text(MINIMAL.replace("Hilversum", "hilversum", 1), encoding="utf-8")

    (written, _) = api.build(content, tmp_path / "uit")

    assert "[Heading 1] Wat mag het kosten?" in extract(written)


def test_an_unknown_house_style_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["render", str(KADERS), "--huisstijl", "onbekend"])

    assert result.exit_code == 2
    assert "plat, standaard, vragen" in result.stderr


CROSS = MINIMAL.replace(
    "kern: Wij vragen {{ extra | euro }} extra.",
    "kern: Wij vragen {{ extra | euro }} extra (zie argument [#goedkoper]).",
).replace("    kop: Goedkoper\n", "    kop: Goedkoper\n    sleutel: goedkoper\n")


@pytest.mark.parametrize(
    ("style", "shown"),
    [("standaard", "1.2"), ("plat", "3"), ("geen", "‘Goedkoper’")],
)
def test_a_cross_reference_gets_the_number_its_argument_gets(
    style: str, shown: str, tmp_path: Path
) -> None:
    if style == "geen":
        (tmp_path / "huisstijl.yaml").write_text("argumenten: geen\n", encoding="utf-8")
        templates = api.template_set(tmp_path)
    else:
        templates = api.template_set(style)
    document = api.check(CROSS).valid()

    lines = extract(api.render(api.plan(document, "k", templates.structure), templates)[0].data)

    assert f"[Normal] Wij vragen €\xa0103.500 extra (zie argument {shown})." in lines


def test_a_cross_reference_to_nothing_is_a_problem_at_its_place() -> None:
    text = CROSS.replace("[#goedkoper]", "[#goedkooper]")

    (problem,) = api.check(text).problems

    assert (problem.line, problem.column) == (8, 57)
    assert problem.message.startswith("'[#goedkooper]' verwijst naar een argument")
    assert "bekende sleutels: goedkoper" in problem.message


def test_a_key_used_twice_is_a_problem() -> None:
    text = CROSS.replace(
        "    kop: Pilot voor 2021\n", "    kop: Pilot voor 2021\n    sleutel: goedkoper\n"
    )

    problems = api.check(text).problems

    assert [p.path for p in problems] == [("argumenten", 2, "sleutel")]


def test_the_house_style_decides_whether_kern_is_required(tmp_path: Path) -> None:
    text = "\n".join(line for line in MINIMAL.splitlines() if not line.startswith("kern:")) + "\n"

    standaard = api.check(text)
    plat = api.check(text, huisstijl="plat")

    (problem,) = standaard.problems
    assert problem.path == ("kern",)
    assert problem.message.startswith(
        "het veld 'kern' ontbreekt of is leeg; de huisstijl Standaard vraagt het"
    )
    assert plat.ok
    templates = api.template_set("plat")
    lines = extract(api.render(api.plan(plat.valid(), "k", templates.structure), templates)[0].data)
    assert not any("Kern van het voorstel" in line for line in lines)


def test_an_editor_makes_more_sections_required(tmp_path: Path) -> None:
    style = tmp_path / "streng"
    style.mkdir()
    (style / "huisstijl.yaml").write_text(
        "naam: Streng\nverplicht: [kern, communicatie, beoogd_effect]\n", encoding="utf-8"
    )
    text = "\n".join(
        line for line in MINIMAL.splitlines() if not line.startswith(("communicatie:", "beoogd"))
    )

    checked = api.check(text + "\n", huisstijl=str(style))

    assert sorted(problem.path for problem in checked.problems) == [
        ("beoogd_effect",),
        ("communicatie",),
    ]
    assert all("de huisstijl Streng vraagt het" in p.message for p in checked.problems)


def test_a_misspelt_required_field_is_reported_in_the_house_style(tmp_path: Path) -> None:
    style = tmp_path / "streng"
    style.mkdir()
    (style / "huisstijl.yaml").write_text(
        "naam: Streng\nverplicht:\n  - kern\n  - comunicatie\n", encoding="utf-8"
    )

    with pytest.raises(TemplateError) as raised:
        api.template_set(str(style))

    (problem,) = raised.value.problems
    assert (problem.line, problem.column) == (4, 5)
    assert problem.message == (
        "'verplicht' noemt 'comunicatie', maar geen soort stuk heeft dat veld; "
        "bedoelde u 'communicatie'?"
    )


def test_a_profile_with_a_house_style_decides_for_validation_too(tmp_path: Path) -> None:
    (tmp_path / "gemeenten").mkdir()
    (tmp_path / "gemeenten" / "hilversum.yaml").write_text(
        "naam: Hilversum\nhuisstijl: plat\n", encoding="utf-8"
    )
    content = tmp_path / "voorstel.yaml"
    text = "\n".join(line for line in MINIMAL.splitlines() if not line.startswith("kern:")).replace(
        "gemeente: Hilversum", "gemeente: hilversum"
    )
    content.write_text(text + "\n", encoding="utf-8")

    assert api.check(content).ok
    assert CliRunner().invoke(cli, ["validate", str(content)]).exit_code == 0


def test_a_document_sets_its_own_numbering_over_the_house_style() -> None:
    text = MINIMAL.replace(
        "beslispunten:", "structuur:\n  argumenten: doorlopend\n  gelet_op: lijst\nbeslispunten:"
    )
    document = api.check(text).valid()
    templates = api.template_set("standaard")

    with_choice = api.plan(document, "k", templates.structure)
    without = api.plan(api.check(MINIMAL).valid(), "k", templates.structure)

    numbers = [argument["nummer"] for argument in with_choice[0].view["argumenten"]]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert without[0].view["argumenten"][0]["nummer"] == "1.1"


def test_a_wrong_numbering_choice_is_located() -> None:
    text = MINIMAL.replace("beslispunten:", "structuur:\n  argumenten: plat\nbeslispunten:")

    (problem,) = api.check(text).problems

    assert problem.path == ("structuur", "argumenten")
    assert problem.line == text.splitlines().index("  argumenten: plat") + 1


def test_validate_checks_for_the_house_style_render_would_use(tmp_path: Path) -> None:
    content = tmp_path / "voorstel.yaml"
    text = "\n".join(line for line in MINIMAL.splitlines() if not line.startswith("kern:"))
    content.write_text(text + "\n", encoding="utf-8")

    plat = CliRunner().invoke(cli, ["validate", str(content), "--huisstijl", "plat"])
    standaard = CliRunner().invoke(cli, ["validate", str(content), "--huisstijl", "standaard"])
    unknown = CliRunner().invoke(cli, ["validate", str(content), "--huisstijl", "onbekend"])

    assert plat.exit_code == 0, plat.output
    assert standaard.exit_code == 1
    assert "de huisstijl Standaard vraagt het" in standaard.stderr
    assert unknown.exit_code == 2
