"""The sandbox's bounds, exactly at their edges, and its estimates as true upper bounds."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from jinja2.sandbox import SandboxedEnvironment

from jeugddocs.render import calls, guard
from jeugddocs.render.bounds import (
    CALL_DEPTH,
    FORMAT_WIDTH,
    INT_DIGITS,
    LIST_ITEMS,
    VALUE_CHARS,
    BoundError,
    Bounds,
    size_of,
)
from jeugddocs.render.environment import render_bounded, template_environment
from jeugddocs.render.operations import percent_size

ENV = template_environment()


def render(source: str, **variables: Any) -> str:
    """Render ``source`` as a Word template's part is rendered."""
    tree, refused = guard.prepare(ENV, source)
    assert not refused
    return render_bounded(ENV.from_string(tree), variables, Bounds())


def renders_or_refuses(source: str, allowed: bool, **variables: Any) -> str | None:
    if allowed:
        return render(source, **variables)
    with pytest.raises(BoundError):
        render(source, **variables)
    return None


@given(st.integers(-(10**4), 10**4), st.integers(0, 3000))
@example(10, 999)
@example(10, 1000)
@example(-10, 1000)
def test_a_power_is_computed_up_to_1000_digits_and_refused_beyond(base: int, exp: int) -> None:
    allowed = abs(base**exp) < 10**INT_DIGITS

    rv = renders_or_refuses("{{ b ** e }}", allowed, b=base, e=exp)

    assert rv is None or rv == str(base**exp)


@given(st.integers(-(10**600), 10**600), st.integers(-(10**600), 10**600))
@example(10**999, 9)
@example(10**999, 10)
def test_a_product_is_computed_up_to_1000_digits_and_refused_beyond(a: int, b: int) -> None:
    rv = renders_or_refuses("{{ a * b }}", abs(a * b) < 10**INT_DIGITS, a=a, b=b)

    assert rv is None or rv == str(a * b)


