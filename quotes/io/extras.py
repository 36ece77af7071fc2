"""Optional libraries: imported only when an input needs them, named in one line when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

EXTRA = "archives"


class MissingExtra(Exception):
    """An input needs a library of an extra that is not installed."""

    def __init__(self, module: str, what: str) -> None:
        super().__init__(f"{what} needs the '{EXTRA}' extra (no module {module!r}): "
                         f"pip install 'quotes[{EXTRA}]'")


def require(module: str, what: str) -> ModuleType:
    """`module`, imported; MissingExtra (naming `what`, e.g. "reading WARC files", and the extra)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(module.split(".")[0], what) from None
