"""jeugddocs sjablonen controleer: every problem of every Word template at once, each at its
paragraph or table cell, before any document is rendered with it."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from jeugddocs import api
from jeugddocs.cli import cli
from jeugddocs.errors import Problem
from jeugddocs.render.templates import default_template_dir


def style_with(folder: Path, kind: str, *paragraphs: str) -> Path:
    """Copy the standard template of ``kind`` into ``folder`` with paragraphs added."""
    folder.mkdir(exist_ok=True)
    path = folder / f"{kind}.docx"
    shutil.copy(default_template_dir() / f"{kind}.docx", path)
    document = Document(str(path))
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return folder


def problems_of(folder: Path) -> list[Problem]:
    result = api.check_templates(folder)
    assert result.templates, "the folder holds templates"
    return result.problems


def messages(folder: Path) -> list[str]:
    return [problem.message for problem in problems_of(folder)]


def test_every_shipped_house_style_passes(runner: CliRunner) -> None:
    result = api.check_templates()
    assert result.ok, result.problems
    assert {path.parent.name for path in result.templates} == set(api.house_styles())
    assert len(result.templates) >= len(api.KINDS)
    cli_result = runner.invoke(cli, ["sjablonen", "controleer"])
    assert cli_result.exit_code == 0, cli_result.output
    assert "sjablonen in orde" in cli_result.stdout


def test_the_templates_folder_passes_as_a_folder_of_house_styles(runner: CliRunner) -> None:
    folder = default_template_dir().parent
    result = runner.invoke(cli, ["sjablonen", "controleer", str(folder)])
    assert result.exit_code == 0, result.output


def test_a_jinja_syntax_error_is_placed_at_its_paragraph(tmp_path: Path) -> None:
    folder = style_with(tmp_path / "stijl", "memo", "Slot: {% if kern %}zonder einde")
    (problem,) = problems_of(folder)
    assert problem.file.endswith("memo.docx")
    assert problem.message.startswith("in de alinea 'Slot: {% if kern %}zonder einde': ")
    assert "'{% if %}' wordt geopend maar nergens gesloten: '{% endif %}' ontbreekt" in (
        problem.message
    )


def _split_paragraph(path: Path, hidden: str) -> None:
    """Add a paragraph whose tag Word keeps in pieces with ``hidden`` between them."""
    document = Document(str(path))
    paragraph = document.add_paragraph("Gesplitst: ")
    paragraph.add_run("{")
    if hidden == "verwijderd":
        # -- a tracked change: text deleted between the two braces, not shown in Word --
        run = paragraph.add_run("x")
        deleted = copy.deepcopy(run._r)
        run._r.getparent().remove(run._r)
        text = deleted.find(qn("w:t"))
        text.tag = qn("w:delText")
        wrapper = paragraph._p.makeelement(
            qn("w:del"), {qn("w:id"): "1", qn("w:author"): "redacteur"}
        )
        wrapper.append(deleted)
        paragraph._p.append(wrapper)
    else:
        paragraph.add_run(hidden)
    paragraph.add_run("{ onderwerp }}").bold = True
    document.save(str(path))


@pytest.mark.parametrize("hidden", ["verwijderd", "\u200b"], ids=["tracked-change", "zero-width"])
def test_a_tag_word_split_unreadably_is_found(tmp_path: Path, hidden: str) -> None:
    folder = style_with(tmp_path / "stijl", "memo")
    _split_paragraph(folder / "memo.docx", hidden)
    (problem,) = problems_of(folder)
    assert "in stukken gedeeld" in problem.message
    assert "Gesplitst: {" in problem.message


def test_a_tag_split_only_by_formatting_is_read(tmp_path: Path) -> None:
    folder = style_with(tmp_path / "stijl", "memo")
    document = Document(str(folder / "memo.docx"))
    paragraph = document.add_paragraph("Opmaak: ")
    paragraph.add_run("{{ onder")
    paragraph.add_run("werp }}").italic = True
    document.save(str(folder / "memo.docx"))
    assert problems_of(folder) == []


@pytest.mark.parametrize(
    ("kind", "tag", "expected"),
    [
        ("memo", "{{ onderwerpp }}", "het veld 'onderwerpp' bestaat niet; bedoelde u 'onderwerp'?"),
        ("memo", "{{ kern }}", "het veld 'kern' bestaat niet"),
        ("memo", "{{ afzender.logoo }}", "bedoelde u 'afzender.logo'?"),
        (
            "raadsvoorstel",
            "{% for item in argumenten %}{{ item.titel }}{% endfor %}",
            "het veld 'item.titel' bestaat niet (elk onderdeel van 'argumenten' heeft: nummer,",
        ),
        (
            "raadsvoorstel",
            "{% set geld = financien %}{{ geld.tabelen }}",
            "bedoelde u 'geld.tabellen'?",
        ),
        (
            "memo",
            "{% for w in afzender.functionarissen.wethouders %}{{ w.port }}{% endfor %}",
            "'w.port' bestaat niet",
        ),
        (
            "memo",
            "{% for punt in bijlagen %}{{ punt.kop }}{% endfor %}",
            "'punt' is een tekstregel, zonder velden",
        ),
    ],
)
def test_a_field_the_kind_does_not_have_is_found(
    tmp_path: Path, kind: str, tag: str, expected: str
) -> None:
    folder = style_with(tmp_path / "stijl", kind, f"Slot: {tag}")
    (message,) = messages(folder)
    assert message.startswith("in de alinea 'Slot: ")
    assert expected in message


def test_fields_of_the_kind_with_loops_sets_and_macros_pass(tmp_path: Path) -> None:
    folder = style_with(
        tmp_path / "stijl",
        "raadsvoorstel",
        "{% for item in argumenten %}{{ item.nummer }} {{ item.kop }}{{ loop.index }}{% endfor %}",
        "{% set geld = financien %}{% for t in geld.tabellen %}{{ t }}{% endfor %}",
        "{% macro regel(tekst, x=onderwerp) %}{{ tekst.upper() }}{{ x }}{% endmacro %}"
        "{{ regel(gemeente) }}",
        "{{ bedragen.tekort | euro }} {{ datum.year }} {{ afzender.functionarissen.burgemeester }}",
        "{% for w in afzender.functionarissen.wethouders %}{{ w.portefeuille | join(', ') }}"
        "{% endfor %}{{ kopvelden | first }}{{ (kopvelden | first).label }}",
        "{{ programma | default('') }}{% if steller is defined %}{{ steller.naam }}{% endif %}",
    )
    assert problems_of(folder) == []


def test_a_field_only_one_of_the_raadsbesluiten_has_needs_a_guard(tmp_path: Path) -> None:
    folder = style_with(
        tmp_path / "stijl",
        "raadsbesluit",
        "Zonder: {{ voorstel_datum | datum }}",
        "Met: {% if voorstel_datum is defined %}{{ voorstel_datum | datum }}{% endif %}",
    )
    (message,) = messages(folder)
    assert message.startswith("in de alinea 'Zonder: ")
    assert (
        "het veld 'voorstel_datum' bestaat niet in een raadsbesluit op zichzelf, wel in een "
        "raadsbesluit bij een raadsvoorstel"
    ) in message


def test_every_unknown_filter_is_found(tmp_path: Path) -> None:
    folder = style_with(tmp_path / "stijl", "memo", "Slot: {{ datum | datumm }} {{ datum | eur }}")
    found = messages(folder)
    assert len(found) == 2
    assert "onbekend filter 'datumm'; bedoelde u 'datum'?" in found[0] + found[1]
    assert "onbekend filter 'eur'; bedoelde u 'euro'?" in found[0] + found[1]
    assert "beschikbaar zijn: capitalize, datum, default, euro" in found[0]


def test_a_missing_style_is_found(tmp_path: Path) -> None:
    folder = style_with(tmp_path / "stijl", "memo")
    document = Document(str(folder / "memo.docx"))
    style = document.styles["List Bullet"]._element
    style.getparent().remove(style)
    document.save(str(folder / "memo.docx"))
    (message,) = messages(folder)
    assert "het sjabloon mist de stijl 'List Bullet'" in message


def test_include_and_extends_are_refused(tmp_path: Path) -> None:
    folder = style_with(
        tmp_path / "stijl", "memo", "Een: {% include 'ander.docx' %}", "Twee: {% extends 'x' %}"
    )
    found = messages(folder)
    assert any("geen ander sjabloon invoegen" in m and "'Een: " in m for m in found)
    assert any("niet voortbouwen op een ander sjabloon" in m for m in found)


def test_a_problem_in_a_table_cell_names_the_cell(tmp_path: Path) -> None:
    folder = style_with(tmp_path / "stijl", "memo")
    document = Document(str(folder / "memo.docx"))
    document.add_table(rows=1, cols=2).cell(0, 1).text = "Cel: {{ onbekend }}"
    document.save(str(folder / "memo.docx"))
    (message,) = messages(folder)
    assert message.startswith("in de tabelcel 'Cel: {{ onbekend }}': het veld 'onbekend'")


def test_all_problems_of_all_templates_come_at_once(tmp_path: Path) -> None:
    folder = style_with(
        tmp_path / "stijl",
        "memo",
        "Veld: {{ onderwerpp }}",
        "Syntax: {% if %}",
        "Filter: {{ datum | eur }}",
        "Na de fout: {{ nog_een }}",
    )
    style_with(folder, "nota", "Nota: {{ hoofdstukken }}")
    found = problems_of(folder)
    assert [Path(p.file).name for p in found] == ["memo.docx"] * 4 + ["nota.docx"]
    assert "'onderwerpp' bestaat niet" in found[0].message
    assert "hier ontbreekt een naam of waarde" in found[1].message
    assert "onbekend filter 'eur'" in found[2].message
    assert "'nog_een' bestaat niet" in found[3].message
    assert [p.line for p in found[:4]] == sorted(p.line for p in found[:4])


def test_a_template_named_after_no_kind_is_reported(tmp_path: Path) -> None:
    folder = style_with(tmp_path / "stijl", "memo")
    shutil.copy(folder / "memo.docx", folder / "raadsvoorsel.docx")
    (problem,) = problems_of(folder)
    assert problem.file.endswith("raadsvoorsel.docx")
    assert "bedoelde u raadsvoorstel.docx?" in problem.message


def test_wrong_house_style_rules_are_reported(tmp_path: Path) -> None:
    folder = style_with(tmp_path / "stijl", "memo")
    (folder / "huisstijl.yaml").write_text("argumenten: kris-kras\n", encoding="utf-8")
    (problem,) = problems_of(folder)
    assert problem.file.endswith("huisstijl.yaml")


def test_exit_codes_are_those_of_validate(runner: CliRunner, tmp_path: Path) -> None:
    broken = style_with(tmp_path / "kapot", "memo", "Slot: {{ onderwerpp }}")
    result = runner.invoke(cli, ["sjablonen", "controleer", str(broken)])
    assert result.exit_code == 1
    assert "memo.docx:" in result.stderr and "onderwerpp" in result.stderr
    assert "1 van 1 sjabloon" in result.stderr
    assert runner.invoke(cli, ["sjablonen", "controleer", str(tmp_path / "weg")]).exit_code == 2
    empty = tmp_path / "leeg"
    empty.mkdir()
    result = runner.invoke(cli, ["sjablonen", "controleer", str(empty)])
    assert result.exit_code == 2
    assert "geen huisstijl" in result.stderr


def test_a_folder_of_house_styles_is_checked_style_by_style(
    runner: CliRunner, tmp_path: Path
) -> None:
    style_with(tmp_path / "goed", "memo")
    style_with(tmp_path / "kapot", "nota", "{{ hoofdstukken }}")
    result = api.check_templates(tmp_path)
    assert [path.name for path in result.house_styles] == ["goed", "kapot"]
    (problem,) = result.problems
    assert Path(problem.file).parent.name == "kapot"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("{{p kern }", "'{{' wordt niet gesloten; typ '}}' aan het eind van de tag"),
        ("{% if kern }}", "'}}' sluit een tag die niet geopend is; verwacht was '%}'"),
        ("tekst }} los", "'}}' sluit een tag die niet geopend is"),
        ("{{ aan or 'de raad }}", "een tekst tussen ' in de tag wordt niet gesloten"),
    ],
)
def test_a_tag_that_does_not_close_is_found_at_its_own_paragraph(
    tmp_path: Path, tag: str, expected: str
) -> None:
    """docxtpl would run on to the next '}}' and Jinja blame a later paragraph."""
    folder = style_with(tmp_path / "stijl", "memo", f"Voor: {tag}", "Na: {{ onderwerp }}")

    (problem,) = problems_of(folder)

    assert problem.message == f"in de alinea 'Voor: {tag}': {expected}"
    with pytest.raises(api.TemplateError) as raised:
        api.template_set(str(folder)).get("memo")
    assert [p.message for p in raised.value.problems] == [problem.message]


def test_quoted_braces_inside_a_tag_are_text() -> None:
    from jeugddocs.render.contract import _unbalanced

    assert _unbalanced('Breedte: {{ "{:>8}".format(getal) }} en {{ "}}" }}') is None


@pytest.mark.parametrize(
    "tag",
    ["{% endif %}", "{% foo %}", "{% if x %}", "{{ a b }}", "{{ a | }}", "{% for x in %}", "{{ }"],
)
def test_no_english_of_jinja_reaches_the_editor(tmp_path: Path, tag: str) -> None:
    folder = style_with(tmp_path / "stijl", "memo", f"Slot: {tag}")

    for problem in problems_of(folder):
        for english in ("Encountered", "expected", "Unexpected", "unexpected", "token"):
            assert english not in problem.message, problem.message
