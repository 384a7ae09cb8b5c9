"""The packaging code is scripts in packaging/ (not a package: the name would hide the
``packaging`` distribution that pip and PyInstaller import), so its folder goes on the path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))


def load_script(name: str) -> ModuleType:
    """A script of packaging/ whose name is also a distribution's (``build``), under its own name."""
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
