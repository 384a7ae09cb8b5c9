"""Small builders of valid records for tests that need a few, not a demo."""

from __future__ import annotations

import datetime as dt
import itertools

from models import records as r
from models import sqlite, store
from models.personal import id_check_char

_serial = itertools.count(1)


def live(model) -> list:
    """Every record of ``model`` not in the recycle bin, read the slow, obvious way."""
    return [row for row in model.select() if row.deleted_at is None]


def free_visit(*conditions):
    """A live visit no rectification comes from (one that may be deleted), meeting ``conditions``."""
    raised = r.Rectification.select(r.Rectification.visit).where(r.Rectification.visit.is_null(False))
    return (r.Visit.select().where(r.Visit.deleted_at.is_null(), r.Visit.id.not_in(raised), *conditions)
            .order_by(r.Visit.date, r.Visit.id).first())


def demo_dates(campaign, after: int = 30, days: int = 45) -> tuple[dt.date, dt.date]:
    """A range inside a demo campaign (whose dates follow the day it was built): from ``after`` days in."""
    start = campaign.start_date + dt.timedelta(days=after)
    return start, start + dt.timedelta(days=days)


def zh(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def id_number(born: str = "19800101") -> str:
    first17 = f"433101{born}{next(_serial) % 1000:03d}"
    return first17 + id_check_char(first17)


class World:
    """A unit with a campaign, one village of two groups and a few people."""

    def __init__(self):
        self.unit = store.save(r.Unit, {"name": "长坪镇", "level": "town"})
        self.campaign = store.save(r.Campaign, {
            "unit": self.unit.id, "name": "思想大解放", "start_date": dt.date(2026, 2, 9)})  # in progress
        self.village = store.save(r.Village, {"unit": self.unit.id, "name": "龙潭村"})
        self.group1 = store.save(r.VillageGroup, {"village": self.village.id, "name": "1组"})
        self.group2 = store.save(r.VillageGroup, {"village": self.village.id, "name": "2组"})
        self.leader = self.person("田书记", leader=True)
        self.clerk = self.person("向干部")
        store.set_setting("current_unit", self.unit.id.hex)
        store.set_setting("current_campaign", self.campaign.id.hex)

    def person(self, name: str, **values) -> r.Person:
        return store.save(r.Person, {"unit": self.unit.id, "name": name, **values})

    def household(self, head: str, group=None, **values) -> r.Household:
        return store.save(r.Household, {
            "village": self.village.id, "group": (group or self.group1).id, "head_name": head,
            "id_number": id_number(), **values})

    def session(self, kind="leader_study", date=dt.date(2026, 3, 2), attendance=None, **values):
        marks = attendance if attendance is not None else {self.leader.id: ("present", "")}
        return store.save_session({"campaign": self.campaign.id, "date": date, "kind": kind,
                                   "topic": "学习", **values}, marks)

    def visit(self, household, date=dt.date(2026, 3, 5), **values) -> r.Visit:
        return store.save_visit({"campaign": self.campaign.id, "household": household.id,
                                 "date": date, "method": "home", **values}, [self.clerk.id])

    def suggestion(self, content="建议加强学习", **values) -> r.Suggestion:
        return store.save(r.Suggestion, {"campaign": self.campaign.id, "date": dt.date(2026, 3, 9),
                                         "source": "staff", "content": content, **values})

    def rectification(self, **values) -> r.Rectification:
        return store.save(r.Rectification, {
            "campaign": self.campaign.id, "recorded_on": dt.date(2026, 3, 10),
            "problem": "会议迟到", "source": "self", **values})


def undo_version_5(connection) -> None:
    """A file as version 4 wrote it: no sorting indexes, no trigram indexes (nor their triggers)."""
    connection.execute('DROP INDEX "visit_date"')
    connection.execute('DROP INDEX "village_name"')
    for table in sqlite.TEXT_INDEXES:
        for trigger in ("insert", "delete", "update"):
            connection.execute(f'DROP TRIGGER "{table}_text_{trigger}"')
        connection.execute(f'DROP TABLE "{table}_text"')
    for trigger in ("insert", "delete", "update"):
        connection.execute(f'DROP TRIGGER "household_gram_{trigger}"')
    connection.execute('DROP TABLE "search_gram"')
    connection.execute('DROP TABLE "search_position"')


def undo_version_6(connection) -> None:
    """A file as version 5 wrote it: no record versions, no bases, no conflicts of exchanges."""
    from models import db

    for table in db._V6_RECORD_TABLES:
        connection.execute(f'ALTER TABLE "{table}" DROP COLUMN "version"')
        connection.execute(f'ALTER TABLE "{table}" DROP COLUMN "lineage"')
    connection.execute('DROP TABLE "sync_base"')
    connection.execute('DROP TABLE "exchange_conflict"')
    connection.execute("PRAGMA user_version = 5")
    connection.commit()


def undo_version_8(connection) -> None:
    """A file as version 7 wrote it: sessions and suggestions without their village (tables rebuilt)."""
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("PRAGMA legacy_alter_table = ON")  # the other tables' references keep their names
    for table in ("session", "suggestion"):
        sql = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        sql = sql.replace(', "village_id" TEXT', "").replace(
            ', FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE RESTRICT', "")
        columns = ", ".join(f'"{row[1]}"' for row in connection.execute(f'PRAGMA table_info("{table}")')
                            if row[1] != "village_id")
        indexes = [row[0] for row in connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
            "AND name <> ?", (table, f"{table}_village_id"))]
        connection.execute(f'ALTER TABLE "{table}" RENAME TO "old_{table}"')
        connection.execute(sql)
        connection.execute(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM "old_{table}"')
        connection.execute(f'DROP TABLE "old_{table}"')
        for index in indexes:
            connection.execute(index)
    connection.execute("PRAGMA legacy_alter_table = OFF")


def _undo_identity(connection) -> None:
    connection.execute('DELETE FROM "setting" WHERE "key" IN (?, ?, ?)',
                       ("file_identity", "file_place", "file_path"))


def _undo_protection(connection) -> None:
    connection.execute("DELETE FROM \"setting\" WHERE \"key\" IN ('protection', 'protection_reason')")


def undo_version_10(connection) -> None:
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                      "AND name LIKE '%\\_generation\\_%' ESCAPE '\\'").fetchall():
        connection.execute(f'DROP TRIGGER "{name}"')
    connection.execute('DROP TABLE "first_page"')
    connection.execute('DROP TABLE "data_generation"')


