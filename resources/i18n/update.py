"""Collect the visible strings of every source file into the .ts, then compile the .qm.

    python resources/i18n/update.py

Run it after changing strings, translate the entries it lists as unfinished
(in ``taizhangtong_zh_CN.ts``), and run it again. ``pyside6-lupdate`` is given
each file by name: handed a folder, it misses the modules of sub-packages.
The .ts keeps no source locations, so moving code does not rewrite it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "taizhangtong_zh_CN.ts"
SOURCE_FOLDERS = ("models", "exporters", "cli", "ui")


def sources() -> list[Path]:
    """Every module whose strings the program shows, the launcher included."""
    found = [path for folder in SOURCE_FOLDERS for path in sorted((ROOT / folder).rglob("*.py"))]
    return [*found, ROOT / "main.py"]


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        raise SystemExit(f"{name} is not installed (pip install PySide6-Essentials)")
    return found


def unfinished(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            if translation is None or translation.get("type") == "unfinished" or not text:
                missing.append((context.findtext("name") or "", message.findtext("source") or ""))
    return missing


def main() -> int:
    subprocess.run([tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete",
                    *map(str, sources()), "-ts", str(TS)], check=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    for context, source in unfinished(TS):
        print(f"unfinished: [{context}] {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
