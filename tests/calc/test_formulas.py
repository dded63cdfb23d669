"""Formulas over named amounts: exact, safe, and explained in Dutch when wrong."""

from __future__ import annotations

import contextlib
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugddocs.calc import formulas
from jeugddocs.calc.formulas import FormulaError, evaluate, indexeer, resolve

D = Decimal


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("=som(a, b, 5)", D("105.5")),
        ("=verschil(a, b)", D("99.5")),
        ("=(a - b) * 2", D("199")),
        ("=-a + 1.02", D("-98.98")),
        ("=procent_van(845000, 2616000)", D(845000) / D(2616000) * 100),
        ("=indexeer(6167100, 2)", D(6290442)),
        ("=indexeer(6167100, 2, jaren=2)", D(6416251)),
        ("=indexeer(a, 0, 0)", D(100)),
    ],
)
def test_evaluates_exactly(formula: str, expected: Decimal) -> None:
    assert evaluate(formula, {"a": D(100), "b": D("0.5")}) == expected


@pytest.mark.parametrize(
    ("formula", "message"),
    [
        ("=a / 0", "'=a / 0' deelt door nul"),
        ("=__import__('os')", "onbekende functie '__import__'"),
        ("=a.real", "'a.real' mag niet in een formule"),
        ("=a ** 2", "'a ** 2' mag niet in een formule"),
        ("=[a]", "'[a]' mag niet in een formule"),
        ("='tekst'", "''tekst'' mag niet in een formule"),
        ("=som(a,", "'=som(a,' is geen geldige formule"),
        ("=1.234,5", "schrijf getallen in een formule als 1234.5"),
        ("=onbekend + 1", "'onbekend' is geen bekend bedrag"),
        ("=procent_van(a, 0)", "procent_van: het geheel is 0"),
        ("=indexeer(a, 2, 1.5)", "indexeer: het aantal jaren moet een heel getal"),
        ("=verschil(a)", "'verschil' krijgt het verkeerde aantal argumenten"),
        ("=" + "(" * 240 + "1" + ")" * 240, "de formule is te diep genest"),
        ("=" + "1+" * 300 + "1", "de formule is langer dan 500 tekens"),
    ],
    ids=[
        "nul",
        "import",
        "attribuut",
        "macht",
        "lijst",
        "tekst",
        "syntax",
        "komma",
        "onbekend",
        "procent-van-nul",
        "halve-jaren",
        "argumenten",
        "genest",
        "lang",
    ],
)
def test_refuses_what_is_not_a_formula(formula: str, message: str) -> None:
    with pytest.raises(FormulaError) as excinfo:
        evaluate(formula, {"a": D(100)})

    assert message in str(excinfo.value)


def test_resolve_orders_dependencies_and_reports_cycles() -> None:
    values, errors = resolve(
        {"totaal": "=som(a, b)", "a": 1, "b": "=a * 2", "x": "=y", "y": "=x", "fout": "=z"}
    )

    assert values["totaal"] == D(3)
    assert values["x"] is values["y"] is None
    assert errors["x"] == errors["y"] == "deze formules verwijzen in een kring naar elkaar: x, y"
    assert errors["fout"].startswith("'z' is geen bekend bedrag")


names = st.sampled_from(["a", "b", "c"])
leaves = st.one_of(names, st.integers(-1000, 1000).map(str))


def expressions(depth: int = 3) -> st.SearchStrategy[str]:
    if depth == 0:
        return leaves
    inner = expressions(depth - 1)
    return st.one_of(
        leaves,
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        st.lists(inner, min_size=1, max_size=3).map(lambda xs: f"som({', '.join(xs)})"),
        st.tuples(inner, inner).map(lambda t: f"procent_van({t[0]}, {t[1]})"),
    )


