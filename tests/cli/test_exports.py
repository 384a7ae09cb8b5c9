"""python main.py export xlsx | docx: the registers, the summary, minutes and rectification report."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from docx import Document

import main
from models import db, store
from models import records as r
from tests.exporters.test_registers import data_rows
from tests.models.factories import demo_dates, zh


def closed(path):
    """The data file, closed, as the command line finds it."""
    db.close_database()
    return path


def texts(path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text]


def test_summary_is_the_default_kind(village_db, tmp_path, capsys):
    campaign = store.current_campaign()
    title = f"{campaign.unit.name}“{campaign.name}”活动总结"
    out = tmp_path / "总结.docx"
    assert main.main(["--lang", "en", "export", "docx", "--db", str(closed(village_db)),
                      "--out", str(out)]) == 0
    assert texts(out)[0] == title
    captured = capsys.readouterr()
    assert str(out) in captured.out and captured.err == ""


def test_rectification_report_of_a_named_campaign(village_db, tmp_path):
    name = store.current_campaign().name
    out = tmp_path / "整改.docx"
    assert main.main(["export", "docx", "--db", str(closed(village_db)), "--out", str(out),
                      "--kind", "rectification", "--campaign", name]) == 0
    assert texts(out)[0].endswith("问题整改情况的报告")


def test_minutes_of_a_session(village_db, tmp_path):
    session = r.Session.select().where(r.Session.deleted_at.is_null()).first()
    topic = session.topic
    out = tmp_path / "记录.docx"
    assert main.main(["export", "docx", "--db", str(closed(village_db)), "--out", str(out),
                      "--kind", "minutes", "--session", session.id.hex]) == 0
    assert texts(out)[0] == "会议记录"
    assert Document(str(out)).tables[0].rows[0].cells[1].text == topic


def test_minutes_without_a_session_is_one_line_and_status_1(village_db, tmp_path, capsys):
    out = tmp_path / "记录.docx"
    assert main.main(["--lang", "en", "export", "docx", "--db", str(closed(village_db)), "--out", str(out),
                      "--kind", "minutes"]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1 and "--session" in lines[0]
    assert not out.exists()


def test_a_bad_session_id_is_refused(village_db, tmp_path, capsys):
    assert main.main(["--lang", "en", "export", "docx", "--db", str(closed(village_db)), "--out",
                      str(tmp_path / "m.docx"), "--kind", "minutes", "--session", "nonsense"]) == 1
    assert "nonsense" in capsys.readouterr().err


def test_an_unknown_campaign_is_named(village_db, tmp_path, capsys):
    assert main.main(["--lang", "en", "export", "docx", "--db", str(closed(village_db)), "--out",
                      str(tmp_path / "a.docx"), "--campaign", "没有这个活动"]) == 1
    assert "没有这个活动" in capsys.readouterr().err


def test_an_unwritable_target_keeps_the_old_file(village_db, tmp_path, capsys):
    out = tmp_path / "总结.docx"
    out.write_bytes(b"old")
    (tmp_path / ".~lock.总结.docx#").write_text("LibreOffice")
    assert main.main(["--lang", "en", "export", "docx", "--db", str(closed(village_db)),
                      "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "总结.docx" in err and "Traceback" not in err
    assert out.read_bytes() == b"old"


def test_unknown_placeholders_are_reported(village_db, tmp_path, capsys):
    from exporters import summary

    summary.save_wording(store.current_campaign().id, "opening", "开头{没有的数}。")
    out = tmp_path / "a.docx"
    assert main.main(["--lang", "en", "export", "docx", "--db", str(closed(village_db)),
                      "--out", str(out)]) == 0
    assert "没有的数" in capsys.readouterr().err
    assert "开头【没有的数】。" in texts(out)


def test_a_bad_kind_is_refused(village_db, tmp_path, capsys):
    assert main.main(["export", "docx", "--db", str(closed(village_db)), "--out", str(tmp_path / "a.docx"),
                      "--kind", "letter"]) == 1
    assert "letter" in capsys.readouterr().err


def test_registers_of_a_village_masked(village_db, tmp_path, capsys):
    first, last = demo_dates(store.current_campaign())
    db.close_database()
    out = tmp_path / "cli.xlsx"
    assert main.main(["--lang", "en", "export", "xlsx", "--db", str(village_db), "--out", str(out),
                      "--from", first.isoformat(), "--to", last.isoformat()]) == 0
    assert "cli.xlsx" in capsys.readouterr().out
    wb = openpyxl.load_workbook(out)
    assert f"{zh(first)}至{zh(last)}" in wb["走访台账"]["A2"].value
    assert all("*" in row[5] for row in data_rows(wb["走访台账"]))


@pytest.mark.parametrize(("option", "message"), [
    (["--campaign", "没有"], "No campaign named 没有; choose one of: 思想大解放"),
    (["--village", "没有"], "No village named 没有; choose one of: "),
    (["--from", "2026-02-30"], "is not a date"),
])
def test_register_mistakes_are_one_line_and_status_1(village_db, tmp_path, capsys, option, message):
    db.close_database()
    out = tmp_path / "cli.xlsx"
    assert main.main(["--lang", "en", "export", "xlsx", "--db", str(village_db), "--out", str(out),
                      *option]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


def test_a_reversed_or_empty_range_is_refused_in_one_line(village_db, tmp_path, capsys):
    campaign = store.current_campaign()
    db.close_database()
    out = tmp_path / "cli.xlsx"
    later = (campaign.start_date.replace(day=1) + dt.timedelta(days=62)).isoformat()
    earlier = campaign.start_date.isoformat()
    for kind in ("xlsx", "docx"):
        assert main.main(["--lang", "en", "export", kind, "--db", str(village_db), "--out", str(out),
                          "--from", later, "--to", earlier]) == 1
        err = capsys.readouterr().err
        assert "is before the first day" in err and err.count("\n") == 1
    after_the_campaign = (campaign.end_date + dt.timedelta(days=400)).isoformat()
    assert main.main(["--lang", "en", "export", "xlsx", "--db", str(village_db), "--out", str(out),
                      "--from", after_the_campaign, "--campaign", campaign.name]) == 1
    err = capsys.readouterr().err
    assert f"lie outside the campaign {campaign.name}" in err and err.count("\n") == 1
    assert main.main(["--lang", "en", "export", "xlsx", "--db", str(village_db), "--out", str(out),
                      "--from", after_the_campaign]) == 1  # every campaign: outside every record's date
    err = capsys.readouterr().err
    assert "No record is dated within the dates chosen" in err and err.count("\n") == 1
    assert not out.exists()


def test_the_document_date_is_printed_and_overdue_is_judged_against_it(village_db, tmp_path):
    campaign = store.current_campaign()
    deadlines = sorted(x.deadline for x in r.Rectification.select().where(
        r.Rectification.status.in_(("not_started", "in_progress")), r.Rectification.deadline.is_null(False)))
    before_all = deadlines[0] - dt.timedelta(days=1)
    db.close_database()
    book, document = tmp_path / "cli.xlsx", tmp_path / "cli.docx"
    assert main.main(["export", "xlsx", "--db", str(village_db), "--out", str(book),
                      "--date", before_all.isoformat()]) == 0
    wb = openpyxl.load_workbook(book)
    assert f"填报日期：{before_all.year}年{before_all.month}月{before_all.day}日" in [
        c.value for c in wb["学习会议"][2] if c.value]
    assert not any(str(row[10]).endswith("（已逾期）") for row in data_rows(wb["问题整改"]))
    assert main.main(["export", "docx", "--db", str(village_db), "--out", str(document),
                      "--date", before_all.isoformat()]) == 0
    paragraphs = texts(document)
    assert f"{before_all.year}年{before_all.month}月{before_all.day}日" in paragraphs
    assert "已超过整改时限" not in "".join(paragraphs)
    assert campaign.name in paragraphs[0]
