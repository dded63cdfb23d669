"""The ``jeugddocs`` command: a thin Dutch shell over :mod:`jeugddocs.api`.

Exit codes: 0 all well; 1 invalid content or template (every problem on
stderr as ``file:line:column: message``); 2 wrong use of the command;
3 an internal error in jeugddocs itself.

Of jeugddocs it uses :mod:`jeugddocs.api` and nothing else (``tests/test_layers.py``
checks), so the command line is one user of the public API among others.

Only click is imported at the top: the pipeline (pydantic, Word, Jinja, YAML)
takes most of a second to import, and ``--version`` or ``--help`` need none of it.
Each command imports the API when it runs; ``tests/test_startup.py`` keeps it that way.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from jeugddocs import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from jeugddocs.api import Problem, Progress

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
_HELP = {"help_option_names": ["-h", "--help"]}


class _DutchHelp:
    """Dutch headings for click's help pages."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Gebruik: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        params = self.get_params(ctx)  # type: ignore[attr-defined]
        records = [
            r for p in params if isinstance(p, click.Option) and (r := p.get_help_record(ctx))
        ]
        if records:
            with formatter.section("Opties"):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)


class Command(_DutchHelp, click.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class Group(_DutchHelp, click.Group):
    command_class = Command
    #: Subgroups (``jeugddocs huisstijl``) get this class too, so their help is Dutch.
    group_class = type

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "COMMANDO [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            (name, cmd.get_short_help_str())
            for name in self.list_commands(ctx)
            if (cmd := self.get_command(ctx, name)) is not None
        ]
        if rows:
            with formatter.section("Commando's"):
                formatter.write_dl(rows)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command; usage errors and crashes become Dutch messages, never tracebacks."""
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else "", err=True)
            sys.exit(EXIT_USAGE)
        except click.UsageError as exc:
            click.echo(f"Fout: {_dutch_usage(exc)}", err=True)
            click.echo("Probeer 'jeugddocs --help' voor hulp.", err=True)
            sys.exit(EXIT_USAGE)
        except click.Abort:
            click.echo("Afgebroken.", err=True)
            sys.exit(EXIT_INVALID)
        except Exception as exc:
            if os.environ.get("JEUGDDOCS_DEBUG"):
                raise
            click.echo(
                f"Interne fout in jeugddocs ({type(exc).__name__}: {exc}). Dit ligt niet aan uw "
                "bestand; meld het aan de beheerders, met dit bericht.",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


def _dutch_usage(exc: click.UsageError) -> str:
    if isinstance(exc, click.NoSuchOption):
        hint = f" Bedoelde u {', '.join(exc.possibilities)}?" if exc.possibilities else ""
        return f"onbekende optie '{exc.option_name}'.{hint}"
    if isinstance(exc, click.MissingParameter):
        name = exc.param.human_readable_name if exc.param else "een argument"
        return f"{name} ontbreekt."
    if isinstance(exc, click.BadOptionUsage):
        return f"optie '{exc.option_name}' verkeerd gebruikt (geef er een waarde bij)."
    if isinstance(exc, click.BadParameter):
        hint = exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else "een waarde"
        return f"ongeldige waarde voor {hint}: {exc.message}"
    message = exc.format_message()
    if message.startswith("No such command"):
        return f"onbekend commando. Beschikbaar: {', '.join(sorted(cli.commands))}."
    if message.startswith("Got unexpected extra argument"):
        return "te veel argumenten."
    return message


def _existing(paths: Sequence[str]) -> list[Path]:

    from jeugddocs.api import find_content, missing_path

    missing = [reason for p in paths if (reason := missing_path(p))]
    if missing:
        raise click.UsageError("; ".join(missing))
    found = find_content(paths)
    if not found:
        raise click.UsageError(
            "geen .yaml- of .yml-bestanden gevonden in " + ", ".join(f"'{p}'" for p in paths)
        )
    return found


def _soort(value: str) -> str:
    from jeugddocs.api import KINDS

    if value not in KINDS:
        raise click.UsageError(f"onbekende soort '{value}'; kies uit: {', '.join(KINDS)}.")
    return value


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


@contextmanager
def _progress(files: int, label: str) -> Iterator[Progress | None]:
    """Show a bar on stderr for a batch, only on a terminal: not in CI logs or a pipe."""
    if files < 2 or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=files, label=label, file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def _jobs(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """Read ``--jobs``: a whole number, 1 or more; None leaves it to the machine."""
    if value is None:
        return None
    jobs = int(value) if value.isdecimal() else 0
    if jobs < 1:
        raise click.BadParameter(f"'{value}' is geen geheel getal van 1 of meer", ctx, param)
    return jobs


_jobs_option = click.option(
    "-j",
    "--jobs",
    default=None,
    metavar="N",
    callback=_jobs,
    help="Aantal processen dat tegelijk werkt (standaard: één per processor, voor een grote "
    "map; 1: alles in dit proces). De uitvoer is bij elk aantal gelijk.",
)


@click.group(cls=Group, context_settings=_HELP)
@click.version_option(__version__, message="jeugddocs %(version)s", help="Toon de versie en stop.")
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def cli() -> None:
    """Maak raadsvoorstellen en andere gemeentelijke stukken van YAML naar Word."""


def _gemeenten_option(function: Any) -> Any:
    return click.option(
        "--gemeenten",
        "gemeenten",
        multiple=True,
        metavar="MAP",
        help="Map met gemeenteprofielen (<sleutel>.yaml); ook zonder deze optie wordt een map "
        "'gemeenten' naast of boven het YAML-bestand gevonden. Mag vaker.",
    )(function)


def _tekstblokken_option(function: Any) -> Any:
    return click.option(
        "--tekstblokken",
        "tekstblokken",
        multiple=True,
        metavar="MAP",
        help="Map met tekstblokken (<naam>.yaml); ook zonder deze optie wordt een map "
        "'tekstblokken' naast of boven het YAML-bestand gevonden. Mag vaker.",
    )(function)


_woo_option = click.option(
    "--woo",
    is_flag=True,
    help="Woo-metadata voor publicatie (DiWoo 0.9.8: uitgever, titel, informatiecategorie, "
    "datum); render zet die als x.diwoo.xml naast elk stuk. Vraagt een gemeenteprofiel met "
    "cbs_code (of tooi). Een profiel met 'woo: true' doet dit ook zonder deze optie.",
)


def _known_house_style(name: str | None) -> None:
    """Refuse, as wrong use of the command, a house style that is no folder and not shipped."""
    from pathlib import Path

    from jeugddocs.api import house_styles

    if name and not Path(name).is_dir() and name not in house_styles():
        raise click.UsageError(
            f"huisstijl '{name}' bestaat niet; geef een map met sjablonen of een van: "
            f"{', '.join(house_styles())}."
        )


def _folders(gemeenten: tuple[str, ...], what: str = "gemeenteprofielen") -> list[str]:
    from pathlib import Path

    missing = [folder for folder in gemeenten if not Path(folder).is_dir()]
    if missing:
        raise click.UsageError(
            f"map met {what} bestaat niet: " + ", ".join(f"'{m}'" for m in missing)
        )
    return list(gemeenten)


@cli.command(context_settings=_HELP, short_help="Maak Word-bestanden van YAML-bestanden.")
@click.argument("paden", nargs=-1, required=True, metavar="PAD...")
@click.option(
    "-o",
    "--uitvoer",
    default="output",
    metavar="MAP",
    help="Map waarin de Word-bestanden komen (standaard: output).",
)
@click.option(
    "--huisstijl",
    "--sjablonen",
    "sjablonen",
    default=None,
    metavar="NAAM|MAP",
    help="Huisstijl: een meegeleverde (jeugddocs huisstijl lijst) of een map met eigen "
    "Word-sjablonen. Standaard: die uit het gemeenteprofiel, anders 'standaard'.",
)
@click.option(
    "--per-deelnemer",
    "per_deelnemer",
    is_flag=True,
    help="Maak van een regionaal voorstel (met 'deelnemers') een stuk per deelnemende "
    "gemeente: x-<sleutel>.docx, van die gemeente, in haar huisstijl en met haar eigen deel.",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Maak van elk document ook een PDF/A (toegankelijk, voor archief en publicatie), met "
    "LibreOffice. Ook te zetten met 'pdf: true' in het gemeenteprofiel.",
)
@click.option(
    "--naam",
    default=None,
    metavar="PATROON",
    help="Noem elk bestand naar zijn eigen velden, zoals '{datum}-{soort}-{onderwerp}' "
    "(ook: {zaaknummer}, {gemeente}, {deelnemer}, {bestand}). Standaard: x.yaml geeft x.docx.",
)
@_woo_option
@_gemeenten_option
@_tekstblokken_option
@_jobs_option
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def render(
    paden: tuple[str, ...],
    uitvoer: str,
    sjablonen: str | None,
    per_deelnemer: bool,
    pdf: bool,
    naam: str | None,
    woo: bool,
    gemeenten: tuple[str, ...],
    tekstblokken: tuple[str, ...],
    jobs: int | None,
) -> int:
    """Maak Word-bestanden van YAML-bestanden (een map: alle .yaml-bestanden erin).

    x.yaml wordt MAP/x.docx; een raadsvoorstel geeft ook MAP/x-raadsbesluit.docx. Met
    --per-deelnemer geeft een regionaal voorstel MAP/x-<sleutel>.docx per gemeente.
    Met --pdf komt er van elk document ook een PDF/A naast (MAP/x.pdf), met --woo
    MAP/x.diwoo.xml.
    """
    from pathlib import Path

    from jeugddocs.api import (
        NamePattern,
        PatternError,
        ProblemsError,
        build_all,
        pdf_missing,
        template_set,
    )

    files = _existing(paden)
    if naam is not None:
        try:
            NamePattern.parse(naam)
        except PatternError as exc:
            raise click.BadParameter(str(exc), param_hint="'--naam'") from None
    if pdf and (reason := pdf_missing()):
        # -- before any file is read: nothing is made, as for a file that does not exist --
        click.echo(f"Fout: {reason}.", err=True)
        return EXIT_USAGE
    _known_house_style(sjablonen)
    folders = _folders(gemeenten)
    blocks = _folders(tekstblokken, "tekstblokken")
    try:
        templates = template_set(sjablonen) if sjablonen else None
    except ProblemsError as exc:
        _report(exc.problems)
        return EXIT_INVALID
    with _progress(len(files), "Bezig met maken") as progress:
        result = build_all(
            files,
            Path(uitvoer),
            templates,
            jobs=jobs,
            progress=progress,
            gemeenten=folders,
            per_deelnemer=per_deelnemer,
            tekstblokken=blocks,
            pdf=pdf,
            naam=naam,
            woo=woo,
        )
    for path in result.written:
        click.echo(f"gemaakt: {path}")
    _report(sorted(result.warnings + result.problems))
    if result.failed:
        click.echo(
            f"{len(result.failed)} van {len(files)} bestanden niet gemaakt door fouten.", err=True
        )
        return EXIT_INVALID
    return EXIT_OK


@cli.command(context_settings=_HELP, short_help="Controleer YAML-bestanden.")
@click.argument("paden", nargs=-1, required=True, metavar="PAD...")
@click.option(
    "--per-deelnemer",
    "per_deelnemer",
    is_flag=True,
    help="Controleer zoals render --per-deelnemer maakt (met --woo: elke deelnemende "
    "gemeente is de uitgever van haar eigen stuk).",
)
@_woo_option
@click.option(
    "--huisstijl",
    "huisstijl",
    default=None,
    metavar="NAAM|MAP",
    help="Controleer voor deze huisstijl (de velden die hij verplicht stelt), zoals render "
    "--huisstijl maakt. Standaard: die uit het gemeenteprofiel, anders 'standaard'.",
)
@_gemeenten_option
@_tekstblokken_option
@_jobs_option
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def validate(
    paden: tuple[str, ...],
    per_deelnemer: bool,
    huisstijl: str | None,
    woo: bool,
    gemeenten: tuple[str, ...],
    tekstblokken: tuple[str, ...],
    jobs: int | None,
) -> int:
    """Controleer YAML-bestanden zonder iets te schrijven.

    Met --woo ook of elk stuk Woo-metadata kan krijgen (een uitgever met CBS- of TOOI-code).
    """
    from jeugddocs.api import validate_all

    files = _existing(paden)
    _known_house_style(huisstijl)
    folders = _folders(gemeenten)
    blocks = _folders(tekstblokken, "tekstblokken")
    with _progress(len(files), "Bezig met controleren") as progress:
        result = validate_all(
            files,
            jobs=jobs,
            progress=progress,
            gemeenten=folders,
            tekstblokken=blocks,
            woo=woo,
            per_deelnemer=per_deelnemer,
            huisstijl=huisstijl,
        )
    _report(sorted(result.warnings + result.problems))
    if result.failed:
        click.echo(f"{len(result.failed)} van {len(files)} bestanden bevatten fouten.", err=True)
        return EXIT_INVALID
    click.echo(f"{len(files)} {'bestand' if len(files) == 1 else 'bestanden'} in orde.")
    return EXIT_OK


@cli.command(context_settings=_HELP, short_help="Schrijf een YAML-bestand om in te vullen.")
@click.argument("soort", metavar="SOORT")
@click.argument("bestand", metavar="BESTAND")
@click.option("--overschrijf", is_flag=True, help="Overschrijf een bestaand bestand.")
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def new(soort: str, bestand: str, overschrijf: bool) -> int:
    """Schrijf een nieuw YAML-bestand met uitleg, om in te vullen."""
    from pathlib import Path

    from jeugddocs.api import JeugddocsError, write_starter

    target = Path(bestand)
    _soort(soort)
    if target.exists() and not overschrijf:
        raise click.UsageError(
            f"'{bestand}' bestaat al; kies een andere naam of gebruik --overschrijf."
        )
    try:
        write_starter(soort, target)
    except JeugddocsError as exc:
        click.echo(str(exc), err=True)
        return EXIT_INVALID
    click.echo(f"gemaakt: {target}")
    return EXIT_OK


@cli.group(context_settings=_HELP, short_help="Huisstijlen: bekijken en kopiëren.")
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def huisstijl() -> None:
    """Huisstijlen: de Word-sjablonen en regels (nummering) van een gemeente."""


@huisstijl.command("lijst", context_settings=_HELP, short_help="Toon de meegeleverde huisstijlen.")
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def huisstijl_lijst() -> int:
    """Toon de meegeleverde huisstijlen."""
    from jeugddocs.api import house_styles

    for name in house_styles():
        click.echo(name)
    return EXIT_OK


@huisstijl.command(
    "kopieer", context_settings=_HELP, short_help="Kopieer een huisstijl om in Word te bewerken."
)
@click.argument("naam", metavar="NAAM")
@click.argument("map_", metavar="MAP")
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def huisstijl_kopieer(naam: str, map_: str) -> int:
    """Kopieer huisstijl NAAM (of een map) naar MAP: alle sjablonen en huisstijl.yaml.

    Bewerk de sjablonen daarna in Word en gebruik ze met: jeugddocs render --huisstijl MAP
    """
    from jeugddocs.api import JeugddocsError, ProblemsError, copy_house_style

    try:
        written = copy_house_style(naam, map_)
    except ProblemsError as exc:
        _report(exc.problems)
        return EXIT_INVALID
    except JeugddocsError as exc:
        click.echo(str(exc), err=True)
        return EXIT_INVALID
    for path in written:
        click.echo(f"gemaakt: {path}")
    return EXIT_OK


@cli.group(context_settings=_HELP, short_help="Word-sjablonen: controleren.")
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def sjablonen() -> None:
    """Word-sjablonen van huisstijlen: controleren voordat er een stuk mee gemaakt wordt."""


@sjablonen.command(
    "controleer", context_settings=_HELP, short_help="Controleer alle Word-sjablonen."
)
@click.argument("map_", metavar="[MAP]", required=False)
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def sjablonen_controleer(map_: str | None) -> int:
    """Controleer alle Word-sjablonen van een huisstijl zonder iets te maken.

    MAP is een huisstijl (een map met sjablonen) of een map met huisstijlen; zonder MAP
    de meegeleverde huisstijlen. Elk probleem staat op stderr met het sjabloon en de
    alinea of tabelcel: ongeldige tags, tags die Word in stukken deelde, velden die niet
    bestaan (jeugddocs velden SOORT), onbekende filters en ontbrekende stijlen.
    """
    from jeugddocs.api import check_templates, missing_path

    if map_ is not None:
        reason = missing_path(map_)
        if reason:
            raise click.UsageError(reason)
    result = check_templates(map_)
    if not result.house_styles:
        raise click.UsageError(
            f"in '{map_}' staat geen huisstijl (geen huisstijl.yaml of Word-sjablonen, ook "
            "niet in de mappen erin)"
        )
    _report(result.problems)
    count = len(result.templates)
    label = "sjabloon" if count == 1 else "sjablonen"
    if result.problems:
        wrong = len({problem.file for problem in result.problems})
        click.echo(f"{wrong} van {count} {label} (of huisstijlregels) met fouten.", err=True)
        return EXIT_INVALID
    click.echo(f"{count} {label} in orde.")
    return EXIT_OK


@cli.command(context_settings=_HELP, short_help="Toon de velden en filters voor een sjabloon.")
@click.argument("soort", metavar="SOORT")
@click.option("--json", "as_json", is_flag=True, help="Als JSON, voor programma's.")
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def velden(soort: str, as_json: bool) -> int:
    """Toon elk veld en filter dat een Word-sjabloon voor SOORT mag gebruiken.

    Met type en uitleg; [] is elk onderdeel van een lijst ({% for x in lijst %}).
    """
    import dataclasses
    import json

    from jeugddocs.api import fields

    found = fields(_soort(soort))
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(found), indent=2, ensure_ascii=False))
        return EXIT_OK
    click.echo(f"Velden voor een sjabloon {soort}.docx:")
    _table([(v.naam, v.type, v.omschrijving) for v in found.velden if not v.alleen_in])
    partial: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
    for v in found.velden:
        if v.alleen_in:
            partial.setdefault(v.alleen_in, []).append((v.naam, v.type, v.omschrijving))
    for where, rows in partial.items():
        click.echo(
            f"\nAlleen in een {' of '.join(where)} (gebruik ze in {{% if veld is defined %}}):"
        )
        _table(rows)
    click.echo("\nFilters ({{ veld | filter }}):")
    _table([(f.naam, "", f.omschrijving) for f in found.filters])
    click.echo("\nTypen:")
    _table([(name, "", use) for name, use in found.typen])
    return EXIT_OK


def _table(rows: Sequence[tuple[str, str, str]]) -> None:
    """Echo rows in aligned columns; a description wraps under its own column."""
    import textwrap

    # -- a long name (afzender.functionarissen.wethouders[].naam) gets a line of its own --
    first = min(max((len(row[0]) for row in rows), default=0), 30)
    second = max((len(row[1]) for row in rows), default=0)
    indent = 2 + first + 2 + (second + 2 if second else 0)
    width = max(100 - indent, 30)
    for name, kind, text in rows:
        lines = textwrap.wrap(text, width) or [""]
        head = f"  {name:<{first}}  " + (f"{kind:<{second}}  " if second else "")
        if len(head) > indent:
            click.echo(head.rstrip())
            head = " " * indent
        click.echo(head + lines[0])
        for line in lines[1:]:
            click.echo(" " * indent + line)


@cli.command(context_settings=_HELP, short_help="Toon het JSON-schema van een soort.")
@click.argument("soort", metavar="SOORT")
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def schema(soort: str) -> int:
    """Toon het JSON-schema van een soort, voor automatisch aanvullen in een editor."""
    import json

    from jeugddocs.api import json_schema

    click.echo(json.dumps(json_schema(_soort(soort)), indent=2, ensure_ascii=False))
    return EXIT_OK


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="jeugddocs")
