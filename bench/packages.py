"""How long a data package takes: one village out of the county demo, and an import that changes nothing.

    python bench/packages.py --db /work/data/county.db      # copied first: the original is not changed
    python bench/packages.py                                  # the township demo in a temporary file

Each measurement runs in a fresh process (one warm-up, then ``--runs`` timed runs,
the median), which also prints its peak memory. Measured in the same run:

- the package of the first village (``models.packages.export_package``) against a
  bare scoped query and zip: the village's households, their visits and visitors
  read through sqlite3 and written as JSON lines into a zip (goal: under 1 s and
  100 MB, whatever the bare query takes);
- importing that package into the file it came from (``read_package`` +
  ``plan_import``: nothing changes) against reading it (``read_package`` alone):
  goal ≤ 2×;
- the same for the package of a whole township (the county's first).

Packages are encrypted (``models.packages.envelope``): every export and every read
derives the key once (scrypt, about 0.05 s) and seals or opens the whole file in memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import median_ms, working_copy  # noqa: E402 (after the path)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- what each child process measures ---------------------------------------------------------------

def _first_village(path: Path) -> tuple[str, str]:
    connection = sqlite3.connect(path)
    key, unit = connection.execute('SELECT "id", "unit_id" FROM "village" ORDER BY "unit_id", "position" '
                                   'LIMIT 1').fetchone()
    connection.close()
    return key, unit


def child_export(path: Path, out: Path, runs: int, scope: str) -> dict:
    from uuid import UUID

    from models import db, packages
    from models import records as r

    db.open_database(path)
    village, unit = _first_village(path)
    if scope == "village":
        action = lambda: packages.export_package(out, villages=[UUID(hex=village)])  # noqa: E731
    else:
        action = lambda: packages.export_package(out, unit=r.Unit.get_by_id(UUID(hex=unit)))  # noqa: E731
    ms = median_ms(action, runs)
    return {"ms": ms, "mb": _peak_mb(), "bytes": out.stat().st_size}


def child_bare(path: Path, out: Path, runs: int) -> dict:
    village, _unit = _first_village(path)

    def bare() -> None:
        connection = sqlite3.connect(path)
        queries = {
            "household": ('SELECT * FROM "household" WHERE "village_id" = ?', (village,)),
            "visit": ('SELECT * FROM "visit" WHERE "household_id" IN (SELECT "id" FROM "household" '
                      'WHERE "village_id" = ?)', (village,)),
            "visit_visitor": ('SELECT * FROM "visit_visitor" WHERE "visit_id" IN (SELECT v."id" '
                              'FROM "visit" v JOIN "household" h ON h."id" = v."household_id" '
                              'WHERE h."village_id" = ?)', (village,)),
        }
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, (sql, params) in queries.items():
                cursor = connection.execute(sql, params)
                names = [c[0] for c in cursor.description]
                with archive.open(f"{name}.jsonl", "w") as handle:
                    for row in cursor:
                        handle.write((json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False,
                                                 sort_keys=True) + "\n").encode())
        connection.close()

    return {"ms": median_ms(bare, runs), "mb": _peak_mb()}


def child_import(path: Path, package: Path, runs: int) -> dict:
    """Reading and importing, timed in turn (the machine's noise falls on both alike)."""
    from models import db, packages

    db.open_database(path)
    reads, imports, plan = [], [], None
    for turn in range(runs + 1):
        start = time.perf_counter()
        packages.read_package(package)
        middle = time.perf_counter()
        plan = packages.plan_import(packages.read_package(package))
        end = time.perf_counter()
        if turn:  # the first turn warms up
            reads.append((middle - start) * 1000)
            imports.append((end - middle) * 1000)
    assert plan is not None and plan.changes_nothing, plan
    packages.apply_import(plan)
    return {"read": statistics.median(reads), "import": statistics.median(imports), "mb": _peak_mb(),
            "rows": plan.identical + plan.keep}


def child_prepare(path: Path, _out: Path, _runs: int) -> dict:
    """The copy opened once, so that an upgrade to this program's data format is not measured; an
    exchange passphrase kept in it (packages are encrypted under it)."""
    from models import db
    from models.packages import passphrase

    db.open_database(path)
    passphrase.keep("测量用的交换口令 bench")
    db.close_database()
    return {}


CHILDREN = {"export": child_export, "bare": child_bare, "import": child_import, "prepare": child_prepare}


def _run_child(*args: str) -> dict:
    found = subprocess.run([sys.executable, __file__, "--child", *args], check=True, capture_output=True,
                           text=True)
    return json.loads(found.stdout.strip().splitlines()[-1])


def measure(path: Path, folder: Path, runs: int) -> list[tuple[str, float, float, str, str]]:
    """(measurement, value, baseline, unit, goal) rows."""
    village_pkg, township_pkg = folder / "village.tzpkg", folder / "township.tzpkg"
    bare_zip = folder / "bare.zip"
    _run_child("prepare", str(path), str(bare_zip), "0")
    exported = _run_child("export", str(path), str(village_pkg), str(runs), "village")
    bare = _run_child("bare", str(path), str(bare_zip), str(runs))
    township = _run_child("export", str(path), str(township_pkg), str(runs), "township")
    village_import = _run_child("import", str(path), str(village_pkg), str(runs))
    township_import = _run_child("import", str(path), str(township_pkg), str(runs))
    return [
        ("one village: export", exported["ms"], bare["ms"], "ms", "< 1000 ms"),
        ("one village: export, peak memory", exported["mb"], bare["mb"], "MB", "< 100 MB"),
        ("one township: export", township["ms"], bare["ms"], "ms", ""),
        ("one village: import that changes nothing", village_import["import"], village_import["read"],
         "ms", "≤ 2×"),
        ("one township: import that changes nothing", township_import["import"], township_import["read"],
         "ms", "≤ 2×"),
        ("one township: import, peak memory", township_import["mb"], bare["mb"], "MB", ""),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        name, *rest = args.child
        function = CHILDREN[name]
        values = [Path(rest[0]), Path(rest[1]), int(rest[2]), *rest[3:]]
        print(json.dumps(function(*values)))
        return
    folder = Path(tempfile.mkdtemp(prefix="tzt-bench-packages-"))
    try:
        path = working_copy(args.db, folder)
        print(f"{args.db or 'township demo'} ({path.stat().st_size / 1e6:.0f} MB); median of {args.runs} "
              "runs after one warm-up, each measurement in a fresh process")
        print(f"{'measurement':44} {'value':>10} {'baseline':>10} {'ratio':>7}  goal")
        for measurement, value, baseline, unit, goal in measure(path, folder, args.runs):
            ratio = value / baseline
            print(f"{measurement:44} {value:8.0f} {unit:2} {baseline:7.0f} {unit:2} {ratio:6.1f}×  {goal}")
        print("baselines: the bare scoped query and zip of the village (ms, MB); read_package of the same "
              "package")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def summary(data) -> list:
    """The rows of ``bench/run.py`` (see bench/README.md)."""
    from bench.common import Row

    source = data.county or data.township
    folder = Path(tempfile.mkdtemp(prefix="tzt-bench-packages-", dir=data.scratch))
    try:
        path = data.copy(source, "packages.db")
        rows = measure(path, folder, data.runs)
        return [Row("packages", measurement, value, baseline,
                    "read_package" if "import" in measurement and unit == "ms" else "bare scoped query + zip",
                    unit, goal) for measurement, value, baseline, unit, goal in rows]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
