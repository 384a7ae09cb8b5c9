"""The campaign summary: the office's wording, the records' figures, the official layout."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document
from docx.oxml.ns import qn

from exporters import summary as s
from models import figures as fig
from models import records as r
from models import store
from models.demo.campaign import TODAY
from tests.models.factories import World, zh


def text_of(path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def run_ins(document) -> list[str]:
    """The run-in headings (（一）…。) that open body paragraphs."""
    return [p.runs[0].text for p in document.paragraphs if p.runs and p.runs[0].style.name == "二级标题字符"]


def paragraphs(path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs if p.text]


@pytest.fixture
def world(empty_db) -> World:
    return World()


@pytest.fixture
def town(township_db, tmp_path):
    campaign = store.current_campaign()
    options = s.SummaryOptions(campaign.id, today=TODAY)
    result = s.write_summary(tmp_path / "总结.docx", options)
    return campaign, options, result


# --- the township demo ----------------------------------------------------------------------

def test_layout_title_and_headings_in_order(town):
    campaign, _options, result = town
    document = Document(str(result.path))
    section = document.sections[0]
    assert round(section.top_margin.mm, 1) == 37 and round(section.left_margin.mm, 1) == 28
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    shown = paragraphs(result.path)
    assert shown[0] == ("公文标题", f"{campaign.unit.name}“{campaign.name}”活动总结")
    assert [text for style, text in shown if style == "一级标题"] == [
        "一、基本情况", "二、主要做法", "三、下一步打算", "附件"]
    assert run_ins(document) == [
        "（一）宣传发动，统一思想。", "（二）集中学习，提升能力。", "（三）走访入户，倾听民声。",
        "（四）广泛征集，集思广益。", "（五）正视问题，狠抓整改。", "（六）宣传引导，营造氛围。"]
    signature = shown.index(("落款", campaign.unit.name))
    assert shown[signature + 1] == ("落款", zh(TODAY))
    assert shown[signature - 1] == ("Normal", "附件：各村（社区）走访覆盖情况表")
    assert shown[signature + 2:] == [("一级标题", "附件"), ("公文标题", "各村（社区）走访覆盖情况表")]
    assert result.unknown == []


def test_the_signature_page_always_holds_text(town):
    """From the text's last paragraph to the date, every paragraph keeps with the next: the
    附件 note and the signature never stand on a page of their own."""
    _campaign, _options, result = town
    shown = Document(str(result.path)).paragraphs
    date = max(i for i, p in enumerate(shown) if p.style.name == "落款")
    note = next(i for i, p in enumerate(shown) if p.text.startswith("附件："))
    last_text = max(i for i, p in enumerate(shown[:note]) if p.text.strip())
    assert all(p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next
               for p in shown[last_text:date])


def test_every_figure_is_the_databases_count(town):
    campaign, options, result = town
    text = text_of(result.path)
    live = r.Session.deleted_at.is_null()
    sessions = r.Session.select().where(r.Session.campaign == campaign.id, live)
    assert f"领导班子集中学习{sessions.where(r.Session.kind == 'leader_study').count()}次" in text
    assert f"全体干部集中学习{sessions.where(r.Session.kind == 'staff_study').count()}次" in text
    assert f"召开专题讨论会{sessions.where(r.Session.kind == 'seminar').count()}次" in text
    writings = r.Writing.select().where(r.Writing.campaign == campaign.id, r.Writing.deleted_at.is_null())
    assert f"心得体会{writings.where(r.Writing.kind == 'reflection').count()}篇" in text
    notes = sum(w.length or 0 for w in writings.where(r.Writing.kind == "notes"))
    assert f"（共{notes}字）" in text
    suggestions = r.Suggestion.select().where(r.Suggestion.campaign == campaign.id,
                                              r.Suggestion.deleted_at.is_null())
    items = {x.item_id for x in suggestions if x.item_id}
    categories = {x.category_id for x in suggestions if x.category_id}
    assert f"征集意见建议{suggestions.count()}条" in text
    assert f"梳理归并为{len(categories)}大类{len(items)}条" in text
    visits = r.Visit.select().where(r.Visit.campaign == campaign.id, r.Visit.deleted_at.is_null())
    visited = {v.household_id for v in visits}
    households = r.Household.select().where(r.Household.deleted_at.is_null()).count()
    assert f"走访农户{len(visited)}户、{visits.count()}户次" in text
    assert f"共有农户{households}户，走访覆盖率{s.percent(fig.rate(len(visited), households))}" in text
    rectifications = r.Rectification.select().where(r.Rectification.campaign == campaign.id,
                                                    r.Rectification.deleted_at.is_null())
    done = rectifications.where(r.Rectification.status == "done").count()
    assert f"共查摆问题{rectifications.count()}个，已完成整改销号{done}个" in text
    overdue = rectifications.where(r.Rectification.deadline < TODAY,
                                   r.Rectification.status.in_(("not_started", "in_progress"))).count()
    assert f"；{overdue}个已超过整改时限" in text
    briefings = r.Publicity.select().where(r.Publicity.kind == "briefing",
                                           r.Publicity.campaign == campaign.id).count()
    assert f"编发工作简报{briefings}期" in text
    figures = fig.compute(options.scope())
    assert f"出勤率{s.percent(figures.attendance_rate)}" in text
    annex = Document(str(result.path)).tables[-1]
    rows = [[cell.text for cell in row.cells] for row in annex.rows]
    assert rows[0] == ["序号", "村（社区）", "总户数", "已走访户数", "未走访户数", "覆盖率"]
    assert rows[1:] == [[str(i), v.name, str(v.households), str(v.visited), str(v.households - v.visited),
                         s.percent(v.rate, trim=False)] for i, v in enumerate(figures.coverage, 1)] + [
        ["", "合计", str(figures.households), str(figures.households_visited),
         str(figures.households_unvisited), s.percent(figures.coverage_rate, trim=False)]]


def test_problems_are_listed_from_the_categories_recorded(town):
    _campaign, options, result = town
    text = text_of(result.path)
    figures = fig.compute(options.scope())
    listed = "；".join(f"{s.cn_number(i)}是{c.name}（{c.count}个）"
                      for i, c in enumerate(figures.rectifications_by_category, 1))
    assert f"主要有：{listed}。" in text
    first = next(m for m in figures.meetings if m.kind == "mobilization")
    assert f"{first.date.month}月{first.date.day}日，召开{first.topic}" in text  # a dated meeting, woven in
    tour = next(m for m in figures.meetings if m.kind == "study_tour")
    assert f"一行{tour.head_count}人前往{tour.destination}" in text


def test_a_regenerated_summary_changes_only_the_figures(town, tmp_path):
    campaign, options, result = town
    before = paragraphs(result.path)
    leader = r.Person.select().where(r.Person.leader == True).first()  # noqa: E712
    store.save_session({"campaign": campaign.id, "date": dt.date(2026, 4, 2), "kind": "leader_study",
                        "topic": "再学习"}, {leader.id: ("present", "")})
    after = paragraphs(s.write_summary(tmp_path / "again.docx", options).path)
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed  # the count of leadership study sessions and the attendance
    for (_style, old), (_style2, new) in changed:
        assert re.sub(r"[\d.]+", "#", old) == re.sub(r"[\d.]+", "#", new)


# --- the office's own wording ----------------------------------------------------------------

def test_own_wording_overrides_the_default_and_unknown_names_stay_visible(world, tmp_path):
    world.session("seminar")
    s.save_wording(world.campaign.id, "overview",
                   "一、总体情况\n共召开专题讨论会{专题讨论会次数}次，{不存在的数}。")
    result = s.write_summary(tmp_path / "a.docx", s.SummaryOptions(world.campaign.id))
    text = text_of(result.path)
    assert "共召开专题讨论会1次，【不存在的数】。" in text
    assert "一、总体情况" in text and "基本情况" not in text
    assert result.unknown == ["不存在的数"]
    assert r.SummaryText.select().where(r.SummaryText.section == "overview").count() == 1


def test_default_wording_is_not_stored_and_reset_brings_it_back(world):
    key = "opening"
    s.save_wording(world.campaign.id, key, s.section(key).default)
    assert s.saved_wording(world.campaign.id) == {}
    s.save_wording(world.campaign.id, key, "我们的开头。")
    assert s.wording(world.campaign.id)[key] == "我们的开头。"
    s.reset_wording(world.campaign.id, key)
    assert s.wording(world.campaign.id)[key] == s.section(key).default
    s.save_wording(world.campaign.id, key, "又一个开头。")  # the row in the bin comes back
    assert s.wording(world.campaign.id)[key] == "又一个开头。"
    assert r.SummaryText.select().count() == 1


def test_an_empty_section_is_left_out_and_headings_renumbered(world, tmp_path):
    world.session("mobilization", topic="动员会")
    world.session("leader_study")
    options = s.SummaryOptions(world.campaign.id)
    document = Document(str(s.write_summary(tmp_path / "a.docx", options).path))
    assert run_ins(document)[:2] == ["（一）宣传发动，统一思想。", "（二）集中学习，提升能力。"]
    s.save_wording(world.campaign.id, "mobilization", "")
    document = Document(str(s.write_summary(tmp_path / "b.docx", options).path))
    assert run_ins(document)[0] == "（一）集中学习，提升能力。"
    assert "宣传发动" not in "\n".join(p.text for p in document.paragraphs)


def test_characters_xml_forbids_in_wording_and_records_are_cleaned(world, tmp_path):
    world.session("mobilization", topic="部署\x07会")
    s.save_wording(world.campaign.id, "practices", "二、做法\x01\n正文\x0b。{动员部署会议}")
    text = text_of(s.write_summary(tmp_path / "a.docx", s.SummaryOptions(world.campaign.id)).path)
    assert "二、主要做法" not in text and "正文。3月2日，召开部署会。" in text


def test_sections_without_records_are_left_out_by_default(world, tmp_path):
    world.session("leader_study")
    text = text_of(s.write_summary(tmp_path / "a.docx", s.SummaryOptions(world.campaign.id)).path)
    assert "走访入户" not in text and "广泛征集" not in text and "狠抓整改" not in text
    assert "（一）集中学习，提升能力。" in text


# --- the pieces --------------------------------------------------------------------------------

def test_numbers_and_lists():
    assert [s.cn_number(n) for n in (1, 5, 10, 12, 20, 25)] == ["一", "五", "十", "十二", "二十", "二十五"]
    assert s.percent(0.965) == "96.5%" and s.percent(1.0) == "100%" and s.percent(0) == "0%"
    assert s.ordinal_list(["甲", "乙"]) == "一是甲；二是乙"


def test_lines_become_headings_and_run_in_headings():
    blocks = s.number(s.blocks_of("三、基本情况\n（五）宣传发动，积极动员。正文。\n（二）小标题\n"
                                  "9.领导重视。正文\n正文段。"))
    assert [(b.kind, b.level, b.run_in, b.text) for b in blocks] == [
        ("heading", 1, "", "一、基本情况"),
        ("body", 2, "（一）宣传发动，积极动员。", "正文。"),
        ("heading", 2, "", "（二）小标题"),
        ("body", 3, "1.领导重视。", "正文"),
        ("body", 0, "", "正文段。")]


def test_every_placeholder_of_the_defaults_is_known():
    for section in s.SECTIONS:
        assert set(s.placeholders_in(section.default)) <= set(s.PLACEHOLDERS), section.key


def test_a_deleted_campaign_is_an_export_error(world, tmp_path):
    from exporters import ExportError

    with pytest.raises(ExportError):
        s.write_summary(tmp_path / "a.docx", s.SummaryOptions(r.new_key()))


# --- seed 004: the county broadcasting bureau --------------------------------------------------

def enter_seed_004() -> r.Campaign:
    """The records behind seed 004's figures, entered as the office would, through the store."""
    unit = store.save(r.Unit, {"name": "县广播电视局", "level": "bureau"})
    campaign = store.save(r.Campaign, {"unit": unit.id, "name": "解放思想大讨论",
                                       "start_date": dt.date(2008, 3, 1), "end_date": dt.date(2008, 6, 30)})
    leaders = [store.save(r.Person, {"unit": unit.id, "name": f"领导{i}", "leader": True}) for i in range(4)]
    staff = leaders + [store.save(r.Person, {"unit": unit.id, "name": f"职工{i}"}) for i in range(8)]
    day = iter(dt.date(2008, 3, 1) + dt.timedelta(days=i) for i in range(200))
    for kind, times, expected in (("leader_study", 4, leaders), ("staff_study", 32, staff),
                                  ("seminar", 5, staff)):
        for _ in range(times):
            store.save_session({"campaign": campaign.id, "date": next(day), "kind": kind, "topic": "学习"},
                               {p.id: ("present", "") for p in expected})
    for i in range(40):
        store.save(r.Writing, {"campaign": campaign.id, "person": staff[i % 12].id, "kind": "reflection",
                               "title": f"心得{i}", "date": dt.date(2008, 5, 1)})
    for person in staff:
        store.save(r.Writing, {"campaign": campaign.id, "person": person.id, "kind": "notes",
                               "title": "学习笔记", "date": dt.date(2008, 6, 1), "length": 5200})
    names = ["思想观念", "工作作风", "工作内容创新", "服务质量", "工作效率"]
    categories = [store.save(r.Category, {"unit": unit.id, "kind": "suggestion", "name": n}) for n in names]
    suggestions = [store.save(r.Suggestion, {
        "campaign": campaign.id, "date": dt.date(2008, 4, 1), "source": "staff", "content": f"建议{i}",
        "submitter": staff[i % 12].id}) for i in range(37)]
    per_item = iter([2] * 18 + [1])  # 37 suggestions into 19 items
    start = 0
    for n in range(19):
        item = store.save(r.SuggestionItem, {"campaign": campaign.id, "title": f"条目{n}",
                                             "category": categories[n % 5].id})
        size = next(per_item)
        store.merge_suggestions(suggestions[start:start + size], item)
        start += size
    for kind, times in (("briefing", 8), ("feature", 20), ("column", 20), ("interview", 20)):
        for i in range(times):
            store.save(r.Publicity, {"campaign": campaign.id, "date": dt.date(2008, 5, 1), "kind": kind,
                                     "title": f"{kind}{i}"})
    for i in range(53 + 25):  # 53 in its own station's programmes, 25 in four other media
        outlet = "县电视台" if i < 53 else ("榆林电视台", "榆林日报", "榆林新闻网", "吴堡新闻网")[i % 4]
        store.save(r.Publicity, {"campaign": campaign.id, "date": dt.date(2008, 5, 1), "kind": "article",
                                 "title": f"稿件{i}", "outlet": outlet})
    store.set_setting("own_outlets", "县电视台")
    for leader in leaders:
        store.save(r.Writing, {"campaign": campaign.id, "person": leader.id, "kind": "research_report",
                               "title": "调研报告", "date": dt.date(2008, 6, 10)})
    return campaign


