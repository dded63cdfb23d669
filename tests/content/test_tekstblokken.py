"""Text blocks: included by name, with variables, overridden per profile and house style."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from jeugddocs import api
from jeugddocs.cli import cli
from jeugddocs.compute.view import build_view
from jeugddocs.content import tekstblokken
from jeugddocs.markup.expressions import Name, Number, Text
from jeugddocs.markup.prose import Paragraph, has_include, parse_prose
from jeugddocs.markup.references import REFERENCE, parse_reference
from tests.conftest import MINIMAL

PROFILE = """\
naam: Hilversum
functionarissen:
  burgemeester: G.I. Broertjes
"""

BLOCKS = {
    "groet.yaml": "tekst: Algemene groet uit {{ gemeente }}.\n",
    "kosten.yaml": """\
        variabelen:
          bedrag: bedrag
          dekking:
            soort: tekst
            standaard: het budget voor jeugdhulp
        tekst: >
          De kosten bedragen {{ bedrag | euro }} en worden gedekt uit {{ dekking }}.
        """,
    "lang.yaml": """\
        tekst: |
          Eerste alinea.

          - een
          - twee
        """,
    "buiten.yaml": """\
        variabelen:
          wie: tekst
        tekst: |
          Buiten voor {{ wie }}: {{ blok("binnen", naam=wie, op="2021-06-01") }}
        """,
    "binnen.yaml": """\
        variabelen:
          naam: tekst
          op: datum
        tekst: >
          binnen met {{ naam }} op {{ op | datum }}, **{{ extra | euro }}** uit het stuk.
        """,
    "mandaat.yaml": """\
        tekst: >
          De burgemeester, {{ burgemeester }}, machtigt {{ portefeuillehouder }}.
        """,
}


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """``tekstblokken/`` and ``gemeenten/`` beside ``stukken/``, where content goes."""
    for name, text in BLOCKS.items():
        write(tmp_path / "tekstblokken", name, text)
    write(tmp_path / "gemeenten", "hilversum.yaml", PROFILE)
    (tmp_path / "stukken").mkdir()
    return tmp_path


def content(root: Path, aanleiding: str, *, key: bool = False, extra: str = "") -> Path:
    """MINIMAL with ``aanleiding`` replaced (given as lines of a block scalar)."""
    body = "aanleiding: |\n" + textwrap.indent(textwrap.dedent(aanleiding).strip("\n"), "  ")
    text = MINIMAL.replace("aanleiding: De groepen zijn te groot.", body + "\n" + extra)
    if key:
        text = text.replace("gemeente: Hilversum", "gemeente: hilversum")
    return write(root / "stukken", "stuk.yaml", text)


def texts(path: Path, **options: object) -> list[str]:
    """The paragraphs and list items of ``aanleiding`` as the view has them."""
    view = build_view(api.check(path, **options).valid())  # type: ignore[arg-type]
    rv = []
    for block in view["aanleiding"]:
        lines = [block.runs] if isinstance(block, Paragraph) else block.items
        rv += ["".join(run.text for run in line) for line in lines]
    return rv


def messages(path: Path | str | dict[str, object], **options: object) -> list[str]:
    checked = api.check(path, **options)  # type: ignore[arg-type]
    assert not checked.ok
    return [str(problem) for problem in checked.problems]


# -- including ----------------------------------------------------------------------------


def test_a_block_alone_in_its_paragraph_brings_its_paragraphs_and_lists(root: Path) -> None:
    path = content(root, 'Voor.\n\n{{ blok("lang") }}\n\nNa.')

    view = build_view(api.check(path).valid())

    kinds = [type(block).__name__ for block in view["aanleiding"]]
    assert kinds == ["Paragraph", "Paragraph", "ListBlock", "Paragraph"]
    assert texts(path) == ["Voor.", "Eerste alinea.", "een", "twee", "Na."]


def test_a_block_in_a_sentence_stands_in_it_with_its_variables_and_defaults(root: Path) -> None:
    path = content(root, 'Dus: {{ blok("kosten", bedrag=extra * 2) }} Klaar.')

    assert texts(path) == [
        "Dus: De kosten bedragen €\xa0207.000 en worden gedekt uit het budget voor jeugdhulp. "
        "Klaar."
    ]


def test_a_block_uses_the_profile_and_the_portefeuillehouder(root: Path) -> None:
    path = content(
        root, '{{ blok("mandaat") }}', key=True, extra="portefeuillehouder: W. Wethouder\n"
    )

    assert texts(path) == ["De burgemeester, G.I. Broertjes, machtigt W. Wethouder."]


def test_blocks_include_blocks_and_pass_on_their_values(root: Path) -> None:
    path = content(root, '{{ blok("buiten", wie="de raad") }}')

    view = build_view(api.check(path).valid())

    runs = view["aanleiding"][0].runs
    assert "".join(r.text for r in runs) == (
        "Buiten voor de raad: binnen met de raad op 1 juni 2021, €\xa0103.500 uit het stuk."
    )
    assert [r.text for r in runs if r.bold] == ["€\xa0103.500"]


def test_a_block_in_a_one_line_field_and_in_bold(root: Path) -> None:
    text = MINIMAL.replace(
        "  - Een pilot starten.", '  - "Een pilot starten: **{{ blok(\\"groet\\") }}**"'
    )
    path = write(root / "stukken", "stuk.yaml", text)

    view = build_view(api.check(path).valid())

    runs = view["beslispunten"].items[1]
    assert [(r.text, r.bold) for r in runs] == [
        ("Een pilot starten: ", False),
        ("Algemene groet uit Hilversum.", True),
    ]


def test_an_amount_used_only_in_a_block_is_not_reported_unused(root: Path) -> None:
    path = content(root, '{{ blok("buiten", wie="u") }}', extra="")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "kern: Wij vragen {{ extra | euro }} extra.", "kern: Wij vragen geld."
        ),
        encoding="utf-8",
    )

    checked = api.check(path)

    assert checked.ok
    assert not [w for w in checked.warnings if "nergens gebruikt" in w.message]


def test_the_samples_use_the_shipped_blocks() -> None:
    sample = Path(__file__).resolve().parents[2] / "content" / "voorbeelden"
    path = sample / "pilot-praktijkondersteuner-jeugd.yaml"

    view = build_view(api.check(path).valid())

    communicatie = "".join(r.text for r in view["communicatie"][0].runs)
    assert "gemeentepagina van Noordwijk" in communicatie  # -- Noordwijk's own wording --
    assert "€\xa0168.000" in "".join(r.text for r in view["financien"]["tekst"][0].runs)


# -- where blocks are found ---------------------------------------------------------------


def test_profile_beats_house_style_beats_general(root: Path) -> None:
    path = content(root, '{{ blok("groet") }}', key=True)
    style = root / "stijl"
    write(style, "huisstijl.yaml", "naam: stijl\n")
    write(style / "tekstblokken", "groet.yaml", "tekst: Groet van de huisstijl.\n")

    assert texts(path) == ["Algemene groet uit Hilversum."]
    assert texts(path, huisstijl=style) == ["Groet van de huisstijl."]

    write(root / "tekstblokken" / "hilversum", "groet.yaml", "tekst: Groet van Hilversum.\n")
    assert texts(path, huisstijl=style) == ["Groet van Hilversum."]
    # -- the override is per profile: content without the key gets the others --
    plain = content(root, '{{ blok("groet") }}')
    assert texts(plain, huisstijl=style) == ["Groet van de huisstijl."]


def test_a_house_style_inherits_the_blocks_of_its_parent(root: Path) -> None:
    parent, child = root / "ouder", root / "kind"
    write(parent, "huisstijl.yaml", "naam: ouder\n")
    write(parent / "tekstblokken", "groet.yaml", "tekst: Groet van de ouder.\n")
    write(child, "huisstijl.yaml", f"naam: kind\nerft_van: {parent}\n")

    assert texts(content(root, '{{ blok("groet") }}'), huisstijl=child) == ["Groet van de ouder."]


def test_a_folder_given_comes_before_the_one_found(root: Path, tmp_path: Path) -> None:
    own = write(tmp_path / "eigen", "groet.yaml", "tekst: Eigen groet.\n").parent

    assert texts(content(root, '{{ blok("groet") }}'), tekstblokken=[own]) == ["Eigen groet."]


def test_text_and_data_find_blocks_only_in_the_folders_given(root: Path) -> None:
    text = content(root, '{{ blok("groet") }}').read_text(encoding="utf-8")

    found = messages(text)
    assert "het tekstblok 'groet' bestaat niet" in found[0]
    checked = api.check(text, tekstblokken=[root / "tekstblokken"])
    assert checked.ok

    data = {
        "soort": "memo",
        "gemeente": "Hilversum",
        "onderwerp": "X",
        "datum": "2021-03-18",
        "aan": "de raad",
        "van": "het college",
        "inleiding": '{{ blok("kosten", bedrag=1) }}',
    }
    assert api.check(data, tekstblokken=[root / "tekstblokken"]).ok
    wrong = api.check(
        {**data, "inleiding": '{{ blok("kosten") }}'}, tekstblokken=[root / "tekstblokken"]
    )
    assert [(p.veld, p.line) for p in wrong.problems] == [("inleiding", 0)]


# -- errors at the inclusion ----------------------------------------------------------------

# -- each: the aanleiding, the message expected at line 13, column 3 of the content --
INCLUSION_ERRORS = [
    ('{{ blok("groett") }}', "het tekstblok 'groett' bestaat niet; bedoelde u 'groet'?"),
    (
        '{{ blok("kosten") }}',
        "het tekstblok 'kosten' heeft een waarde nodig voor 'bedrag' (bedrag)",
    ),
    (
        '{{ blok("kosten", bedrag=1, dekkking="x") }}',
        "het tekstblok 'kosten' kent geen variabele 'dekkking'; bedoelde u 'dekking'?",
    ),
    (
        '{{ blok("kosten", bedrag="veel") }}',
        "de variabele 'bedrag' van tekstblok 'kosten' is een bedrag, maar hier staat '\"veel\"'",
    ),
    (
        '{{ blok("kosten", bedrag=1, dekking=3) }}',
        "de variabele 'dekking' van tekstblok 'kosten' is een tekst, maar hier staat '3'",
    ),
    (
        '{{ blok("kosten", bedrag=extraa) }}',
        "'extraa' in '{{ blok(\"kosten\", bedrag=extraa) }}' is geen bekend bedrag",
    ),
    (
        '{{ blok("binnen", naam="x", op="1 juni") }}',
        "de variabele 'op' van tekstblok 'binnen' is een datum, maar hier staat '\"1 juni\"'",
    ),
    ("{{ blok(groet) }}", "staat de naam van het tekstblok zonder aanhalingstekens"),
    (
        'Zie {{ blok("lang") }} hier.',
        "het tekstblok 'lang' heeft meer dan één alinea of een lijst en kan daarom niet midden "
        "in een zin staan",
    ),
    (
        '{{ blok("mandaat") }}',
        "in tekstblok 'mandaat' (TB/mandaat.yaml:2:20): 'burgemeester' wordt gebruikt, maar dit "
        "stuk heeft geen gemeenteprofiel",
    ),
]


@pytest.mark.parametrize(("aanleiding", "expected"), INCLUSION_ERRORS)
def test_an_inclusion_error_is_reported_where_the_block_is_included(
    root: Path, aanleiding: str, expected: str
) -> None:
    path = content(root, aanleiding)

    found = messages(path)

    column = aanleiding.index("{{") + 3
    prefix = f"{path}:13:{column}: "
    assert found[0].startswith(prefix), found
    expected = expected.replace("TB/", f"{root / 'tekstblokken'}/")
    assert expected in found[0]


def test_a_nested_problem_names_the_block_file_and_its_line(root: Path) -> None:
    write(root / "tekstblokken", "binnen.yaml", BLOCKS["binnen.yaml"].replace("extra", "onbekend"))
    path = content(root, 'Eerst.\n\n{{ blok("buiten", wie="u") }}')

    (found,) = messages(path)

    column = "  binnen met {{ naam }} op {{ op | datum }}, **{{ onbekend".index("{{ onbekend") + 1
    where = f"{root / 'tekstblokken' / 'binnen.yaml'}:5:{column}"
    assert found.startswith(f"{path}:15:3: in tekstblok 'binnen' ({where}")
    assert "'onbekend' is geen variabele van het blok en geen bedrag van dit stuk" in found


def test_a_loop_of_blocks_is_named(root: Path) -> None:
    folder = root / "tekstblokken"
    write(folder, "a.yaml", 'tekst: A {{ blok("b") }}\n')
    write(folder, "b.yaml", 'tekst: |\n  B\n\n  {{ blok("a") }}\n')
    path = content(root, '{{ blok("a") }}')

    (found,) = messages(path)

    assert found.startswith(f"{path}:13:3: in tekstblok 'b' ({folder / 'b.yaml'}:4:3): ")
    assert "tekstblokken nemen elkaar in een kring op: a → b → a" in found


def test_a_block_including_itself_is_a_loop(root: Path) -> None:
    write(root / "tekstblokken", "zelf.yaml", 'tekst: Ik {{ blok("zelf") }}\n')

    (found,) = messages(content(root, '{{ blok("zelf") }}'))

    assert "kring op: zelf → zelf" in found


# -- errors in the block file ---------------------------------------------------------------


def test_every_problem_of_a_block_file_is_reported_in_it_once(root: Path) -> None:
    bad = write(
        root / "tekstblokken",
        "kapot.yaml",
        """\
        variabelen:
          x: bedrag
          d: datum
          t: {soort: tekst, standaard: 3}
        onbekend: 1
        tekst: |
          {{ x | eur }} en {{ d }} en {{ t | euro }} en [^1] en [#sleutel] en {{ y }}.
        """,
    )
    path = content(root, '{{ blok("kapot", x=1) }}\n\n{{ blok("kapot", x=2) }}')

    found = messages(path)

    assert found == [
        f"{bad}:4:32: de standaardwaarde van 't' moet tekst zijn, maar hier staat het getal 3",
        f"{bad}:5:1: onbekend veld 'onbekend'; toegestaan zijn hier: omschrijving, variabelen, "
        "tekst",
        f"{bad}:7:3: onbekend filter 'eur' in '{{{{ x | eur }}}}'; bedoelde u 'euro'? beschikbaar "
        "zijn: euro, euro_kort, getal, procent, datum",
        f"{bad}:7:20: 'd' is een datum: schrijf {{{{ d | datum }}}} zodat het in Nederlandse "
        "notatie verschijnt",
        f"{bad}:7:31: 't' is tekst: schrijf {{{{ t }}}}, zonder filter of berekening (in "
        "'{{ t | euro }}')",
        f"{bad}:7:49: een tekstblok kan geen voetnoot hebben: de voetnoten horen bij het stuk; "
        "zet de voetnoot in de tekst van het stuk, naast het blok",
        f"{bad}:7:57: een tekstblok kan niet naar een argument of kanttekening verwijzen: die "
        "horen bij één stuk; zet de verwijzing in de tekst van het stuk",
        f"{bad}:7:71: 'y' in '{{{{ y }}}}' is geen variabele van dit blok en geen gegeven van het "
        "stuk (gemeente, burgemeester, secretaris, griffier, voorzitter, portefeuillehouder); "
        "zet hem onder 'variabelen:' als 'y: tekst', of schrijf {{ y | euro }} voor een bedrag "
        "uit het stuk",
    ]


def test_a_block_file_that_is_not_yaml_is_reported_at_its_line(root: Path) -> None:
    bad = write(root / "tekstblokken", "fout.yaml", 'tekst: "open\n  b: c\n')

    (found,) = messages(content(root, '{{ blok("fout") }}'))

    assert found.startswith(f"{bad}:3:1: YAML-fout")


def test_nothing_is_written_when_a_block_fails(root: Path, tmp_path: Path) -> None:
    path = content(root, '{{ blok("kosten") }}')
    output = tmp_path / "uit"

    result = CliRunner().invoke(cli, ["render", str(path), "-o", str(output)])

    assert result.exit_code == 1
    assert "het tekstblok 'kosten' heeft een waarde nodig" in result.stderr
    assert not output.exists() or not list(output.iterdir())


def test_the_command_line_takes_a_folder_of_blocks(root: Path, tmp_path: Path) -> None:
    own = write(tmp_path / "eigen", "groet.yaml", "tekst: Eigen groet.\n").parent
    path = content(root, '{{ blok("groet") }}')
    runner = CliRunner()

    assert runner.invoke(cli, ["validate", str(path), "--tekstblokken", str(own)]).exit_code == 0
    missing = runner.invoke(cli, ["validate", str(path), "--tekstblokken", str(tmp_path / "x")])
    assert missing.exit_code == 2
    assert "map met tekstblokken bestaat niet" in missing.stderr


# -- reading block files once ---------------------------------------------------------------


def test_a_block_file_is_read_once_until_it_changes(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []
    original = tekstblokken.load_source

    def counted(path: Path, name: str) -> Any:
        reads.append(path)
        return original(path, name)

    monkeypatch.setattr(tekstblokken, "load_source", counted)
    path = content(root, '{{ blok("groet") }}\n\n{{ blok("groet") }}')
    for _ in range(3):
        assert api.check(path).ok
    assert len(reads) == 1

    block = root / "tekstblokken" / "groet.yaml"
    block.write_text("tekst: Nieuwe groet uit {{ gemeente }}.\n", encoding="utf-8")
    stamp = block.stat().st_mtime_ns + 10**9
    os.utime(block, ns=(stamp, stamp))

    assert texts(path) == ["Nieuwe groet uit Hilversum.", "Nieuwe groet uit Hilversum."]
    assert len(reads) == 2


# -- the syntax -----------------------------------------------------------------------------

SYNTAX = [
    ('{{ blok("groet") }}', "groet", {}, None),
    ("{{blok('groet')}}", "groet", {}, None),
    ('{{ blok("kosten", bedrag=extra) }}', "kosten", {"bedrag": Name}, None),
    ('{{ blok("k-2", a="x", b=12) }}', "k-2", {"a": Text, "b": Number}, None),
    ('{{ blok("k", a=b * 2) }}', "k", {"a": object}, None),
    ("{{ blok(groet) }}", "", {}, "zonder aanhalingstekens"),
    ('{{ blok("Groet") }}', "Groet", {}, "kan geen naam van een tekstblok zijn"),
    ('{{ blok("a", "b") }}', "a", {}, "staat eerst de naam van het tekstblok"),
    ("{{ blok() }}", "", {}, "staat eerst de naam van het tekstblok"),
    ('{{ blok("a") | euro }}', "a", {}, "krijgt daarom geen filter"),
    ('{{ blok("a", x=1, x=2) }}', "a", {"x": Number}, "de variabele 'x' twee keer"),
]


@pytest.mark.parametrize(("fragment", "name", "arguments", "problem"), SYNTAX)
def test_the_inclusion_syntax(
    fragment: str, name: str, arguments: dict[str, type], problem: str | None
) -> None:
    reference = parse_reference(fragment)

    assert reference.include is not None
    assert reference.include.name == name
    assert {key: type(node) for key, node in reference.include.arguments}.keys() == arguments.keys()
    for key, node in reference.include.arguments:
        assert isinstance(node, arguments[key])
    if problem is None:
        assert reference.problem is None
    else:
        assert reference.problem is not None and problem in reference.problem


_NAMES = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True)
_KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(
    lambda k: k not in ("True", "False")
)
_VALUES = st.one_of(
    st.from_regex(r"[A-Za-z ,.]{0,20}", fullmatch=True).map(lambda t: f'"{t}"'),
    st.integers(0, 10**9).map(str),
    st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True),
)


@given(_NAMES, st.dictionaries(_KEYS, _VALUES, max_size=4), st.sampled_from(["", " ", "  "]))
def test_any_well_formed_inclusion_reads_back_its_name_and_arguments(
    name: str, arguments: dict[str, str], space: str
) -> None:
    typed = "".join(f", {key}={value}" for key, value in arguments.items())
    fragment = f'{{{{{space}blok("{name}"{typed}){space}}}}}'

    reference = parse_reference(fragment)

    assert reference.problem is None and reference.include is not None
    assert reference.include.name == name
    read = {key: reference.include.text[n.start : n.end] for key, n in reference.include.arguments}
    assert read == arguments
    # -- in prose it is one run, alone in its paragraph --
    (paragraph,) = parse_prose(f"\n{fragment}\n")
    assert isinstance(paragraph, Paragraph) and paragraph.runs[0].reference == reference


@given(st.text(alphabet='{}()"=, blok_abc12*|\n-', max_size=40))
def test_prose_finds_an_inclusion_exactly_where_a_reference_is_one(text: str) -> None:
    expected = any(parse_reference(found).include for found in REFERENCE.findall(text))

    assert has_include(parse_prose(text)) == expected


def test_a_copy_of_a_house_style_takes_its_blocks_along(root: Path, tmp_path: Path) -> None:
    style = root / "stijl"
    write(style, "huisstijl.yaml", "naam: stijl\n")
    write(style / "tekstblokken", "groet.yaml", "tekst: Groet van de huisstijl.\n")

    written = api.copy_house_style(style, tmp_path / "kopie")

    copy = tmp_path / "kopie" / "tekstblokken" / "groet.yaml"
    assert copy in written
    assert copy.read_text(encoding="utf-8") == "tekst: Groet van de huisstijl.\n"
    path = content(root, '{{ blok("groet") }}')
    assert texts(path, huisstijl=tmp_path / "kopie") == ["Groet van de huisstijl."]
