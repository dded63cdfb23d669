"""Prose markup: paragraphs, lists and emphasis as authors write them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugddocs.compute.view import build_view
from jeugddocs.content.load import check_source
from jeugddocs.markup import checks, prose
from jeugddocs.markup.prose import (
    ListBlock,
    Paragraph,
    Run,
    expand,
    expand_inline,
    parse_inline,
    parse_prose,
)


def test_blank_line_starts_a_paragraph_and_wrapped_lines_join() -> None:
    blocks = parse_prose("Eerste regel\nloopt door.\n\nTweede alinea.")

    assert blocks == (
        Paragraph((Run("Eerste regel loopt door."),)),
        Paragraph((Run("Tweede alinea."),)),
    )


def test_bullets_numbers_and_continuation_lines() -> None:
    blocks = parse_prose(
        "Uitgangspunten:\n- Normaliseren\n- Scheiding van wonen\n  en hulp\n3. derde\n4. vierde"
    )

    assert blocks == (
        Paragraph((Run("Uitgangspunten:"),)),
        ListBlock("bullet", ((Run("Normaliseren"),), (Run("Scheiding van wonen en hulp"),))),
        ListBlock("number", ((Run("derde"),), (Run("vierde"),)), start=3),
    )


def test_emphasis_and_lone_asterisks() -> None:
    assert parse_inline("**vet**, *cursief* en ***beide***; 2 * 3 blijft") == (
        Run("vet", bold=True),
        Run(", "),
        Run("cursief", italic=True),
        Run(" en "),
        Run("beide", bold=True, italic=True),
        Run("; 2 * 3 blijft"),
    )


def test_a_numbered_heading_like_1_1_is_not_a_list_item() -> None:
    assert parse_prose("1.1 Passende verhouding") == (Paragraph((Run("1.1 Passende verhouding"),)),)


@given(st.text(max_size=300))
def test_no_text_is_lost(text: str) -> None:
    def words(value: str) -> list[str]:
        return "".join(c for c in value if c not in "*").split()

    rendered: list[str] = []
    for block in parse_prose(text):
        items = [block.runs] if isinstance(block, Paragraph) else list(block.items)
        rendered += ["".join(run.text for run in runs) for runs in items]
    source_words = [w for line in text.splitlines() for w in words(line)]
    kept = [w for line in rendered for w in words(line)]
    # -- list markers ("- ", "1. ") are the only words that may disappear --
    assert all(w in source_words for w in kept)
    assert len(source_words) - len(kept) <= text.count("\n") + 1


# -- references are part of the parse --

AMOUNTS = {"extra": Decimal(103500), "tekort": Decimal(845000)}


def test_a_reference_is_a_run_of_its_own_with_its_offset() -> None:
    text = "Wij vragen {{ extra | euro }} extra."
    (paragraph,) = parse_prose(text)

    assert isinstance(paragraph, Paragraph)
    reference = paragraph.runs[1]
    assert reference.reference is not None
    assert reference.text == "{{ extra | euro }}"
    assert text[reference.offset :].startswith("{{ extra | euro }}")


def test_expanding_gives_the_runs_as_if_the_amount_had_been_typed() -> None:
    blocks = expand(parse_prose("Wij vragen {{ extra | euro }} extra."), AMOUNTS)

    assert blocks == (Paragraph((Run("Wij vragen €\xa0103.500 extra."),)),)


def test_a_reference_in_bold_is_a_bold_amount() -> None:
    runs = expand_inline(parse_inline("een tekort van **{{ tekort | euro }}** in 2020"), AMOUNTS)

    assert runs == (
        Run("een tekort van "),
        Run("€\xa0845.000", bold=True),
        Run(" in 2020"),
    )


def test_a_reference_may_span_a_line_break_and_sit_in_a_list() -> None:
    blocks = expand(
        parse_prose("- eerst {{ extra\n  | euro }}\n- dan {{ tekort | euro }}"), AMOUNTS
    )

    assert blocks == (
        ListBlock("bullet", ((Run("eerst €\xa0103.500"),), (Run("dan €\xa0845.000"),))),
    )


def test_runs_that_look_alike_are_joined_up_to_a_footnote_or_emphasis() -> None:
    text = "a {{ extra | euro }} b {{ extra | euro }}[^1] c {{ tekort | euro }} **d** e"

    runs = expand_inline(parse_inline(text), AMOUNTS)

    assert runs == (
        Run("a €\xa0103.500 b €\xa0103.500"),
        Run("", voetnoot="1"),
        Run(" c €\xa0845.000 "),
        Run("d", bold=True),
        Run(" e"),
    )


def test_a_star_inside_a_reference_is_no_emphasis() -> None:
    runs = expand_inline(parse_inline("*x* {{ extra * 2 | euro }} *y*"), AMOUNTS)

    assert runs == (Run("x", italic=True), Run(" €\xa0207.000 "), Run("y", italic=True))


def test_text_that_holds_the_placeholder_character_keeps_it() -> None:
    text = "\ue000 en {{ extra | euro }}"

    assert expand_inline(parse_inline(text), AMOUNTS) == (Run("\ue000 en €\xa0103.500"),)


def test_braces_that_bold_text_splits_are_found_in_the_text() -> None:
    text = "Wij vragen {**{** extra **}**} extra."

    issues = checks.text_issues(text, parse_inline(text), AMOUNTS, set())

    assert [issue.fragment for issue in issues] == ["{{"]
    assert "midden in '{{'" in issues[0].message


def test_the_view_takes_the_parse_validation_made(
    minimal_yaml: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = check_source(minimal_yaml).valid()

    def parse_again(text: str) -> object:
        raise AssertionError(f"parsed again: {text!r}")

    monkeypatch.setattr(prose, "_parse_prose", parse_again)
    monkeypatch.setattr(prose, "_parse_inline", parse_again)
    view = build_view(document)

    assert view["kern"]