def test_seed_004_figures_are_in_the_summary(empty_db, tmp_path):
    campaign = enter_seed_004()
    options = s.SummaryOptions(campaign.id, today=dt.date(2008, 7, 16))
    result = s.write_summary(tmp_path / "总结.docx", options)
    text = text_of(result.path)
    for phrase in ("领导班子集中学习4次", "全体干部集中学习32次", "召开专题讨论会5次", "心得体会40篇",
                   "征集意见建议37条", "梳理归并为5大类19条", "编发工作简报8期", "制作专题节目20期",
                   "开设专栏20期", "开展专访20人（次）", "干部职工提出37条",
                   "县广播电视局“解放思想大讨论”活动总结"):
        assert phrase in text, phrase
    assert "（共62400字）" in text  # 12 notebooks of 5,200 characters
    assert "12名干部每人撰写学习笔记5000字以上" in text
    assert "班子成员每人至少撰写调研报告1篇、共4篇" in text
    others = "(榆林日报|吴堡新闻网|榆林新闻网|榆林电视台)"
    assert re.search(f"在县电视台刊发新闻稿件53篇，向{others}(、{others}){{3}}等媒体报送新闻稿件25篇", text)
    assert "2008年3月1日以来" in text and "我局" in text and "全局" in text
    assert "走访入户" not in text  # a bureau visits no households: the section is left out
    assert result.unknown == []


