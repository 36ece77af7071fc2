"""The console script: Ctrl-C while the program is still loading ends it quietly."""

from __future__ import annotations

import importlib.abc
import sys

import pytest

from quotes import entry


class _InterruptingFinder(importlib.abc.MetaPathFinder):
    """Raises KeyboardInterrupt when quotes.cli is imported, as a Ctrl-C would."""

    def find_spec(self, name, path, target=None):
        if name == "quotes.cli":
            raise KeyboardInterrupt
        return None


def test_ctrl_c_while_loading_exits_130_without_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delitem(sys.modules, "quotes.cli", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_InterruptingFinder(), *sys.meta_path])
    with pytest.raises(SystemExit) as stop:
        entry.main()
    assert stop.value.code == 130
    assert capsys.readouterr().err == "quotes: interrupted\n"


def test_importing_the_package_loads_neither_pydantic_models_nor_lexicons() -> None:
    code = ("import sys, quotes; "
            "print('quotes.pipeline' in sys.modules, 'quotes.model' in sys.modules)")
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_importing_the_package_imports_nothing_else() -> None:
    """The console script imports the package before quotes.entry can catch Ctrl-C: that
    step must be as short as can be, so a Ctrl-C lands in entry's hands, not in a traceback."""
    import subprocess

    code = "import sys; before = set(sys.modules); import quotes; print(*set(sys.modules) - before)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["quotes"]
