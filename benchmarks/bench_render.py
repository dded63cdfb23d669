"""How fast is jeugddocs compared with plain docxtpl? python benchmarks/bench_render.py [-n N].

What is measured, and why:

jeugddocs fills ordinary docxtpl Word templates, so the honest yardstick is docxtpl used
the ordinary way on a document of the same size. The benchmark generates N varied
raadsvoorstellen shaped like ``content/voorbeelden/kaders-inkoop-jeugdhulp.yaml``
(decision points, arguments, kanttekeningen, footnotes, named amounts with
``{{ naam | euro }}`` references and formulas, tables with totals; fixed seed), checks
that every one validates, and then measures in one run:

1. plain docxtpl: two templates (voorstel and besluit) built once with python-docx from
   the house templates, rendered per document with ``DocxTemplate(path)``,
   ``render(context, autoescape=True)`` and ``save(BytesIO)``. A raadsvoorstel with its
   derived raadsbesluit is ONE jeugddocs document, so one plain document is both files
   too. The contexts (the same text, amounts already formatted, totals already added)
   are built before the clock starts, which favours docxtpl.
2. jeugddocs in one process: ``api.check`` + ``api.render`` per file (YAML loading and
   validation included), templates loaded once.
3. ``jeugddocs render DIR -o OUT`` as a whole process (interpreter start-up included).
4. ``jeugddocs validate DIR`` as a whole process.
5. ``jeugddocs --version`` against ``python -c pass`` (start-up cost of the command).
6. ``jeugddocs render one.yaml -o OUT`` against a bare Python script that imports docxtpl
   and renders the same document with the plain templates (both whole processes).
7. peak memory (max RSS of the largest process in the tree, from ``os.wait4`` in a small
   launcher process) of the N-file render against a 20-file render: memory must not grow
   with the batch.
8. one table of 4,000 rows and one of 150 columns, and half of each, through the API:
   the cost above a one-row (one-column) table must double when the table doubles.
9. big but legal documents (issue 15) at the size the issue names and at half of it:
   10,000 arguments, 800 formulas each using the one before, 4,300 references in each
   of three texts, 30,000 paragraphs in one text, 10,000 table rows; and two of them
   with errors (half the references unknown, the formulas in one cycle). Check and
   render through the API (fresh texts each time, so no text's parse comes from a
   cache), and ``jeugddocs render`` of each valid document as a whole process: doubling
   a document may cost at most 2.5×, and the full size must take less than 10 s.

Targets are printed beside the figures with PASS/FAIL. The exit code is 0 unless the
benchmark itself breaks (invalid generated content, a command that fails); ``--strict``
also makes a missed target exit 1. ``--quick`` is a smoke run for CI.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from pathlib import Path
from typing import Any

import docx
import docxtpl
import yaml
from docx.oxml.ns import qn

REPO = Path(__file__).resolve().parents[1]
# -- measure the checkout this file lives in, also without PYTHONPATH --
sys.path.insert(0, str(REPO))

from jeugddocs import api  # noqa: E402
from jeugddocs.errors import ProblemsError  # noqa: E402
from jeugddocs.render.templates import TemplateSet, default_template_dir  # noqa: E402

SAMPLE = REPO / "content" / "voorbeelden" / "kaders-inkoop-jeugdhulp.yaml"
SMALL_BATCH = 20

# -- targets, as ratios to plain docxtpl unless said otherwise --
TARGET_ALL_CORES = 15.0
TARGET_ONE_PROCESS = 8.0
TARGET_VALIDATE = 20.0
TARGET_VALIDATE_FILES_PER_S = 500.0
TARGET_VERSION = 4.0
TARGET_MEMORY = 1.5
TARGET_LINEAR = 2.5  # -- doubling a table may cost at most 2.5× (2× is linear) --
TARGET_BIG_S = 10.0  # -- seconds for a big document of the size issue 15 names --


class BenchmarkError(Exception):
    """The benchmark itself cannot go on: invalid generated content, a failing command."""


@dataclass(frozen=True)
class Settings:
    count: int
    seed: int
    jobs: int | None
    repeats: int  # -- whole-process runs per median --
    table_repeats: int
    table_rows: int
    table_columns: int
    big_repeats: int
    big_scale: float  # -- share of the sizes issue 15 names (1.0: those sizes) --
    strict: bool


def parse_settings(argv: Sequence[str] | None = None) -> Settings:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=None, help="documents to generate (2000)")
    parser.add_argument("--quick", action="store_true", help="a short run for CI (N=30)")
    parser.add_argument(
        "--jobs", type=int, default=None, help="passed to jeugddocs render/validate"
    )
    parser.add_argument("--seed", type=int, default=4, help="seed of the generated content")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    quick = args.quick
    count = args.n if args.n is not None else (30 if quick else 2000)
    if count < 1:
        parser.error("-n must be at least 1")
    return Settings(
        count=count,
        seed=args.seed,
        jobs=args.jobs,
        repeats=3 if quick else 10,
        table_repeats=1 if quick else 5,
        # -- the quick run checks that the table measurement works, not its size --
        table_rows=1000 if quick else 4000,
        table_columns=40 if quick else 150,
        big_repeats=3 if quick else 5,
        # -- as with tables, the quick run checks that the measurement works, not its size --
        big_scale=0.25 if quick else 1.0,
        strict=args.strict,
    )


# ---------------------------------------------------------------------------------------
# Generated content
# ---------------------------------------------------------------------------------------

GEMEENTEN = ["Noordwijk", "Katwijk", "Lisse", "Hillegom", "Teylingen", "Oegstgeest", "Leiden"]
WETHOUDERS = ["D. Salman", "A. van der Meer", "M. de Vries", "J. Bakker", "S. El Amrani"]
ONDERWERPEN = [
    "Kaders inkoop jeugdhulp",
    "Programmaplan jeugdhulpaanbod",
    "Inkoop specialistische jeugdhulp",
    "Begroting jeugdhulp",
    "Transformatie jeugdhulp",
]
BESLISPUNTEN = [
    "Het programmaplan Jeugdhulpaanbod voor de jaren {begin} tot en met {eind} vaststellen.",
    "Het college opdracht geven de kaders uit te werken in een inkoopplan.",
    "Voor het zorgaanbod in {begin} een budget van {{{{ {naam} | euro }}}} beschikbaar stellen.",
    "De begroting {begin} overeenkomstig wijzigen.",
    "Kennisnemen van de reactienota’s van de zorgaanbieders en de adviesraden.",
    "De inkoop van de specialistische jeugdhulp regionaal laten uitvoeren.",
]
POSTEN = [
    "Jeugd-GGZ",
    "Jeugdzorg met verblijf",
    "Ambulante begeleiding",
    "Dagbehandeling",
    "Pleegzorg",
    "Persoonsgebonden budget",
    "Vervoer",
    "Crisiszorg",
    "Jeugdbescherming",
    "Jeugdreclassering",
    "Toegang",
]
EXTRA_TABELLEN = [
    ("Kosten per segment", ["Raming", "Realisatie"]),
    ("Verdeling over de gemeenten", ["Bijdrage"]),
    ("Inzet transformatiefonds", ["Eerste helft", "Tweede helft", "Reserve"]),
]
KADERS = [
    "Jeugdwet",
    "Regionaal beleidsplan Jeugd Holland Rijnland",
    "Verordening jeugdhulp gemeente {gemeente}",
]
BIJLAGEN = [
    "Reactienota zorgaanbieders",
    "Advies Adviesraad Sociaal Domein",
    "Marktanalyse jeugdhulp",
    "Verslag bijeenkomst onderwijs",
]
GELET_OP = ["artikel 189 van de Gemeentewet", "de Financiële verordening gemeente {gemeente}"]
VOETNOTEN = [
    "Bron: Waarstaatjegemeente.nl",
    "Zie het Programmaplan Jeugdhulpaanbod, hoofdstuk 4.",
    "Inclusief een indexatie van {{{{ indexatie | procent }}}} per jaar.",  # -- str.format --
    "Cijfers uit de jaarrekening {jaar}.",
    "Gebaseerd op de marktconsultatie onder de zorgaanbieders.",
]


@dataclass(frozen=True)
class Corpus:
    """Text taken from the sample, to build varied documents of the same kind."""

    sentences: list[str]
    argument_heads: list[str]
    remark_heads: list[str]


def read_corpus(sample: Path) -> Corpus:
    data = yaml.safe_load(sample.read_text(encoding="utf-8"))
    prose = [data[key] for key in ("kern", "aanleiding", "beoogd_effect", "betrokken_partijen")]
    prose += [data[key] for key in ("communicatie", "uitvoering")]
    prose += [item["tekst"] for item in data["argumenten"] + data["kanttekeningen"]]
    sentences = [
        sentence
        for text in prose
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
        if len(sentence) > 20 and "{" not in sentence
    ]
    return Corpus(
        sentences=sentences,
        argument_heads=[" ".join(a["kop"].split()) for a in data["argumenten"]],
        remark_heads=[k["kop"] for k in data["kanttekeningen"]],
    )


@dataclass
class Generated:
    """One generated raadsvoorstel: its YAML content and every named amount's value."""

    content: dict[str, Any]
    amounts: dict[str, Decimal] = field(default_factory=dict)


