"""Regressions found in review: each input here once crashed or came out wrong."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Cm

from jeugddocs import api
from jeugddocs.api import check
from jeugddocs.cli import cli
from jeugddocs.errors import ContentError, TemplateError
from jeugddocs.markup.prose import parse_inline
from jeugddocs.render.templates import TemplateSet, default_template_dir
from jeugddocs.starters import starter_text
from tests.content_text import document_of
from tests.docx_text import extract


def test_a_footnote_in_a_beslispunt_reaches_the_raadsbesluit(minimal_yaml: str) -> None:
    text = minimal_yaml.replace(
        "  - Een pilot starten.", '  - Een pilot starten[^1].\nvoetnoten:\n  1: "Zie bijlage 2."'
    )

    voorstel, besluit = api.render(api.plan(document_of(text), "stuk"))

    assert "[voetnoot 1] Zie bijlage 2." in extract(besluit.data)
    assert "[voetnoot 1] Zie bijlage 2." in extract(voorstel.data)


def test_a_nota_without_sections_renders() -> None:
    text = "soort: nota\ngemeente: X\nonderwerp: Y\ndatum: 2026-03-01\n"

    (item,) = api.render(api.plan(document_of(text), "stuk"))

    assert "[Title] Y" in extract(item.data)


def test_a_very_long_subject_is_shortened_only_in_the_file_properties(minimal_yaml: str) -> None:
    subject = "Onderwerp " * 40
    text = minimal_yaml.replace("onderwerp: Dagbehandeling jonge kinderen", f"onderwerp: {subject}")

    data = api.render(api.plan(document_of(text), "stuk"))[0].data

    assert len(Document(io.BytesIO(data)).core_properties.title) == 255
    assert f"[Subtitle] {subject.strip()}" in extract(data)


def test_an_output_folder_that_is_a_file_is_reported(
    runner: CliRunner, write_yaml: Callable[..., Path], minimal_yaml: str, tmp_path: Path
) -> None:
    path = write_yaml(minimal_yaml)
    (tmp_path / "bezet").write_text("", encoding="utf-8")

    result = runner.invoke(cli, ["render", str(path), "-o", str(tmp_path / "bezet")])

    assert result.exit_code == 1
    assert "kan niet worden gemaakt" in result.stderr


def test_output_names_that_collide_are_reported_not_overwritten(
    runner: CliRunner, tmp_path: Path, minimal_yaml: str
) -> None:
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "stuk.yaml").write_text(minimal_yaml, encoding="utf-8")
    (tmp_path / "in" / "stuk-raadsbesluit.yaml").write_text(minimal_yaml, encoding="utf-8")

    result = runner.invoke(cli, ["render", str(tmp_path / "in"), "-o", str(tmp_path / "uit")])

    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == [
        "stuk-raadsbesluit.docx",
        "stuk.docx",
    ]
    assert result.stderr.count("geeft dezelfde uitvoer als") == 2


def test_no_break_spaces_in_prose_are_kept(minimal_yaml: str) -> None:
    text = minimal_yaml.replace(
        "aanleiding: De groepen zijn te groot.", 'aanleiding: "Artikel 2\\u00a0lid 3."'
    )

    lines = extract(api.render(api.plan(document_of(text), "stuk"))[0].data)

    assert "[Normal] Wij vragen €\xa0103.500 extra." in lines
    assert "[Normal] Artikel 2\xa0lid 3." in lines


def test_a_template_with_its_own_footnote_keeps_unique_ids(tmp_path: Path) -> None:
    folder = tmp_path / "sjablonen"
    shutil.copytree(default_template_dir(), folder)
    nota = folder / "nota.docx"
    with zipfile.ZipFile(nota) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/footnotes.xml"] = parts["word/footnotes.xml"].replace(
        b"</w:footnotes>",
        b'<w:footnote w:id="1"><w:p><w:r><w:t>Eigen noot</w:t></w:r></w:p></w:footnote>'
        b"</w:footnotes>",
    )
    with zipfile.ZipFile(nota, "w") as package:
        for name, blob in parts.items():
            package.writestr(name, blob)

    data = api.render(api.plan(document_of(starter_text("nota")), "stuk"), TemplateSet(folder))[
        0
    ].data

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/footnotes.xml").decode()
    assert xml.count('w:id="1"') == 1 and xml.count('w:id="2"') == 1
    assert xml.index("Eigen noot") < xml.index("Jeugdmonitor")


@pytest.mark.parametrize("tag", ["{{ datum | euro }}", "{{ datum | datum('lang', 1, 2) }}"])
def test_a_filter_misused_in_a_template_is_a_template_error(tmp_path: Path, tag: str) -> None:
    folder = tmp_path / "sjablonen"
    shutil.copytree(default_template_dir(), folder)
    document = Document(str(folder / "memo.docx"))
    document.add_paragraph(f"Datum: {tag}")
    document.save(str(folder / "memo.docx"))

    with pytest.raises(TemplateError) as excinfo:
        api.render(api.plan(document_of(starter_text("memo")), "stuk"), TemplateSet(folder))

    assert "Datum:" in str(excinfo.value)


WIDE = """\
soort: memo
gemeente: X
onderwerp: Y
datum: 2026-01-01
aan: de raad
van: het college
inleiding: Zie de tabel.
secties:
  - kop: Meerjarenraming
    tabel:
      kolommen: [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]
      rijen:
        - omschrijving: Jeugdhulp
          bedragen: [845000, 845000, 845000, 845000, 845000, 845000, 845000, 845000]
      totaal_kolom: Totaal
