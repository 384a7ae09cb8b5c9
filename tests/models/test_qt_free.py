"""The core and the command line must load and work without Qt: a server or a script uses them so."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_packages_and_the_command_line_import_no_qt():
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for package in ("models", "exporters", "cli") for path in (ROOT / package).rglob("*.py"))
    modules.append("main")  # the window's Qt is imported only when the window starts
    code = (f"import importlib, sys\nfor name in {modules!r}: importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
            "print(len(sys.modules)); assert not bad, bad")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(modules) > 10 and "cli.parser" in modules
