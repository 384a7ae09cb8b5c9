"""The domain's fixed word lists, defined once: record kinds, statuses, methods.

The database stores the short English code; people see the label in their
language (``label``) and every register prints it in Chinese (``zh``).
"""

from __future__ import annotations

from collections.abc import Iterator

from models.i18n import QT_TRANSLATE_NOOP, translate, translate_to

CONTEXT = "Vocabulary"


class Vocabulary:
    """An ordered list of (code, English source) pairs with translated labels."""

    def __init__(self, name: str, terms: tuple[tuple[str, str], ...]):
        self.name = name
        self._terms = dict(terms)
        if len(self._terms) != len(terms):
            raise ValueError(f"duplicate code in vocabulary {name}")

    def __contains__(self, code: object) -> bool:
        return code in self._terms

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def codes(self) -> tuple[str, ...]:
        return tuple(self._terms)

    def label(self, code: str | None) -> str:
        """The label in the current language; unknown codes are shown as they are."""
        if code is None:
            return ""
        source = self._terms.get(code)
        return translate(CONTEXT, source) if source else code

    def zh(self, code: str | None) -> str:
        """The Chinese label, as printed in registers and documents."""
        if code is None:
            return ""
        source = self._terms.get(code)
        return translate_to("zh_CN", CONTEXT, source) if source else code

    def items(self) -> list[tuple[str, str]]:
        """(code, label) in the current language, in the declared order."""
        return [(code, self.label(code)) for code in self._terms]

    def code_for(self, text: str) -> str | None:
        """The code whose code, Chinese label or English label is ``text``."""
        text = (text or "").strip()
        for code, source in self._terms.items():
            if text in (code, source, translate_to("zh_CN", CONTEXT, source)):
                return code
        return None


UNIT_LEVELS = Vocabulary("unit_level", (
    ("village", QT_TRANSLATE_NOOP("Vocabulary", "Village")),
    ("community", QT_TRANSLATE_NOOP("Vocabulary", "Community")),
    ("township", QT_TRANSLATE_NOOP("Vocabulary", "Township")),
    ("town", QT_TRANSLATE_NOOP("Vocabulary", "Town")),
    ("subdistrict", QT_TRANSLATE_NOOP("Vocabulary", "Subdistrict")),
    ("bureau", QT_TRANSLATE_NOOP("Vocabulary", "Bureau")),
    ("county", QT_TRANSLATE_NOOP("Vocabulary", "County")),
))

VILLAGE_KINDS = Vocabulary("village_kind", (
    ("village", QT_TRANSLATE_NOOP("Vocabulary", "Village")),
    ("community", QT_TRANSLATE_NOOP("Vocabulary", "Community")),
))

GENDERS = Vocabulary("gender", (
    ("male", QT_TRANSLATE_NOOP("Vocabulary", "Male")),
    ("female", QT_TRANSLATE_NOOP("Vocabulary", "Female")),
))

SESSION_KINDS = Vocabulary("session_kind", (
    ("leader_study", QT_TRANSLATE_NOOP("Vocabulary", "Leadership group study")),
    ("staff_study", QT_TRANSLATE_NOOP("Vocabulary", "All-staff study")),
    ("seminar", QT_TRANSLATE_NOOP("Vocabulary", "Thematic discussion")),
    ("mobilization", QT_TRANSLATE_NOOP("Vocabulary", "Mobilisation meeting")),
    ("party_meeting", QT_TRANSLATE_NOOP("Vocabulary", "Party members' meeting")),
    ("staff_meeting", QT_TRANSLATE_NOOP("Vocabulary", "All-staff meeting")),
    ("forum", QT_TRANSLATE_NOOP("Vocabulary", "Forum")),
    ("study_tour", QT_TRANSLATE_NOOP("Vocabulary", "Study tour")),
    ("research", QT_TRANSLATE_NOOP("Vocabulary", "Field research")),
    ("other", QT_TRANSLATE_NOOP("Vocabulary", "Other")),
))

ATTENDANCE = Vocabulary("attendance", (
    ("present", QT_TRANSLATE_NOOP("Vocabulary", "Present")),
    ("late", QT_TRANSLATE_NOOP("Vocabulary", "Late")),
    ("leave", QT_TRANSLATE_NOOP("Vocabulary", "On leave")),
    ("absent", QT_TRANSLATE_NOOP("Vocabulary", "Absent")),
))
ATTENDED = ("present", "late")

WRITING_KINDS = Vocabulary("writing_kind", (
    ("notes", QT_TRANSLATE_NOOP("Vocabulary", "Study notes")),
    ("reflection", QT_TRANSLATE_NOOP("Vocabulary", "Reflections")),
    ("research_report", QT_TRANSLATE_NOOP("Vocabulary", "Research report")),
    ("self_analysis", QT_TRANSLATE_NOOP("Vocabulary", "Self-analysis")),
    ("speech", QT_TRANSLATE_NOOP("Vocabulary", "Discussion speech")),
))

