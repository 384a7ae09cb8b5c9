"""Minutes of a session and the rectification report, read back as a reader sees them."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from docx.oxml.ns import qn

from exporters import ExportError
from exporters.minutes import write_minutes
from exporters.rectification_report import write_rectification_report
from exporters.summary import SummaryOptions
from models import figures as fig
from models import store
from models.demo.campaign import TODAY
from tests.models.factories import World, zh


def form(path) -> dict[str, str]:
    """{label: value} of the minutes' form (rows read once, in order)."""
    table = Document(str(path)).tables[0]
    values: dict[str, str] = {}
    for row in table._tbl.tr_lst:
        texts = ["\n".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in row.tc_lst]
        for label, value in zip(texts[::2], texts[1::2], strict=False):
            values[label.replace("\n", "")] = value
    return values


@pytest.fixture
def world(empty_db) -> World:
    return World()


def test_minutes_of_a_session(world, tmp_path):
    late, away, missing = world.person("迟到者"), world.person("请假者"), world.person("缺席者")
    session = world.session(
        "seminar", topic="专题讨论\x01会", place="镇政府会议室", start_time=dt.time(9, 0),
        end_time=dt.time(11, 30), host=world.leader.id, recorder=world.clerk.id, content="第一项\n第二项\x0b",
        attendance={world.leader.id: ("present", ""), world.clerk.id: ("present", ""),
                    late.id: ("late", ""), away.id: ("leave", "病假"), missing.id: ("absent", "")})
    path = write_minutes(tmp_path / "会议记录.docx", session.id)
    document = Document(str(path))
    assert round(document.sections[0].left_margin.mm, 1) == 28
    assert next(p.text for p in document.paragraphs if p.text) == "会议记录"
    values = form(path)
    assert values["会议名称"] == "专题讨论会"
    assert values["会议时间"] == "2026年3月2日 09:00—11:30"
    assert values["会议地点"] == "镇政府会议室"
    assert values["会议类型"] == "专题讨论会"
    assert (values["主持人"], values["记录人"]) == ("田书记", "向干部")
    assert (values["应到人数"], values["实到人数"]) == ("5人", "3人")
    assert values["出席人员"] == "田书记、向干部、迟到者（迟到）"
    assert values["请假人员"] == "请假者（病假）"
    assert values["缺席人员"] == "缺席者"
    assert values["会议内容"] == "第一项\n第二项"
    assert "主持人（签字）" in values and "记录人（签字）" in values


def test_minutes_of_a_study_tour_name_destination_and_head_count(world, tmp_path):
    session = world.session("study_tour", topic="赴长车村学习", destination="长车村", head_count=46)
    values = form(write_minutes(tmp_path / "m.docx", session.id))
    assert (values["考察地点"], values["考察人数"]) == ("长车村", "46人")
    assert values["缺席人员"] == "无"


def test_minutes_of_a_missing_session_is_an_export_error(world, tmp_path):
    session = world.session()
    store.delete(session)
    with pytest.raises(ExportError):
        write_minutes(tmp_path / "m.docx", session.id)
    assert not (tmp_path / "m.docx").exists()


def test_rectification_report_groups_by_category_with_totals(township_db, tmp_path):
    campaign = store.current_campaign()
    store.set_setting("report_addressee", "青山县“思想大解放”活动领导小组办公室")
    options = SummaryOptions(campaign.id, today=TODAY)
    path = write_rectification_report(tmp_path / "整改.docx", options)
    figures = fig.compute(options.scope())
    document = Document(str(path))
    shown = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert shown[0] == ("公文标题", f"{campaign.unit.name}关于“{campaign.name}”活动\n问题整改情况的报告")
    assert shown[1] == ("主送机关", "青山县“思想大解放”活动领导小组办公室：")
    headings = [text for style, text in shown if style == "一级标题"]
    assert headings == [f"{'一二三四五六'[i]}、{c.name}（共{c.count}个）"
                        for i, c in enumerate(figures.rectifications_by_category)]
    problems = [text for style, text in shown if style == "二级标题"]
    assert len(problems) == figures.rectifications
    opening = shown[2][1]
    assert f"共查摆问题{figures.rectifications}个" in opening
    assert f"已完成整改销号{figures.rectifications_done}个" in opening
    assert f"超过整改时限未完成{figures.rectifications_overdue}个" in opening
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["问题类别", "问题数", "已完成\n（销号）", "整改中", "长期坚持", "未启动", "其中\n超期"]
    status = figures.rectifications_by_status
    assert rows[-1] == ["合计", *(str(v) for v in (
        figures.rectifications, status["done"], status["in_progress"], status["ongoing"],
        status["not_started"], figures.rectifications_overdue))]
    for column in range(1, 7):  # each column's categories add up to its total
        assert sum(int(row[column]) for row in rows[1:-1]) == int(rows[-1][column])
    assert [text for _style, text in shown[-3:]] == ["特此报告。", campaign.unit.name, zh(TODAY)]
    assert shown[-1][0] == shown[-2][0] == "落款"


def test_the_report_names_the_proof_and_who_verified_it(world, tmp_path):
    world.rectification(status="done", completed_on=dt.date(2026, 4, 1), evidence="整改前后照片",
                        verified_by="田书记")
    path = write_rectification_report(tmp_path / "整改.docx", SummaryOptions(world.campaign.id))
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "佐证材料：整改前后照片；验收人：田书记。" in text
    assert "上级“思想大解放”活动领导小组办公室：" in text  # no addressee set: the campaign's office above


def test_no_row_of_a_table_is_split_and_the_headers_repeat(township_db, tmp_path):
    campaign = store.current_campaign()
    document = Document(str(write_rectification_report(tmp_path / "整改.docx", SummaryOptions(campaign.id))))
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert all(row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None for row in rows)
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None


def test_the_signatures_of_the_minutes_never_stand_alone(world, tmp_path):
    people = {world.person(f"干部{n:02d}").id: ("present", "") for n in range(60)}
    session = world.session("staff_meeting", attendance=people, content="传达会议精神。\n" * 40)
    document = Document(str(write_minutes(tmp_path / "m.docx", session.id)))
    rows = document.tables[0]._tbl.tr_lst
    signature, content = rows[-1], rows[-2]
    assert signature.trPr.find(qn("w:cantSplit")) is not None  # 主持人 and （签字） on one page
    assert content.trPr.find(qn("w:cantSplit")) is None  # long text may run over a page …
    last = [tc.p_lst[-1] for tc in content.tc_lst]
    assert all(p.pPr is not None and p.pPr.keepNext is not None for p in last)  # … but keeps the signatures
    assert all(row.trPr.find(qn("w:cantSplit")) is not None for row in rows[:-2])
