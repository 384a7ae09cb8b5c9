"""``bench/run.py`` finds the benchmarks by their ``summary`` and prints their rows as one table."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402 (after the path)
from bench.common import Data, Row  # noqa: E402 (after the path)


def test_every_script_with_a_summary_is_found_and_none_without():
    names = run.scripts()
    assert {"lists", "figures", "export"} <= set(names)
    assert "common" not in names and "run" not in names


def test_the_table_sorts_by_area_and_prints_each_ratio():
    rows = [Row("search", "names", 20, 10, "bare LIKE", goal="< 50 ms"),
            Row("start", "township", 150, 100, "bare window", goal="≤ 1.5×"),
            Row("own area", "x", 3, 0, "nothing")]
    lines = run.table(rows)
    assert [line.split()[0] for line in lines[1:]] == ["start", "search", "own"]
    assert "1.50×" in lines[1] and "≤ 1.5×" in lines[1]
    assert "2.00×" in lines[2]
    assert "inf×" in lines[3]


def test_a_child_prints_its_rows_as_json_lines(_township_template, tmp_path, capsys):
    shutil.copy(_township_template, tmp_path / "township.db")
    assert run.child("figures", Data(tmp_path, runs=1, with_county=False)) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [Row(**json.loads(line[len(run.MARK):])) for line in lines if line.startswith(run.MARK)]
    assert [row.measurement for row in rows] == ["township current campaign", "township whole file"]
    assert all(row.area == "figures" and row.value > 0 and row.baseline > 0 for row in rows)


def test_the_start_yardsticks_paint_their_window_and_say_so():
    """The bare window and the first page's widgets alone (``bench/start.py``) each paint a window and
    print one line, the moment the start is timed to."""
    import os
    import subprocess

    from bench import start

    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for script in (start.BARE, start.SAME_WIDGETS):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment,
                              timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == ["painted"]
