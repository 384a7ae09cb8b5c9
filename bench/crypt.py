"""The encrypted data file against the same file unencrypted, side by side.

    python bench/crypt.py                         # the township demo, built in a temporary folder
    python bench/crypt.py --db FILE               # a plain demo file (copied; the copy is encrypted)
    python bench/crypt.py --county FILE           # also the county demo: opening, and its biggest list

Township work, as an office does it in a session: open the file, read every list
whole, the overview's figures (current campaign and whole file), the Excel
registers of the current campaign and the campaign summary (Word); closed. Each
run opens the file afresh. The plain and the encrypted copy (the same data,
converted by opening a copy with a password, as an office's file is) run in turn,
and the ratio is the median of the run-by-run ratios. For the county: opening
(the password's key derivation included) and the whole list of all campaigns'
visits, the scan that outgrows a small page cache.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASSWORD = "Bench-password-2026"


def _copies(source: Path, folder: Path, name: str) -> tuple[Path, Path]:
    """A plain copy of ``source`` and an encrypted one (converted as an office's file is)."""
    from models import db, protection

    plain, encrypted = folder / f"{name}-plain.db", folder / f"{name}-encrypted.db"
    for target in (plain, encrypted):
        for side in ("", "-wal", "-shm", ".key"):
            target.with_name(target.name + side).unlink(missing_ok=True)
        shutil.copyfile(source, target)
    db.open_database(plain)
    db.close_database()
    db.open_database(encrypted)
    db.encrypt_open_file(PASSWORD, folder / "backups")
    assert protection.is_encrypted_file(encrypted)
    db.close_database()
    return plain, encrypted


def township_work(path: Path, password: str | None, out: Path) -> None:
    from exporters.registers import RegisterOptions, write_registers
    from exporters.summary import SummaryOptions, write_summary
    from models import crypt, db, figures, store
    from models.lists import LISTS, RecordList

    crypt.forget_all()
    db.open_database(path, password=password)
    try:
        for spec in LISTS.values():
            RecordList(spec).keys()
        campaign = store.current_campaign()
        figures.compute(figures.Scope(campaign=campaign.id))
        figures.compute(figures.Scope())
        write_registers(out / "registers.xlsx", RegisterOptions(campaign=campaign.id))
        write_summary(out / "summary.docx", SummaryOptions(campaign.id))
    finally:
        db.close_database()


def paired(plain: Callable[[], object], encrypted: Callable[[], object],
           runs: int) -> tuple[float, float, float]:
    """Medians (ms) of each and the median of the run-by-run ratios, run in turn after a warm-up."""
    plain(), encrypted()
    a, b, ratios = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        plain()
        middle = time.perf_counter()
        encrypted()
        end = time.perf_counter()
        a.append((middle - start) * 1000)
        b.append((end - middle) * 1000)
        ratios.append(b[-1] / a[-1])
    return statistics.median(a), statistics.median(b), statistics.median(ratios)


def opening(path: Path, password: str | None) -> None:
    from models import crypt, db

    crypt.forget_all()
    db.open_database(path, password=password, settle=False)
    db.close_database()


def all_visits(path: Path, password: str | None) -> Callable[[], object]:
    def run() -> None:
        from models import crypt, db
        from models.lists import VISITS, RecordList

        crypt.forget_all()
        db.open_database(path, password=password, settle=False)
        try:
            RecordList(VISITS).keys()
        finally:
            db.close_database()
    return run


Found = tuple[str, float, float, float, str]


def second_scan(path: Path, password: str | None) -> float:
    """The whole list of all campaigns' visits read again in the same session (its pages in the cache): ms."""
    from models import crypt, db
    from models.lists import VISITS, RecordList

    crypt.forget_all()
    db.open_database(path, password=password, settle=False)
    try:
        RecordList(VISITS).keys()
        start = time.perf_counter()
        RecordList(VISITS).keys()
        return (time.perf_counter() - start) * 1000
    finally:
        db.close_database()


def paired_own(plain: Callable[[], float], encrypted: Callable[[], float],
               runs: int) -> tuple[float, float, float]:
    """As ``paired``, of what each callable measured itself (ms), in turn."""
    pairs = [(plain(), encrypted()) for _ in range(runs)]
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    return statistics.median(a), statistics.median(b), statistics.median(y / x for x, y in pairs)


def measure(township: Path, county: Path | None, folder: Path, runs: int) -> list[Found]:
    """(what, plain ms, encrypted ms, paired ratio, goal) for each measurement."""
    out = folder / "out"
    out.mkdir(exist_ok=True)
    plain, encrypted = _copies(township, folder, "township")
    work = paired(lambda: township_work(plain, None, out), lambda: township_work(encrypted, PASSWORD, out),
                  runs)
    found: list[Found] = [("township work (open, lists, figures, registers, summary)", *work, "≤ 1.2×"),
                          ("township open", *_openings(plain, encrypted, runs), "")]
    if county is not None:
        plain, encrypted = _copies(county, folder, "county")
        found.append(("county open", *_openings(plain, encrypted, runs), "< 1 s"))
        found.append(("county visits, all campaigns, whole list",
                      *paired(all_visits(plain, None), all_visits(encrypted, PASSWORD), runs), ""))
        found.append(("county visits, whole list again (pages in the cache)",
                      *paired_own(lambda: second_scan(plain, None), lambda: second_scan(encrypted, PASSWORD),
                                  runs), ""))
        for path in (plain, encrypted):
            for side in ("", "-wal", "-shm", ".key"):
                path.with_name(path.name + side).unlink(missing_ok=True)
    return found


def _openings(plain: Path, encrypted: Path, runs: int) -> tuple[float, float, float]:
    return paired(lambda: opening(plain, None), lambda: opening(encrypted, PASSWORD), runs)


def summary(data) -> list:
    """For ``bench/run.py``: township work and the county's opening, encrypted against plain."""
    from bench.common import Row

    runs = min(data.runs, 3)
    with tempfile.TemporaryDirectory(dir=data.scratch) as name:
        found = measure(data.township, data.county, Path(name), runs)
    return [Row("encryption", what, encrypted, plain, "the same, unencrypted", goal=goal, paired_ratio=ratio)
            for what, plain, encrypted, ratio, goal in found]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a plain township demo (default: one built now)")
    parser.add_argument("--county", type=Path, help="a plain county demo (copied twice: 1.5 GB free needed)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        township = args.db
        if township is None:
            from models import db, demo

            township = folder / "township.db"
            demo.generate(township, "township")
            db.close_database()
        print(f"median of {args.runs} runs (plain and encrypted in turn); ratio = median of the run-by-run "
              "ratios")
        print(f"{'measurement':<58}{'plain':>10}{'encrypted':>12}{'ratio':>9}  goal")
        for what, plain, encrypted, ratio, goal in measure(township, args.county, folder, args.runs):
            print(f"{what:<58}{plain:>8.0f} ms{encrypted:>9.0f} ms{ratio:>8.2f}×  {goal}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
