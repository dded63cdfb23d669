"""Fuzzing the loader, the validator and the renderer: no input gives a traceback, and what
validates renders to a .docx that python-docx opens again with the same text."""

from __future__ import annotations

import datetime
import io
import re
import string
from decimal import Decimal
from typing import Any

import pytest
import yaml
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jeugddocs import api
from jeugddocs.content.source import YamlParser, load_text_bytes
from jeugddocs.errors import ContentError
from tests.conftest import MINIMAL
from tests.content_text import document_of

FIELDS = [
    "soort",
    "gemeente",
    "onderwerp",
    "datum",
    "kern",
    "beslispunten",
    "aanleiding",
    "argumenten",
    "financien",
    "bedragen",
    "tabellen",
    "rijen",
    "beslispunt",
    "kop",
    "tekst",
    "verwacht_totaal",
    "voetnoten",
    "secties",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(),
    st.sampled_from(
        [
            "raadsvoorstel",
            "memo",
            "nota",
            "{{ x | euro }}",
            "=som(a, b)",
            "€ 394.00",
            "32.3%",
            "[^1]",
            "{% if %}",
            "0042",
            "yes",
        ]
    ),
)
#: Texts an outside attack used: several lines, invisible characters, long computations.
hostile_texts = st.one_of(
    st.lists(st.text(max_size=20), min_size=2, max_size=4).map("\n".join),
    st.tuples(st.sampled_from(FIELDS), st.sampled_from(["\u200b", "\ufeff", "\u00ad"])).map(
        lambda t: t[0][:2] + t[1] + t[0][2:]
    ),
    st.integers(1, 2000).map(lambda n: "{{ (" + "+".join(["x"] * n) + ") | euro }}"),
    st.integers(1, 3000).map(lambda n: "=" + "+".join(["x"] * n)),
    st.integers(1, 300).map(lambda n: "=" + "(" * n + "1" + ")" * n),
    st.sampled_from(["{**{** x **}**}", "{{ x\n| euro }}", "\U0010ffff", "2021-01-21T10:00:00"]),
)
scalars = st.one_of(scalars, hostile_texts)
keys = st.one_of(
    st.sampled_from(FIELDS),
    st.text(min_size=1, max_size=12),
    hostile_texts.filter(lambda t: len(t) < 200),
    st.dates(),
    st.booleans(),
    st.integers(-5, 5),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys, inner, max_size=6),
    ),
    max_leaves=30,
)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@given(documents)
def test_any_yaml_document_validates_or_gives_located_problems(data: Any) -> None:
    try:
        document_of(dump(data))
    except ContentError as exc:
        assert exc.problems
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in exc.problems)


@given(st.binary(max_size=300))
def test_any_bytes_validate_or_give_located_problems(raw: bytes) -> None:
    try:
        document_of(raw)
    except ContentError as exc:
        assert all(p.line >= 1 and p.column >= 1 for p in exc.problems)


BASE = yaml.safe_load(MINIMAL)
paths = st.sampled_from(
    [
        ("kern",),
        ("aanleiding",),
        ("onderwerp",),
        ("datum",),
        ("bedragen", "extra"),
        ("beslispunten", 0),
        ("argumenten", 0, "beslispunt"),
        ("argumenten", 1, "tekst"),
        ("financien", "tabellen", 0, "rijen", 0, "bedragen"),
        ("financien", "tekst"),
        ("financien", "tabellen", 0, "verwacht_totaal"),
    ]
)


def replaced(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = yaml.safe_load(MINIMAL)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data  # type: ignore[no-any-return]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paths, documents)
def test_a_changed_field_either_fails_cleanly_or_renders(path: tuple[Any, ...], value: Any) -> None:
    try:
        document = document_of(dump(replaced(path, value)))
    except ContentError:
        return
    for item in api.render(api.plan(document, "stuk")):
        Document(io.BytesIO(item.data))


prose_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(string.ascii_letters + string.digits + " ,;:!?()'\"&<>€%/")),
        st.characters(categories=["Ll", "Lu", "Lo", "So", "Zs"]),
    ),
    min_size=1,
    max_size=200,
).filter(lambda t: t.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prose_text)
def test_unicode_prose_comes_out_as_the_same_text(text: str) -> None:
    data = replaced(("kern",), text)
    try:
        document = document_of(dump(data))
    except ContentError as exc:
        # -- only the Dutch-number checks may object to arbitrary prose --
        assert all("punt" in p.message or "bedrag" in p.message for p in exc.problems), exc
        return

    rendered = Document(io.BytesIO(api.render(api.plan(document, "stuk"))[0].data))

    paragraphs = [p.text for p in rendered.paragraphs]
    start = paragraphs.index("Kern van het voorstel") + 1
    # -- ordinary white space folds as in any paragraph; other spaces (no-break) stay --
    assert paragraphs[start] == re.sub(r"[ \t\r\n]+", " ", text).strip(" ")


@given(st.decimals(min_value=-(10**14), max_value=10**14, places=2), st.dates())
def test_amounts_and_dates_survive_the_round_trip(amount: Decimal, day: datetime.date) -> None:
    text = MINIMAL.replace("extra: 103500", f"extra: {amount:f}").replace(
        "datum: 2021-03-18", f"datum: {day.isoformat()}"
    )

    document = document_of(text)

    assert document.waarden["extra"] == amount
    assert document.datum == day


def read_with(parser: YamlParser, raw: bytes) -> tuple[object, ...]:
    source, problems = load_text_bytes(raw, "x.yaml", parser)
    return source.data, source.values, source.keys, [str(p) for p in problems]


dumped = st.builds(
    lambda data, flow, style, width, unicode, start: yaml.safe_dump(
        data,
        default_flow_style=flow,
        default_style=style,
        width=width,
        allow_unicode=unicode,
        explicit_start=start,
        sort_keys=False,
    ),
    documents,
    st.sampled_from([False, True, None]),
    st.sampled_from([None, "'", '"', "|", ">"]),
    st.sampled_from([20, 80, 10_000]),
    st.booleans(),
    st.booleans(),
)
#: Pieces of YAML, valid and broken, where libyaml and PyYAML might part ways.
YAML_PIECES = [
    *("a", "b", "é", "😀", "1", "1.5", "2021-02-30", "~", "true", "<<", "x y"),
    *(":", ": ", " ", "  ", "\n", "\n  ", "- ", "-", "? ", "?", ",", ", "),
    *("[", "]", "{", "}", "'", '"', "''", "|", ">", "|-", ">+", "|2", "#", " # x"),
    *("&x ", "*x", "! ", "!!str ", "!x ", "---", "--- ", "...", "%YAML 1.1\n"),
    *("\\", "\\t", "\\x41", "\\U00110000", "\t", "\ufeff", "\x07", "\u00a0", "@", "`"),
]
yaml_soup = st.lists(st.sampled_from(YAML_PIECES), max_size=30).map("".join)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
@settings(deadline=None)
@given(st.one_of(dumped, yaml_soup))
def test_both_yaml_parsers_give_the_same_data_positions_and_problems(text: str) -> None:
    raw = text.encode("utf-8")

    assert read_with("libyaml", raw) == read_with("python", raw)
