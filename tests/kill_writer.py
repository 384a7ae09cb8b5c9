"""The child of tests/test_kill.py: the program's own writing paths in a loop, until it is killed.

    python -m tests.kill_writer DATA_FILE SEED

Each change is printed only after its transaction has committed ("done …"); a
change about to alter an existing record is announced first ("will …"), so
that the parent knows which one record may be either way when the kill lands.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from models import backup, db, store
from models import records as r


def say(*words) -> None:
    # One write of the whole line: print() writes each word on its own, and a kill between
    # two of them left half a line for the parent to read.
    sys.stdout.write(" ".join(str(word) for word in words) + "\n")
    sys.stdout.flush()


def run(path: Path, seed: int) -> None:
    db.open_database(path)
    rng = random.Random(seed)
    campaign = store.current_campaign()
    households = [h.id for h in r.Household.select(r.Household.id)]
    persons = [p.id for p in r.Person.select(r.Person.id).where(r.Person.deleted_at.is_null())]
    say("ready")
    serial = 0
    while True:
        serial += 1
        day = dt.date(2026, 3, 1) + dt.timedelta(days=rng.randrange(100))
        choice = rng.random()
        if choice < 0.3:
            visit = store.save_visit({"campaign": campaign.id, "household": rng.choice(households),
                                      "date": day, "method": "home", "remarks": f"走访 {seed}-{serial}"},
                                     [rng.choice(persons)])
            say("done", "visit", visit.id.hex)
        elif choice < 0.55:
            suggestion = store.save(r.Suggestion, {"campaign": campaign.id, "date": day, "source": "staff",
                                                   "content": f"建议 {seed}-{serial}"})
            say("done", "suggestion", suggestion.id.hex)
        elif choice < 0.75:
            marks = {person: (rng.choice(("present", "absent")), "") for person in rng.sample(persons, 3)}
            session = store.save_session({"campaign": campaign.id, "date": day, "kind": "leader_study",
                                          "topic": f"学习 {seed}-{serial}"}, marks)
            say("done", "session", session.id.hex, len(marks))
        elif choice < 0.97:
            _delete_or_restore(rng)
        else:
            say("done", "backup", backup.make_backup("manual"))


def _delete_or_restore(rng: random.Random) -> None:
    model = rng.choice((r.Suggestion, r.Visit))
    deleted = rng.random() < 0.4
    query = model.select().where(model.deleted_at.is_null(not deleted)).order_by(model.created_at.desc())
    record = query.limit(20).offset(rng.randrange(5)).first()
    if record is None:
        return
    action = "restore" if deleted else "delete"
    say("will", action, record.id.hex)
    (store.restore if deleted else store.delete)(record)
    say("done", action, record.id.hex)


if __name__ == "__main__":
    run(Path(sys.argv[1]), int(sys.argv[2]))
