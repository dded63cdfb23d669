"""Hostile templates: every tag that would crash, hang or fill memory is a Dutch template
error at its paragraph, raised by a bound and not by the attack running out."""

from __future__ import annotations

import io
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from jinja2.sandbox import SandboxedEnvironment

from jeugddocs import api
from jeugddocs.cli import cli
from jeugddocs.errors import Problem, TemplateError
from jeugddocs.render import bounds, compiled
from jeugddocs.render.compiled import WordTemplate
from jeugddocs.render.templates import TemplateSet, default_template_dir
from jeugddocs.starters import starter_text
from tests.content_text import document_of

# -- far above what the bounds need, far below what the attacks would take --
QUICK = 5.0
# -- a set block makes Markup, which printing does not copy: the tests stay small in memory --
BIG = "{% set s %}{{ 'x' * 1000000 }}{% endset %}"


def hostile(folder: Path, tag: str, *, header: bool = False) -> Path:
    """Write a memo template with ``tag`` in a paragraph of its own; return the folder."""
    folder.mkdir(exist_ok=True)
    path = folder / "memo.docx"
    shutil.copy(default_template_dir() / "memo.docx", path)
    document = Document(str(path))
    if header:
        document.sections[0].header.add_paragraph(f"Kop: {tag}")
    else:
        document.add_paragraph(f"Slot: {tag}")
    document.save(str(path))
    return folder


def render_problem(folder: Path) -> Problem:
    """Render the memo starter with the templates in ``folder``; return its one problem."""
    planned = api.plan(document_of(starter_text("memo")), "stuk")
    started = time.perf_counter()
    with pytest.raises(TemplateError) as excinfo:
        api.render(planned, TemplateSet(folder))
    assert time.perf_counter() - started < QUICK
    (problem,) = excinfo.value.problems
    assert problem.file.endswith("memo.docx")
    return problem


def assert_refused(tmp_path: Path, tag: str, expected: str) -> None:
    problem = render_problem(hostile(tmp_path / "sjablonen", tag))
    assert problem.message.startswith("in de alinea 'Slot: "), problem.message
    assert expected in problem.message


@pytest.mark.parametrize(
    "tag",
    [
        "{{ 2**100000000 }}",
        "{{ 10**(10**8) }}",
        "{{ 7 ** 2000 }}",
        "{% set n = 10**600 %}{{ n * n }}",
        "{% set n = 9 * 10**999 %}{{ n + n }}",
        "{{ 10 ** (2 ** 70) }}",
        "{{ " + "9" * 1200 + " }}",
        "{{ " + "9" * 5000 + " }}",
    ],
    ids=["2**1e8", "10**1e8", "7**2000", "product", "sum", "exponent-2**70", "1200", "5000"],
)
def test_numbers_beyond_1000_digits_are_refused(tmp_path: Path, tag: str) -> None:
    assert_refused(tmp_path, tag, "getal van meer dan 1000 cijfers")


def test_float_overflow_is_refused_in_dutch(tmp_path: Path) -> None:
    assert_refused(tmp_path, "{{ 2.5 ** 100000 }}", "te groot is om mee te rekenen")


@pytest.mark.parametrize(
    "tag",
    [
        '{{ "x" * 10**10 }}',
        '{{ 10**7 * "ab" }}',
        "{% set s = 'x' * 9000000 %}{{ s ~ s }}",
        "{% set s = 'x' * 9000000 %}{{ s + s }}",
        "{{ ('x' * 100000).replace('', 'y' * 1000) }}",
        "{{ (['x' * 1000000] * 20) | join }}",
        "{{ ['a', 'b'] | join('x' * 9000000) }}",
        "{{ ('{0}' * 100000).format('x' * 1000) }}",
        "{{ '%s%s' % ('x' * 6000000, 'y' * 6000000) }}",
        "{{ (['x' * 1000000] * 20) | upper }}",
        "{% macro m(s) %}{{ m(s ~ s) }}{% endmacro %}{{ m('x' * 1000) }}",
    ],
    ids=[
        "text*n",
        "n*text",
        "concat",
        "plus",
        "replace",
        "join-items",
        "join-separator",
        "format-repeats",
        "percent",
        "upper-of-list",
        "doubling-macro",
    ],
)
def test_text_beyond_ten_million_characters_is_refused(tmp_path: Path, tag: str) -> None:
    assert_refused(tmp_path, tag, "een tekst van meer dan 10.000.000 tekens")


