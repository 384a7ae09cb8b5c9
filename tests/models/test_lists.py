"""The record lists against the township demo, each number checked by a query of its own."""

import datetime as dt

import pytest

from models import records as r
from models import store, vocab
from models.lists import LISTS, OVERDUE, Column, ListFilter, RecordList
from tests.models.factories import demo_dates

SPECS = list(LISTS.values())

# Independent SQL: table of each list, and the column its date filter works on.
TABLE = {"sessions": "session", "writings": "writing", "visits": "visit", "suggestions": "suggestion",
         "rectifications": "rectification", "publicity": "publicity", "households": "household",
         "persons": "person"}
DATE = {"sessions": "date", "writings": "date", "visits": "date", "suggestions": "date",
        "rectifications": "recorded_on", "publicity": "date"}
CHOICE = {"sessions": "kind", "writings": "kind", "visits": "method", "suggestions": "status",
          "rectifications": "status", "publicity": "kind", "households": "tags"}
VILLAGE_SQL = {
    "writings": "SELECT COUNT(*) FROM writing w JOIN person p ON p.id = w.person_id "
                "WHERE w.deleted_at IS NULL AND p.village_id = ?",
    "visits": "SELECT COUNT(*) FROM visit v JOIN household h ON h.id = v.household_id "
              "WHERE v.deleted_at IS NULL AND h.village_id = ?",
    "households": "SELECT COUNT(*) FROM household WHERE deleted_at IS NULL AND village_id = ?",
    "persons": "SELECT COUNT(*) FROM person WHERE deleted_at IS NULL AND village_id = ?",
    "sessions": "SELECT COUNT(*) FROM session WHERE deleted_at IS NULL AND village_id = ?",
    "suggestions": "SELECT COUNT(*) FROM suggestion WHERE deleted_at IS NULL AND village_id = ?",
    "rectifications": "SELECT COUNT(*) FROM rectification x WHERE x.deleted_at IS NULL AND ("
                      "x.visit_id IN (SELECT v.id FROM visit v JOIN household h ON h.id = v.household_id "
                      "WHERE h.village_id = ?1) OR x.suggestion_id IN "
                      "(SELECT id FROM suggestion WHERE village_id = ?1))",
}
# A column whose text finds a known record when searched for.
SEARCHED = {"sessions": "topic", "writings": "title", "suggestions": "content",
            "rectifications": "problem", "publicity": "title", "households": "id_number",
            "persons": "name"}


def sql(query, *params):
    return r.database.execute_sql(query, params).fetchone()[0]


def live(spec, condition="1", *params):
    return sql(f"SELECT COUNT(*) FROM {TABLE[spec.key]} WHERE deleted_at IS NULL AND ({condition})",
               *params)


def count(spec, **filters):
    return RecordList(spec, ListFilter(**filters)).count()


def ids(spec):
    return pytest.mark.parametrize("spec", spec, ids=[s.key for s in spec])


@pytest.fixture
def spread(township_db):
    """The demo with a second campaign holding a third of the records, and staff in a village.

    The demo has one campaign, keeps its staff out of the villages and holds few meetings for one
    village: without this, the campaign and village filters would have nothing to leave out.
    """
    first = store.current_campaign()
    second = store.save(r.Campaign, {"unit": first.unit_id, "name": "作风建设年",
                                     "start_date": dt.date(2025, 2, 9)})
    for table in ("session", "writing", "visit", "suggestion", "rectification", "publicity"):
        r.database.execute_sql(f"UPDATE {table} SET campaign_id = ? WHERE rowid % 3 = 0",
                               (second.id.hex,))
    village = r.Village.select().order_by(r.Village.position).first()
    r.database.execute_sql("UPDATE person SET village_id = ? WHERE village_id IS NULL AND rowid % 2 = 0",
                           (village.id.hex,))
    for table in ("session", "suggestion"):
        r.database.execute_sql(f"UPDATE {table} SET village_id = ? WHERE rowid % 4 = 1", (village.id.hex,))
    return first, second, village


@ids(SPECS)
def test_count_and_keys_match_the_table(township_db, spec):
    records = RecordList(spec)
    total = live(spec)
    assert total > 0
    assert records.count() == total
    keys = records.keys()
    assert len(keys) == total
    assert len(set(keys)) == total
    rows = records.fetch(keys[:50])
    assert len(rows) == min(50, total)
    assert set(rows) == set(keys[:50])
    row = rows[keys[0]]
    assert len(row) == 2 + len(spec.columns)
    assert spec.model.get_by_id(row[1]).deleted_at is None


