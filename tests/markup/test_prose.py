"""Prose markup: paragraphs, lists and emphasis as authors write them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jeugddocs.markup.prose import ListBlock, Paragraph, Run, parse_inline, parse_prose


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
