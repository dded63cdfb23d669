"""Where a fragment of a value stands: its n-th occurrence, at its line and column."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jeugddocs.content.source import Position, Source, line_column


def nth(text: str, start: int, end: int, fragment: str, occurrence: int) -> int:
    """The n-th occurrence of ``fragment`` in ``text[start:end]``, overlaps counted; or -1."""
    index = start - 1
    for _ in range(occurrence + 1):
        index = text.find(fragment, index + 1, end)
        if index < 0:
            return -1
    return index


@given(
    st.text("ab{}\n", max_size=60),
    st.integers(0, 60),
    st.integers(0, 60),
    st.lists(st.tuples(st.text("ab{}\n", min_size=1, max_size=4), st.integers(0, 5)), max_size=8),
)
def test_the_nth_occurrence_is_found_wherever_it_stands(
    text: str, start: int, end: int, asked: list[tuple[str, int]]
) -> None:
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    own = Position(7, 7, start, end)
    source = Source("x.yaml", text, None, values={("veld",): own})

    for fragment, occurrence in asked:
        index = nth(text, start, end, fragment, occurrence)
        expected = (
            own if index < 0 else Position(*line_column(text, index), index, index + len(fragment))
        )
        assert source.fragment_position(("veld",), fragment, occurrence) == expected