@ids([s for s in SPECS if s.campaign is not None])
def test_the_campaign_filter(spread, spec):
    first, second, _ = spread
    total = live(spec)
    for campaign in (first, second):
        expected = live(spec, "campaign_id = ?", campaign.id.hex)
        assert 0 < expected < total
        assert count(spec, campaign=campaign.id) == expected
        assert len(RecordList(spec, ListFilter(campaign=campaign.id)).keys()) == expected


@ids([s for s in SPECS if s.by_village])
def test_the_village_filter(spread, spec):
    """Every list but publicity's (the unit's) filters by village, by the rule of docs/figures.md."""
    *_, village = spread
    expected = sql(VILLAGE_SQL[spec.key], village.id.hex)
    assert 0 < expected < live(spec)
    assert count(spec, village=village.id) == expected


@ids([s for s in SPECS if s.date is not None])
def test_the_date_range(township_db, spec):
    column = DATE[spec.key]
    start, end = demo_dates(store.current_campaign())
    both = live(spec, f"{column} BETWEEN ? AND ?", start.isoformat(), end.isoformat())
    assert 0 < both < live(spec)
    assert count(spec, date_from=start, date_to=end) == both
    assert count(spec, date_from=start) == live(spec, f"{column} >= ?", start.isoformat())
    assert count(spec, date_to=end) == live(spec, f"{column} <= ?", end.isoformat())


@ids([s for s in SPECS if s.choice is not None])
def test_each_choice(township_db, spec):
    column = CHOICE[spec.key]
    total, found = live(spec), 0
    for code in spec.choice_vocabulary:
        if spec.choice_vocabulary is vocab.HOUSEHOLD_TAGS:
            expected = live(spec, f"',' || {column} || ',' LIKE ?", f"%,{code},%")
        else:
            expected = live(spec, f"{column} = ?", code)
        assert count(spec, choice=code) == expected, code
        found += expected
    if spec.choice_vocabulary is vocab.HOUSEHOLD_TAGS:
        assert found > 0
    else:
        assert found == total  # every record has exactly one of the codes
    assert max(count(spec, choice=code) for code in spec.choice_vocabulary) < total


def test_overdue_rectifications(township_db):
    spec = LISTS["rectifications"]
    today = dt.date.today().isoformat()
    condition = "deadline < ? AND status IN ('not_started', 'in_progress')"
    expected = {key for (key,) in r.database.execute_sql(
        f"SELECT rowid FROM rectification WHERE deleted_at IS NULL AND {condition}", (today,))}
    assert set(vocab.RECTIFICATION_OPEN) == {"not_started", "in_progress"}
    records = RecordList(spec, ListFilter(choice=OVERDUE))
    assert records.count() == len(expected)
    assert set(records.keys()) == expected
    flag = [c.key for c in spec.columns].index("overdue") + 2
    everything = RecordList(spec)
    rows = everything.fetch(everything.keys())
    assert {key for key, row in rows.items() if row[flag]} == expected


def test_overdue_counts_a_rectification_that_slips(township_db):
    spec = LISTS["rectifications"]
    before = count(spec, choice=OVERDUE)
    open_one = (r.Rectification.select().where(r.Rectification.status == "not_started",
                                               r.Rectification.deadline > dt.date.today()).first())
    if open_one is None:  # after the demo's last deadline every open one is overdue already
        open_one = r.Rectification.select().where(r.Rectification.status == "ongoing").first()
        store.save(r.Rectification, {"status": "in_progress"}, open_one)
    store.save(r.Rectification, {"deadline": open_one.recorded_on}, open_one)
    assert count(spec, choice=OVERDUE) == before + 1


def known_record(spec):
    """A stored record of the list, and a word of it to search for."""
    if spec.key == "visits":
        visit = r.Visit.select().where(r.Visit.deleted_at.is_null()).order_by(r.Visit.id).first()
        return visit, visit.household.head_name
    record = spec.model.select().where(spec.model.deleted_at.is_null()).order_by(spec.model.id).first()
    return record, getattr(record, SEARCHED[spec.key])


def rowid(record):
    return sql(f"SELECT rowid FROM {type(record)._meta.table_name} WHERE id = ?", record.id.hex)


@ids(SPECS)
def test_search_finds_a_known_record(township_db, spec):
    record, text = known_record(spec)
    found = RecordList(spec, ListFilter(text=text))
    keys = found.keys()
    assert rowid(record) in keys
    assert found.count() <= live(spec)
    if spec.key == "households":
        assert found.count() == 1  # an ID number is one household's
    assert count(spec, text=f"{text} 不会出现的词") == 0  # all words must match
    assert count(spec, text="不会出现的词") == 0


@ids(SPECS)
def test_search_takes_percent_and_underscore_literally(township_db, spec):
    total = live(spec)
    assert count(spec, text="%") < total
    assert count(spec, text="_") < total