# --- saying only what the records support --------------------------------------------------------

ZERO = re.compile(r"(?<![\d.])0(?![\d.])(?:%|[个条篇次期户人字项类大])")


def test_an_office_with_only_sessions_states_no_zero(world, tmp_path):
    """No suggestions, writings, publicity or visits: no "征集意见建议0条", no "0字", no "0个问题"."""
    world.session("leader_study",
                  attendance={world.leader.id: ("present", ""), world.clerk.id: ("leave", "")})
    text = text_of(s.write_summary(tmp_path / "a.docx", s.SummaryOptions(world.campaign.id)).path)
    assert "领导班子集中学习1次" in text and "出勤率50%" in text
    assert ZERO.search(text) is None, ZERO.search(text)
    for phrase in ("征集意见建议", "学习笔记累计", "撰写心得体会", "尚未完成", "梳理归并", "共查摆问题"):
        assert phrase not in text, phrase


def test_a_session_without_attendance_states_no_rate(world, tmp_path):
    world.session("leader_study", attendance={world.leader.id: (None, "")})
    text = text_of(s.write_summary(tmp_path / "a.docx", s.SummaryOptions(world.campaign.id)).path)
    assert "领导班子集中学习1次" in text
    assert "出勤率" not in text and "应到" not in text and ZERO.search(text) is None