def indexeer(amount: Decimal, percent: Decimal, years: int) -> Decimal:
    """The formula ``=indexeer`` of jeugddocs: whole euros, rounded each year."""
    for _ in range(years):
        amount = (amount * (1 + percent / 100)).quantize(Decimal(1), ROUND_HALF_UP)
    return amount


class Generator:
    """Makes varied raadsvoorstellen with the structure of the sample (deterministic)."""

    def __init__(self, corpus: Corpus, seed: int) -> None:
        self.corpus = corpus
        self.rng = random.Random(seed)

    def paragraphs(self, low: int, high: int, sentences: tuple[int, int] = (2, 6)) -> list[str]:
        return [
            " ".join(self.rng.sample(self.corpus.sentences, self.rng.randint(*sentences)))
            for _ in range(self.rng.randint(low, high))
        ]

    def document(self, index: int) -> Generated:
        rng = self.rng
        gemeente = rng.choice(GEMEENTEN)
        datum = date(2019, 1, 1) + timedelta(days=rng.randrange(1500))
        doc = Generated({})
        finance = self.finance(doc, datum.year + 1)
        points = self.decision_points(datum.year + 1)
        aanleiding = self.paragraphs(1, 3, (3, 7))
        arguments = self.supports(len(points), 4, 16, self.corpus.argument_heads)
        remarks = self.supports(len(points), 0, 5, self.corpus.remark_heads)
        notes = self.footnotes([aanleiding, *(a["tekst"] for a in arguments)], datum.year)
        c = doc.content
        c.update(
            soort="raadsvoorstel",
            gemeente=gemeente,
            onderwerp=f"{rng.choice(ONDERWERPEN)} {datum.year + 1} ({index + 1})",
            datum=datum,
            zaaknummer=str(rng.randrange(10000, 99999)),
            portefeuillehouder=rng.choice(WETHOUDERS),
        )
        if rng.random() < 0.7:
            c["programma"] = f"P{rng.randrange(100, 999)} Jeugdhulp"
        c["bedragen"] = finance.pop("bedragen")
        if notes:
            c["voetnoten"] = notes
        c["kern"] = prose(self.paragraphs(1, 1, (1, 4)))
        c["beslispunten"] = points
        c["aanleiding"] = prose(aanleiding)
        if rng.random() < 0.7:
            c["beoogd_effect"] = prose(self.paragraphs(1, 1))
        c["argumenten"] = [{**a, "tekst": prose(a["tekst"])} for a in arguments]
        if remarks:
            c["kanttekeningen"] = [{**k, "tekst": prose(k["tekst"])} for k in remarks]
        c["financien"] = finance
        for key in ("betrokken_partijen", "communicatie", "uitvoering"):
            if rng.random() < 0.8:
                c[key] = prose(self.paragraphs(1, 4))
        if rng.random() < 0.5:
            kaders = rng.sample(KADERS, rng.randint(1, len(KADERS)))
            c["bestuurlijk_kader"] = "".join(f"- {k.format(gemeente=gemeente)}\n" for k in kaders)
        bijlagen = rng.sample(BIJLAGEN, rng.randint(0, len(BIJLAGEN)))
        if bijlagen:
            c["bijlagen"] = bijlagen
        gelet_op = ["artikel 2.1 en 2.6 van de Jeugdwet", *GELET_OP[: rng.randint(0, 2)]]
        c["besluit"] = {"gelet_op": [g.format(gemeente=gemeente) for g in gelet_op]}
        if rng.random() < 0.5:
            c["besluit"]["vergadering"] = datum + timedelta(days=rng.randint(20, 60))
        c["ondertekening"] = {"burgemeester": "J.H.M. Hermans-Vloedbeld", "secretaris": "C. Hof"}
        return doc

    def decision_points(self, year: int) -> list[str]:
        count = self.rng.randint(1, 4)
        texts = [BESLISPUNTEN[0], *self.rng.sample(BESLISPUNTEN[1:], count - 1)]
        return [t.format(begin=year, eind=year + 2, naam=f"zorgaanbod_{year}") for t in texts]

    def supports(self, points: int, low: int, high: int, heads: list[str]) -> list[dict[str, Any]]:
        """Arguments or kanttekeningen, each tied to a decision point, in point order."""
        count = self.rng.randint(low, high)
        numbers = list(range(1, min(points, count) + 1))
        numbers += [self.rng.randint(1, points) for _ in range(count - len(numbers))]
        return [
            {"beslispunt": n, "kop": self.rng.choice(heads), "tekst": self.paragraphs(1, 2)}
            for n in sorted(numbers)
        ]

    def footnotes(self, texts: list[list[str]], year: int) -> dict[int, str]:
        """Put [^1], [^2], … after paragraphs, in document order; return their texts."""
        places = [(text, i) for text in texts for i in range(len(text))]
        count = self.rng.randint(0, 4)
        chosen = sorted(self.rng.sample(range(len(places)), count))
        notes = {}
        for number, (place, note) in enumerate(
            zip(chosen, self.rng.sample(VOETNOTEN, count), strict=True), start=1
        ):
            text, i = places[place]
            text[i] += f"[^{number}]"
            notes[number] = note.format(jaar=year)
        return notes

    def finance(self, doc: Generated, begin: int) -> dict[str, Any]:
        """Named amounts (some formulas), text that refers to them, and tables with totals."""
        rng = self.rng
        years = list(range(begin, begin + rng.randint(1, 4)))
        base, percent = rng.randrange(200_000, 12_000_000, 100), rng.choice([1, 2, 3])
        bedragen: dict[str, Any] = {f"zorgaanbod_{begin}": base, "indexatie": percent}
        doc.amounts = {f"zorgaanbod_{begin}": Decimal(base), "indexatie": Decimal(percent)}
        for offset, year in enumerate(years[1:], start=1):
            name = f"zorgaanbod_{year}"
            bedragen[name] = f"=indexeer(zorgaanbod_{begin}, indexatie, {offset})"
            doc.amounts[name] = indexeer(Decimal(base), Decimal(percent), offset)
        text = (
            "In de begroting is jaarlijks een indexering toegepast van {{ indexatie | procent }}. "
            + "Voor het zorgaanbod is "
            + ", ".join(f"in {y} {{{{ zorgaanbod_{y} | euro }}}}" for y in years)
            + " begroot."
        )
        tables = [self.budget_table(doc, bedragen, years)]
        tables += [self.extra_table() for _ in range(rng.randint(0, 2))]
        totals = [name for name in bedragen if name.startswith("totaal_")]
        if totals:
            text += f" In totaal is in {years[0]} {{{{ {totals[0]} | euro }}}} nodig."
        return {
            "bedragen": bedragen,
            "tekst": prose([text, *self.paragraphs(0, 2)]),
            "tabellen": tables,
        }

    def budget_table(
        self, doc: Generated, bedragen: dict[str, Any], years: list[int]
    ) -> dict[str, Any]:
        """The sample's budget table, with extra rows of literal amounts and a total."""
        rng = self.rng
        rows = [{"omschrijving": "Zorgaanbod", "bedragen": [f"zorgaanbod_{y}" for y in years]}]
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        for post in rng.sample(POSTEN, rng.randint(0, 5)):
            rows.append(
                {
                    "omschrijving": post,
                    "bedragen": [rng.randrange(10_000, 2_000_000, 50) for _ in years],
                }
            )
        table: dict[str, Any] = {
            "titel": f"Begroting jeugdhulp {span}",
            "kop_omschrijving": "Producten",
            "kolommen": [f"{y} (begroot)" for y in years],
            "rijen": rows,
            "totaal": "Totaal",
        }
        if len(years) <= 2 and rng.random() < 0.5:
            table["totaal_kolom"] = "Totaal"
        if rng.random() < 0.5:
            # -- the stated totals are named formulas, which the table's sum must equal --
            names = []
            for column, year in enumerate(years):
                cells = [row["bedragen"][column] for row in rows]
                name = f"totaal_{year}"
                bedragen[name] = f"=som({', '.join(map(str, cells))})"
                doc.amounts[name] = sum((self.value(doc, c) for c in cells), Decimal(0))
                names.append(name)
            table["verwacht_totaal"] = names
        return table

    def extra_table(self) -> dict[str, Any]:
        title, columns = self.rng.choice(EXTRA_TABELLEN)
        rows = []
        for post in self.rng.sample(POSTEN, self.rng.randint(2, 8)):
            amounts: list[int | float] = [self.rng.randrange(1_000, 900_000) for _ in columns]
            if self.rng.random() < 0.2:
                amounts[0] = self.rng.randrange(100_000, 9_000_000) / 100
            rows.append({"omschrijving": post, "bedragen": amounts})
        return {"titel": title, "kolommen": columns, "rijen": rows, "totaal": "Totaal"}

    @staticmethod
    def value(doc: Generated, cell: str | float) -> Decimal:
        return doc.amounts[cell] if isinstance(cell, str) else Decimal(str(cell))


