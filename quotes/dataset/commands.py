"""The `quotes index` and `quotes find` commands (registered in quotes/cli.py).

What only these commands run (SQLite, the dataset modules) is imported when one of
them runs: every `quotes extract` process loads this module to register them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from quotes.read import STDIN, ReadWarning
from quotes.run import Problem as RunProblem
from quotes.run import Reporter, RunConfig, effective_jobs

EXIT_INPUT_ERRORS, EXIT_DB = 1, 3


def _fail(message: str, code: int = EXIT_DB) -> typer.Exit:
    typer.echo(f"quotes: error: {message}", err=True)
    return typer.Exit(code)


def index_command(
    paths: Annotated[list[str], typer.Argument(
        metavar="INPUT", help="Article files or directories, or record files of `quotes extract`.",
        show_default=False)],
    output: Annotated[Path, typer.Option(
        "-o", "--output", metavar="DB", help="The SQLite database to create or add to.")],
    people: Annotated[Path | None, typer.Option(
        "--people", metavar="FILE", help="CSV (id,name,aliases) or JSON Lines of your own people ids.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes; 0 = all cores.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and nothing else.")] = False,
) -> None:
    """Build or extend a quotes database: one id per person and per quotation, full-text search.

    \b
    Examples:
      quotes index archive/ -o quotes.db
      quotes extract big.jsonl -o records.jsonl && quotes index records.jsonl -o quotes.db
      quotes index more.jsonl -o quotes.db --people people.csv
    """
    import sqlite3

    from quotes.dataset.index import index
    from quotes.dataset.people import PeopleError, read_people
    from quotes.dataset.store import StoreError

    missing = [p for p in paths if p != STDIN and not os.path.lexists(p)]
    if missing:
        raise typer.BadParameter(f"no such file or directory: {', '.join(missing)}", param_hint="INPUT")
    try:
        mapping = read_people(people) if people is not None else None
    except PeopleError as exc:
        raise _fail(str(exc), EXIT_INPUT_ERRORS) from None
    failed = False
    with Reporter(quiet=quiet, progress=False) as reporter:
        def report(problem: RunProblem) -> None:
            nonlocal failed
            reporter.problem(problem)
            failed |= not isinstance(problem, ReadWarning)

        try:
            stats = index(paths, output, RunConfig(jobs=effective_jobs(jobs)), mapping, report)
        except StoreError as exc:
            raise _fail(str(exc)) from None
        except sqlite3.Error as exc:  # disk full, database locked: rolled back, nothing lost
            raise _fail(f"{output}: {exc}; the database is as it was before this run") from None
        except KeyboardInterrupt:
            raise _fail(f"interrupted; {output} is as it was before this run", 130) from None
    if not quiet:
        typer.echo(stats.summary(), err=True)
    if failed:
        raise typer.Exit(EXIT_INPUT_ERRORS)


def find_command(
    database: Annotated[Path, typer.Argument(metavar="DB", help="A database built by `quotes index`.")],
    words: Annotated[str | None, typer.Argument(
        metavar="WORDS", help="Words of the quotation; a few may differ.", show_default=False)] = None,
    speaker: Annotated[str | None, typer.Option(
        "--speaker", metavar="NAME", help="Only quotations by this person (any of their names, or id).")
    ] = None,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="DATE", help="Only occurrences on or after DATE (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", metavar="DATE", help="Only occurrences on or before DATE (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many quotations.")] = 10,
    as_json: Annotated[bool, typer.Option(
        "--json", help="One JSON object per quotation per line (keys in docs/dataset.md).")] = False,
) -> None:
    """Find who said some words, where and when: matching quotations with every occurrence.

    \b
    Examples:
      quotes find quotes.db "we will not back down"
      quotes find quotes.db "economy" --speaker "Jo Ames" --since 2024-01-01 --json
      quotes find quotes.db --speaker "Jo Ames"
    """
    import sqlite3

    from quotes.dataset.find import Query, find, json_line, render
    from quotes.dataset.store import StoreError, connect

    if not (words and words.strip()) and not speaker:
        raise typer.BadParameter("give WORDS to look for, or --speaker NAME", param_hint="WORDS")
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _is_date(value):
            raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name)
    try:
        db = connect(database, create=False)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    try:
        results = find(db, Query(words, speaker, since, until, limit))
    except sqlite3.Error as exc:
        raise _fail(f"{database}: {exc}") from None
    finally:
        db.close()
    for result in results:
        typer.echo(json_line(result) if as_json else render(result) + "\n")
    if not results and not as_json:
        typer.echo("quotes: no quotation matches", err=True)


def _is_date(value: str) -> bool:
    from datetime import date
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return len(value) == 10