@given(expressions(), st.lists(st.integers(-(10**9), 10**9), min_size=3, max_size=3))
def test_any_formula_gives_a_decimal_or_a_dutch_error(formula: str, values: list[int]) -> None:
    amounts = dict(zip("abc", map(Decimal, values), strict=True))
    try:
        result = evaluate(f"={formula}", amounts)
    except FormulaError as exc:
        assert str(exc)
    else:
        assert isinstance(result, Decimal)


@given(st.text(max_size=60))
def test_arbitrary_text_never_escapes_as_another_exception(formula: str) -> None:
    with contextlib.suppress(FormulaError):
        evaluate(f"={formula}", {"a": D(1)})


@given(
    st.integers(0, 10**9).map(Decimal),
    st.decimals(min_value=-20, max_value=20, places=2),
    st.integers(0, 10),
)
def test_indexeer_rounds_each_year_half_up_to_whole_euros(
    amount: Decimal, percent: Decimal, years: int
) -> None:
    expected = amount
    for _ in range(years):
        expected = (expected * (1 + percent / 100)).quantize(D(1), rounding=ROUND_HALF_UP)

    assert indexeer(amount, percent, D(years)) == expected


def test_a_formula_too_long_to_accept_is_refused_before_it_is_parsed() -> None:
    # -- 9,000 terms make Python's parser recurse too far; the length limit comes first --
    formula = "=" + "+".join(["a"] * 9000)
    values, errors = formulas.resolve({"a": 1, "b": formula})
    assert formulas.names_in(formula) == set()
    assert values["b"] is None
    assert "langer dan 500 tekens" in errors["b"]


def test_the_same_formula_gives_the_same_result_every_time() -> None:
    # -- parses are cached; a cached tree must never carry state from one evaluation over --
    formula = "=som(a, b) * 2"
    assert formulas.evaluate(formula, {"a": Decimal(1), "b": Decimal(2)}) == 6
    assert formulas.evaluate(formula, {"a": Decimal(5), "b": Decimal(5)}) == 20
    assert formulas.names_in(formula) == {"a", "b"}


def test_every_cycle_is_reported_with_its_own_names() -> None:
    raw: dict[str, object] = {"basis": 10, "zelf": "=zelf + 1", "erna": "=a0 + basis"}
    for i in range(0, 200, 2):
        raw[f"a{i}"], raw[f"a{i + 1}"] = f"=a{i + 1} + 1", f"=a{i} - basis"

    values, errors = resolve(raw)

    assert errors.pop("zelf") == "deze formule verwijst naar zichzelf"
    assert len(errors) == 200
    for i in range(0, 200, 2):
        pair = ", ".join(sorted([f"a{i}", f"a{i + 1}"]))
        message = f"deze formules verwijzen in een kring naar elkaar: {pair}"
        assert errors[f"a{i}"] == errors[f"a{i + 1}"] == message
    assert values["basis"] == 10
    assert values["erna"] is None  # -- uses a name in a cycle: no value, no second message --


@given(
    st.dictionaries(
        st.sampled_from("abcdef"), st.sets(st.sampled_from("abcdef"), max_size=3), min_size=1
    )
)
def test_cycles_are_real_and_what_is_left_is_computed(drawn: dict[str, set[str]]) -> None:
    uses = {name: used & drawn.keys() for name, used in drawn.items()}
    raw = {name: "=som(" + ", ".join(["1", *sorted(used)]) + ")" for name, used in uses.items()}

    values, errors = resolve(raw)

    kring = "deze formules verwijzen in een kring naar elkaar: "
    for name, message in errors.items():
        if message == "deze formule verwijst naar zichzelf":
            assert name in uses[name]
            continue
        members = set(message.removeprefix(kring).split(", "))
        assert name in members and all(errors[member] == message for member in members)
        for member in members:  # -- each member uses another member: a cycle, not a tree --
            assert uses[member] & members - {member}
    for name in uses:
        if name not in errors:
            computable = all(values[used] is not None for used in uses[name])
            assert (values[name] is not None) == computable
