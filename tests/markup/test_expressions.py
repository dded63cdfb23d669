"""One expression grammar: formulas and references compute the same things the same way."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugddocs.calc.formulas import FormulaError, evaluate
from jeugddocs.format.numbers import round_half_up
from jeugddocs.markup import expressions
from jeugddocs.markup.expressions import ExpressionError, SyntaxProblem
from jeugddocs.markup.references import format_reference, parse_reference, reference_problem

AMOUNTS = {"a": Decimal(100), "b": Decimal("2.5"), "extra": Decimal(103500)}

names = st.sampled_from(["a", "b", "extra"])
numbers = st.one_of(
    st.integers(0, 10_000).map(str),
    st.decimals(min_value=0, max_value=1000, places=2).map(str),
)


def computations(depth: int = 3) -> st.SearchStrategy[str]:
    leaves = st.one_of(names, numbers)
    if depth == 0:
        return leaves
    inner = computations(depth - 1)
    return st.one_of(
        leaves,
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        inner.map(lambda x: f"-{x}"),
        st.lists(inner, min_size=1, max_size=3).map(lambda xs: f"som({', '.join(xs)})"),
        st.tuples(inner, inner).map(lambda t: f"verschil({t[0]}, {t[1]})"),
    )


@given(computations())
def test_a_formula_and_a_reference_compute_the_same(computation: str) -> None:
    try:
        expected = evaluate(f"={computation}", AMOUNTS)
    except FormulaError:
        # -- what a formula cannot compute, a reference cannot either --
        assert reference_problem(parse_reference(f"{{{{ {computation} | getal }}}}"), AMOUNTS)
        return
    reference = parse_reference(f"{{{{ ({computation}) | getal(6) }}}}")
    assert reference_problem(reference, AMOUNTS) is None
    shown = format_reference(reference, AMOUNTS)
    assert Decimal(shown.replace(".", "").replace(",", ".")) == round_half_up(expected, 6)


def test_a_computation_with_a_decimal_number_is_a_reference_as_it_is_a_formula() -> None:
    reference = parse_reference("{{ (extra * 1.02) | euro }}")

    assert reference.problem is None
    assert format_reference(reference, AMOUNTS) == "€\xa0105.570"
    assert evaluate("=extra * 1.02", AMOUNTS) == Decimal("105570.00")


def test_the_filter_applies_to_the_whole_computation() -> None:
    assert format_reference(parse_reference("{{ a + b | euro }}"), AMOUNTS) == "€\xa0102,50"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("som(a, b) * extra", ("a", "b", "extra")),
        ("indexeer(a, 2, jaren=b)", ("a", "b")),
        ("a + a", ("a",)),
        ("a.real", ("a",)),
    ],
)
def test_names_in_reading_order_without_functions(text: str, names: tuple[str, ...]) -> None:
    assert expressions.names(expressions.parse(text)) == names


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a ** 2", "'a ** 2' mag niet in een formule"),
        ("a < b", "'a < b' mag niet in een formule"),
        ("a[0]", "'a[0]' mag niet in een formule"),
        ("os.system('ls')", "'os.system('ls')' mag niet in een formule"),
        ("1e3", "schrijf '1e3' als gewoon getal"),
        ("onbekend(a)", "onbekende functie 'onbekend'"),
        ("som(a, jaren=2)", "'som' kent geen benoemde argumenten"),
        ("indexeer(a, 2, jaren=1, jaren=2)", "indexeer kent alleen het benoemde argument jaren"),
    ],
)
def test_what_is_not_a_computation_is_named_as_typed(text: str, message: str) -> None:
    refusal = expressions.refusal(expressions.parse(text), text)

    assert refusal is not None
    assert message in refusal


@pytest.mark.parametrize("text", ["", "a +", "(a", "a b", "som(a,", "a @ b", "{a}"])
def test_what_is_no_expression_at_all_is_a_syntax_problem(text: str) -> None:
    with pytest.raises(SyntaxProblem):
        expressions.parse(text)


def test_limits_are_checked_before_the_work() -> None:
    with pytest.raises(ExpressionError) as too_long:
        expressions.parse("+".join(["a"] * 1500))
    with pytest.raises(ExpressionError) as too_deep:
        expressions.parse("(" * 200 + "a" + ")" * 200)
    with pytest.raises(ExpressionError) as signs:
        expressions.parse("-" * 200 + "a")

    assert too_long.value.kind == "te_lang"
    assert too_deep.value.kind == signs.value.kind == "te_diep"


def test_a_very_long_reference_is_refused_without_a_crash() -> None:
    fragment = "{{ (" + "+".join(["a"] * 1500) + ") | euro }}"

    assert "langer dan 500 tekens" in (parse_reference(fragment).problem or "")


@given(st.text(max_size=80))
def test_arbitrary_text_is_read_or_refused_never_crashes(text: str) -> None:
    with contextlib.suppress(ExpressionError, SyntaxProblem):
        tree = expressions.parse(text)
        if expressions.refusal(tree, text) is None:
            with contextlib.suppress(ExpressionError, expressions.Unavailable):
                expressions.evaluate(tree, AMOUNTS)


@given(st.text(max_size=80))
def test_arbitrary_references_give_a_result_or_a_dutch_message(inner: str) -> None:
    reference = parse_reference("{{" + inner.replace("{", "").replace("}", "") + "}}")
    problem = reference_problem(reference, AMOUNTS)
    if problem is None:
        assert isinstance(format_reference(reference, AMOUNTS), str)