def prose(paragraphs: list[str]) -> str:
    """Prose as authors write it: a blank line between paragraphs."""
    return "\n\n".join(paragraphs) + "\n"


class _Dumper(yaml.SafeDumper):
    """Writes prose as ``|`` blocks, like the samples."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def write_yaml(path: Path, content: dict[str, Any]) -> None:
    text = yaml.dump(content, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


def generate(corpus: Corpus, folder: Path, count: int, seed: int) -> list[Generated]:
    generator = Generator(corpus, seed)
    folder.mkdir(parents=True)
    documents = [generator.document(i) for i in range(count)]
    for i, doc in enumerate(documents):
        write_yaml(folder / f"voorstel-{i + 1:05d}.yaml", doc.content)
    return documents


def check_first(files: list[Path]) -> None:
    """Fail at once, with jeugddocs' own messages, when the generator makes invalid content.

    Every file is validated too: by ``jeugddocs validate`` (measurement 4) and by
    ``api.check`` (measurement 2); both stop the benchmark on an invalid file.
    """
    try:
        api.check(files[0]).valid()
    except ProblemsError as exc:
        problems = "\n".join(str(p) for p in exc.problems[:20])
        raise BenchmarkError(f"generated content does not validate:\n{problems}") from None


def validate_generated(command: list[str], env: dict[str, str]) -> Run:
    """Run ``jeugddocs validate`` over every generated file; it must find no errors."""
    try:
        return run(command, env)
    except BenchmarkError as exc:
        raise BenchmarkError(f"generated content does not validate: {exc}") from None


# ---------------------------------------------------------------------------------------
# Plain docxtpl: templates and contexts of the same size
# ---------------------------------------------------------------------------------------

MAANDEN = "januari februari maart april mei juni juli augustus september oktober november december"


def fmt_euro(value: Decimal) -> str:
    text = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
    return "€ " + text.replace(",", " ").replace(".", ",").replace(" ", ".")


def fmt_procent(value: Decimal) -> str:
    return f"{value}%".replace(".", ",")


def fmt_datum(value: date) -> str:
    return f"{value.day} {MAANDEN.split()[value.month - 1]} {value.year}"


_REFERENCE = re.compile(r"\{\{\s*(\w+)\s*\|\s*(\w+)\s*\}\}")
_FOOTNOTE = re.compile(r"\[\^(\w+)\]")
_FILTERS: dict[str, Callable[[Decimal], str]] = {"euro": fmt_euro, "procent": fmt_procent}


def plain_text(text: str, amounts: dict[str, Decimal]) -> str:
    """Text as a docxtpl user passes it: amounts formatted, footnotes as [1]."""
    text = _REFERENCE.sub(lambda m: _FILTERS[m[2]](amounts[m[1]]), " ".join(text.split()))
    return _FOOTNOTE.sub(lambda m: f"[{m[1]}]", text)


def plain_paragraphs(text: str | None, amounts: dict[str, Decimal]) -> list[str]:
    return [plain_text(p, amounts) for p in (text or "").split("\n\n") if p.strip()]


def plain_table(table: dict[str, Any], amounts: dict[str, Decimal]) -> dict[str, Any]:
    def value(cell: str | float) -> Decimal:
        return amounts[cell] if isinstance(cell, str) else Decimal(str(cell))

    rows = [[value(c) for c in row["bedragen"]] for row in table["rijen"]]
    headers = list(table["kolommen"])
    if table.get("totaal_kolom"):
        rows = [[*row, sum(row, Decimal(0))] for row in rows]
        headers.append(table["totaal_kolom"])
    totals = [sum(column, Decimal(0)) for column in zip(*rows, strict=True)]
    return {
        "titel": table.get("titel", ""),
        "kop": table.get("kop_omschrijving", ""),
        "kolommen": headers,
        "rijen": [
            {"omschrijving": r["omschrijving"], "cellen": [fmt_euro(v) for v in row]}
            for r, row in zip(table["rijen"], rows, strict=True)
        ],
        "totaal": {"omschrijving": table["totaal"], "cellen": [fmt_euro(v) for v in totals]},
    }


def numbered(items: list[dict[str, Any]], amounts: dict[str, Decimal]) -> list[dict[str, Any]]:
    """Arguments or kanttekeningen numbered per decision point (1.1, 1.2, 2.1)."""
    counts: dict[int, int] = {}
    rv = []
    for item in items:
        counts[item["beslispunt"]] = counts.get(item["beslispunt"], 0) + 1
        rv.append(
            {
                "nummer": f"{item['beslispunt']}.{counts[item['beslispunt']]}",
                "kop": plain_text(item["kop"], amounts),
                "tekst": plain_paragraphs(item["tekst"], amounts),
            }
        )
    return rv


def plain_contexts(doc: Generated) -> tuple[dict[str, Any], dict[str, Any]]:
    """The docxtpl contexts of the voorstel and the besluit for one generated document."""
    c, amounts = doc.content, doc.amounts
    points = [plain_text(p, amounts) for p in c["beslispunten"]]

    def para(key: str) -> list[str]:
        return plain_paragraphs(c.get(key), amounts)

    voorstel = {
        "onderwerp": c["onderwerp"],
        "datum": fmt_datum(c["datum"]),
        "portefeuillehouder": c.get("portefeuillehouder"),
        "programma": c.get("programma"),
        "zaaknummer": c.get("zaaknummer"),
        "gemeente": c["gemeente"],
        "kern": para("kern"),
        "beslispunten": points,
        "aanleiding": para("aanleiding"),
        "beoogd_effect": para("beoogd_effect"),
        "argumenten": numbered(c["argumenten"], amounts),
        "kanttekeningen": numbered(c.get("kanttekeningen", []), amounts),
        "financien": {
            "tekst": plain_paragraphs(c["financien"]["tekst"], amounts),
            "tabellen": [plain_table(t, amounts) for t in c["financien"]["tabellen"]],
        },
        "betrokken_partijen": para("betrokken_partijen"),
        "communicatie": para("communicatie"),
        "uitvoering": para("uitvoering"),
        "bestuurlijk_kader": [
            line[2:] for line in c.get("bestuurlijk_kader", "").splitlines() if line
        ],
        "bijlagen": c.get("bijlagen", []),
        "voetnoten": [
            {"nummer": key, "tekst": plain_text(text, amounts)}
            for key, text in c.get("voetnoten", {}).items()
        ],
        "ondertekening": c["ondertekening"],
    }
    # -- what the shared letterhead and title block of the templates ask for --
    shared = {
        "afzender": {"briefhoofd": f"Gemeente {c['gemeente']}", "adresregel": "", "logo": None},
        "kopvelden": [],
        "beslispunten_genummerd": True,
        "gelet_op_als_lijst": False,
    }
    voorstel.update(shared)
    vergadering = c["besluit"].get("vergadering")
    besluit = {
        **shared,
        "gelezen": f"het voorstel van burgemeester en wethouders van {fmt_datum(c['datum'])}",
        "gehoord": [],
        "overwegende": [],
        "onderwerp": c["onderwerp"],
        "zaaknummer": c.get("zaaknummer"),
        "gemeente": c["gemeente"],
        "voorstel_datum": fmt_datum(c["datum"]),
        "gelet_op": c["besluit"]["gelet_op"],
        "beslispunten": points,
        "vergadering": fmt_datum(vergadering) if vergadering else None,
    }
    return voorstel, besluit


class TemplateBuilder:
    """Builds an ordinary docxtpl template: the house template's styles, headers and
    numbering, with a body of plain docxtpl tags (each tag in one run)."""

    def __init__(self, house_template: Path) -> None:
        self.doc = docx.Document(str(house_template))
        body = self.doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)

    def p(self, text: str, style: str | None = None) -> None:
        self.doc.add_paragraph(text, style)

    def heading(self, text: str, level: int = 1) -> None:
        self.p(text, f"Heading {level}")

    def paragraphs(self, name: str) -> None:
        self.p(f"{{%p for alinea in {name} %}}")
        self.p("{{ alinea }}")
        self.p("{%p endfor %}")

    def section(self, title: str, name: str) -> None:
        self.p(f"{{%p if {name} %}}")
        self.heading(title)
        self.paragraphs(name)
        self.p("{%p endif %}")

    def numbered(self, name: str, item: str = "{{ punt }}") -> None:
        self.p(f"{{%p for punt in {name} %}}")
        self.p(f"{{{{ loop.index }}}}. {item}", "Genummerde alinea")
        self.p("{%p endfor %}")

    def supports(self, name: str) -> None:
        """Numbered arguments or kanttekeningen: a heading and paragraphs each."""
        self.p(f"{{%p for item in {name} %}}")
        self.heading("{{ item.nummer }} {{ item.kop }}", 2)
        self.paragraphs("item.tekst")
        self.p("{%p endfor %}")

    def table(self, rows: list[list[str]], style: str | None = None) -> None:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        if style:
            table.style = self.doc.styles[style]
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def build_plain_voorstel(path: Path) -> Path:
    t = TemplateBuilder(default_template_dir() / "raadsvoorstel.docx")
    t.p("Raadsvoorstel", "Title")
    t.p("{{ onderwerp }}", "Subtitle")
    rows = [
        ["Aan", "de gemeenteraad"],
        ["Van", "het college van burgemeester en wethouders"],
        ["Datum", "{{ datum }}"],
    ]
    for key in ("portefeuillehouder", "programma", "zaaknummer"):
        rows += [[f"{{%tr if {key} %}}", ""], [key.capitalize(), f"{{{{ {key} }}}}"]]
        rows += [["{%tr endif %}", ""]]
    t.table(rows)
    t.heading("Kern van het voorstel")
    t.paragraphs("kern")
    t.heading("Voorgesteld besluit")
    t.numbered("beslispunten")
    t.heading("Aanleiding")
    t.paragraphs("aanleiding")
    t.section("Beoogd effect", "beoogd_effect")
    t.heading("Argumenten")
    t.supports("argumenten")
    t.p("{%p if kanttekeningen %}")
    t.heading("Kanttekeningen en risico's")
    t.supports("kanttekeningen")
    t.p("{%p endif %}")
    t.heading("Financiële consequenties")
    t.paragraphs("financien.tekst")
    t.p("{%p for tabel in financien.tabellen %}")
    t.p("{{ tabel.titel }}", "Tabeltitel")
    t.table(
        [
            ["{{ tabel.kop }}", "{%tc for kop in tabel.kolommen %}", "{{ kop }}", "{%tc endfor %}"],
            ["{%tr for rij in tabel.rijen %}", "", "", ""],
            [
                "{{ rij.omschrijving }}",
                "{%tc for cel in rij.cellen %}",
                "{{ cel }}",
                "{%tc endfor %}",
            ],
            ["{%tr endfor %}", "", "", ""],
            [
                "{{ tabel.totaal.omschrijving }}",
                "{%tc for cel in tabel.totaal.cellen %}",
                "{{ cel }}",
                "{%tc endfor %}",
            ],
        ],
        "Tabel bedragen",
    )
    t.p("{%p endfor %}")
    t.section("Betrokken partijen / participatie", "betrokken_partijen")
    t.section("Communicatie", "communicatie")
    t.section("Uitvoering en verdere procedure", "uitvoering")
    t.p("{%p if bestuurlijk_kader %}")
    t.heading("Bestuurlijk kader")
    t.p("{%p for punt in bestuurlijk_kader %}")
    t.p("{{ punt }}", "List Bullet")
    t.p("{%p endfor %}")
    t.p("{%p endif %}")
    t.p("{%p if bijlagen %}")
    t.heading("Bijlagen")
    t.numbered("bijlagen")
    t.p("{%p endif %}")
    t.p("Het college van burgemeester en wethouders van {{ gemeente }},")
    t.table(
        [
            ["de secretaris,", "de burgemeester,"],
            ["{{ ondertekening.secretaris }}", "{{ ondertekening.burgemeester }}"],
        ]
    )
    # -- docxtpl has no footnotes; an ordinary template lists them at the end --
    t.p("{%p for noot in voetnoten %}")
    t.p("{{ noot.nummer }} {{ noot.tekst }}", "footnote text")
    t.p("{%p endfor %}")
    return t.save(path)


def build_plain_besluit(path: Path) -> Path:
    t = TemplateBuilder(default_template_dir() / "raadsbesluit.docx")
    t.p("Raadsbesluit", "Title")
    t.p("{{ onderwerp }}", "Subtitle")
    t.p("{%p if zaaknummer %}")
    t.p("Zaaknummer: {{ zaaknummer }}")
    t.p("{%p endif %}")
    t.p("De raad van de gemeente {{ gemeente }};")
    t.p(
        "gelezen het voorstel van burgemeester en wethouders van {{ voorstel_datum }}"
        "{% if zaaknummer %}, nr. {{ zaaknummer }}{% endif %};"
    )
    t.p("gelet op {{ gelet_op | join('; ') }};")
    t.p("besluit:")
    t.numbered("beslispunten")
    t.p("Aldus besloten in de openbare vergadering van {{ vergadering or '……………………' }}.")
    t.table([["De griffier,", "De voorzitter,"], ["", ""]])
    return t.save(path)


@dataclass(frozen=True)
class PlainTemplates:
    voorstel: Path
    besluit: Path

    def render(self, contexts: tuple[dict[str, Any], dict[str, Any]]) -> list[bytes]:
        """One document, the ordinary docxtpl way: load, render, save; for both files."""
        rv = []
        for path, context in zip((self.voorstel, self.besluit), contexts, strict=True):
            template = docxtpl.DocxTemplate(path)
            template.render(context, autoescape=True)
            out = io.BytesIO()
            template.save(out)
            rv.append(out.getvalue())
        return rv


# -- the whole-process counterpart of PlainTemplates.render, for measurement 6 --
BARE_SCRIPT = """\
import json, sys
from pathlib import Path
from docxtpl import DocxTemplate