def test_search_reaches_joined_text(township_db):
    spec = LISTS["visits"]
    village = r.Village.select().order_by(r.Village.position).first()
    expected = sql("SELECT COUNT(*) FROM visit v JOIN household h ON h.id = v.household_id "
                   "JOIN village g ON g.id = h.village_id WHERE v.deleted_at IS NULL "
                   "AND (h.head_name LIKE ?1 OR g.name LIKE ?1 OR v.requests LIKE ?1 "
                   "OR v.situation LIKE ?1)", f"%{village.name}%")
    assert expected > 0
    assert count(spec, text=village.name) == expected


def _order_key(value):
    return (value is not None, value)


@pytest.mark.parametrize(("spec", "column"), [
    (spec, column) for spec in SPECS for column in spec.columns if column.sortable],
    ids=[f"{spec.key}-{column.key}" for spec in SPECS for column in spec.columns if column.sortable])
def test_every_sortable_column_sorts_both_ways(township_db, spec, column):
    ascending = RecordList(spec, sort=(column.key, False)).keys()
    descending = RecordList(spec, sort=(column.key, True)).keys()
    assert len(ascending) == live(spec)
    assert list(descending) == list(reversed(ascending))  # rowid breaks ties: a total order
    position = 2 + spec.columns.index(column)
    head = list(ascending[:200])
    rows = RecordList(spec).fetch(head)
    values = [_order_key(rows[key][position]) for key in head]
    assert values == sorted(values)


def test_an_unsortable_column_is_the_visitors(township_db):
    assert [c.key for s in SPECS for c in s.columns if not c.sortable] == ["visitors"]


@ids(SPECS)
def test_deleted_records_vanish(township_db, spec):
    records = RecordList(spec)
    total = records.count()
    keys = records.keys()
    victim = None
    for key in keys[:200]:
        row = records.fetch([key])[key]
        candidate = spec.model.get_by_id(row[1])
        if not store.dependents(candidate):
            victim = (key, candidate)
            break
    assert victim is not None
    store.delete(victim[1])
    assert RecordList(spec).count() == total - 1
    remaining = RecordList(spec).keys()
    assert victim[0] not in remaining


def test_the_expected_count_leaves_out_removed_attendance(township_db):
    spec = LISTS["sessions"]
    session = r.Session.select().order_by(r.Session.date).first()
    marks = {row.person_id: (row.status, row.reason) for row in session.attendance}
    key = rowid(session)
    expected = [c.key for c in spec.columns].index("expected") + 2
    assert RecordList(spec).fetch([key])[key][expected] == len(marks)
    store.save_session({}, dict(list(marks.items())[1:]), session)
    assert RecordList(spec).fetch([key])[key][expected] == len(marks) - 1


# --- showing values ----------------------------------------------------------

def test_display_of_choices_tags_flags_and_times():
    choice = Column("kind", "Kind", None, "choice", vocab.SESSION_KINDS)
    assert choice.display("seminar") == vocab.SESSION_KINDS.label("seminar")
    assert choice.display("seminar") != "seminar"
    assert choice.display("retired_code") == "retired_code"
    assert choice.display(None) == ""

    tags = Column("tags", "Household type", None, "tags", vocab.HOUSEHOLD_TAGS)
    assert tags.display("poverty_exited,disability") == "、".join(
        [vocab.HOUSEHOLD_TAGS.label("poverty_exited"), vocab.HOUSEHOLD_TAGS.label("disability")])
    assert tags.display("") == ""

    flag = Column("leader", "Leadership group", None, "bool")
    assert flag.display(1) != ""
    assert flag.display(0) == ""
    overdue = Column("overdue", "Overdue", None, "flag")
    assert overdue.display(1) != "" and overdue.display(0) == ""

    time = Column("start", "Start time", None, "time")
    assert time.display("09:30:00") == "09:30"

    text = Column("problem", "Problem", None)
    assert text.display(0) == "0"
    long = text.display("字" * 300)
    assert len(long) == 120 and long.endswith("…")


def test_display_of_fetched_rows(township_db):
    spec = LISTS["sessions"]
    records = RecordList(spec)
    key = records.keys()[0]
    row = records.fetch([key])[key]
    session = r.Session.get_by_id(row[1])
    shown = {c.key: c.display(v) for c, v in zip(spec.columns, row[2:], strict=True)}
    assert shown["date"] == session.date.isoformat()
    assert shown["kind"] == vocab.SESSION_KINDS.label(session.kind)
    assert shown["start"] == session.start_time.strftime("%H:%M")
    assert shown["host"] == (session.host.name if session.host_id else "")


@pytest.mark.parametrize("key, word", [("visits", "家"), ("visits", "组"), ("households", "村"),
                                       ("visits", "没有的词"), ("households", "张")])