# Each step taken back, from the newest: a file of version k is today's with the steps above k undone.
_UNDO = {
    10: undo_version_10,
    9: _undo_protection,
    8: undo_version_8,
    7: _undo_identity,
    6: undo_version_6,
    5: undo_version_5,
    4: lambda connection: connection.execute('ALTER TABLE "person" DROP COLUMN "staff"'),
    3: lambda connection: connection.execute('DROP TABLE "change"'),
    2: lambda connection: connection.execute('DROP TABLE "summary_text"'),
}


def make_old_file(path, version: int) -> str:
    """A plain data file as ``version`` of the program wrote it, holding a unit and a household; the
    household's ID number."""
    from models import db

    db.open_database(path)
    unit = store.save(r.Unit, {"name": "长坪镇", "level": "town"})
    village = store.save(r.Village, {"unit": unit.id, "name": "龙潭村"})
    group = store.save(r.VillageGroup, {"village": village.id, "name": "1组"})
    number = id_number()
    store.save(r.Household, {"village": village.id, "group": group.id, "head_name": "向飞",
                             "id_number": number, "phone": "13812345678"})
    db.close_database()
    connection = sqlite.driver.connect(path)
    for step in range(db.schema_version(), version, -1):
        _UNDO[step](connection)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.commit()
    connection.close()
    return number
