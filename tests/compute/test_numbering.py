"""Argument numbers per decision point."""

from __future__ import annotations

from jeugddocs.compute.derive import plan_documents
from tests.content_text import document_of


def test_arguments_are_numbered_per_beslispunt_in_order(minimal_yaml: str) -> None:
    view = plan_documents(document_of(minimal_yaml))[0].view

    numbers = [(a["nummer"], a["kop"][0].text) for a in view["argumenten"]]

    assert numbers == [
        ("1.1", "Passende verhouding"),
        ("1.2", "Goedkoper"),
        ("2.1", "Pilot voor 2021"),
    ]


def test_raadsbesluit_repeats_the_beslispunten_and_refers_to_the_proposal(
    minimal_yaml: str,
) -> None:
    voorstel, besluit = plan_documents(document_of(minimal_yaml))

    assert (besluit.template, besluit.suffix) == ("raadsbesluit", "-raadsbesluit")
    assert besluit.view["beslispunten"] == voorstel.view["beslispunten"]
    assert besluit.view["zaaknummer"] == "0042"
    assert str(besluit.view["voorstel_datum"]) == "2021-03-18"
