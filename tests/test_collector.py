"""The cycle collector is held off while a document is checked, planned and rendered."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from jeugddocs import api
from jeugddocs.collector import held_off
from jeugddocs.compute import derive
from jeugddocs.content import load
from jeugddocs.render import compiled
from tests.conftest import MINIMAL


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_held_off_inside_and_running_again_after() -> None:
    with held_off():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_running_again_after_an_error() -> None:
    with pytest.raises(KeyError), held_off():
        raise KeyError("x")
    assert gc.isenabled()


def test_a_stage_inside_another_leaves_the_collector_to_the_outer_one() -> None:
    with held_off():
        with held_off():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    with held_off():
        pass
    assert not gc.isenabled()


def test_check_plan_and_render_each_hold_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, bool] = {}

    def spy(stage: str, function: Any) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            seen[stage] = gc.isenabled()
            return function(*args, **kwargs)

        return wrapped

    monkeypatch.setattr(load, "_validate", spy("check", load._validate))
    monkeypatch.setattr(derive, "build_view", spy("plan", derive.build_view))
    monkeypatch.setattr(compiled, "number_footnotes", spy("render", compiled.number_footnotes))

    planned = api.plan(api.check(MINIMAL).valid(), "stuk")
    assert gc.isenabled()
    api.render(planned)

    assert seen == {"check": False, "plan": False, "render": False}
    assert gc.isenabled()