contexts = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
for template, context, out in zip(sys.argv[2:4], contexts, sys.argv[4:6]):
    document = DocxTemplate(template)
    document.render(context, autoescape=True)
    document.save(out)
"""


# ---------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A finished subprocess: wall time and the peak RSS of its largest process."""

    seconds: float
    max_rss_mb: float


# -- every measured command starts from this small process, never from the benchmark: on
#    Linux a child's peak RSS includes the memory of the process that forked it (exec keeps
#    the high-water mark), so a child of this benchmark would report the benchmark's size.
#    wait4 gives the child's own rusage, whatever ran before it --
LAUNCHER = """\
import json, os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
child.returncode = os.waitstatus_to_exitcode(status)
print(json.dumps({"seconds": seconds, "rss_kib": usage.ru_maxrss, "code": child.returncode}))
"""


def run(command: Sequence[str], env: dict[str, str]) -> Run:
    """Run a whole process: its wall time (start-up included) and its peak memory."""
    with tempfile.TemporaryFile() as errors:
        launched = subprocess.run(
            [sys.executable, "-c", LAUNCHER, *command],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
            check=False,
        )
        errors.seek(0)
        tail = errors.read().decode("utf-8", "replace")[-4000:]
    try:
        result = json.loads(launched.stdout)
    except ValueError:
        raise BenchmarkError(f"could not run {' '.join(command)}:\n{tail}") from None
    if result["code"] != 0:
        raise BenchmarkError(f"{' '.join(command)} exited with {result['code']}:\n{tail}")
    return Run(result["seconds"], result["rss_kib"] / 1024)  # -- Linux: ru_maxrss in KiB --