@pytest.mark.parametrize(
    "tag",
    [
        "{{ ([1, 2] * 10**9) | length }}",
        "{{ ([0] * 600000 + [1] * 600000) | length }}",
        "{{ ('a,' * 4000000).split(',') | length }}",
        "{{ ('a b ' * 2000000).split() | length }}",
    ],
    ids=["list*n", "list+list", "split", "split-white"],
)
def test_lists_beyond_a_million_items_are_refused(tmp_path: Path, tag: str) -> None:
    assert_refused(tmp_path, tag, "een lijst van meer dan 1.000.000 elementen")


@pytest.mark.parametrize(
    "tag",
    [
        '{{ "{:>9999999999}".format("x") }}',
        '{{ "{:.5000f}".format(1.5) }}',
        '{{ "{:{w}}".format("x", w=10**6) }}',
        '{{ "{a:>5000}".format_map({"a": 1}) }}',
        '{{ "%0999999999d" % 1 }}',
        '{{ "%.2000f" % 1.5 }}',
        '{{ "%*d" % (10**9, 1) }}',
    ],
    ids=["format", "precision", "nested-width", "format_map", "percent", "percent-prec", "star"],
)
def test_format_widths_beyond_1000_are_refused(tmp_path: Path, tag: str) -> None:
    assert_refused(tmp_path, tag, "breedte of precisie van meer dan 1000")


@pytest.mark.parametrize(
    "tag",
    [
        '{{ "x".center(10**9) }}',
        '{{ "x".ljust(10**9) }}',
        '{{ "x".zfill(10**9) }}',
        '{{ "\\t".expandtabs(10**9) }}',
        '{{ (1).to_bytes(10**9, "big") }}',
        "{% set l = [1] %}{% for x in l %}{{ l.append(x) }}{% endfor %}",
        "{% set d = {} %}{{ d.update({'a': 1}) }}",
        "{{ onderwerp.encode() }}",
    ],
    ids=[
        "center",
        "ljust",
        "zfill",
        "expandtabs",
        "to_bytes",
        "append-while-walking",
        "update",
        "encode",
    ],
)
def test_methods_that_can_grow_or_change_values_are_refused(tmp_path: Path, tag: str) -> None:
    assert_refused(tmp_path, tag, "kan in een Word-sjabloon niet worden gebruikt")


@pytest.mark.parametrize(
    "tag",
    [
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        "{% macro a() %}{{ b() }}{% endmacro %}{% macro b() %}{{ a() }}{% endmacro %}{{ a() }}",
        "{% for x in [[1]] recursive %}{{ loop([[1]]) }}{% endfor %}",
        "{% block b %}{{ self.b() }}{% endblock %}",
        "{% macro m() %}{{ caller() }}{% endmacro %}"
        "{% macro r() %}{% call m() %}{{ r() }}{% endcall %}{% endmacro %}{{ r() }}",
    ],
    ids=["macro", "mutual", "loop", "block", "caller"],
)
def test_recursion_beyond_40_levels_is_refused(tmp_path: Path, tag: str) -> None:
    assert_refused(tmp_path, tag, "dieper dan 40 niveaus")


@pytest.mark.parametrize(
    "tag",
    [
        "{% for a in 'x' * 5000000 %}{% for b in 'x' * 5000000 %}{% endfor %}{% endfor %}",
        "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}"
        "{{ m(35) }}",
        "{% for a in [0] * 1000000 %}{% for b in [0] * 1000000 %}{{ '' }}{% endfor %}{% endfor %}",
    ],
    ids=["nested-loops", "macro-fan-out", "nested-loops-output"],
)
def test_a_render_past_its_time_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tag: str
) -> None:
    # -- the bound is 10 seconds; a test need not wait that long to see it fire --
    monkeypatch.setattr(bounds, "SECONDS", 0.5)

    assert_refused(tmp_path, tag, "duurt langer dan 0,5 seconden")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        (
            BIG + "{% for i in 'x' * 100 %}{{ s }}{% endfor %}",
            "dit deel van het document maakt een tekst van meer dan 50.000.000 tekens",
        ),
        (
            BIG + "{% macro m() %}{% for i in 'x' * 200 %}{{ s }}{% endfor %}{% endmacro %}"
            "{{ m() }}",
            "in totaal meer dan 100.000.000 tekens",
        ),
        (
            "{% macro m() %}{% for i in 'x' * 9000000 %}" + "tekst " * 20 + "{% endfor %}"
            "{% endmacro %}{{ m() }}",
            "in totaal meer dan 100.000.000 tekens",
        ),
        (
            BIG + "{% set t %}{% for i in 'x' * 200 %}{{ s }}{% endfor %}{% endset %}",
            "in totaal meer dan 100.000.000 tekens",
        ),
        (
            "{{ ['x' * 9000000] * 12 }}",
            "in totaal meer dan 100.000.000 tekens",
        ),
    ],
    ids=["streamed-part", "macro", "literal-in-macro", "set-block", "printed-list"],
)
def test_output_beyond_its_bounds_is_refused_while_it_is_made(
    tmp_path: Path, tag: str, expected: str
) -> None:
    assert_refused(tmp_path, tag, expected)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ('{% include "kop.docx" %}', "kan geen ander sjabloon invoegen ({% include %})"),
        ('{% import "macros" as m %}', "macro's uit een ander sjabloon halen ({% import %})"),
        ('{% from "macros" import m %}', "({% from ... import %})"),
        ('{% extends "basis" %}', "niet voortbouwen op een ander sjabloon ({% extends %})"),
    ],
    ids=["include", "import", "from", "extends"],
)
def test_tags_that_load_another_template_are_refused_when_compiled(
    tmp_path: Path, tag: str, expected: str
) -> None:
    path = hostile(tmp_path / "sjablonen", tag) / "memo.docx"

    with pytest.raises(TemplateError) as excinfo:
        WordTemplate(path)

    (problem,) = excinfo.value.problems
    assert problem.message.startswith(f"in de alinea 'Slot: {tag}': ")
    assert expected in problem.message


