"""How long the overview's figures take: the same numbers the registers and the summary print.

    python bench/figures.py                      # builds the township demo in a temporary file
    python bench/figures.py --db FILE            # an existing data file, e.g. the county demo

For the current campaign and for the whole file: ``figures.compute`` and
``overview.compute`` (figures + chart series + to-do list), one warm-up run then
five, medians in milliseconds. The baseline, measured in the same run, is one
bare grouped scan of the visits through sqlite3 (``SELECT method, count(*) FROM
visit GROUP BY method``): one of the many counts the figures are made of.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_ms

RUNS = 5


def summary(data) -> list:
    """For ``bench/run.py``: the overview's figures of the current campaign and of the whole file."""
    from bench.common import Row
    from models import db, figures, store

    rows = []
    for size, path in (("township", data.township), ("county", data.county)):
        if path is None:
            continue
        db.open_database(path)
        bare = sqlite3.connect(path)
        try:
            baseline = median_ms(lambda bare=bare: bare.execute(
                "SELECT method, count(*) FROM visit WHERE deleted_at IS NULL GROUP BY method").fetchall())
            campaign = store.current_campaign()
            for name, scope in (("current campaign", figures.Scope(campaign=campaign.id)),
                                ("whole file", figures.Scope())):
                rows.append(Row("figures", f"{size} {name}", median_ms(lambda s=scope: figures.compute(s)),
                                baseline, "bare grouped scan of visits (sqlite3)"))
        finally:
            bare.close()
            db.close_database()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    from models import db, demo, figures, overview, store

    path = args.db
    if path is None:
        path = Path(tempfile.mkdtemp()) / "township.db"
        demo.generate(path, "township")
        db.close_database()
    db.open_database(path)
    campaign = store.current_campaign()
    bare = sqlite3.connect(path)
    baseline = median_ms(lambda: bare.execute(
        "SELECT method, count(*) FROM visit WHERE deleted_at IS NULL GROUP BY method").fetchall())
    print(f"{path} ({path.stat().st_size / 1e6:.0f} MB); median of {RUNS} runs after one warm-up")
    print(f"{'scope':16} {'measurement':22} {'median ms':>10} {'× bare scan':>12}")
    print(f"{'':16} {'bare grouped scan':22} {baseline:10.1f} {1.0:12.1f}")
    for name, scope in (("current campaign", figures.Scope(campaign=campaign.id)),
                        ("whole file", figures.Scope())):
        for label, action in (("figures.compute", lambda s=scope: figures.compute(s)),
                              ("overview.compute", lambda s=scope: overview.compute(s))):
            ms = median_ms(action)
            print(f"{name:16} {label:22} {ms:10.1f} {ms / baseline:12.1f}")


if __name__ == "__main__":
    main()
