"""Reusable field types: how amounts, dates, text and prose are written in YAML.

Each type validates strictly and explains, in Dutch, how to write the value
when it is wrong. Prose and inline text are checked for references to named
amounts here, so that an unknown name is reported at its own line.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, PlainValidator, ValidationInfo
from pydantic.functional_serializers import PlainSerializer
from pydantic.json_schema import WithJsonSchema
from pydantic_core import PydanticCustomError

from jeugddocs.calc import formulas
from jeugddocs.content.models.base import Weergave, custom_error
from jeugddocs.format.describe import describe, quote
from jeugddocs.markup import checks
from jeugddocs.markup.prose import InlineText, ProseText, has_include
from jeugddocs.markup.references import FOOTNOTE, NAME

# -- matched against the stripped value; no two quantifiers can take the same characters,
#    so a long text cannot make it backtrack --
_AMOUNT_AS_TEXT = re.compile(
    r"(?:€|eur|euro)?\s*[-+]?\d[\d.,]*(?:\s?(?:mln|miljoen|mld|miljard)\.?)?", re.IGNORECASE
)


def _amount_hint(text: str) -> str:
    digits = re.sub(r"[^\d,.-]", "", text)
    if re.search(r"mln|miljoen|mld|miljard", text, re.IGNORECASE):
        return "schrijf het hele bedrag in euro's, bijvoorbeeld 1200000 voor 1,2 miljoen"
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", digits):
        return f"schrijf het bedrag zonder punten: {digits.replace('.', '')}"
    if re.fullmatch(r"-?\d+\.\d\d", digits):
        whole = digits.split(".")[0]
        return (
            f"bedoelt u {whole} euro en {digits.split('.')[1]} cent (schrijf {digits}) "
            f"of {whole}.000 euro (schrijf {whole}000)? Schrijf het als getal, zonder €"
        )
    if re.fullmatch(r"-?\d+,\d+", digits):
        return f"schrijf centen met een punt: {digits.replace(',', '.')}"
    return "schrijf het bedrag als getal in euro's, zonder € en zonder punten, bijvoorbeeld 103500"


def _to_amount(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise custom_error("verwacht een bedrag (een getal), niet true of false")
    if isinstance(value, int | Decimal):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    elif isinstance(value, str):
        if _AMOUNT_AS_TEXT.fullmatch(value.strip()):
            raise custom_error(
                f"het bedrag '{quote(value)}' staat er als tekst; {_amount_hint(value)}"
            )
        raise custom_error(
            f"verwacht een bedrag (een getal), maar hier staat de tekst '{quote(value)}'; "
            "schrijf het bedrag als getal in euro's, bijvoorbeeld 103500"
        )
    else:
        raise custom_error(
            "verwacht een bedrag (een getal in euro's, bijvoorbeeld 103500), maar hier staat "
            f"{describe(value)}"
        )
    if not amount.is_finite():
        raise custom_error("een bedrag moet een eindig getal zijn")
    if abs(amount) >= formulas.MAX_AMOUNT:
        raise custom_error(
            "dit bedrag is groter dan 10^15 euro; schrijf het bedrag in euro's, zonder extra nullen"
        )
    return amount


def _to_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        # -- the JSON Schema says "string, format date": a form or JSON sends 2021-03-18 so --
        iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        if iso:
            try:
                return datetime.date(*(int(part) for part in iso.groups()))
            except ValueError:
                raise custom_error(
                    f"de datum {value} bestaat niet; schrijf een bestaande datum als "
                    "jaar-maand-dag, bijvoorbeeld 2021-03-18"
                ) from None
        match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", value.strip())
        if match:
            day, month, year = match.groups()
            raise custom_error(
                f"de datum '{quote(value)}' staat in de verkeerde volgorde; schrijf "
                f"{year}-{int(month):02d}-{int(day):02d} (jaar-maand-dag)"
            )
    raise custom_error(
        f"verwacht een datum als 2021-03-18 (jaar-maand-dag), maar hier staat {describe(value)}"
    )


def _label(value: Any) -> Any:
    # -- a heading such as 2021 or a case number such as 13215 may be typed as a number;
    #    our loader never reads leading zeros as numbers, so str() loses nothing --
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise custom_error("deze tekst is leeg; vul hem in of laat het veld weg")
    return value


def _checked(text: ProseText | InlineText, info: ValidationInfo) -> ProseText | InlineText:
    """Check a parsed text against the document's amounts and footnotes.

    Both come from the validation context (see :mod:`jeugddocs.content.load`), which
    every way into validation provides; without it only the text itself is checked.
    """
    return _checked_in(text, info.context or {})


def _checked_in(text: ProseText | InlineText, context: dict[str, Any]) -> ProseText | InlineText:
    parsed = text.blocks if isinstance(text, ProseText) else text.runs
    issues = checks.text_issues(
        text,
        parsed,
        context.get("bedragen"),
        context.get("voetnoten"),
        context.get("verwijzingen"),
    )
    if "{{" in text and has_include(parsed):
        text, included, failed = _with_blocks(text, context)
        issues += included
        if failed and not issues:
            # -- a block file with problems of its own: reported in that file --
            raise PydanticCustomError("al_gemeld", "tekstblok met een fout elders")
    if issues:
        # -- every issue travels in the context; the problem mapper places each one
        #    at its fragment inside the text --
        raise PydanticCustomError(
            "verwijzing",
            "{bericht}",
            {
                "bericht": issues[0].message,
                "fragmenten": [(i.fragment, i.occurrence, i.message) for i in issues],
            },
        )
    return text


def _with_blocks(
    text: ProseText | InlineText, context: dict[str, Any]
) -> tuple[ProseText | InlineText, list[checks.Issue], bool]:
    """``text`` with its text blocks in place (see :mod:`jeugddocs.content.tekstblokken`).

    Content checked without a document's context (a model validated on its own) has no
    folders to find blocks in: every inclusion is then reported as a missing block.
    """
    # -- imported here: the blocks' own model is built from the field types of this module --
    from jeugddocs.content.tekstblokken import Expander, Library

    expander = context.get("tekstblokken")
    if expander is None:
        expander = Expander(Library(), context.get("bedragen") or {})
        if isinstance(context, dict):
            context["tekstblokken"] = expander
    if isinstance(text, ProseText):
        blocks, issues, failed = expander.prose(text, text.blocks)
        prose = ProseText(text)
        prose.blocks = blocks
        return prose, issues, failed
    runs, issues, failed = expander.inline(text, text.runs)
    line = InlineText(text)
    line.runs = runs
    return line, issues, failed


def _prose(value: str, info: ValidationInfo) -> ProseText | InlineText:
    return _checked(ProseText.of(value), info)


def _inline(value: str, info: ValidationInfo) -> ProseText | InlineText:
    return _checked(InlineText.of(value), info)


def _participant_prose(value: str, info: ValidationInfo) -> ProseText | InlineText:
    # -- a text that only the documents per participant show may also use the names of
    #    the participant's own amounts; each participant's values are checked by the model --
    context = dict(info.context or {})
    amounts = context.get("bedragen")
    if amounts is not None:
        own = dict.fromkeys(context.get("deelnemer_bedragen", ()))
        context["bedragen"] = {**amounts, **own}
    return _checked_in(ProseText.of(value), context)


Bedrag = Annotated[
    Decimal,
    PlainValidator(_to_amount),
    PlainSerializer(lambda d: d, return_type=Decimal),
    WithJsonSchema({"type": "number", "description": "bedrag in euro's, bijvoorbeeld 103500"}),
    Weergave("bedrag"),
]
Datum = Annotated[
    datetime.date,
    PlainValidator(_to_date),
    WithJsonSchema({"type": "string", "format": "date", "description": "datum als 2021-03-18"}),
    Weergave("datum"),
]


def _plain(value: str) -> str:
    # -- a field shown as typed (onderwerp, gemeente, a column header) cannot hold a
    #    reference or a footnote: it would appear literally in the document --
    if FOOTNOTE.search(value):
        raise custom_error(
            "in dit veld kan geen voetnoot staan; zet de voetnoot in een tekstveld, zoals de "
            "inleiding of de kern"
        )
    if "{{" in value or "{%" in value or "{#" in value:
        raise custom_error(
            "in dit veld kan geen verwijzing als {{ naam | euro }} staan; schrijf de tekst uit "
            "of zet de verwijzing in een tekstveld"
        )
    return value


Tekst = Annotated[str, AfterValidator(_not_blank), AfterValidator(_plain), Weergave("tekst")]
Label = Annotated[
    str,
    BeforeValidator(_label),
    AfterValidator(_not_blank),
    AfterValidator(_plain),
    WithJsonSchema({"type": ["string", "integer"]}),
    Weergave("tekst"),
]
Proza = Annotated[
    str,
    AfterValidator(_not_blank),
    AfterValidator(_prose),
    Field(json_schema_extra={"x-jeugddocs": "proza"}),
    Weergave("alinea's"),
]
Regel = Annotated[
    str,
    AfterValidator(_not_blank),
    AfterValidator(_inline),
    Weergave("tekstregel"),
]
#: Prose shown only in the documents per participant: it may use the participant's amounts.
DeelnemerProza = Annotated[
    str,
    AfterValidator(_not_blank),
    AfterValidator(_participant_prose),
    Field(json_schema_extra={"x-jeugddocs": "proza"}),
    Weergave("alinea's"),
]


def _check_name(value: str) -> str:
    if not NAME.fullmatch(value):
        raise custom_error(
            f"de naam '{quote(value)}' kan niet in een verwijzing staan; gebruik kleine letters, "
            "cijfers en _, bijvoorbeeld extra_bijdrage_2021"
        )
    return value


Naam = Annotated[str, AfterValidator(_check_name), Weergave("tekst")]


def _no_footnote_in_footnote(value: str) -> str:
    if FOOTNOTE.search(value):
        raise custom_error("een voetnoot kan zelf geen voetnoot hebben; haal de [^…] weg")
    return value


#: The text of a footnote: inline text (emphasis, references), but no footnote of its own.
Voetnoottekst = Annotated[
    str,
    AfterValidator(_not_blank),
    AfterValidator(_no_footnote_in_footnote),
    AfterValidator(_inline),
    Weergave("tekstregel"),
]


def _check_footnote_key(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]+", value):
        raise custom_error(
            f"de voetnoot '{quote(value)}' heeft een naam die niet in [^…] past; gebruik letters, "
            "cijfers, - en _, bijvoorbeeld 1 of bron_cbs"
        )
    return value


VoetnootNaam = Annotated[str, AfterValidator(_check_footnote_key), Weergave("tekst")]


def _amount_or_name(value: Any, info: ValidationInfo) -> Decimal | str:
    if isinstance(value, str) and NAME.fullmatch(value):
        amounts = (info.context or {}).get("bedragen")
        if amounts is not None and value not in amounts:
            raise custom_error(
                f"'{quote(value)}' is geen bekend bedrag; noem een naam uit 'bedragen:' of schrijf "
                "het bedrag als getal"
            )
        return value
    return _to_amount(value)


#: An amount written as a number, or as the name of an amount under ``bedragen``.
BedragOfNaam = Annotated[
    Decimal | str,
    PlainValidator(_amount_or_name),
    WithJsonSchema(
        {
            "type": ["number", "string"],
            "description": "bedrag als getal, of de naam van een bedrag uit 'bedragen'",
        }
    ),
    Weergave("bedrag"),
]


def _amount_or_formula(value: Any) -> Decimal | str:
    if formulas.is_formula(value):
        return str(value)
    return _to_amount(value)


#: A named amount: a number, or a formula over other named amounts (``=som(a, b)``).
BedragOfFormule = Annotated[
    Decimal | str,
    PlainValidator(_amount_or_formula),
    WithJsonSchema(
        {
            "type": ["number", "string"],
            "description": "bedrag als getal, of een formule zoals =som(a, b) of "
            "=procent_van(tekort, raming)",
        }
    ),
    Weergave("bedrag"),
]


def _cell_amount(value: Any, info: ValidationInfo) -> Decimal | None:
    if value is None:
        return None  # -- an empty cell (~), as planning-and-control tables have them --
    if not (isinstance(value, str) and (formulas.is_formula(value) or NAME.fullmatch(value))):
        return _to_amount(value)
    amounts = (info.context or {}).get("bedragen") or {}
    try:
        rv = formulas.evaluate(value if formulas.is_formula(value) else f"={value}", amounts)
    except formulas.Unavailable:
        raise PydanticCustomError("al_gemeld", "bedrag met een fout elders") from None
    except formulas.FormulaError as exc:
        raise custom_error(str(exc)) from None
    return rv


#: An amount in a table cell: a number, a name from ``bedragen``, a formula, or ``~`` for
#: an empty cell; a Decimal (or None) once validated.
BedragInTabel = Annotated[
    Decimal | None,
    PlainValidator(_cell_amount),
    WithJsonSchema(
        {
            "type": ["number", "string", "null"],
            "description": "bedrag als getal, naam uit 'bedragen' of formule (=indexeer(a, 2)); "
            "~ voor een lege cel",
        }
    ),
    Weergave("bedrag"),
]


def _title_field(value: Any) -> str | datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    raise custom_error(
        f"een kopveld is tekst of een datum (2021-03-18), maar hier staat {describe(value)}"
    )


#: The value of a field in the title block that a municipality defines: text or a date.
Kopveld = Annotated[
    str | datetime.date,
    PlainValidator(_title_field),
    WithJsonSchema({"type": ["string", "integer"], "description": "tekst of datum"}),
    Weergave("tekst of datum"),
]


def _chart_value(value: Any, info: ValidationInfo) -> Decimal | None:
    # -- text that is neither a name nor a formula is no number: say so in a chart's words,
    #    not a table's ("een bedrag in euro's") --
    if (
        isinstance(value, str)
        and not formulas.is_formula(value)
        and not NAME.fullmatch(value)
        and not _AMOUNT_AS_TEXT.fullmatch(value.strip())
    ):
        raise custom_error(
            f"verwacht een getal, een naam uit 'bedragen' of een formule, maar hier staat de "
            f"tekst '{quote(value)}'; schrijf de waarde als getal, bijvoorbeeld 458"
        )
    return _cell_amount(value, info)


#: One value in a chart's series: a number, a name from ``bedragen``, a formula, or ``~``
#: for a point without a value; a Decimal (or None) once validated.
WaardeInGrafiek = Annotated[
    Decimal | None,
    PlainValidator(_chart_value),
    WithJsonSchema(
        {
            "type": ["number", "string", "null"],
            "description": "getal, naam uit 'bedragen' of formule; ~ voor een punt zonder waarde",
        }
    ),
]