@pytest.mark.parametrize(
    "tag", ["{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "{{ " + "+".join(["1"] * 400) + " }}"]
)
def test_a_tag_too_deep_to_compile_is_a_template_error(tmp_path: Path, tag: str) -> None:
    path = hostile(tmp_path / "sjablonen", tag) / "memo.docx"

    with pytest.raises(TemplateError) as excinfo:
        WordTemplate(path)

    (problem,) = excinfo.value.problems
    assert problem.message.startswith("in de alinea 'Slot: {{ ")
    assert "te diep genest" in problem.message
    # -- the paragraph is quoted, not pasted whole into the message --
    assert len(problem.message) < 400


def test_a_bound_in_a_header_names_the_header_paragraph(tmp_path: Path) -> None:
    folder = hostile(tmp_path / "sjablonen", '{{ "x" * 10**10 }}', header=True)

    problem = render_problem(folder)

    assert problem.message.startswith("in de alinea 'Kop: ")
    assert "meer dan 10.000.000 tekens" in problem.message


def test_a_header_with_more_than_10_mb_of_text_is_a_template_error(tmp_path: Path) -> None:
    folder = tmp_path / "sjablonen"
    folder.mkdir()
    with zipfile.ZipFile(default_template_dir() / "memo.docx") as package:
        parts = {info: package.read(info) for info in package.infolist()}
    with zipfile.ZipFile(folder / "memo.docx", "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in parts.items():
            if info.filename == "word/header1.xml":
                data = data.replace(b"</w:hdr>", b"<w:p><w:r><w:t>" + b"x" * 11_000_000)
                data += b"</w:t></w:r></w:p></w:hdr>"
            package.writestr(info.filename, data, zipfile.ZIP_DEFLATED)

    with pytest.raises(TemplateError) as excinfo:
        WordTemplate(folder / "memo.docx")

    (problem,) = excinfo.value.problems
    assert problem.message.startswith("een koptekst van het sjabloon (word/header1.xml)")
    assert "meer dan 10 MB tekst in één stuk" in problem.message


def add_table_tags(path: Path, *, columns: bool = True) -> None:
    """Add a table with a cell colour tag: the body is then read as XML after rendering."""
    document = Document(str(path))
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "{% cellbg 'FFFFFF' %}cel"
    if not columns:
        table._tbl.remove(table._tbl.tblGrid)
    document.save(str(path))


def test_a_template_with_table_tags_renders(tmp_path: Path) -> None:
    folder = hostile(tmp_path / "sjablonen", "{{ onderwerp }}")
    add_table_tags(folder / "memo.docx")
    planned = api.plan(document_of(starter_text("memo")), "stuk")

    data = api.render(planned, TemplateSet(folder))[0].data

    assert Document(io.BytesIO(data)).tables[-1].cell(0, 0).text == "cel"


@pytest.mark.parametrize(
    "tag",
    [
        '{% autoescape false %}{{ "<w:p>" }}{% endautoescape %}',
        "{% set s = 'x' * 6000000 %}{{ s }}{{ s }}",
    ],
    ids=["broken-xml", "text-over-10-mb"],
)
def test_a_body_that_is_no_xml_after_rendering_is_a_template_error(
    tmp_path: Path, tag: str
) -> None:
    folder = hostile(tmp_path / "sjablonen", tag)
    add_table_tags(folder / "memo.docx")

    problem = render_problem(folder)

    assert "na het invullen is de hoofdtekst geen geldige Word-XML meer" in problem.message


def test_a_table_without_columns_is_a_template_error(tmp_path: Path) -> None:
    folder = hostile(tmp_path / "sjablonen", "{{ onderwerp }}")
    add_table_tags(folder / "memo.docx", columns=False)

    problem = render_problem(folder)

    assert "heeft een tabel geen kolomindeling" in problem.message


def test_bounds_hold_for_a_template_compiled_from_the_disk_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = hostile(tmp_path / "sjablonen", '{{ "x" * 10**10 }}')
    monkeypatch.setenv("JEUGDDOCS_CACHE", str(tmp_path / "cache"))
    WordTemplate(folder / "memo.docx")  # -- compiles and stores --

    def not_again(blob: bytes, name: str) -> compiled.CompiledParts:
        raise AssertionError("compiled again instead of read from the cache")

    monkeypatch.setattr(compiled, "_compile", not_again)

    problem = render_problem(folder)
    assert "meer dan 10.000.000 tekens" in problem.message


def test_a_long_paragraph_and_a_long_error_are_quoted_short(tmp_path: Path) -> None:
    # -- a paragraph of a page, and an error that quotes a value of megabytes --
    tag = "tekst " * 1000 + "{{ {'a': 1}['x' * 1000000] }}"
    folder = hostile(tmp_path / "sjablonen", tag)

    problem = render_problem(folder)

    assert problem.message.startswith("in de alinea 'Slot: tekst tekst ")
    assert "het sjabloon vraagt een veld dat niet bestaat ('dict object' has no attribute" in (
        problem.message
    )
    assert len(problem.message) < 600


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ('{{ "x" * 10**10 }}', "meer dan 10.000.000 tekens"),
        ("{{ 10**(10**8) }}", "meer dan 1000 cijfers"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "dieper dan 40 niveaus"),
        ('{% include "kop" %}', "kan geen ander sjabloon invoegen"),
        ('{{ "{:>9999999999}".format("x") }}', "breedte of precisie"),
    ],
    ids=["text", "number", "recursion", "include", "width"],
)
def test_the_command_reports_a_hostile_template_in_dutch_and_writes_nothing(
    runner: CliRunner,
    write_yaml: Callable[..., Path],
    tmp_path: Path,
    tag: str,
    expected: str,
) -> None:
    folder = hostile(tmp_path / "sjablonen", tag)
    path = write_yaml(starter_text("memo"))
    out = tmp_path / "uit"

    result = runner.invoke(cli, ["render", str(path), "-o", str(out), "--sjablonen", str(folder)])

    assert result.exit_code == 1
    assert f"{folder / 'memo.docx'}:" in result.stderr
    assert "in de alinea 'Slot: " in result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() or list(out.iterdir()) == []