@given(st.integers(VALUE_CHARS // 2 - 3, VALUE_CHARS // 2 + 3) | st.integers(-5, 100))
def test_a_text_is_repeated_up_to_ten_million_characters(count: int) -> None:
    allowed = 2 * count <= VALUE_CHARS

    rv = renders_or_refuses("{{ ('ab' * n) | length }}", allowed, n=count)

    assert rv is None or rv == str(max(2 * count, 0))


@given(st.integers(LIST_ITEMS // 3 - 3, LIST_ITEMS // 3 + 3) | st.integers(10**9, 10**30))
def test_a_list_is_repeated_up_to_a_million_items(count: int) -> None:
    rv = renders_or_refuses("{{ ([0, 1, 2] * n) | length }}", 3 * count <= LIST_ITEMS, n=count)

    assert rv is None or rv == str(3 * count)


@given(st.integers(0, 3 * FORMAT_WIDTH))
@example(FORMAT_WIDTH)
@example(FORMAT_WIDTH + 1)
def test_a_format_width_up_to_1000_is_kept(width: int) -> None:
    allowed = width <= FORMAT_WIDTH

    braces = renders_or_refuses(f"{{{{ '{{:>{width}}}'.format('x') }}}}", allowed)
    percent = renders_or_refuses(f"{{{{ '%{width}s' % 'x' }}}}", allowed)

    assert braces == percent
    assert braces is None or braces == "x".rjust(width)


@given(st.integers(0, CALL_DEPTH + 10))
@example(CALL_DEPTH - 1)
@example(CALL_DEPTH)
def test_a_macro_may_call_itself_up_to_40_levels_deep(levels: int) -> None:
    source = "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{% endif %}x{% endmacro %}{{ m(n) }}"

    rv = renders_or_refuses(source, levels + 1 <= CALL_DEPTH, n=levels)

    assert rv is None or rv == "x" * (levels + 1)


def test_each_call_of_one_format_method_is_bounded_on_its_own() -> None:
    source = "{% set f = ('{0}' * 10).format %}" + "{{ f('x' * 600000) | length }}" * 3

    assert render(source) == "6000000" * 3


# -- values as the view and template operations make them --
_SCALARS = (
    st.text()
    | st.integers()
    | st.floats()
    | st.booleans()
    | st.none()
    | st.dates()
    | st.datetimes()
    | st.datetimes(timezones=st.timezones())
    | st.times()
    | st.timedeltas()
    | st.decimals(min_value=-(10**18), max_value=10**18, places=2)
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner) | st.tuples(inner, inner) | st.dictionaries(st.text(), inner),
    max_leaves=30,
)


@given(_VALUES)
@example(["\U000e0001" * 3])
@example({"\x00": ("'", '"')})
@example(-(10**40))
def test_size_of_is_at_least_the_length_of_the_printed_value(value: Any) -> None:
    assert size_of(value, cap=10**9) >= len(str(value))


@given(st.text(max_size=30), st.text(max_size=3), st.text(max_size=5), st.integers(-2, 40))
def test_the_replace_estimate_is_an_upper_bound(text: str, old: str, new: str, count: int) -> None:
    estimate = calls._TEXT_ESTIMATES["replace"](text, (old, new, count))

    assert estimate >= len(text.replace(old, new, count))


@given(st.text(max_size=30), st.one_of(st.none(), st.text(min_size=1, max_size=2)))
def test_the_split_estimates_are_upper_bounds(text: str, separator: str | None) -> None:
    split = calls._LIST_ESTIMATES["split"](text, (separator,))
    lines = calls._LIST_ESTIMATES["splitlines"](text, ())

    assert split >= len(text.split(separator))
    assert lines >= len(text.splitlines())


@given(
    st.lists(
        st.tuples(st.sampled_from("sdrfx"), st.integers(0, 20), st.integers(0, 5)), max_size=4
    ),
    st.lists(st.integers(-(10**6), 10**6), min_size=4, max_size=4),
)
def test_the_percent_estimate_is_an_upper_bound(
    conversions: list[tuple[str, int, int]], numbers: list[int]
) -> None:
    template = " ".join(f"%{width}.{precision}{kind}" for kind, width, precision in conversions)
    values = tuple(numbers[: len(conversions)])

    assert percent_size(template, values) >= len(template % values)


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a' ~ 1 ~ x }}",
        "{% autoescape false %}{{ 'a' ~ x }}{% endautoescape %}",
        "{{ x ~ m }}",
        "{{ '%s|%5.1f|%(k)s' % {'k': x} if false else '%s|%5.1f' % (x, 2.25) }}",
        "{{ m.format(x) }}|{{ '{0}{0}'.format(m) }}",
        "{% for a, b in d.items() %}{{ loop.index }}{{ a }}={{ b }};{% endfor %}",
        "{% for x in l if x > 1 %}{{ x }}{{ loop.last }}{{ loop.length }}{% endfor %}",
        "{% for x in [] %}{{ x }}{% else %}leeg{% endfor %}",
        "{{ l | join(', ') }}|{{ l | first }}|{{ l | length }}|{{ x | upper }}",
        "{% set t %}{% for x in l %}{{ x }}{% endfor %}{% endset %}{{ t ~ t }}",
        "{% filter upper %}{% for x in l %}{{ x }}{{ x }}{% endfor %}{% endfilter %}",
        "{{ 7 // 2 }} {{ 7 % 3 }} {{ 2 ** -1 }} {{ 1.5 * 2 }} {{ -3 ** 2 }} {{ [1] + [2] }}",
        "{{ x.split('<') | last }}{{ x.startswith('<') }}{{ x.count('b') }}",
        "{{ dag.strftime('%d-%m-%Y') }} {{ dag.isoformat() }}",
    ],
)
def test_ordinary_jinja_renders_as_in_jinjas_own_sandbox(source: str) -> None:
    variables = {
        "x": "<b>",
        "m": SandboxedEnvironment(autoescape=True).from_string("<i>{{ 1 }}</i>").render(),
        "l": [1, 2, 3],
        "d": {"a": 1, "b": Decimal("2.50")},
        "dag": datetime.date(2026, 1, 2),
    }
    plain = SandboxedEnvironment(autoescape=True)
    plain.globals = {}

    assert render(source, **variables) == plain.from_string(source).render(variables)
