"""What the benchmarks share: medians, one row of the summary table, the demo files built once.

A script in ``bench/`` joins ``python bench/run.py`` (every benchmark, one table
of ratios) by defining, at its top level::

    def summary(data: Data) -> list[Row]: ...

``run.py`` finds such scripts by reading their source (nothing is imported to
find them), calls each ``summary`` in a process of its own and prints the rows.
See ``bench/README.md``.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The areas of the summary table, in the order it prints them (others follow, by name).
AREAS = ("start", "lists", "search", "figures", "export", "import", "backup/restore", "packages")


@dataclass(frozen=True)
class Row:
    """One measurement and its baseline, both medians of the same run, in the same unit."""

    area: str  # one of AREAS, or a new one
    measurement: str  # what was timed, e.g. "households: first rows"
    value: float
    baseline: float
    baseline_name: str  # what the baseline is, e.g. "bare SELECT rowid (sqlite3)"
    unit: str = "ms"
    goal: str = ""  # the goal it is held to, as text: "≤ 1.5×", "< 50 ms"
    paired_ratio: float | None = None  # the median of run-by-run ratios, where they were paired

    @property
    def ratio(self) -> float:
        if self.paired_ratio is not None:
            return self.paired_ratio
        return self.value / self.baseline if self.baseline else float("inf")

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Data:
    """The demo files the benchmarks of one run share, built once and kept in ``folder``.

    Treat them as read-only: a benchmark that writes copies one first
    (``copy``) into ``scratch``. ``county`` is None when the run leaves the
    county out (``run.py --no-county``).
    """

    folder: Path
    runs: int = 5
    with_county: bool = True

    @property
    def township(self) -> Path:
        return self._demo("township")

    @property
    def county(self) -> Path | None:
        return self._demo("county") if self.with_county else None

    @property
    def scratch(self) -> Path:
        folder = self.folder / "scratch"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def copy(self, source: Path, name: str) -> Path:
        """A copy of a demo file in ``scratch`` that a benchmark may change."""
        target = self.scratch / name
        for suffix in ("", "-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        shutil.copyfile(source, target)
        return target

    def _demo(self, size: str) -> Path:
        path = self.folder / f"{size}.db"
        if not path.is_file():
            build_demo(path, size)
        return path


def build_demo(path: Path, size: str) -> None:
    """``python main.py demo`` in a child process, so that its memory goes when it is done."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.stem + "-part.db")
    for leftover in (partial, partial.with_name(partial.name + "-wal")):
        leftover.unlink(missing_ok=True)
    print(f"building the {size} demo in {path} (once; later runs reuse it)…", file=sys.stderr, flush=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(partial), "--size", size],
                   check=True, stdout=subprocess.DEVNULL)
    connection = sqlite3.connect(partial)
    connection.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal or -shm beside it
    connection.close()
    partial.replace(path)
    for leftover in (partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")):
        leftover.unlink(missing_ok=True)
    print(f"built in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)


def working_copy(source: Path | None, folder: Path) -> Path:
    """The data file a script's own command line measures, in ``folder``: a copy of ``source`` (its
    ``--db``), else a township demo built there."""
    path = folder / "data.db"
    if source is None:
        build_demo(path, "township")
    else:
        shutil.copyfile(source, path)
    return path


def median_ms(action: Callable[[], object], runs: int = 5, warmup: int = 1,
              after: Callable[[], object] | None = None) -> float:
    """The median of ``runs`` timings in milliseconds, after ``warmup`` untimed runs; ``after`` (untimed)
    follows every run, the warm-up's too (to undo what the action left, e.g. a copy)."""
    times = []
    for turn in range(warmup + runs):
        start = time.perf_counter()
        action()
        elapsed = (time.perf_counter() - start) * 1000
        if after is not None:
            after()
        if turn >= warmup:
            times.append(elapsed)
    return statistics.median(times)
