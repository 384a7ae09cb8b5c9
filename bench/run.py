"""Every benchmark in one table of ratios, each against its baseline measured in the same run.

    python bench/run.py                          # township and county demos, built once in the cache
    python bench/run.py --no-county              # the township demo only (minutes instead of a quarter hour)
    python bench/run.py --county FILE            # copy an existing county demo instead of building one
    python bench/run.py --only start,search      # some scripts only (by file name, without .py)
    python bench/run.py --runs 3

A script of ``bench/`` takes part by defining ``summary(data) -> list[Row]``
(``bench/common.py``); it is found by reading the source, and run in a child
process of its own (``--child NAME``), which prints its rows as JSON lines.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import AREAS, Data, Row

BENCH = Path(__file__).resolve().parent
MARK = "bench-row: "  # how a child prints a row


def scripts() -> list[str]:
    """The scripts of ``bench/`` that define a top-level ``summary``, by name."""
    found = []
    for path in sorted(BENCH.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.FunctionDef) and node.name == "summary" for node in tree.body):
            found.append(path.stem)
    return found


def child(name: str, data: Data) -> int:
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for row in module.summary(data):
        print(MARK + json.dumps(row.as_dict(), ensure_ascii=False), flush=True)
    return 0


def run_script(name: str, data: Data, home: Path) -> tuple[list[Row], str]:
    """The rows of one script, and what went wrong ("" when nothing did)."""
    command = [sys.executable, __file__, "--child", name, "--data", str(data.folder),
               "--runs", str(data.runs)]
    if not data.with_county:
        command.append("--no-county")
    # Backups that opening an older demo file makes go to a folder thrown away after the run.
    environment = {**os.environ, "TAIZHANGTONG_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    rows = [Row(**json.loads(line[len(MARK):])) for line in done.stdout.splitlines() if line.startswith(MARK)]
    problem = "" if done.returncode == 0 else (done.stderr.strip().splitlines() or ["exit code"])[-1]
    return rows, problem


def table(rows: list[Row]) -> list[str]:
    def order(row: Row) -> tuple[int, str]:
        return (AREAS.index(row.area) if row.area in AREAS else len(AREAS), row.area)

    lines = [f"{'area':<15}{'measurement':<44}{'median':>12}  {'baseline':<40}{'median':>12}"
             f"{'ratio':>9}  goal"]
    for row in sorted(rows, key=order):  # stable: a script's own order within an area
        lines.append(f"{row.area:<15}{row.measurement:<44}{_amount(row.value, row.unit):>12}  "
                     f"{row.baseline_name:<40}{_amount(row.baseline, row.unit):>12}"
                     f"{row.ratio:>8.2f}×  {row.goal}")
    return lines


def _amount(value: float, unit: str) -> str:
    digits = 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:.{digits}f} {unit}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path,
                        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
                        / "taizhangtong-bench",
                        help="where the demo files are built once and kept (default: %(default)s)")
    parser.add_argument("--county", type=Path, metavar="FILE",
                        help="an existing county demo: copied once into --data (the file is not changed)")
    parser.add_argument("--no-county", action="store_true", help="leave the county demo out")
    parser.add_argument("--only", type=lambda text: text.split(","), help="scripts to run, e.g. start,lists")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each measurement (median)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    data = Data(args.data, args.runs, with_county=not args.no_county)
    if args.child:
        return child(args.child, data)
    names = scripts()
    unknown = sorted(set(args.only or ()) - set(names))
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)} (there are: {', '.join(names)})")
    if args.county is not None and not args.no_county:
        target = args.data / "county.db"
        if not target.is_file():
            args.data.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(args.county, target.with_name("county-part.db"))
            target.with_name("county-part.db").replace(target)
    _ = data.township, data.county  # built before any timing starts
    rows: list[Row] = []
    failures = []
    with tempfile.TemporaryDirectory() as home:
        for name in args.only or names:
            start = time.perf_counter()
            found, problem = run_script(name, data, Path(home))
            rows += found
            print(f"{name}: {len(found)} rows in {time.perf_counter() - start:.0f} s"
                  + (f" — FAILED: {problem}" if problem else ""), file=sys.stderr, flush=True)
            if problem:
                failures.append(name)
    print(f"Python {sys.version.split()[0]}; medians of {args.runs} runs; "
          "ratio = median / baseline's median, both measured in the same run")
    for line in table(rows):
        print(line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