def test_the_township_and_village_summaries_state_no_zero(town, tmp_path):
    _campaign, _options, result = town
    assert ZERO.search(text_of(result.path)) is None


def test_a_clause_with_a_zero_is_left_out_or_worded_as_the_office_wants(world, tmp_path):
    world.session("seminar")
    wording = ("一、情况\n共召开专题讨论会{专题讨论会次数}次，征集意见建议{征集意见建议条数}条；"
               "查摆问题{整改问题数}个、整改{已销号数}个，确保落实。{征集意见建议条数|暂未收到意见建议}。")
    s.save_wording(world.campaign.id, "overview", wording)
    text = text_of(s.write_summary(tmp_path / "a.docx", s.SummaryOptions(world.campaign.id)).path)
    assert "共召开专题讨论会1次。暂未收到意见建议。" in text


def test_rounded_wording():
    assert [s.rounded(n, True) for n in (8, 10, 12, 37, 125, 6117, 12706, 313686)] == [
        "8", "10", "10余", "30余", "120余", "6100余", "1.2万余", "31万余"]
    assert [s.rounded(n, False) for n in (8, 37, 5454, 12000)] == ["8", "30", "5000", "1万"]
    assert s.worded(12, "余") == "10余" and s.worded(0.9652) == "96.52%".replace("2%", "%")


