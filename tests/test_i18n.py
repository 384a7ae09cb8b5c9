"""Every visible string has its Chinese, and the compiled .qm matches the .ts.

The source text is English; ``resources/i18n/taizhangtong_zh_CN.ts`` holds the
Chinese for the window (compiled to .qm) and for the Qt-free core. After
changing strings: ``python resources/i18n/update.py``, translate the entries it lists as
unfinished, and run it again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from models import i18n, vocab
from models import records as r
from resources.i18n import update

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "taizhangtong_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message
    return found


def test_every_message_is_translated():
    unfinished = [key for key, message in _messages(TS).items()
                  if message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
                  or not "".join(message.find("translation").itertext()).strip()]
    assert unfinished == []


def test_the_ts_holds_every_string_of_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), *map(str, update.sources()), "-ts", str(fresh)],
                   check=True, capture_output=True)
    assert set(_messages(fresh)) - set(_messages(TS)) == set()


def test_the_qm_is_compiled_from_the_ts(tmp_path):
    compiled = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)],
                   check=True, capture_output=True)
    assert compiled.read_bytes() == QM.read_bytes()


def test_domain_words_and_field_names_are_chinese():
    words = [v.zh(code) for v in vars(vocab).values() if isinstance(v, vocab.Vocabulary)
             for code in v.codes()]
    assert "领导班子集中学习" in words and "已完成（销号）" in words
    for model in r.ALL_MODELS:
        for field in model._meta.sorted_fields:
            if field.verbose_name:
                assert i18n.translate_to("zh_CN", "Field", field.verbose_name) != field.verbose_name


def test_english_is_available():
    assert i18n.translate_to("en", "Vocabulary", "Present") == "Present"
    assert vocab.ATTENDANCE.zh("present") == "出席"
