"""argparse's own words in the user's language (English with --lang en), its help in a terminal's columns."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import main

ROOT = Path(main.__file__).resolve().parent
ENGLISH = ("usage:", "show this help message and exit", "positional arguments", "options:")


def help_of(*argv: str) -> str:
    """``python main.py ARGV --help`` as a user sees it, in a terminal 80 columns wide."""
    result = subprocess.run([sys.executable, "main.py", *argv, "--help"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={**os.environ, "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    return result.stdout


def error_of(capsys, *argv: str) -> str:
    assert main.main(list(argv)) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    return captured.err.strip()


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def help_columns(text: str) -> set[int]:
    """The columns where the help of each option starts, on its own line or after the option."""
    body = text.split("\n\n", 1)[1]  # below the usage
    found = (re.match(r"( +(?:\S+ )*\S+ {2,}| {5,})\S", line) for line in body.splitlines())
    return {width(match.group(1)) for match in found if match}


def test_the_help_is_chinese_by_default():
    text = help_of()
    assert text.startswith("用法：python main.py [-h] [--db 文件]")
    assert "显示此帮助信息并退出" in text and "位置参数" in text and "选项" in text
    assert not [word for word in ENGLISH if word in text]


@pytest.mark.parametrize("command", [("demo",), ("import",), ("export",), ("backup",), ("restore",),
                                     ("package",), ("package", "export"), ("package", "import")])
def test_every_command_s_help_is_chinese(command):
    text = help_of(*command)
    assert not [word for word in ENGLISH if word in text]
    assert "--db 文件" in text or "操作" in text


@pytest.mark.parametrize("argv", [(), ("demo",), ("import",), ("export",), ("backup",), ("restore",),
                                  ("package",), ("package", "export"), ("package", "import"),
                                  ("--lang", "en", "export")])
def test_every_help_fits_80_columns_and_keeps_one_column_for_help(argv):
    text = help_of(*argv)
    assert max(map(width, text.splitlines())) <= 80, text
    assert len(help_columns(text)) == 1, text


def test_a_missing_argument_is_said_in_chinese(capsys):
    assert error_of(capsys, "demo") == "错误：缺少必需的参数：--db（见 python main.py --help）"


def test_a_wrong_choice_is_said_in_chinese(tmp_path, capsys):
    message = error_of(capsys, "demo", "--db", str(tmp_path / "d.db"), "--size", "city")
    assert message == ("错误：参数 --size：无效的选择：'city'（可选：'village', 'township', 'county'）"
                       "（见 python main.py --help）")


def test_an_option_without_its_value_and_an_extra_argument_in_chinese(capsys):
    assert error_of(capsys, "demo", "--db") == "错误：参数 --db：需要一个值（见 python main.py --help）"
    assert error_of(capsys, "demo", "--db", "d.db", "more") == (
        "错误：无法识别的参数：more（见 python main.py --help）")


def test_english_with_lang_en(capsys):
    text = help_of("--lang", "en")
    assert text.startswith("usage: python main.py [-h] [--db FILE]")
    assert all(word in text for word in ENGLISH)
    assert "用法" not in text and "选项" not in text
    assert error_of(capsys, "--lang", "en", "demo") == (
        "Error: the following arguments are required: --db (see python main.py --help)")


def test_argparse_is_left_as_it_was(capsys):
    error_of(capsys, "demo")
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"