"""


def amount_widths(text: str) -> tuple[list[int], int]:
    document = Document(io.BytesIO(api.render(api.plan(document_of(text), "stuk"))[0].data))
    section = document.sections[0]
    widths = [int(cell.width) for cell in document.tables[-1].rows[0].cells]
    return widths, section.page_width - section.left_margin - section.right_margin


def test_a_table_in_thousands_fits_with_amounts_on_one_line(
    write_yaml: Callable[..., Path],
) -> None:
    text = WIDE + "      eenheid: duizend\n"

    widths, page = amount_widths(text)

    assert sum(widths) <= page
    assert min(widths[1:]) >= Cm(1.4)
    assert check(write_yaml(text)).warnings == []


def test_a_table_too_wide_for_the_page_is_a_warning(write_yaml: Callable[..., Path]) -> None:
    widths, page = amount_widths(WIDE)
    warnings = check(write_yaml(WIDE)).warnings

    assert sum(widths) <= page
    assert [f"{w.line}:{w.column}: {w.message}" for w in warnings] == [
        "10:5: deze tabel is te breed voor de pagina (9 kolommen met bedragen): bedragen worden "
        "afgebroken; gebruik eenheid: duizend of miljoen, of verdeel de kolommen over twee "
        "tabellen"
    ]


def test_plain_fields_refuse_references_and_footnotes_in_footnotes() -> None:
    text = starter_text("memo").replace(
        '1: "Bron: eigen administratie."', '1: "Bron: eigen administratie[^1]."'
    )

    with pytest.raises(Exception, match="een voetnoot kan zelf geen voetnoot hebben"):
        document_of(text)


@pytest.mark.parametrize(
    ("text", "document_problem"),
    [
        ("*a " * 30000, None),
        ("**a " * 20000, None),
        ("a*" * 45000, None),
        ("{{ a " * 15000, "'{{' hoort bij een verwijzing"),
        ("1 " * 45000 + "x", None),
    ],
    ids=["sterretjes", "dubbele-sterretjes", "afwisselend", "open-verwijzingen", "spaties"],
)
def test_long_pathological_text_is_handled_without_backtracking(
    minimal_yaml: str, text: str, document_problem: str | None
) -> None:
    """Each of these took minutes with a backtracking pattern; now they take milliseconds."""
    document = minimal_yaml.replace(
        "aanleiding: De groepen zijn te groot.", f"aanleiding: '{text}'"
    )
    amount = minimal_yaml.replace("extra: 103500", f"extra: '{text}'")

    if document_problem is None:
        assert document_of(document).soort == "raadsvoorstel"
    else:
        with pytest.raises(ContentError) as excinfo:
            document_of(document)
        assert excinfo.value.problems[0].message.startswith(document_problem)
    with pytest.raises(ContentError) as excinfo:
        document_of(amount)
    assert excinfo.value.problems[0].message.startswith("verwacht een bedrag (een getal)")


def test_a_reference_python_cannot_compile_is_a_located_problem(minimal_yaml: str) -> None:
    text = minimal_yaml.replace(
        "{{ extra | euro }}", "{{ extra | euro(centen=True, centen=False) }}"
    )

    with pytest.raises(ContentError) as excinfo:
        document_of(text)

    assert [(p.line, p.column) for p in excinfo.value.problems] == [(8, 18)]


def test_emphasis_keeps_a_footnote_inside_it() -> None:
    runs = parse_inline("**vet[^1]** en *schuin*")

    assert [(r.text, r.bold, r.italic, r.voetnoot) for r in runs] == [
        ("vet", True, False, None),
        ("", False, False, "1"),
        (" en ", False, False, None),
        ("schuin", False, True, None),
    ]


def test_thirds_of_a_budget_add_up_to_the_budget() -> None:
    text = starter_text("memo").replace("tekort: 845000", "tekort: 100000\n  derde: =tekort / 3")
    text = text.replace(
        "        - omschrijving: Regionaal ingekocht aanbod\n          bedragen: [845000]",
        "".join(
            f"        - omschrijving: Deel {i}\n          bedragen: [derde]\n" for i in (1, 2, 3)
        ),
    )

    assert document_of(text).soort == "memo"


def test_a_comment_after_a_block_indicator_is_not_searched(write_yaml: Callable[..., Path]) -> None:
    text = (
        starter_text("memo")
        .replace(
            "inleiding: |\n  Het tekort", "inleiding: |  # oud: {{ tekot | euro }}\n  Het tekort"
        )
        .replace(
            "Het tekort op jeugdhulp bedraagt {{ tekort | euro }}",
            "Het tekort is {{ tekot | euro }}",
        )
    )

    with pytest.raises(ContentError) as excinfo:
        document_of(text)

    line = text.splitlines().index("  Het tekort is {{ tekot | euro }}[^1].") + 1
    assert [(p.line, p.column) for p in excinfo.value.problems] == [(line, 17)]


def test_lone_braces_are_content(minimal_yaml: str) -> None:
    text = minimal_yaml.replace("gemeente: Hilversum", 'gemeente: "Foo }}"')

    assert "[koptekst eerste pagina] Gemeente Foo }}" in extract(
        api.render(api.plan(document_of(text), "stuk"))[0].data
    )


def test_a_missing_golden_file_fails_without_update_golden(pytester: pytest.Pytester) -> None:
    pytester.makeconftest((Path(__file__).parent / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(
        """
        from pathlib import Path

        def test_missing(golden):
            golden(Path("bestaat-niet.txt"), ["regel"])
        """
    )

    result = pytester.runpytest("-p", "no:cacheprovider")

    result.assert_outcomes(failed=1)
    assert not (pytester.path / "bestaat-niet.txt").exists()