def median_run(command: Sequence[str], env: dict[str, str], runs: int) -> float:
    run(command, env)  # -- warm the disk cache --
    return statistics.median(run(command, env).seconds for _ in range(runs))


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def subprocess_env() -> dict[str, str]:
    """The environment of every measured process: this checkout first on the path."""
    paths = [str(REPO), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def cli_command(env: dict[str, str]) -> list[str]:
    """``python -m jeugddocs.cli`` if that runs the command, else the console script."""
    module = [sys.executable, "-m", "jeugddocs.cli"]
    probe = subprocess.run(
        [*module, "--version"], capture_output=True, text=True, env=env, check=False
    )
    if probe.returncode == 0 and "jeugddocs" in probe.stdout:
        return module
    script = Path(sys.executable).with_name("jeugddocs")
    if not script.is_file():
        raise BenchmarkError(f"no jeugddocs command: neither -m jeugddocs.cli nor {script}")
    return [str(script)]


def render_all_in_process(files: list[Path], templates: TemplateSet) -> int:
    """Check and render every file; return the number of warnings."""
    warnings = 0
    for path in files:
        checked = api.check(path)
        warnings += len(checked.warnings)
        api.render(api.plan(checked.valid(), "stuk"), templates)
    return warnings


@dataclass(frozen=True)
class TableTiming:
    label: str
    check_s: float
    render_s: float

    @property
    def total_s(self) -> float:
        return self.check_s + self.render_s


def table_document(rows: int, columns: int, seed: int) -> dict[str, Any]:
    """A small raadsvoorstel whose finance section holds one table of rows × columns."""
    rng = random.Random(seed)
    return {
        "soort": "raadsvoorstel",
        "gemeente": "Noordwijk",
        "onderwerp": f"Tabel van {rows} rijen en {columns} kolommen",
        "datum": date(2024, 3, 18),
        "kern": "Een grote tabel.\n",
        "beslispunten": ["De tabel vaststellen."],
        "aanleiding": "Meten of de tijd lineair groeit met de tabel.\n",
        "argumenten": [{"beslispunt": 1, "kop": "Lineair", "tekst": "Dat moet.\n"}],
        "financien": {
            "tekst": "Zie de tabel.\n",
            "tabellen": [
                {
                    "titel": "Bedragen",
                    "kolommen": [f"K{c + 1}" for c in range(columns)],
                    "rijen": [
                        {
                            "omschrijving": f"Post {r + 1}",
                            "bedragen": [rng.randrange(1, 100_000) for _ in range(columns)],
                        }
                        for r in range(rows)
                    ],
                    "totaal": "Totaal",
                }
            ],
        },
    }


def time_table(
    folder: Path, rows: int, columns: int, templates: TemplateSet, repeats: int
) -> TableTiming:
    path = folder / f"tabel-{rows}x{columns}.yaml"
    write_yaml(path, table_document(rows, columns, seed=rows * 1000 + columns))
    checks, renders = [], []
    for _ in range(repeats):
        # -- a collection of the objects the batches left behind is no cost of this table --
        gc.collect()
        start = time.perf_counter()
        document = api.check(path).valid()
        middle = time.perf_counter()
        api.render(api.plan(document, "stuk"), templates)
        checks.append(middle - start)
        renders.append(time.perf_counter() - middle)
    return TableTiming(f"{rows} × {columns}", statistics.median(checks), statistics.median(renders))


# ---------------------------------------------------------------------------------------
# Big documents (issue 15)
# ---------------------------------------------------------------------------------------

#: Named amounts the references of the big documents use.
BIG_AMOUNTS = {f"post_{k}": 1000 * (k + 1) for k in range(10)}


def big_document(variant: int) -> dict[str, Any]:
    """A small valid raadsvoorstel, for one part of it to be made big.

    ``variant`` makes the texts of every document its own, so that checking one never
    finds the parse of an earlier one's text in a cache.
    """
    return {
        "soort": "raadsvoorstel",
        "gemeente": "Noordwijk",
        "onderwerp": f"Een groot voorstel ({variant})",
        "datum": date(2024, 3, 18),
        "bedragen": {"extra": 103_500 + variant},
        "kern": f"Wij vragen {{{{ extra | euro }}}} extra ({variant}).\n",
        "beslispunten": [f"Het {n} beslispunt vaststellen." for n in ("eerste", "tweede", "derde")],
        "aanleiding": "De groepen zijn te groot.\n",
        "argumenten": [{"beslispunt": 1, "kop": "Passend", "tekst": "Dat moet.\n"}],
        "financien": {"tekst": "Zie de toelichting.\n"},
        "besluit": {"gelet_op": ["artikel 2.1 van de Jeugdwet"]},
    }


def big_arguments(count: int, variant: int) -> dict[str, Any]:
    """Arguments spread over three decision points, short enough to stay under 2 MB."""
    content = big_document(variant)
    content["argumenten"] = [
        {
            "beslispunt": 1 + i % 3,
            "kop": f"Argument {i + 1} ({variant})",
            "tekst": f"Toelichting bij argument {i + 1} ({variant}).\n",
        }
        for i in range(count)
    ]
    return content


def big_formulas(count: int, variant: int, *, cycle: bool = False) -> dict[str, Any]:
    """``a1`` to ``aN``, each a formula over the one before; ``cycle``: ``a1`` over ``aN``."""
    content = big_document(variant)
    content["bedragen"] = {
        "a1": f"=a{count} + 1" if cycle else 1000 + variant,
        **{f"a{i}": f"=a{i - 1} + {variant + 1}" for i in range(2, count + 1)},
    }
    content["kern"] = f"Wij vragen {{{{ a{count} | euro }}}} extra.\n"
    return content


def big_references(count: int, variant: int, *, unknown: bool = False) -> dict[str, Any]:
    """``count`` references in each of three texts, ten a line, a paragraph every hundred.

    ``unknown``: every other reference names one of seven amounts that do not exist.
    """
    content = big_document(variant)
    content["bedragen"] = {**BIG_AMOUNTS, "extra": 1000 + variant}

    def text(offset: int) -> str:
        names = [
            f"onbekend_{i % 7}" if unknown and i % 2 else f"post_{(i + offset) % 10}"
            for i in range(count)
        ]
        lines = [
            " ".join(f"{{{{ {name} | euro }}}}" for name in names[i : i + 10])
            for i in range(0, count, 10)
        ]
        return f"Deel {offset} ({variant}).\n\n" + "".join(
            line + ("\n\n" if (n + 1) % 10 == 0 else "\n") for n, line in enumerate(lines)
        )

    content["kern"] = "Extra: {{ extra | euro }}.\n\n" + text(0)
    content["aanleiding"] = text(3)
    content["financien"] = {"tekst": text(7)}
    return content


def big_paragraphs(count: int, variant: int) -> dict[str, Any]:
    """``count`` paragraphs in one text: one letter each, so 30,000 fit in a text's limit."""
    content = big_document(variant)
    letters = "abcdefghijklmnopqrstuvwxyz"
    content["aanleiding"] = "\n\n".join(letters[(i + variant) % 26] for i in range(count)) + "\n"
    return content


def big_rows(count: int, variant: int) -> dict[str, Any]:
    """One table of ``count`` rows (the table of measurement 8, one column)."""
    return table_document(count, 1, seed=count * 1000 + variant)


@dataclass(frozen=True)
class BigShape:
    """A big document of the kind issue 15 names, made at any size."""

    name: str
    #: How the report names it at a size: "10,000 arguments".
    label: str
    #: The size issue 15 names.
    size: int
    make: Callable[[int, int], dict[str, Any]]
    #: False for the shapes with errors: checked only, and they must have problems.
    valid: bool = True


BIG_SHAPES = [
    BigShape("arguments", "{:,} arguments", 10_000, big_arguments),
    BigShape("formulas", "{:,} formulas, each on the one before", 800, big_formulas),
    BigShape("references", "3 × {:,} references", 4_300, big_references),
    BigShape("paragraphs", "{:,} paragraphs in one text", 30_000, big_paragraphs),
    BigShape("rows", "{:,} table rows", 10_000, big_rows),
    BigShape(
        "unknown names",
        "3 × {:,} references, half unknown",
        4_300,
        partial(big_references, unknown=True),
        valid=False,
    ),
    BigShape(
        "cycle",
        "{:,} formulas in one cycle",
        800,
        partial(big_formulas, cycle=True),
        valid=False,
    ),
]


@dataclass(frozen=True)
class BigTiming:
    label: str
    check_s: float
    render_s: float
    #: ``jeugddocs render`` of the document as a whole process (None: not renderable).
    process_s: float | None

    @property
    def total_s(self) -> float:
        return self.check_s + self.render_s


def time_big(
    folder: Path,
    shape: BigShape,
    size: int,
    templates: TemplateSet,
    repeats: int,
    command: Callable[[Path], Run],
) -> BigTiming:
    """Check and render ``repeats`` fresh documents of one shape and size; run the last.

    Measured in CPU time of this process: on a shared machine, another process's work
    would otherwise decide whether a doubling looks linear.
    """
    checks, renders = [], []
    path = folder
    for variant in range(repeats):
        path = folder / f"{shape.name.replace(' ', '-')}-{size}-{variant}.yaml"
        write_yaml(path, shape.make(size, variant))
        gc.collect()
        start = time.process_time()
        checked = api.check(path)
        middle = time.process_time()
        if shape.valid:
            try:
                api.render(api.plan(checked.valid(), "stuk"), templates)
            except ProblemsError as exc:
                problems = "\n".join(str(p) for p in exc.problems[:20])
                raise BenchmarkError(f"{path.name} does not validate:\n{problems}") from None
        elif checked.ok:
            raise BenchmarkError(f"{path.name} should have problems, and has none")
        checks.append(middle - start)
        renders.append(time.process_time() - middle)
    return BigTiming(
        shape.label.format(size),
        statistics.median(checks),
        statistics.median(renders),
        command(path).seconds if shape.valid else None,
    )


# ---------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------


@dataclass
class Report:
    verdicts: list[tuple[str, bool]] = field(default_factory=list)

    def section(self, title: str) -> None:
        self.out(f"\n{title}")

    def out(self, text: str = "") -> None:
        print(text, flush=True)  # noqa: T201

    def figure(self, label: str, value: str, ratio: str = "", target: str = "") -> None:
        self.out(f"  {label:<44} {value:>16}  {ratio:>18}  {target}".rstrip())

    def target(self, label: str, ok: bool, wanted: str) -> str:
        self.verdicts.append((label, ok))
        return f"target {wanted:<12} {'PASS' if ok else 'FAIL'}"


def per_second(count: int, seconds: float, unit: str = "docs/s") -> str:
    return f"{count / seconds:,.1f} {unit}"


def main(argv: Sequence[str] | None = None) -> int:
    settings = parse_settings(argv)
    try:
        with tempfile.TemporaryDirectory(prefix="jeugddocs-bench-") as tmp:
            report = benchmark(settings, Path(tmp))
    except BenchmarkError as exc:
        print(f"BENCHMARK BROKEN: {exc}", file=sys.stderr)  # noqa: T201
        return 1
    failed = [label for label, ok in report.verdicts if not ok]
    return 1 if settings.strict and failed else 0


def benchmark(settings: Settings, tmp: Path) -> Report:
    bench = Bench.prepare(settings, tmp)
    all_cores = bench.measure_throughput()
    bench.measure_startup()
    bench.measure_memory(all_cores)
    bench.measure_tables()
    bench.measure_big()
    report = bench.report
    failed = [label for label, ok in report.verdicts if not ok]
    report.section(
        f"{len(report.verdicts) - len(failed)} of {len(report.verdicts)} targets met"
        + (f"; missed: {', '.join(failed)}" if failed else "")
    )
    return report


@dataclass
class Bench:
    """What every measurement needs: the generated content, both renderers, the command."""

    settings: Settings
    tmp: Path
    report: Report
    env: dict[str, str]
    cli: list[str]
    files: list[Path]
    plain: PlainTemplates
    contexts: list[tuple[dict[str, Any], dict[str, Any]]]
    templates: TemplateSet
    validate: Run

    @classmethod
    def prepare(cls, settings: Settings, tmp: Path) -> Bench:
        """Generate and validate the content, build the plain templates; print what it is."""
        report, env = Report(), subprocess_env()
        cli = cli_command(env)
        report.out(
            f"jeugddocs render benchmark: {settings.count} generated raadsvoorstellen "
            f"(seed {settings.seed}), {os.cpu_count()} cores, jobs: {settings.jobs or 'default'}"
        )
        report.out(f"  python {sys.version.split()[0]}, docxtpl {docxtpl.__version__}")
        report.out(f"  jeugddocs from {Path(api.__file__).parent}; command: {' '.join(cli)}")

        start = time.perf_counter()
        documents = generate(read_corpus(SAMPLE), tmp / "content", settings.count, settings.seed)
        files = sorted((tmp / "content").glob("*.yaml"))
        check_first(files)
        describe_content(report, documents, files, time.perf_counter() - start)
        jobs = ["--jobs", str(settings.jobs)] if settings.jobs else []
        # -- measurement 4 runs first: it proves that every generated file validates --
        validate = validate_generated([*cli, "validate", str(tmp / "content"), *jobs], env)

        plain = PlainTemplates(
            build_plain_voorstel(tmp / "plain-raadsvoorstel.docx"),
            build_plain_besluit(tmp / "plain-raadsbesluit.docx"),
        )
        contexts = [plain_contexts(doc) for doc in documents]
        templates = TemplateSet()
        compare_sizes(report, plain, contexts[0], files[0], templates)
        return cls(settings, tmp, report, env, cli, files, plain, contexts, templates, validate)

    def render_command(self, source: Path, output: str) -> list[str]:
        jobs = ["--jobs", str(self.settings.jobs)] if self.settings.jobs else []
        return [*self.cli, "render", str(source), "-o", str(self.tmp / output), *jobs]

    def measure_throughput(self) -> Run:
        """Measurements 1 to 4; return the whole-process render, whose memory 7 compares."""
        report, n = self.report, len(self.files)
        self.plain.render(self.contexts[0])  # -- warm-up: imports, Jinja --
        plain_s = timed(lambda: [self.plain.render(c) for c in self.contexts])
        plain_rate = n / plain_s

        first = api.plan(api.check(self.files[0]).valid(), "stuk")
        api.render(first, self.templates)  # -- templates loaded once --
        start = time.perf_counter()
        warnings = render_all_in_process(self.files, self.templates)
        one_process_s = time.perf_counter() - start
        report.out(f"  warnings while checking: {warnings} (valid, but worth a look)")

        all_cores = run(self.render_command(self.tmp / "content", "out-all"), self.env)

        report.section("Throughput (one document = raadsvoorstel + raadsbesluit)")
        report.figure("1 plain docxtpl, one process", per_second(n, plain_s), "1.0× (baseline)")
        ratio = (n / one_process_s) / plain_rate
        report.figure(
            "2 jeugddocs check + render, one process",
            per_second(n, one_process_s),
            f"{ratio:.2f}× docxtpl",
            report.target("one process", ratio >= TARGET_ONE_PROCESS, f"≥ {TARGET_ONE_PROCESS:g}×"),
        )
        ratio = (n / all_cores.seconds) / plain_rate
        report.figure(
            "3 jeugddocs render DIR, whole process",
            per_second(n, all_cores.seconds),
            f"{ratio:.2f}× docxtpl",
            report.target("all cores", ratio >= TARGET_ALL_CORES, f"≥ {TARGET_ALL_CORES:g}×"),
        )
        rate = n / self.validate.seconds
        report.figure(
            "4 jeugddocs validate DIR, whole process",
            per_second(n, self.validate.seconds, "files/s"),
            f"{rate / plain_rate:.2f}× docxtpl",
            report.target(
                "validate vs docxtpl",
                rate / plain_rate >= TARGET_VALIDATE,
                f"≥ {TARGET_VALIDATE:g}×",
            ),
        )
        enough = rate >= TARGET_VALIDATE_FILES_PER_S
        wanted = f"≥ {TARGET_VALIDATE_FILES_PER_S:g} files/s"
        report.figure("", "", "", report.target("validate files/s", enough, wanted))
        return all_cores

    def measure_startup(self) -> None:
        """Measurements 5 and 6: what one short run of the command costs."""
        report, runs, tmp = self.report, self.settings.repeats, self.tmp
        report.section(f"Start-up (whole processes, median of {runs} runs)")
        python_s = median_run([sys.executable, "-c", "pass"], self.env, runs)
        version_s = median_run([*self.cli, "--version"], self.env, runs)
        ratio = version_s / python_s
        report.figure("5 python -c pass", f"{python_s * 1000:.0f} ms")
        report.figure(
            "  jeugddocs --version",
            f"{version_s * 1000:.0f} ms",
            f"{ratio:.2f}× python",
            report.target("--version", ratio < TARGET_VERSION, f"< {TARGET_VERSION:g}×"),
        )

        script, context_file = tmp / "bare_docxtpl.py", tmp / "one-context.json"
        script.write_text(BARE_SCRIPT, encoding="utf-8")
        context_file.write_text(json.dumps(self.contexts[0], ensure_ascii=False), encoding="utf-8")
        bare = [sys.executable, str(script), str(context_file)]
        bare += [str(self.plain.voorstel), str(self.plain.besluit)]
        bare += [str(tmp / "bare.docx"), str(tmp / "bare-raadsbesluit.docx")]
        bare_s = median_run(bare, self.env, runs)
        cli_s = median_run(self.render_command(self.files[0], "out-one"), self.env, runs)
        ratio = cli_s / bare_s
        report.figure("6 bare docxtpl script, one document", f"{bare_s * 1000:.0f} ms")
        report.figure(
            "  jeugddocs render one.yaml",
            f"{cli_s * 1000:.0f} ms",
            f"{ratio:.2f}× bare script",
            report.target("one-document CLI", ratio < 1, "< 1×"),
        )

    def measure_memory(self, big: Run) -> None:
        """Measurement 7: the N-file render against a render of the first 20 files."""
        small_dir = self.tmp / "small"
        small_dir.mkdir()
        for path in self.files[:SMALL_BATCH]:
            shutil.copy(path, small_dir)
        small = run(self.render_command(small_dir, "out-small"), self.env)
        ratio = big.max_rss_mb / small.max_rss_mb
        count = min(SMALL_BATCH, len(self.files))
        self.report.section("Peak memory of jeugddocs render (max RSS of the largest process)")
        self.report.figure(f"7 {count}-file batch", f"{small.max_rss_mb:.0f} MB")
        self.report.figure(
            f"  {len(self.files)}-file batch",
            f"{big.max_rss_mb:.0f} MB",
            f"{ratio:.2f}× {count} files",
            self.report.target("memory", ratio <= TARGET_MEMORY, f"≤ {TARGET_MEMORY:g}×"),
        )

    def measure_tables(self) -> None:
        """Measurement 8: whether the cost of a table grows linearly with rows and columns."""
        report, settings = self.report, self.settings
        folder = self.tmp / "tables"
        folder.mkdir()
        rows, columns, repeats = settings.table_rows, settings.table_columns, settings.table_repeats
        report.section(
            f"Large tables through the API (check + render, median of {repeats}); "
            "linear: cost above the 1-row/1-column table doubles"
        )
        report.out(f"  {'8 table':<44} {'check':>10} {'render':>10} {'total':>10}")
        for label, shapes in (
            ("rows", [(1, 3), (rows // 2, 3), (rows, 3)]),
            ("columns", [(10, 1), (10, columns // 2), (10, columns)]),
        ):
            base, half, full = (
                time_table(folder, r, c, self.templates, repeats) for r, c in shapes
            )
            for timing in (base, half, full):
                report.out(
                    f"    {timing.label:<42} {timing.check_s * 1000:8.0f}ms "
                    f"{timing.render_s * 1000:8.0f}ms {timing.total_s * 1000:8.0f}ms"
                )
            ratio = (full.total_s - base.total_s) / max(half.total_s - base.total_s, 1e-9)
            report.figure(
                f"  {full.label} vs {half.label}",
                "",
                f"{ratio:.2f}× (2 = linear)",
                report.target(f"linear {label}", ratio <= TARGET_LINEAR, f"≤ {TARGET_LINEAR:g}×"),
            )

    def measure_big(self) -> None:
        """Measurement 9: big but legal documents at the size issue 15 names, and at half."""
        report, settings = self.report, self.settings
        folder = self.tmp / "big"
        folder.mkdir()
        repeats = settings.big_repeats
        report.section(
            f"Big documents (issue 15): check and render through the API (CPU time, median of "
            f"{repeats} fresh documents); process: jeugddocs render, whole process, wall time"
        )
        report.out(
            f"  {'9 document':<44} {'check':>10} {'render':>10} {'total':>10} {'process':>10}"
        )

        def process(path: Path) -> Run:
            return run(self.render_command(path, f"out-{path.stem}"), self.env)

        for shape in BIG_SHAPES:
            size = max(2, round(shape.size * settings.big_scale))
            half, full = (
                time_big(folder, shape, n, self.templates, repeats, process)
                for n in (size // 2, size)
            )
            for timing in (half, full):
                whole = f"{timing.process_s * 1000:8.0f}ms" if timing.process_s is not None else ""
                report.out(
                    f"    {timing.label:<42} {timing.check_s * 1000:8.0f}ms "
                    f"{timing.render_s * 1000:8.0f}ms {timing.total_s * 1000:8.0f}ms {whole:>10}"
                )
            ratio = full.total_s / max(half.total_s, 1e-9)
            report.figure(
                "  doubled",
                "",
                f"{ratio:.2f}× (2 = linear)",
                report.target(
                    f"linear big {shape.name}", ratio <= TARGET_LINEAR, f"≤ {TARGET_LINEAR:g}×"
                ),
            )
            slowest = max(full.total_s, full.process_s or 0.0)
            report.figure(
                "  slowest run at the larger size",
                f"{slowest:.2f} s",
                "",
                report.target(
                    f"big {shape.name} < {TARGET_BIG_S:g} s",
                    slowest < TARGET_BIG_S,
                    f"< {TARGET_BIG_S:g} s",
                ),
            )


def describe_content(
    report: Report, documents: list[Generated], files: list[Path], seconds: float
) -> None:
    def spread(values: list[int]) -> str:
        return f"{min(values)}–{max(values)} (mean {statistics.mean(values):.1f})"

    content = [d.content for d in documents]
    sizes = [f.stat().st_size / 1024 for f in files]
    tables = [c["financien"]["tabellen"] for c in content]
    report.out(
        f"  generated {len(files)} files in {seconds:.1f}s: "
        f"{statistics.mean(sizes):.1f} KB each on average "
        f"(sample: {SAMPLE.stat().st_size / 1024:.1f} KB)"
    )
    report.out(f"    decision points {spread([len(c['beslispunten']) for c in content])}")
    report.out(f"    arguments       {spread([len(c['argumenten']) for c in content])}")
    report.out(f"    kanttekeningen  {spread([len(c.get('kanttekeningen', [])) for c in content])}")
    report.out(f"    footnotes       {spread([len(c.get('voetnoten', {})) for c in content])}")
    report.out(f"    named amounts   {spread([len(c['bedragen']) for c in content])}")
    report.out(f"    tables          {spread([len(t) for t in tables])}")
    report.out(f"    table rows      {spread([len(t['rijen']) for ts in tables for t in ts])}")


def compare_sizes(
    report: Report,
    plain: PlainTemplates,
    contexts: tuple[dict[str, Any], dict[str, Any]],
    path: Path,
    templates: TemplateSet,
) -> None:
    """Show that both renderers make documents of the same size (document 1)."""

    def shape(blobs: Iterable[bytes]) -> str:
        parts = []
        for blob in blobs:
            document = docx.Document(io.BytesIO(blob))
            parts.append(
                f"{len(document.paragraphs)} paragraphs, {len(document.tables)} tables, "
                f"{len(blob) / 1024:.0f} KB"
            )
        return " + ".join(parts)

    rendered = api.render(api.plan(api.check(path).valid(), "stuk"), templates)
    report.out("  size check, document 1 (voorstel + besluit):")
    report.out(f"    jeugddocs      {shape(item.data for item in rendered)}")
    report.out(f"    plain docxtpl  {shape(plain.render(contexts))}")


if __name__ == "__main__":
    sys.exit(main())
