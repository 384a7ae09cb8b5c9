"""A child of tests/test_writers.py: save a number of suggestions, one transaction each, as a form does.

    python -m tests.concurrent_writer DATA_FILE NAME COUNT

Prints "saved N" at the end; any failure ends the process with its traceback.
"""

from __future__ import annotations

import datetime as dt
import sys

from models import db, store
from models import records as r


def main(path: str, name: str, count: int) -> None:
    db.open_database(path)
    campaign = store.current_campaign()
    saved = 0
    for number in range(count):
        store.save(r.Suggestion, {"campaign": campaign.id, "date": dt.date(2026, 3, 10), "source": "staff",
                                  "content": f"{name} {number}"})
        saved += 1
    print("saved", saved, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
