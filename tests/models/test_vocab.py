"""One vocabulary: every term printed is defined once in models/vocab.py, and nothing else is printed.

The registers, the statistics sheet, the overview and the documents all take
their words from ``models.vocab``; a word offices use for the same thing
(``vocab.SYNONYMS``: 干部职工大会 for 全体干部大会 …) is never printed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from exporters import registers, summary
from exporters.minutes import write_minutes
from exporters.rectification_report import write_rectification_report
from exporters.registers.record_sheets import OVERDUE_MARK, UNRECORDED
from exporters.signin import write_signin_sheet
from models import figures, i18n, store, vocab
from models import records as r
from tests.exporters.test_registers import data_rows, header_row

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "taizhangtong_zh_CN.ts"


def test_the_translation_of_every_term_is_the_term():
    contexts = [c for c in ET.parse(TS).getroot().iter("context") if c.findtext("name") == "Vocabulary"]
    messages = {message.findtext("source"): message.findtext("translation")
                for context in contexts for message in context.iter("message")}
    for vocabulary in vocab.vocabularies():
        for term in vocabulary.terms():
            assert messages.get(term.source) == term.zh, (vocabulary.name, term.code)
    assert i18n.translate_to("zh_CN", "Vocabulary", "All-staff meeting") == "全体干部大会"


def test_one_source_one_term():
    seen: dict[str, str] = {}
    for vocabulary in vocab.vocabularies():
        for term in vocabulary.terms():
            assert seen.setdefault(term.source, term.zh) == term.zh, term.source


def test_no_synonym_is_a_term():
    assert not set(vocab.SYNONYMS) & vocab.printed_terms()
    assert set(vocab.SYNONYMS.values()) <= vocab.printed_terms()


# --- what the township demo prints ----------------------------------------------------------------

COLUMNS = {  # sheet: {column header: the vocabulary its cells come from}
    "学习会议": {"类型": vocab.SESSION_KINDS},
    "学习成果": {"类型": vocab.WRITING_KINDS},
    "走访台账": {"走访方式": vocab.VISIT_METHODS, "满意度": vocab.SATISFACTION,
             "户类别": vocab.HOUSEHOLD_TAGS},
    "意见建议": {"来源": vocab.SUGGESTION_SOURCES, "办理状态": vocab.SUGGESTION_STATUSES},
    "问题整改": {"问题来源": vocab.RECTIFICATION_SOURCES, "状态": vocab.RECTIFICATION_STATUSES},
    "宣传信息": {"类型": vocab.PUBLICITY_KINDS},
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory, _township_template):
    """The workbook and every document of the township demo, as text and as the workbook."""
    import shutil

    from models import db

    folder = tmp_path_factory.mktemp("printed")
    shutil.copy(_township_template, folder / "township.db")
    db.open_database(folder / "township.db")
    campaign = store.current_campaign()
    book = registers.write_registers(folder / "台账.xlsx", registers.RegisterOptions(campaign=campaign.id))
    options = summary.SummaryOptions(campaign.id)
    session = r.Session.select().where(r.Session.kind == "forum").first()
    documents = [summary.write_summary(folder / "总结.docx", options).path,
                 write_rectification_report(folder / "整改.docx", options),
                 write_minutes(folder / "记录.docx", session.id)]
    sign_in = write_signin_sheet(folder / "签到.xlsx", session.id)
    wb = openpyxl.load_workbook(book)
    texts = ["\n".join(str(c.value) for ws in openpyxl.load_workbook(path) for row in ws.iter_rows()
                       for c in row if c.value is not None) for path in (book, sign_in)]
    for path in documents:
        document = Document(str(path))
        texts.append("\n".join([p.text for p in document.paragraphs]
                               + [c.text for t in document.tables for row in t.rows for c in row.cells]))
    yield wb, texts, figures.compute(figures.Scope(campaign.id))
    db.close_database()


def test_every_vocabulary_column_of_the_registers_holds_its_terms(printed):
    wb, _texts, _f = printed
    for sheet, columns in COLUMNS.items():
        ws = wb[sheet]
        headers = [c.value for c in ws[header_row(ws)]]
        for title, vocabulary in columns.items():
            index = headers.index(title)
            terms = {vocabulary.zh(code) for code in vocabulary}
            for row in data_rows(ws):
                value = (row[index] or "").removesuffix(OVERDUE_MARK)
                parts = value.split("、") if vocabulary is vocab.HOUSEHOLD_TAGS and value else [value]
                assert all(part in terms or part == "" for part in parts), (sheet, title, value)


def test_every_line_of_the_statistics_sheet_is_a_term_in_its_unit(printed):
    wb, _texts, f = printed
    ws = wb["统计汇总"]
    units = {term.unit for v in vocab.vocabularies() for term in v.terms()} | {""}
    topics = {vocab.TOPICS.zh(code) for code in vocab.TOPICS}
    categories = {c.name for c in f.suggestions_by_category}
    category = None
    for row in data_rows(ws):
        category = row[1] or category
        assert category in topics
        item = row[2].removeprefix("其中：")
        assert item in vocab.printed_terms() or item in categories, item
        assert (row[4] or "") in units, row


def test_the_overview_speaks_the_vocabulary(printed, qapp):
    from ui.pages.overview.figures import figure_topics

    _wb, _texts, f = printed
    i18n.set_language("zh_CN")
    try:
        topics = figure_topics(f, f.scope)
        assert {topic for topic, _ in topics} <= {vocab.TOPICS.zh(code) for code in vocab.TOPICS}
        for _topic, entries in topics:
            for _value, label, _request in entries:
                terms = vocab.printed_terms()  # a rate: its term, then its counts in brackets
                rate = any(re.match(re.escape(t) + r"\s*[（(]", label) for t in terms)
                assert label in terms or rate, label
    finally:
        i18n.set_language("en")


def test_no_paper_prints_a_word_that_is_not_the_vocabulary(printed):
    _wb, texts, f = printed
    for text in texts:
        for synonym, term in vocab.SYNONYMS.items():
            assert synonym not in text, f"{synonym} printed instead of {term}"
    summary_text = texts[2]
    for code, count in f.sessions_by_kind.items():
        assert f"{vocab.SESSION_KINDS.zh(code)}{count}次" in summary_text or count == 0, code
    for code, count in f.publicity_by_kind.items():
        assert f"{vocab.PUBLICITY_KINDS.zh(code)}{count}{vocab.PUBLICITY_KINDS.unit(code)}" in summary_text
    for code in f.visits_by_method:
        assert vocab.VISIT_METHODS.zh(code) in summary_text, code
    assert UNRECORDED in texts[0]  # the session whose attendance is not yet entered