ORDINARY = (
    "{{ 'Kenmerk: ' ~ onderwerp }} | {{ onderwerp.upper() }} | {{ '%s-%03d' % ('a', 7) }}"
    " | {{ '{:>6}|{:.2f}'.format('x', 2.5) }} | {{ 2 ** 10 }} | {{ 3 * 'ab' }}"
    " | {% for x in ['a', 'b'] %}{{ loop.index }}{{ x }}{% endfor %}"
    " | {% for x in [[1, [2, [3]]]] recursive %}{{ loop.depth }}"
    "{% if x is iterable %}{{ loop(x) }}{% endif %}{% endfor %}"
    " | {% macro m(n) %}{% if n %}{{ n }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(3) }}"
    " | {{ ['p', 'q'] | join('; ') }} | {{ {'k': 'v'}.get('k') }}"
    " | {{ 'a,b'.split(',') | last }} | {{ 'abc'.replace('b', 'x') }}"
)


def test_ordinary_jinja_in_a_template_renders_as_in_jinjas_own_sandbox(tmp_path: Path) -> None:
    folder = hostile(tmp_path / "sjablonen", ORDINARY)
    document = document_of(starter_text("memo"))

    data = api.render(api.plan(document, "stuk"), TemplateSet(folder))[0].data

    expected = SandboxedEnvironment(autoescape=True).from_string(ORDINARY)
    paragraphs = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert f"Slot: {expected.render(onderwerp=document.onderwerp)}" in paragraphs
