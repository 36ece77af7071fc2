"""Run the command line in-process, as the CLI tests do."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from quotes.cli import app

runner = CliRunner()


def cli(*args: str | Path, input: str | bytes | None = None) -> Result:
    """Run `quotes ARGS` in-process, stdout and stderr kept apart."""
    return runner.invoke(app, [str(a) for a in args], input=input)
