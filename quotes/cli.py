"""The `quotes` command line: `quotes extract`, `quotes schema` (and commands registered below).

Data goes to stdout (or `-o FILE`), messages and progress to stderr. Exit codes:
0 all inputs fine, 1 some inputs failed, 2 usage error, 3 internal error or
output not writable, 130 interrupted, 141 output pipe closed, 143 terminated.
"""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from types import FrameType
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand

from quotes import evaluate, review
from quotes.budget import DEFAULT_ARTICLE_TIMEOUT
from quotes.dataset import commands
from quotes.io.extras import MissingExtra, require
from quotes.io.parquet import FIELDS as PARQUET_FIELDS
from quotes.model import Quote
from quotes.paths import output_clash, same_output, shown
from quotes.read import DEFAULT_MAX_BYTES, STDIN, ReadConfig
from quotes.run import Reporter, RunConfig, effective_jobs, open_error_log, run, wants_progress
from quotes.write import open_output

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE, EXIT_TERMINATED = 130, 141, 143
MAX_ARTICLE_TIMEOUT = 86400.0  # a day: larger values are typos (and overflow the timer)

app = typer.Typer(
    name="quotes",
    help="Extract quoted statements and their speakers from news articles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _Command(TyperCommand):
    """A command whose help names no type where none helps: a flag takes no value
    (`--quiet`, not `--quiet <bool>`), and an argument's metavar already says what
    it takes (`PATH`, not `PATH <list[str]>`)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        for param in self.get_params(ctx):
            flag = getattr(param, "is_flag", False)
            named = param.param_type_name == "argument" and param.metavar
            if flag or named:
                param.display_type_rich = _no_type  # type: ignore[attr-defined]
        super().format_help(ctx, formatter)


def _no_type(ctx: Any) -> None:
    return None


class OutputFormat(str, Enum):
    """Record formats of `quotes extract`."""

    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class EncodingErrors(Enum):
    """What to do with bytes that are not UTF-8."""

    strict = "strict"
    replace = "replace"


_SIZE = re.compile(r"(?i)\s*(\d+)\s*([kmg]i?b?|b)?\s*")
_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
MAX_ARTICLE_BYTES = 64 * 1024**2  # --max-bytes above this is refused: see parse_size

EXTRACT_HELP = """
Extract quotes from article files, directories, JSON Lines, web pages, WARC,
Parquet or stdin.

PATHs are .txt articles (seed format with a ` date YYYY-MM-DD [HH:MM]` first
line, or plain text), .jsonl files with one article per line (`id`, `text`,
optional `date`, `title`, `url`), or directories searched recursively; with
the `quotes[archives]` extra also web pages (.html), WARC files (.warc,
.warc.gz) and Parquet files (.parquet). gzip, bzip2, xz and zstd compression
is recognised by content. No PATH or `-` reads stdin.

Records go to stdout (or -o FILE, replaced atomically) in input order. Each
bad input is reported on stderr as `quotes: error: INPUT[:LINE]: REASON`;
the good inputs are still written.

\b
Examples:
  quotes extract seeds/ > quotes.jsonl
  quotes extract articles.jsonl -o quotes.csv --format csv
  quotes extract crawl.warc.gz articles.jsonl.gz -o quotes.parquet
  quotes extract archive/ --jobs 0 --errors errors.jsonl -o quotes.jsonl
  cat article.txt | quotes extract
  quotes extract big.jsonl | head -1

\b
Exit codes: 0 all inputs fine, 1 some inputs failed, 2 usage error,
3 internal error or output not writable, 130 interrupted, 141 output pipe closed,
143 terminated (SIGTERM).
"""


def parse_size(value: str | int) -> int:
    """`10485760`, `512K`, `10M`, `1GB` → bytes; a typo is a usage error."""
    found = _SIZE.fullmatch(str(value))
    if found is None or len(found.group(1)) > 15 or int(found.group(1)) < 1:
        raise typer.BadParameter(f"{value!r} is not a size (examples: 5000000, 512K, 10M, 1G)")
    unit = (found.group(2) or "").lower()[:1]
    return int(found.group(1)) * _SIZE_UNITS[unit]


def check_max_bytes(size: int) -> int:
    """An article limit that would exhaust memory is a usage error, not a MemoryError later."""
    if size > MAX_ARTICLE_BYTES:
        raise typer.BadParameter(f"{size} bytes is over the largest article size accepted, "
                                 f"{MAX_ARTICLE_BYTES // 1024**2}M (an article costs up to "
                                 "about 120 bytes of memory per byte)")
    return size


def check_jobs(jobs: int) -> int:
    """More workers than usable cores only cost memory: use the cores, and say so."""
    cores = effective_jobs(0)
    if jobs > cores:
        _safe_stderr(f"quotes: warning: --jobs {jobs} is more than the {cores} usable cores; "
                     f"using {cores}")
        return cores
    return jobs


def guess_format(output: Path | None) -> OutputFormat:
    """`-o quotes.csv` (or `.parquet`) means that format without saying so twice; else JSON Lines."""
    suffix = output.suffix.lower() if output is not None else ""
    if suffix == ".csv":
        return OutputFormat.csv
    if suffix == ".parquet":
        return OutputFormat.parquet
    return OutputFormat.jsonl


def check_extra(module: str, what: str, option: str) -> None:
    """An output that needs a missing optional library is a usage error naming the extra."""
    try:
        require(module, what)
    except MissingExtra as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def parse_columns(values: list[str]) -> tuple[tuple[str, str], ...]:
    """`--column text=body` pairs; a field that is no article field is a usage error."""
    pairs = []
    for value in values:
        field, _, column = value.partition("=")
        if field not in PARQUET_FIELDS or not column:
            raise typer.BadParameter(f"{value!r} is not FIELD=COLUMN with FIELD one of "
                                     f"{', '.join(PARQUET_FIELDS)}", param_hint="--column")
        pairs.append((field, column))
    return tuple(pairs)


def check_paths(paths: list[str]) -> list[str]:
    """Every PATH must exist before anything runs (exit 2 otherwise); none means stdin."""
    missing = [p for p in paths if p != STDIN and not os.path.lexists(p)]
    if missing:
        raise typer.BadParameter(f"no such file or directory: {', '.join(missing)}",
                                 param_hint="PATH")
    if not paths and _stdin_is_terminal():
        raise typer.BadParameter("no PATH given and stdin is a terminal; pass files, "
                                 "or pipe articles in (use `-` to type them)", param_hint="PATH")
    return paths or [STDIN]


def check_outputs(inputs: list[str], output: Path | None, errors: Path | None) -> None:
    """Refuse (exit 2) an output that would overwrite an input or the other output."""
    named = [(flag, path) for flag, path in (("-o", output), ("--errors", errors))
             if path is not None and str(path) != "-"]
    for flag, path in named:
        clash = output_clash(path, inputs)
        if clash:
            raise typer.BadParameter(f"refusing to write {shown(path)!r}: {clash}",
                                     param_hint=flag)
    if len(named) == 2 and same_output(named[0][1], named[1][1]):
        raise typer.BadParameter("-o and --errors name the same file", param_hint="--errors")


def _stdin_is_terminal() -> bool:
    """True when nobody piped anything in, so waiting on stdin would look like a hang."""
    isatty = getattr(sys.stdin, "isatty", None)
    return callable(isatty) and bool(isatty())


def check_output_dir(path: Path | None) -> Path | None:
    """An output file needs an existing directory to be written in atomically."""
    if path is not None and str(path) != "-":
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise typer.BadParameter(f"directory {str(parent)!r} does not exist")
        if path.is_dir():
            raise typer.BadParameter(f"{str(path)!r} is a directory")
    return path


def check_error_log(path: Path | None) -> Path | None:
    """`--errors -` would make a file named `-`: say what to use instead."""
    if path is not None and str(path) == "-":
        raise typer.BadParameter("'-' is not a file; errors are printed on stderr anyway "
                                 "(use --errors /dev/stderr for them as JSON Lines there)")
    return check_output_dir(path)


@app.command(help=EXTRACT_HELP, no_args_is_help=False, cls=_Command)
def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH", help="Article files or directories; `-` or none reads stdin.",
        show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", callback=check_output_dir,
        help="Write records to FILE (atomically) instead of stdout.")] = None,
    format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f", case_sensitive=False, show_default=False,
        help="Record format (default: csv for -o *.csv, else jsonl).")] = None,
    spreadsheet: Annotated[bool, typer.Option(
        "--spreadsheet", help="CSV for a spreadsheet: a UTF-8 BOM, and a ' before any cell "
                              "starting = + - @ (never run as a formula).")] = False,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, callback=check_jobs,
        help="Worker processes; 0 = all cores (more than the cores are not started).")] = 1,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0, metavar="X",
        help="Drop quotes whose confidence is below X.")] = 0.0,
    errors: Annotated[Path | None, typer.Option(
        "--errors", metavar="FILE", callback=check_error_log,
        help="Also write errors as JSON Lines (input, line, reason) to FILE.")] = None,
    encoding_errors: Annotated[EncodingErrors, typer.Option(
        "--encoding-errors", case_sensitive=False,
        help="strict: an input with invalid UTF-8 is an error; "
             "replace: go on with U+FFFD (offsets index the decoded text).")
    ] = EncodingErrors.strict,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", metavar="SIZE", parser=parse_size, callback=check_max_bytes,
        help="Largest article accepted (bytes; K, M, G suffixes allowed).")
    ] = DEFAULT_MAX_BYTES,
    article_timeout: Annotated[float, typer.Option(
        "--article-timeout", metavar="SECONDS", min=0, max=MAX_ARTICLE_TIMEOUT,
        help="Give up on an article after SECONDS of extraction (an error, the run goes on); "
             "0 = no limit.")] = DEFAULT_ARTICLE_TIMEOUT,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress, warnings or summary; errors are still shown.")
    ] = False,
    column: Annotated[list[str] | None, typer.Option(
        "--column", metavar="FIELD=NAME",
        help="Parquet input: read article FIELD (id, text, date, title, url, body_start) "
             "from column NAME; repeat for several.")] = None,
) -> None:
    """Extract quotes from articles (see EXTRACT_HELP)."""
    chosen = format or guess_format(output)
    if spreadsheet and chosen is not OutputFormat.csv:
        raise typer.BadParameter("only CSV output is made for spreadsheets",
                                 param_hint="--spreadsheet")
    if chosen is OutputFormat.parquet:
        check_extra("pyarrow.parquet", "writing Parquet", "--format")
    read = ReadConfig(encoding_errors=encoding_errors.value, max_bytes=max_bytes,
                      columns=parse_columns(column or []))
    config = RunConfig(read=read, jobs=jobs, min_confidence=min_confidence,
                       article_timeout=article_timeout)
    inputs = check_paths(paths or [])
    check_outputs(inputs, output, errors)
    records_on_screen = sys.stdout if output is None or str(output) == "-" else None
    reporter = Reporter(quiet=quiet, progress=wants_progress(sys.stderr, quiet, records_on_screen))
    try:
        with sigterm_raises(), open_output(output, chosen.value, spreadsheet) as writer, \
                open_error_log(errors) as log, reporter:
            def on_problem(problem):  # type: ignore[no-untyped-def]
                reporter.problem(problem)
                if log is not None:
                    log.write(problem)

            stats = run(inputs, writer, config, on_problem, reporter.progress)
    except KeyboardInterrupt:
        interrupted()
    except Terminated:
        _safe_stderr("quotes: terminated")
        raise typer.Exit(EXIT_TERMINATED) from None
    except BrokenPipeError:
        broken_pipe()
    except OSError as exc:  # inputs report their own read errors: this is the output failing
        output_failed(exc)
    reporter.summary(stats)
    raise typer.Exit(EXIT_INPUT_ERRORS if stats.errors else EXIT_OK)


@app.command(cls=_Command)
def schema() -> None:
    """Print the JSON Schema of the Quote record."""
    if sys.stdout is None:  # started with stdout closed: say so rather than print nothing
        output_failed(OSError(errno.EBADF, "stdout is closed"))
    typer.echo(json.dumps(Quote.model_json_schema(), indent=2, ensure_ascii=False))


# Commands owned by other modules are registered last, one line each: help lists
# them after this module's own.
app.command("eval", cls=_Command)(evaluate.eval_command)

app.command("review", cls=_Command)(review.review_command)

app.command("index", cls=_Command)(commands.index_command)
app.command("find", cls=_Command)(commands.find_command)


class Terminated(BaseException):
    """SIGTERM (`kill`, `timeout`, a cancelled job), raised so atomic outputs roll back."""


@contextmanager
def sigterm_raises() -> Iterator[None]:
    """Turn SIGTERM into an exception while outputs are open, like Ctrl-C already is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def interrupted() -> NoReturn:
    """Ctrl-C: one line, exit 130; atomic outputs were already rolled back."""
    sys.stderr.write("quotes: interrupted\n")
    raise typer.Exit(EXIT_INTERRUPTED)


def broken_pipe() -> NoReturn:
    """The reader of stdout went away (`| head -1`): exit quietly, like other Unix tools."""
    _silence_stdout()
    raise typer.Exit(EXIT_BROKEN_PIPE)


def output_failed(exc: OSError) -> NoReturn:
    """Disk full, permission lost…: say which file, exit 3; atomic outputs were rolled back."""
    where = f" {exc.filename}" if exc.filename else ""
    sys.stderr.write(f"quotes: error: cannot write output{where}: {exc.strerror or exc}\n")
    raise typer.Exit(EXIT_INTERNAL)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (e.g. under a test runner)


def main(argv: list[str] | None = None) -> NoReturn:
    """Console entry point: every failure ends in a one-line message and an exit code."""
    _fill_closed_standard_streams()
    try:
        app(args=argv, prog_name="quotes")  # exits through SystemExit
    except SystemExit:
        raise
    except KeyboardInterrupt:
        _safe_stderr("quotes: interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except Exception as exc:
        _safe_stderr(f"quotes: internal error: {type(exc).__name__}: {exc}")
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK)


def _fill_closed_standard_streams() -> None:
    """Started with stdin, stdout or stderr closed (`>&-`, `2>&-`): put /dev/null there.

    Otherwise the next file opened would take the free descriptor and receive
    whatever is written to "stdout" or "stderr" (careful Unix tools do the same).
    A closed stderr then swallows messages, the exit code still tells; a closed
    stdout stays `None`, so that writing records there fails as "cannot write output".
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                opened = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
            except OSError:
                continue
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)
            if fd == 2:
                sys.stderr = open(fd, "w", encoding="utf-8", closefd=False)  # noqa: SIM115


def _safe_stderr(line: str) -> None:
    """Write a message even when stderr itself is gone."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    main()
