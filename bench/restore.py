"""How long bringing a backup back takes, against copying the file.

    python bench/restore.py --db /work/data/county.db     # copied first: the original is not changed
    python bench/restore.py                                # the township demo in a temporary file

A copy of the data file is made and checked once (``restore.check``: the mark then
says it is sound, as the window's background check leaves it). Then, in the same
run, medians of ``--runs`` runs after one warm-up:

- a bare file copy of the backup (``shutil.copyfile``): the baseline; and the same copy
  flushed to the disk (``os.fsync``), as a restore must;
- ``models.restore.restore`` of the backup into the open file (the data as it was
  kept first, the copy put in place, the file opened again);
- ``python main.py restore`` in a process of its own, start to exit.

Goal: restore ≤ 3× the copy. Each run's before-restore copy is deleted after it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import median_ms, working_copy  # noqa: E402 (after the path)


def measure(path: Path, folder: Path, runs: int) -> list[tuple[str, float, float, str, str]]:
    import os

    os.environ["TAIZHANGTONG_HOME"] = str(folder / "home")
    from models import backup, db, files, paths, restore

    db.open_database(path)
    saved = backup.make_backup("manual")
    restore.check(saved)  # checked once, as the window's background check does; the mark says so
    copy_target = folder / "copy.db"
    # The baselines copy what a restore copies: the backup; the second also puts the copy on the disk.
    copying = median_ms(lambda: shutil.copyfile(saved, copy_target), runs, after=copy_target.unlink)

    def copy_and_flush() -> None:
        shutil.copyfile(saved, copy_target)
        files.flush_to_disk(copy_target)

    flushed = median_ms(copy_and_flush, runs, after=copy_target.unlink)

    def drop_kept() -> None:
        for info in backup.list_backups():
            if info.reason == "before-restore":
                info.path.unlink()
                (info.path.with_name(info.path.name + ".json")).unlink(missing_ok=True)

    restoring = median_ms(lambda: restore.restore(saved), runs, after=drop_kept)
    db.close_database()
    command = [sys.executable, str(ROOT / "main.py"), "restore", "--db", str(path), str(saved)]
    environment = {**os.environ, "TAIZHANGTONG_HOME": str(paths.data_dir())}
    process = median_ms(lambda: subprocess.run(command, check=True, capture_output=True, env=environment),
                         runs, after=drop_kept)
    return [("restore of a checked backup", restoring, copying, "ms", "≤ 3×"),
            ("python main.py restore, start to exit", process, copying, "ms", "≤ 3×"),
            ("restore, against a copy flushed to the disk", restoring, flushed, "ms", "")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tzt-bench-restore-"))
    try:
        path = working_copy(args.db, folder)
        print(f"{args.db or 'township demo'} ({path.stat().st_size / 1e6:.0f} MB); median of {args.runs} "
              "runs after one warm-up")
        print(f"{'measurement':44} {'ms':>8} {'copy ms':>8} {'ratio':>7}  goal")
        for measurement, value, baseline, _unit, goal in measure(path, folder, args.runs):
            print(f"{measurement:44} {value:8.0f} {baseline:8.0f} {value / baseline:6.1f}×  {goal}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def summary(data) -> list:
    """The rows of ``bench/run.py`` (see bench/README.md)."""
    from bench.common import Row

    folder = Path(tempfile.mkdtemp(prefix="tzt-bench-restore-", dir=data.scratch))
    try:
        path = data.copy(data.county or data.township, "restore.db")
        rows = measure(path, folder, data.runs)
        return [Row("backup/restore", measurement, value, baseline,
                    "copy + fsync" if "flushed" in measurement else "file copy (shutil.copyfile)", unit, goal)
                for measurement, value, baseline, unit, goal in rows]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
