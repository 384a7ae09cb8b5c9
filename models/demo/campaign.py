"""The records of one campaign of the demonstration data: its phases, sessions and writings.

Every date is relative to the day the demo is built: the newest campaign
started about four months ago and is in progress, so the overview, the
registers and the to-do list read as they would in an office today. The
records agree with each other as the entry warnings want them to
(``models.warnings``): every date within the campaign and before today, the
host and the recorder present at their own meeting, a study tour's head count
no smaller than the persons present, no person in two sessions at once, nobody
checking their own writings. Visits, suggestions, rectifications and publicity
are in ``casework``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from models import records as r
from models import vocab
from models.demo import words as w
from models.demo.casework import Casework

TODAY = dt.date.today()  # the demo's "now": built today, it is read as of today
CAMPAIGN_AGE_DAYS = 120  # the newest campaign started about four months ago
CAMPAIGN_DAYS = 183  # and runs for six months
PAST_CAMPAIGN_DAYS = 150

# (kind, how many) of a township's campaign; a village holds about a third.
SESSION_PLAN = (("mobilization", 3), ("leader_study", 8), ("staff_study", 14), ("seminar", 4),
                ("party_meeting", 3), ("staff_meeting", 3), ("forum", 2), ("study_tour", 2),
                ("research", 2))
SLOTS = ((dt.time(8, 30), 1), (dt.time(9, 0), 2), (dt.time(14, 30), 1), (dt.time(15, 0), 2))  # (start, hours)


def dates_of(today: dt.date, years_back: int) -> tuple[dt.date, dt.date]:
    """The start and end of the campaign ``years_back`` years before the newest (which is in progress)."""
    start = today - dt.timedelta(days=CAMPAIGN_AGE_DAYS) - dt.timedelta(days=365 * years_back)
    return start, start + dt.timedelta(days=CAMPAIGN_DAYS if years_back == 0 else PAST_CAMPAIGN_DAYS)


@dataclass
class Planned:
    kind: str
    index: int
    date: dt.date
    start: dt.time
    hours: int


class CampaignBuilder:
    def __init__(self, township, name: str, start: dt.date, end: dt.date, today: dt.date):
        self.t, self.b, self.rng = township, township.b, township.rng
        self.name, self.start, self.end = name, start, end
        self.last = min(end, today - dt.timedelta(days=1))  # the last day a record may bear
        self.today = today
        self.small = township.size.village_only
        self.slots: set[tuple[dt.date, int]] = set()

    def day(self, first: dt.date | None = None, last: dt.date | None = None) -> dt.date:
        first, last = max(first or self.start, self.start), min(last or self.last, self.last)
        if last < first:
            return first
        return first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))

    def after(self, days: int) -> dt.date:
        return min(self.start + dt.timedelta(days=days), self.last)

    def build(self):
        self.id = self.b.add(r.Campaign, when=self.start, unit=self.t.unit, name=self.name,
                             start_date=self.start, end_date=self.end,
                             aims="以思想解放为引领，推动干部转观念、转思想、转思路、转作风。")
        self.t.campaigns.append(self.id)
        self.phases()
        self.sessions()
        self.writings()
        Casework(self).build()

    def phases(self):
        length = (self.end - self.start).days + 1
        self.phase_ids = []
        for position, term in enumerate(vocab.PHASES.terms()):
            start = self.start + dt.timedelta(days=length * position // 5)
            end = self.start + dt.timedelta(days=length * (position + 1) // 5 - 1)
            self.phase_ids.append((self.b.add(r.Phase, when=self.start, campaign=self.id, position=position,
                                              start_date=start, end_date=end, name=term.zh), start, end))

    def phase_of(self, day: dt.date):
        return next((key for key, start, end in self.phase_ids if start <= day <= end), None)

    # --- study sessions: planned first, so that none overlaps another ----------------------------------

    def sessions(self):
        plan = [(kind, max(1, count // 3) if self.small else count) for kind, count in SESSION_PLAN]
        planned = [self.plan(kind, index) for kind, count in plan for index in range(count)]
        planned.sort(key=lambda p: (p.date, p.start))
        for position, session in enumerate(planned):
            self.session(session, unrecorded=position == len(planned) - 1, blank=position == len(planned) - 2)

    def plan(self, kind: str, index: int) -> Planned:
        """A weekday half-day no other session of the campaign takes."""
        if kind == "mobilization":
            first = self.after((0, 14, 26)[index])
            last = first + dt.timedelta(days=6)
        else:
            first, last = self.after(11), self.last
        for _ in range(500):
            day = self.day(first, last)
            start, hours = self.rng.choice(SLOTS)
            half = 0 if start.hour < 12 else 1
            if day.weekday() < 5 and (day, half) not in self.slots:
                self.slots.add((day, half))
                return Planned(kind, index, day, start, hours)
        raise RuntimeError("no free half-day for a session")

    def expected(self, kind: str) -> list[uuid.UUID]:
        t = self.t
        everyone = t.leaders + t.staff + list(t.secretaries.values())
        return list(dict.fromkeys({
            "leader_study": t.leaders, "staff_study": t.leaders + t.staff, "seminar": t.leaders + t.staff,
            "mobilization": everyone, "party_meeting": [p for p in everyone if p in t.party],
            "staff_meeting": t.leaders + t.staff, "forum": everyone,
            "study_tour": t.leaders + list(t.secretaries.values()), "research": t.leaders,
        }[kind]))

    def session(self, planned: Planned, unrecorded: bool, blank: bool):
        t, rng, kind, index = self.t, self.rng, planned.kind, planned.index
        host = t.leaders[0] if kind in ("mobilization", "leader_study") else rng.choice(t.leaders)
        recorder = rng.choice(t.staff)
        expected = list(dict.fromkeys([*self.expected(kind), host, recorder]))
        tour = kind == "study_tour"
        topics = w.SESSION_TOPICS[kind]
        topic = topics[index % len(topics)]
        marks = self.marks(expected, keep_present=(host, recorder))
        present = sum(1 for status, _ in marks.values() if status in vocab.ATTENDED)
        # a village's own sessions are its; a township's research is held in one of its villages
        village = (t.village_ids[0] if self.small
                   else rng.choice(t.village_ids) if kind == "research" else None)
        end = dt.time(planned.start.hour + planned.hours, planned.start.minute)
        content = f"会议传达学习了{topic}的有关精神，结合工作实际开展交流发言，对下一步工作作出安排。"
        destination = w.TOUR_DESTINATIONS[index % len(w.TOUR_DESTINATIONS)] if tour else ""
        session = self.b.add(
            r.Session, when=planned.date, campaign=self.id, phase=self.phase_of(planned.date),
            date=planned.date, start_time=planned.start, end_time=None if tour else end, kind=kind,
            topic=topic,
            place=destination or rng.choice(w.VILLAGE_PLACES if self.small else w.PLACES), host=host,
            speaker=t.names[rng.choice(t.leaders)],
            recorder=recorder, content="" if blank else content, destination=destination,
            head_count=present + rng.randint(2, 6) if tour else None, village=village)
        for person, (status, reason) in marks.items():
            self.b.add(r.Attendance, when=planned.date, session=session, person=person,
                       status=None if unrecorded else status, reason="" if unrecorded else reason)

    def marks(self, expected: list[uuid.UUID], keep_present: tuple) -> dict[uuid.UUID, tuple[str, str]]:
        """Mostly present, some late, on leave (with a reason) or absent; the host and recorder present."""
        rng, marks = self.rng, {}
        for person in expected:
            roll = rng.random()
            status = ("present" if roll < 0.86 or person in keep_present else "late" if roll < 0.91
                      else "leave" if roll < 0.98 else "absent")
            marks[person] = (status, rng.choice(w.LEAVE_REASONS) if status == "leave" else "")
        return marks

    # --- writings -------------------------------------------------------------------------------------------

    def writings(self):
        t, rng = self.t, self.rng
        for person in t.leaders + t.staff:
            self.writing(person, "notes", "学习笔记", rng.randint(5000, 12000))
            if rng.random() < 0.8 or person in t.leaders:
                self.writing(person, "reflection", "关于“解放思想、争先进位”的心得体会",
                             rng.randint(1500, 4000))
            self.writing(person, "speech", "“解放思想、争先进位”讨论发言", rng.randint(800, 2000),
                         checked=rng.random() < 0.7)
        for person in t.leaders:
            title = rng.choice(("关于产业发展的调研报告", "关于基层治理的调研报告"))
            self.writing(person, "research_report", title, rng.randint(3000, 8000))
            self.writing(person, "self_analysis", "个人对照检查剖析材料", rng.randint(3000, 6000))

    def checker_of(self, author: uuid.UUID) -> uuid.UUID:
        """Who checks a writing: the organisation member of the leadership group, never its own author."""
        leaders = self.t.leaders
        checker = leaders[min(6, len(leaders) - 1)]
        return checker if checker != author else leaders[0] if leaders[0] != author else leaders[1]

    def writing(self, person, kind, title, length, checked: bool = True):
        date = self.day(self.after(20))
        checked_on = date + dt.timedelta(days=self.rng.randint(3, 10))
        checked = checked and checked_on <= self.last
        self.b.add(r.Writing, when=date, campaign=self.id, person=person, kind=kind, title=title, date=date,
                   length=length, checked_by=self.checker_of(person) if checked else None,
                   checked_on=checked_on if checked else None)
