"""The window's arguments read without the parser: the same answer as the parser, or None."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from cli import window
from cli.parser import build_parser

WINDOW = [
    [],
    ["--db", "office.db"],
    ["--db=office.db"],
    ["--db", "a.db", "--db", "b.db"],
    ["--lang", "en"],
    ["--lang=zh_CN", "--smoke"],
    ["--smoke", "--db", "县.db", "--lang", "en"],
]
NOT_WINDOW = [
    ["demo", "--db", "x.db"],
    ["--help"],
    ["--version"],
    ["--sm"],  # an abbreviation: the parser's
    ["--db"],
    ["--db", "--smoke"],
    ["--lang", "fr"],
    ["--frobnicate"],
    ["office.db"],
    ["--", "--smoke"],
]


@pytest.mark.parametrize("argv", WINDOW)
def test_the_window_arguments_are_read_as_the_parser_reads_them(argv):
    parsed = build_parser().parse_args(argv)
    assert vars(window.read(argv)) == vars(parsed)
    assert parsed.run is None


@pytest.mark.parametrize("argv", NOT_WINDOW)
def test_anything_else_is_left_to_the_parser(argv):
    assert window.read(argv) is None


def test_a_data_file_is_a_path():
    assert window.read(["--db", "office.db"]).db == Path("office.db")
    assert isinstance(build_parser().parse_args([]), argparse.Namespace)


def test_opening_the_window_builds_no_parser(monkeypatch, tmp_path):
    import main

    monkeypatch.setattr("cli.parser.build_parser", lambda: pytest.fail("the parser was built"))
    opened = []
    monkeypatch.setattr("ui.app.run_app", lambda path, language, smoke_since=None: opened.append(path) or 0)
    assert main.main(["--db", str(tmp_path / "office.db")]) == 0
    assert opened == [tmp_path / "office.db"]
