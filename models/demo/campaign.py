"""The records of one campaign of the demonstration data."""

from __future__ import annotations

import datetime as dt
import uuid

from models import records as r
from models import vocab
from models.demo import words as w
from models.i18n import translate_to

TODAY = dt.date(2026, 11, 25)  # the demo's "now": open rectifications due before it are overdue

# (kind, how many) of a township's campaign; a village holds about a third.
SESSION_PLAN = (("mobilization", 3), ("leader_study", 8), ("staff_study", 14), ("seminar", 4),
                ("party_meeting", 3), ("staff_meeting", 3), ("forum", 2), ("study_tour", 2),
                ("research", 2))


class CampaignBuilder:
    def __init__(self, township, year: int, name: str):
        self.t, self.b, self.rng = township, township.b, township.rng
        self.year, self.name = year, name
        self.start, self.end = dt.date(year, 2, 9), dt.date(year, 6, 30)
        self.small = township.size.village_only

    def day(self, first: dt.date | None = None, last: dt.date | None = None) -> dt.date:
        first, last = first or self.start, last or self.end
        return first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))

    def build(self):
        self.id = self.b.add(r.Campaign, when=self.start, unit=self.t.unit, name=self.name,
                             start_date=self.start, end_date=self.end,
                             aims="以思想解放为引领，推动干部转观念、转思想、转思路、转作风。")
        self.t.campaigns.append(self.id)
        self.phases()
        self.sessions()
        self.writings()
        self.visits()
        self.suggestions()
        self.rectifications()
        self.publicity()

    def phases(self):
        bounds = ((2, 9, 2, 28), (3, 1, 3, 31), (4, 1, 4, 30), (5, 1, 5, 31), (6, 1, 6, 30))
        self.phase_ids = []
        for position, (name, (m1, d1, m2, d2)) in enumerate(zip(vocab.DEFAULT_PHASES, bounds,
                                                                 strict=True)):
            start, end = dt.date(self.year, m1, d1), dt.date(self.year, m2, d2)
            self.phase_ids.append((self.b.add(
                r.Phase, when=self.start, campaign=self.id, position=position, start_date=start,
                end_date=end, name=translate_to("zh_CN", "Vocabulary", name)), start, end))

    def phase_of(self, day: dt.date):
        return next((key for key, start, end in self.phase_ids if start <= day <= end), None)

    # --- study sessions ---------------------------------------------------------

    def sessions(self):
        t = self.t
        everyone = t.leaders + t.staff + list(t.secretaries.values())
        expected_by_kind = {
            "leader_study": t.leaders, "staff_study": t.leaders + t.staff,
            "seminar": t.leaders + t.staff, "mobilization": everyone,
            "party_meeting": [p for p in everyone if p in t.party],
            "staff_meeting": t.leaders + t.staff, "forum": everyone,
            "study_tour": t.leaders + list(t.secretaries.values()), "research": t.leaders,
        }
        plan = [(kind, max(1, count // 3) if self.small else count) for kind, count in SESSION_PLAN]
        self.session_count = 0
        for kind, count in plan:
            for index in range(count):
                self.session(kind, index, expected_by_kind[kind])

    def session(self, kind: str, index: int, expected: list[uuid.UUID]):
        t, rng = self.t, self.rng
        # in a village the branch secretary is also a leader: expected once, one attendance row
        expected = list(dict.fromkeys(expected))
        if kind == "mobilization":
            date = (dt.date(self.year, 2, 9), dt.date(self.year, 2, 23), dt.date(self.year, 3, 7))[index]
        else:
            date = self.day(dt.date(self.year, 2, 20), dt.date(self.year, 6, 28))
        self.session_count += 1
        start = dt.time(rng.choice((8, 9, 14, 15)), rng.choice((0, 30)))
        end = dt.time(start.hour + rng.choice((1, 2)), start.minute)
        tour = kind == "study_tour"
        blank = self.session_count == 5  # one session whose minutes were never written up
        topics = w.SESSION_TOPICS[kind]
        session = self.b.add(
            r.Session, when=date, campaign=self.id, phase=self.phase_of(date), date=date,
            start_time=start, end_time=end if not tour else None, kind=kind,
            topic=topics[index % len(topics)],
            place=w.TOUR_DESTINATIONS[index % len(w.TOUR_DESTINATIONS)] if tour
            else rng.choice(w.PLACES),
            host=t.leaders[0] if kind in ("mobilization", "leader_study") else rng.choice(t.leaders),
            speaker=t.names[rng.choice(t.leaders)], recorder=rng.choice(t.staff),
            content="" if blank else f"会议传达学习了{topics[index % len(topics)]}的有关精神，"
                                     "结合工作实际开展交流发言，对下一步工作作出安排。",
            destination=w.TOUR_DESTINATIONS[index % len(w.TOUR_DESTINATIONS)] if tour else "",
            head_count=len(expected) + rng.randint(5, 30) if tour else None)
        self.attendance(session, date, expected, unrecorded=self.session_count == 7)

    def attendance(self, session: uuid.UUID, date: dt.date, expected: list[uuid.UUID], unrecorded: bool):
        """Mostly present, some late, on leave or absent; ``unrecorded``: not entered yet."""
        rng = self.rng
        for person in expected:
            roll = rng.random()
            status = ("present" if roll < 0.86 else "late" if roll < 0.91
                      else "leave" if roll < 0.98 else "absent")
            self.b.add(r.Attendance, when=date, session=session, person=person,
                       status=None if unrecorded else status,
                       reason=rng.choice(w.LEAVE_REASONS) if status == "leave" and not unrecorded
                       else "")

    # --- writings ---------------------------------------------------------------

    def writings(self):
        t, rng = self.t, self.rng
        checker = t.leaders[min(6, len(t.leaders) - 1)]
        for person in t.leaders + t.staff:
            self.writing(person, "notes", "学习笔记", rng.randint(5000, 12000), checker)
            if rng.random() < 0.8 or person in t.leaders:
                self.writing(person, "reflection", "关于“解放思想、争先进位”的心得体会",
                             rng.randint(1500, 4000), checker)
            self.writing(person, "speech", "“解放思想、争先进位”讨论发言", rng.randint(800, 2000),
                         checker if rng.random() < 0.7 else None)
        for person in t.leaders:
            self.writing(person, "research_report", rng.choice(("关于产业发展的调研报告",
                                                                "关于基层治理的调研报告")),
                         rng.randint(3000, 8000), t.leaders[0])
            self.writing(person, "self_analysis", "个人对照检查剖析材料", rng.randint(3000, 6000),
                         t.leaders[0])

    def writing(self, person, kind, title, length, checker):
        date = self.day(dt.date(self.year, 3, 1), dt.date(self.year, 6, 20))
        checked = date + dt.timedelta(days=self.rng.randint(3, 10)) if checker else None
        self.b.add(r.Writing, when=date, campaign=self.id, person=person, kind=kind, title=title,
                   date=date, length=length, checked_by=checker, checked_on=checked)

    # --- household visits -------------------------------------------------------

    def visits(self):
        t, rng = self.t, self.rng
        share = t.size.visit_share
        self.visits_with_requests: list[tuple[uuid.UUID, str, dt.date]] = []
        methods = ("home",) * 14 + ("phone",) * 2 + ("courtyard", "courtyard", "square", "exchange",
                                                      "forum")
        staff = t.staff + t.leaders
        for village in t.village_ids:
            coverage = min(1.0, share * rng.uniform(0.5, 1.6)) if share < 1 else 1.0
            households = t.household_ids[village]
            chosen = [h for h in households if rng.random() < coverage]
            if share > 1:
                chosen += rng.sample(households, int(len(households) * (share - 1)))
            secretary = t.secretaries[village]
            for household, population in chosen:
                date = self.day(dt.date(self.year, 2, 20), dt.date(self.year, 6, 25))
                visitors = {secretary, *rng.sample(staff, rng.randint(0, 2))}
                has_request = rng.random() < 0.35
                request = rng.choice(w.REQUESTS) if has_request else ""
                visit = self.b.add(
                    r.Visit, when=date, campaign=self.id, household=household, date=date,
                    method=rng.choice(methods),
                    situation=rng.choice(w.SITUATIONS).format(n=population),
                    requests=request, help_given=rng.choice(w.HELP) if has_request else "",
                    satisfaction=rng.choice(("satisfied",) * 8 + ("fair", "unsatisfied")),
                    follow_up=has_request and rng.random() < 0.4)
                for person in visitors:
                    self.b.link(r.VisitVisitor, visit=visit, person=person)
                if has_request and len(self.visits_with_requests) < 50:
                    self.visits_with_requests.append((visit, request, date))

    # --- suggestions ----------------------------------------------------------

    def suggestion_items(self) -> list[tuple[uuid.UUID, str, str]]:
        """The consolidated items (归并条目) of each category: (key, category, title)."""
        items = []
        for category, titles in w.SUGGESTION_ITEMS.items():
            for title in titles[: 2 if self.small else len(titles)]:
                item = self.b.add(r.SuggestionItem, when=self.start, campaign=self.id,
                                  category=self.t.suggestion_categories[category], title=title)
                items.append((item, category, title))
        return items

    def suggestions(self):
        t, rng = self.t, self.rng
        self.suggestion_rows: list[tuple[uuid.UUID, str, dt.date, str]] = []
        items = self.suggestion_items()
        total = 12 if self.small else 37
        sources = ("staff",) * 5 + ("public", "public", "visit", "forum", "box")
        for index in range(total):
            item, category, title = items[index % len(items)] if index < len(items) else \
                rng.choice(items)
            date = self.day(dt.date(self.year, 3, 1), dt.date(self.year, 5, 31))
            source = rng.choice(sources)
            staff_member = source == "staff"
            roll = rng.random()
            status = ("pending" if roll < 0.08 else "handling" if roll < 0.16 else
                      rng.choice(("adopted", "adopted", "partly", "declined", "answered")))
            answered = status not in ("pending", "handling")
            suggestion = self.b.add(
                r.Suggestion, when=date, campaign=self.id, date=date,
                submitter=rng.choice(t.staff) if staff_member else None,
                submitter_name="" if staff_member else self.b.person_name(), source=source,
                content=rng.choice(w.SUGGESTION_PHRASES).format(t=title),
                category=t.suggestion_categories[category], item=item, status=status,
                department=w.DEPARTMENTS_FOR_CATEGORY[category],
                handling="已研究，正在落实。" if status == "handling" else "",
                reply=rng.choice(w.SUGGESTION_REPLIES) if answered else "",
                reply_date=date + dt.timedelta(days=rng.randint(5, 30)) if answered else None)
            self.suggestion_rows.append((suggestion, title, date, category))

    # --- rectifications ---------------------------------------------------------

    def rectifications(self):
        t, rng = self.t, self.rng
        # (status, deadline) — some open ones are past their deadline: overdue
        plan = ([("done", dt.date(self.year, 6, 30))] * 8 + [("in_progress", dt.date(self.year, 7, 31))] * 2
                + [("in_progress", dt.date(2026, 12, 31))] * 3
                + [("not_started", dt.date(self.year, 8, 31))] + [("not_started", dt.date(2027, 3, 31))] * 2
                + [("ongoing", None)] * 4)
        if self.small:
            plan = plan[::3]
        categories = list(t.problem_categories.items())
        for index, (status, deadline) in enumerate(plan):
            category, category_id = categories[index % len(categories)]
            link, problem, source, found = self.problem_found(index, category)
            if deadline is not None and deadline < found:
                deadline = found + dt.timedelta(days=60)
            done = status == "done"
            completed = min(found + dt.timedelta(days=rng.randint(20, 80)), deadline) if done else None
            self.b.add(
                r.Rectification, when=found, campaign=self.id, recorded_on=found, problem=problem,
                category=category_id, source=source, measures=rng.choice(w.MEASURES),
                department=rng.choice(w.STAFF_DEPARTMENTS), person=rng.choice(t.staff),
                leader=rng.choice(t.leaders), deadline=deadline, status=status,
                progress="已完成整改并销号。" if done else "正在按计划推进。" if status != "not_started"
                else "",
                completed_on=completed, evidence="整改前后照片、会议记录" if done else "",
                verified_by=t.names[t.leaders[0]] if done else "", **link)

    def problem_found(self, index: int, category: str) -> tuple[dict, str, str, dt.date]:
        """(link, problem, source, date found): raised from a visit, from a suggestion, or found so."""
        if index % 4 == 1 and self.visits_with_requests:
            visit, request, found = self.visits_with_requests[index % len(self.visits_with_requests)]
            return {"visit": visit}, f"群众{request}", "visit", found
        if index % 4 == 2 and self.suggestion_rows:
            suggestion, title, found, _ = self.suggestion_rows[index % len(self.suggestion_rows)]
            return {"suggestion": suggestion}, title, "suggestion", found
        problem = w.PROBLEMS[category][index % len(w.PROBLEMS[category])]
        found = self.day(dt.date(self.year, 3, 1), dt.date(self.year, 4, 30))
        return {}, problem, "inspection" if index % 4 == 3 else "self", found

    # --- publicity --------------------------------------------------------------

    def publicity(self):
        t, rng = self.t, self.rng
        counts = {"article": 15, "briefing": 8, "column": 5, "interview": 4, "feature": 3}
        short = t.name
        for kind, count in counts.items():
            for number in range(1, (count // 3 or 1) + 1 if self.small else count + 1):
                title = rng.choice(w.PUBLICITY_TITLES[kind]).format(u=short, n=number)
                date = self.day(dt.date(self.year, 2, 15), dt.date(self.year, 6, 30))
                self.b.add(r.Publicity, when=date, campaign=self.id, date=date, kind=kind,
                           title=title,
                           outlet=rng.choice(w.OUTLETS[kind]).format(u=short[:2]))