VISIT_METHODS = Vocabulary("visit_method", (
    ("home", QT_TRANSLATE_NOOP("Vocabulary", "Home visit")),
    ("phone", QT_TRANSLATE_NOOP("Vocabulary", "Telephone")),
    ("courtyard", QT_TRANSLATE_NOOP("Vocabulary", "Courtyard meeting")),
    ("square", QT_TRANSLATE_NOOP("Vocabulary", "Village square meeting")),
    ("exchange", QT_TRANSLATE_NOOP("Vocabulary", "Exchange meeting")),
    ("forum", QT_TRANSLATE_NOOP("Vocabulary", "Forum")),
))

SATISFACTION = Vocabulary("satisfaction", (
    ("satisfied", QT_TRANSLATE_NOOP("Vocabulary", "Satisfied")),
    ("fair", QT_TRANSLATE_NOOP("Vocabulary", "Fairly satisfied")),
    ("unsatisfied", QT_TRANSLATE_NOOP("Vocabulary", "Unsatisfied")),
))

SUGGESTION_SOURCES = Vocabulary("suggestion_source", (
    ("staff", QT_TRANSLATE_NOOP("Vocabulary", "Staff")),
    ("public", QT_TRANSLATE_NOOP("Vocabulary", "Public")),
    ("visit", QT_TRANSLATE_NOOP("Vocabulary", "Household visit")),
    ("forum", QT_TRANSLATE_NOOP("Vocabulary", "Forum")),
    ("box", QT_TRANSLATE_NOOP("Vocabulary", "Suggestion box")),
))

SUGGESTION_STATUSES = Vocabulary("suggestion_status", (
    ("pending", QT_TRANSLATE_NOOP("Vocabulary", "To be handled")),
    ("handling", QT_TRANSLATE_NOOP("Vocabulary", "Being handled")),
    ("adopted", QT_TRANSLATE_NOOP("Vocabulary", "Adopted")),
    ("partly", QT_TRANSLATE_NOOP("Vocabulary", "Partly adopted")),
    ("declined", QT_TRANSLATE_NOOP("Vocabulary", "Not adopted for now")),
    ("answered", QT_TRANSLATE_NOOP("Vocabulary", "Answered")),
))
SUGGESTION_ANSWERED = ("adopted", "partly", "declined", "answered")

RECTIFICATION_SOURCES = Vocabulary("rectification_source", (
    ("self", QT_TRANSLATE_NOOP("Vocabulary", "Self-inspection")),
    ("visit", QT_TRANSLATE_NOOP("Vocabulary", "Household visit")),
    ("suggestion", QT_TRANSLATE_NOOP("Vocabulary", "Suggestion")),
    ("inspection", QT_TRANSLATE_NOOP("Vocabulary", "Higher-level inspection")),
))

RECTIFICATION_STATUSES = Vocabulary("rectification_status", (
    ("not_started", QT_TRANSLATE_NOOP("Vocabulary", "Not started")),
    ("in_progress", QT_TRANSLATE_NOOP("Vocabulary", "In progress")),
    ("done", QT_TRANSLATE_NOOP("Vocabulary", "Completed (closed)")),
    ("ongoing", QT_TRANSLATE_NOOP("Vocabulary", "Long-term")),
))
RECTIFICATION_OPEN = ("not_started", "in_progress")

PUBLICITY_KINDS = Vocabulary("publicity_kind", (
    ("article", QT_TRANSLATE_NOOP("Vocabulary", "News article")),
    ("briefing", QT_TRANSLATE_NOOP("Vocabulary", "Briefing")),
    ("column", QT_TRANSLATE_NOOP("Vocabulary", "Column")),
    ("interview", QT_TRANSLATE_NOOP("Vocabulary", "Interview")),
    ("feature", QT_TRANSLATE_NOOP("Vocabulary", "Feature programme")),
))

HOUSEHOLD_TAGS = Vocabulary("household_tag", (
    ("poverty_exited", QT_TRANSLATE_NOOP("Vocabulary", "Lifted out of poverty")),
    ("monitored", QT_TRANSLATE_NOOP("Vocabulary", "Under monitoring")),
    ("subsistence", QT_TRANSLATE_NOOP("Vocabulary", "Subsistence allowance")),
    ("five_guarantees", QT_TRANSLATE_NOOP("Vocabulary", "Five guarantees")),
    ("left_behind_elderly", QT_TRANSLATE_NOOP("Vocabulary", "Left-behind elderly")),
    ("disability", QT_TRANSLATE_NOOP("Vocabulary", "Person with disability")),
))

CATEGORY_KINDS = Vocabulary("category_kind", (
    ("suggestion", QT_TRANSLATE_NOOP("Vocabulary", "Suggestion category")),
    ("problem", QT_TRANSLATE_NOOP("Vocabulary", "Problem category")),
))

DEFAULT_PHASES = (
    QT_TRANSLATE_NOOP("Vocabulary", "Publicity and mobilisation"),
    QT_TRANSLATE_NOOP("Vocabulary", "Study and improvement"),
    QT_TRANSLATE_NOOP("Vocabulary", "Research and discussion"),
    QT_TRANSLATE_NOOP("Vocabulary", "Putting into practice"),
    QT_TRANSLATE_NOOP("Vocabulary", "Continued deepening"),
)
