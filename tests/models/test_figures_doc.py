"""docs/figures.md lists every figure as the code defines it (``python docs/make_figures.py`` writes it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from models import figures

ROOT = Path(__file__).resolve().parents[2]


def _maker():
    spec = importlib.util.spec_from_file_location("make_figures", ROOT / "docs" / "make_figures.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_table_of_figures_is_the_codes():
    maker = _maker()
    text = maker.DOC.read_text(encoding="utf-8")
    assert maker.render(text) == text, "docs/figures.md is out of date: run python docs/make_figures.py"


def test_every_figure_is_in_the_table_with_its_definition():
    text = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8")
    for definition in figures.DEFINITIONS:
        assert f"| {definition.term} |" in text and definition.means in text, definition.key


def test_the_readme_links_the_table():
    assert "docs/figures.md" in (ROOT / "README.md").read_text(encoding="utf-8")
