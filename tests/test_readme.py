"""The README's code map names every folder of the tree, and only folders that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ("models", "exporters", "cli", "ui")


def code_map() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("代码地图"):]
    return [match.group(1) for match in re.finditer(r"^\| `([^`]+)` \|", section, re.M)]


def test_every_package_of_the_source_is_in_the_code_map():
    mapped = {entry.rstrip("/") for entry in code_map()}
    packages = {str(path.parent.relative_to(ROOT)) for folder in SOURCE
                for path in (ROOT / folder).rglob("__init__.py")}
    assert packages - mapped == set()


def test_the_code_map_names_only_what_exists():
    missing = [entry for entry in code_map() if not (ROOT / entry).exists()]
    assert missing == []
    assert len(code_map()) > 15
