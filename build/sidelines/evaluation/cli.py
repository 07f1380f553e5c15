"""`sidelines eval`: score a built package against gold annotations (a thin command)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.console import Console

from sidelines.evaluation.figures import below_floors, figure_table, results_record, unknown_floors
from sidelines.evaluation.files import load_floors, load_gold, load_package, results_text
from sidelines.evaluation.scoring import score

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def cmd_eval(args: argparse.Namespace) -> int:
    """Score a built package against gold annotations (a folder of per-source gold files or
    one gold file): print each figure with its floor, then every miss; exit 1 when a figure
    is below its floor."""
    gold = load_gold(args.gold)
    package = load_package(args.package)
    floors = load_floors(args.floors) if args.floors else {}
    unknown = unknown_floors(floors)
    if unknown:
        raise ValueError(f"{args.floors}: {unknown[0]} is not a figure")
    card = score(gold, package.tables)
    if args.json:
        args.json.write_text(
            results_text(results_record(card, package.code_sha256)), encoding="utf-8"
        )
    corpus = card.corpus
    if args.quiet:
        console.print(f"{len(card.misses)} misses")
    else:
        for miss in card.misses:
            console.print(miss.line(), markup=False)
    for line in figure_table(card.figures, floors):
        console.print(line, markup=False)
    console.print(
        f"measured on {corpus['files']} files, {corpus['posts']} posts, "
        f"{corpus['gold_meetings']} gold meetings, {corpus.get('gold_contacts', 0)} gold calls"
    )
    breaches = below_floors(card.figures, floors)
    for line in breaches:
        err_console.print(f"sidelines eval: {line}", markup=False)
    return 1 if breaches else 0


def add_commands(commands: Any) -> None:
    """The eval subcommand."""
    e = commands.add_parser(
        "eval", help="score a built package against gold annotations", description=cmd_eval.__doc__
    )
    e.add_argument("gold", type=Path, help="gold folder (eval/gold) or one gold file")
    e.add_argument("package", type=Path, help="package folder (with datapackage.json)")
    e.add_argument(
        "--floors",
        type=Path,
        default=None,
        help="JSON file of floors by figure name (e.g. eval/floors.json): exit 1 below one",
    )
    e.add_argument(
        "--json",
        type=Path,
        default=None,
        metavar="OUT",
        help="write the figures, corpus size and the package's code hash here "
        "(e.g. eval/results.json, which the build publishes)",
    )
    e.add_argument("--quiet", action="store_true", help="print only the number of misses")
    e.set_defaults(run=cmd_eval)
