"""The invariants of everything 台账通 prints, over the demos and over random records (hypothesis).

- every figure is the same on the overview, the statistics sheet and in the summary;
- every printed rate is the quotient of the counts printed beside it;
- a scoped export holds no record outside its scope;
- no sentence of the summary states a zero.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters import registers, summary
from exporters.registers.record_sheets import UNRECORDED
from models import db, figures, store, vocab
from models import records as r
from models.rates import percent, rate
from tests.exporters.test_registers import data_rows, header_row
from tests.models.factories import World, id_number

ZERO = re.compile(r"(?<![\d.])0(?![\d.])(?:%|[个条篇次期户人字项类大])")
RATE_IN_TEXT = re.compile(r"应到(\d+)人次、实到(\d+)人次，出勤率([\d.]+%)")
COVERAGE_IN_TEXT = re.compile(r"走访农户(\d+)户、\d+户次，\d+个村（社区）共有农户(\d+)户，"
                              r"走访覆盖率([\d.]+%)")


def write_all(folder: Path, scope: figures.Scope):
    options = registers.RegisterOptions(campaign=scope.campaign, date_from=scope.date_from,
                                        date_to=scope.date_to, village=scope.village, today=scope.today)
    book = openpyxl.load_workbook(registers.write_registers(folder / "台账.xlsx", options))
    written = summary.write_summary(folder / "总结.docx", summary.SummaryOptions(
        scope.campaign, scope.date_from, scope.date_to, scope.village, scope.today))
    text = "\n".join(p.text for p in Document(str(written.path)).paragraphs)
    return book, text


def statistics(book) -> dict[str, tuple]:
    """term → (value, 计算) of every line of 统计汇总; a kind's term under its topic."""
    lines, topic = {}, None
    for row in data_rows(book["统计汇总"]):
        topic = row[1] or topic
        lines[(topic, row[2])] = (row[3], row[5])
    return lines


def check_everything(book, text: str, f: figures.Figures) -> None:
    lines = statistics(book)
    # every figure on the sheet is the figure; every rate its two counts' quotient
    for d in figures.DEFINITIONS:
        value = d.value(f)
        key = (vocab.TOPICS.zh(d.topic), d.term)
        if d.code and not value:
            assert key not in lines, key
            continue
        shown, how = lines[key]
        if d.of is None:
            assert shown == value, key
            continue
        top, bottom = (figures.DEFINITION[k].value(f) for k in d.of)
        if not bottom:
            assert shown is None and how == "无可计算", key
        else:
            assert shown == pytest.approx(rate(top, bottom)) and how.endswith(f"{top}÷{bottom}"), key
    # the registers' rows: 应到 = 实到 + 请假 + 缺席, 出勤率 = 实到 ÷ 应到, or 未登记
    for row in data_rows(book["学习会议"]):
        expected, attended, leave, absent, shown = row[8:13]
        if attended == UNRECORDED:
            assert shown is None
        else:
            assert expected == attended + leave + absent and shown == pytest.approx(rate(attended, expected))
    for row in data_rows(book["走访覆盖"]):
        assert row[5] is None if not row[3] else row[5] == pytest.approx(rate(row[4], row[3]))
    # the summary: the same numbers, rates recomputable, no zero
    assert ZERO.search(text) is None, ZERO.search(text)
    for expected, attended, shown in RATE_IN_TEXT.findall(text):
        assert (int(expected), int(attended)) == (f.expected, f.attended)
        assert shown == percent(rate(int(attended), int(expected)))
    for visited, households, shown in COVERAGE_IN_TEXT.findall(text):
        assert (int(visited), int(households)) == (f.households_visited, f.households)
        assert shown == percent(rate(int(visited), int(households)))
    if f.suggestions:
        assert f"征集意见建议{f.suggestions}条" in text


def check_the_overview(f: figures.Figures, scope: figures.Scope) -> None:
    from ui.pages.overview.figures import figure_topics

    shown = {(topic, label): value for topic, entries in figure_topics(f, scope)
             for value, label, _request in entries}
    for d in figures.DEFINITIONS:
        if not d.overview or d.of is not None or (d.code and not d.value(f)):
            continue
        if scope.village is not None and d.topic == "publicity":
            assert d.value(f) == 0  # the unit's (models/scope.py): of a village not counted, not shown
            continue
        assert shown[vocab.TOPICS.label(d.topic), d.label] == f"{d.value(f):,} {d.unit}", d.key


# --- the demos -------------------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["village_db", "township_db"])
def test_the_demos_papers_agree_with_their_figures(which, request, tmp_path, qapp):
    request.getfixturevalue(which)
    campaign = store.current_campaign()
    scope = figures.Scope(campaign.id)
    f = figures.compute(scope)
    book, text = write_all(tmp_path, scope)
    check_everything(book, text, f)
    check_the_overview(f, scope)
    assert RATE_IN_TEXT.search(text) and COVERAGE_IN_TEXT.search(text)