@pytest.mark.parametrize("probe", [50, 100_000])
def test_the_first_rows_of_a_search_are_the_first_of_the_whole_search(township_db, monkeypatch, key, word,
                                                                       probe):
    """Looked for among the newest rows first, or collected and sorted: the same first rows."""
    from models.lists import record_list

    monkeypatch.setattr(record_list, "PROBE", probe)
    for sort in (None, (LISTS[key].columns[2].key, True)):
        records = RecordList(LISTS[key], ListFilter(text=word), sort)
        assert list(records.keys(limit=20)) == list(records.keys())[:20]


@ids(SPECS)
def test_the_first_rows_of_a_list_are_the_first_of_the_whole_list(township_db, spec):
    for column in (c for c in spec.columns if c.sortable):
        records = RecordList(spec, sort=(column.key, False))
        assert list(records.keys(limit=30)) == list(records.keys())[:30]


def _rowid(visit: r.Visit) -> int:
    return r.database.execute_sql("SELECT rowid FROM visit WHERE id = ?", (visit.id.hex,)).fetchone()[0]


def test_a_short_rare_term_finds_its_first_rows_in_the_names_and_its_long_text_rows_in_the_whole_list(
        township_db, monkeypatch):
    """A term of 1 or 2 characters: the first rows from the indexed fields (names, villages, groups),
    the long text (a scan of every row) only in the whole list, which has them all."""
    from models.lists import record_list

    monkeypatch.setattr(record_list, "PROBE", 50)  # the township's visits count as a long list
    newest = list(r.Visit.select().where(r.Visit.deleted_at.is_null()).order_by(r.Visit.date.desc()).limit(2))
    name = next(h.head_name[:2] for h in r.Household.select() if len(h.head_name) >= 2
                and h.id != newest[1].household_id)
    r.Visit.update(requests="希望修一条黢黑的小路").where(r.Visit.id == newest[0].id).execute()
    r.Visit.update(requests=f"{name}家的事").where(r.Visit.id == newest[1].id).execute()

    rare = RecordList(LISTS["visits"], ListFilter(text="黢"))
    assert rare.first_rows_partial()
    assert list(rare.keys(limit=20)) == [] and list(rare.keys()) == [_rowid(newest[0])]

    named = RecordList(LISTS["visits"], ListFilter(text=name))
    assert named.first_rows_partial()
    whole = list(named.keys())
    assert _rowid(newest[1]) in whole
    assert list(named.keys(limit=20)) == [key for key in whole if key != _rowid(newest[1])][:20]

    assert not RecordList(LISTS["visits"], ListFilter(text="黢黑的")).first_rows_partial()  # 3: indexed
    monkeypatch.setattr(record_list, "PROBE", 100_000)
    assert not rare.first_rows_partial()  # a short list: scanned whole anyway


@pytest.mark.parametrize("matches", [1, 4])
def test_the_first_rows_of_a_rare_term_among_its_first_matches_are_the_first_of_the_whole_search(
        township_db, monkeypatch, matches):
    """The first matches sorted, the other conditions tested on them: the same first rows as the
    whole search, whether enough of them pass (all campaigns) or not (one campaign, a few deleted)."""
    from models import settings
    from models.lists import record_list

    monkeypatch.setattr(record_list, "PROBE", 50)
    monkeypatch.setattr(record_list, "MATCHES", matches)
    village = r.Village.select().first()
    visits = list(r.Visit.select().join(r.Household).where(r.Household.village == village.id)
                  .order_by(r.Visit.date.desc()).limit(3))
    r.Visit.update(deleted_at=r.utcnow()).where(r.Visit.id == visits[0].id).execute()
    campaign = settings.current_campaign().id
    for sort in (None, ("date", False), ("method", True), ("head", False)):
        for chosen in (None, campaign):
            records = RecordList(LISTS["visits"], ListFilter(text=village.name, campaign=chosen), sort)
            assert list(records.keys(limit=5)) == list(records.keys())[:5]


def test_a_visits_visitors_are_named_in_the_order_of_their_names(township_db):
    """Not in the order of the persons' keys (random), which would differ between two copies of the
    same visits; the register and the history order them alike (tests/exporters/test_registers.py)."""
    spec = LISTS["visits"]
    records = RecordList(spec)
    rows = records.fetch(records.keys())
    column = [c.key for c in spec.columns].index("visitors")
    several = 0
    for row in rows.values():
        visit = r.Visit.get_by_id(row[1])
        names = sorted(v.person.name for v in visit.visitors)
        assert row[2 + column] == ("、".join(names) or None)
        several += len(names) > 1 and names != [v.person.name for v in visit.visitors]
    assert several  # the demo has visits whose persons' keys are not in the order of their names