def test_a_placeholder_may_be_rounded_in_the_text(world, tmp_path):
    for _ in range(12):
        world.session("staff_meeting")
    s.save_wording(world.campaign.id, "overview", "一、情况\n召开全体干部大会{全体干部大会次数:余}次。")
    text = text_of(s.write_summary(tmp_path / "a.docx", s.SummaryOptions(world.campaign.id)).path)
    assert "召开全体干部大会10余次。" in text


def test_named_meetings_are_told_in_date_order_without_suggestions(world, tmp_path):
    world.session("forum", date=dt.date(2026, 5, 26), topic="“思想大解放”座谈会")
    world.session("mobilization", date=dt.date(2026, 2, 23), topic="全镇动员会")
    text = text_of(s.write_summary(tmp_path / "a.docx", s.SummaryOptions(world.campaign.id)).path)
    assert "2月23日，召开全镇动员会；5月26日，召开“思想大解放”座谈会。" in text
    assert "广泛征集" not in text


def test_villages_fully_covered_and_few_villages_in_the_text(world, tmp_path):
    first, second = world.household("张三"), world.household("李四")
    world.visit(first)
    world.visit(second)
    text = text_of(s.write_summary(tmp_path / "a.docx", s.SummaryOptions(world.campaign.id)).path)
    assert "走访覆盖率100%，其中1个村（社区）实现走访全覆盖。其中龙潭村走访2户、覆盖率100%。" in text
    assert "附件" not in text


def test_a_title_longer_than_a_core_property_may_be_is_kept_whole_on_the_page(world, tmp_path):
    long_name = "思想大解放" * 38
    store.save(r.Campaign, {"name": long_name}, world.campaign)
    store.save(r.Unit, {"name": "长坪镇" * 30}, world.unit)
    world.session("leader_study")
    path = s.write_summary(tmp_path / "a.docx", s.SummaryOptions(world.campaign.id)).path
    document = Document(str(path))
    assert long_name in document.paragraphs[0].text
    assert len(document.core_properties.title) == 255 and document.core_properties.title.endswith("…")