def test_a_village_scoped_export_holds_only_that_villages_records(township_db, tmp_path):
    campaign = store.current_campaign()
    village = r.Village.select().where(r.Village.kind == "village").order_by(r.Village.position).first()
    scope = figures.Scope(campaign.id, village=village.id)
    f = figures.compute(scope)
    book, text = write_all(tmp_path, scope)
    check_everything(book, text, f)
    assert {row[2] for row in data_rows(book["走访台账"])} == {village.name}
    topics = [row[4] for row in data_rows(book["学习会议"])]
    held = r.Session.select().where(r.Session.campaign == campaign.id, r.Session.village == village.id)
    assert sorted(topics) == sorted(s.topic for s in held)  # only the sessions held for it
    assert len(data_rows(book["意见建议"])) == f.suggestions == r.Suggestion.select().where(
        r.Suggestion.village == village.id).count()
    assert data_rows(book["宣传信息"]) == []
    publicity = book["宣传信息"]
    assert publicity.cell(row=header_row(publicity) + 1, column=1).value == "无"
    assert f.sessions < figures.compute(figures.Scope(campaign.id)).sessions
    assert all(village.name in ws["A1"].value for ws in book)


def test_a_dated_export_holds_only_those_days(township_db, tmp_path):
    campaign = store.current_campaign()
    first = campaign.start_date + dt.timedelta(days=30)
    last = first + dt.timedelta(days=20)
    scope = figures.Scope(campaign.id, first, last)
    book, text = write_all(tmp_path, scope)
    check_everything(book, text, figures.compute(scope))
    for sheet, column in (("学习会议", 1), ("走访台账", 1), ("意见建议", 1), ("宣传信息", 1)):
        for row in data_rows(book[sheet]):
            assert first <= row[column].date() <= last, (sheet, row[column])


# --- random records ----------------------------------------------------------------------------------

STATUSES = st.sampled_from([None, "present", "late", "leave", "absent"])
DAYS = st.integers(min_value=-20, max_value=160)  # days after the campaign's start; some before it


@st.composite
def worlds(draw):
    return {
        "sessions": draw(st.lists(st.tuples(st.sampled_from(vocab.SESSION_KINDS.codes()), DAYS,
                                            st.lists(STATUSES, max_size=5), st.booleans()), max_size=6)),
        "households": draw(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=6)),
        "suggestions": draw(st.lists(st.tuples(st.sampled_from(vocab.SUGGESTION_STATUSES.codes()), DAYS,
                                               st.booleans()), max_size=5)),
        "rectifications": draw(st.lists(st.tuples(st.sampled_from(vocab.RECTIFICATION_STATUSES.codes()), DAYS,
                                                  st.integers(min_value=0, max_value=90)), max_size=5)),
        "publicity": draw(st.lists(st.tuples(st.sampled_from(vocab.PUBLICITY_KINDS.codes()), DAYS),
                                   max_size=4)),
        "range": draw(st.sampled_from([None, (0, 60), (30, 200)])),
        "village": draw(st.booleans()),
    }


def build(plan) -> World:
    """The records of ``plan``, entered through the store as a user would."""
    world = World()
    start = world.campaign.start_date
    people = [world.leader, world.clerk, *(world.person(f"干部{n}") for n in range(3))]
    for kind, day, marks, for_village in plan["sessions"]:
        attendance = {p.id: (status, "事假" if status == "leave" else "")
                      for p, status in zip(people, marks, strict=False)}
        world.session(kind, start + dt.timedelta(days=day), attendance,
                      village=world.village.id if for_village else None)
    for index, visits in enumerate(plan["households"]):
        household = world.household(f"户主{index}", id_number=id_number())
        for n in range(visits):
            world.visit(household, date=start + dt.timedelta(days=10 + 30 * n))
    for status, day, from_village in plan["suggestions"]:
        answered = status in vocab.SUGGESTION_ANSWERED
        village = world.village.id if from_village else None
        reply = "已答复" if answered else ""
        world.suggestion(status=status, date=start + dt.timedelta(days=day), reply=reply, village=village)
    for status, day, deadline in plan["rectifications"]:
        found = start + dt.timedelta(days=day)
        world.rectification(status=status, recorded_on=found, deadline=found + dt.timedelta(days=deadline),
                            completed_on=found + dt.timedelta(days=1) if status == "done" else None)
    for kind, day in plan["publicity"]:
        store.save(r.Publicity, {"campaign": world.campaign.id, "date": start + dt.timedelta(days=day),
                                 "kind": kind, "title": f"{kind}{day}", "outlet": "州日报"})
    return world


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=worlds())
def test_random_records_keep_every_invariant(plan, qapp):
    with tempfile.TemporaryDirectory() as folder:
        db.open_database(Path(folder) / "random.db")
        try:
            world = build(plan)
            start = world.campaign.start_date
            first, last = (None, None) if plan["range"] is None else (
                start + dt.timedelta(days=plan["range"][0]), start + dt.timedelta(days=plan["range"][1]))
            village = world.village.id if plan["village"] else None
            today = start + dt.timedelta(days=100)
            scope = figures.Scope(world.campaign.id, first, last, village, today=today)
            f = figures.compute(scope)
            assert f.expected == f.attended + f.attendance["leave"] + f.attendance["absent"]
            book, text = write_all(Path(folder), scope)
            check_everything(book, text, f)
            check_the_overview(f, scope)
            for row in data_rows(book["学习会议"]):
                assert (first is None or row[1].date() >= first) and (last is None or row[1].date() <= last)
        finally:
            db.close_database()
