"""The console script: start the command line with Ctrl-C handled from the first moment."""

from __future__ import annotations

import sys


def main() -> None:
    """Run `quotes`; a Ctrl-C while the program loads ends it quietly, like one later."""
    try:
        from quotes.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("quotes: interrupted\n")
        raise SystemExit(130) from None
    cli_main()
