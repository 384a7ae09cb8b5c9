"""The demo's visits, suggestions, rectifications and publicity: each fact agreeing with the others.

A visit says its request went on the problem list only when a rectification
comes from it; a suggestion's reply fits its status, and is dated before today
(else it is still being handled); each problem is different and its measures
fit it; a problem closed was closed before today, an overdue one is open past a
deadline before today; every publicity title is different.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from typing import Any

from models import records as r
from models.demo import words as w

# (status, deadline: days from today; None for none) of a township's problems, in the order found
RECTIFICATION_PLAN = ([("done", None)] * 8 + [("in_progress", -15), ("in_progress", -6)]
                      + [("in_progress", 45)] * 3 + [("not_started", -3)] + [("not_started", 75)] * 2
                      + [("ongoing", None)] * 4)
VILLAGE_OFFICES = ("村两委", "村务监督委员会")  # who a village's own problems are given to
PUBLICITY_COUNTS = {"article": 15, "briefing": 8, "column": 5, "interview": 4, "feature": 3}


class Casework:
    def __init__(self, campaign):
        self.c, self.t, self.b, self.rng = campaign, campaign.t, campaign.b, campaign.rng
        plan = RECTIFICATION_PLAN[::3] if campaign.small else RECTIFICATION_PLAN
        self.plan = plan
        self.raised_visits = sum(1 for index in range(len(plan)) if index % 4 == 1)
        self.raised_suggestions = sum(1 for index in range(len(plan)) if index % 4 == 2)

    def build(self):
        self.visits()
        self.suggestions()
        self.rectifications()
        self.publicity()

    # --- household visits ----------------------------------------------------------------------------

    def visits(self):
        t, rng, c = self.t, self.rng, self.c
        share = t.size.visit_share
        self.raised: list[tuple[uuid.UUID, tuple[str, str, str, str], dt.date]] = []
        requests = rng.sample(w.REQUESTS, min(self.raised_visits, len(w.REQUESTS)))
        raising = Counter(rng.choice(t.village_ids) for _ in requests)  # whose requests go on the list
        methods = ("home",) * 14 + ("phone",) * 2 + ("courtyard", "courtyard", "square", "exchange", "forum")
        staff = t.staff + t.leaders
        for village in t.village_ids:
            # about one village in six has visited every household; the others some of them
            fully = share >= 1 or rng.random() < 0.18
            coverage = 1.0 if fully else min(1.0, share * rng.uniform(0.6, 1.4))
            households = t.household_ids[village]
            chosen = [h for h in households if rng.random() < coverage]
            if share > 1:
                chosen += rng.sample(households, int(len(households) * (share - 1)))
            for household, population in chosen:
                date = c.day(c.after(11))
                request = rng.choice(w.REQUESTS) if rng.random() < 0.35 else None
                raise_it = request is not None and raising[village] > 0
                if raise_it:
                    raising[village] -= 1
                    request = requests[len(self.raised)]
                help_given = w.RAISED_HELP if raise_it else (request[1] if request else "")
                visit = self.b.add(
                    r.Visit, when=date, campaign=c.id, household=household, date=date,
                    method=rng.choice(methods), situation=rng.choice(w.SITUATIONS).format(n=population),
                    requests=request[0] if request else "", help_given=help_given,
                    satisfaction=rng.choice(("satisfied",) * 8 + ("fair", "unsatisfied")),
                    follow_up=bool(raise_it))
                for person in {t.secretaries[village], *rng.sample(staff, rng.randint(0, 2))}:
                    self.b.link(r.VisitVisitor, visit=visit, person=person)
                if raise_it:
                    self.raised.append((visit, request, date))

    # --- suggestions -----------------------------------------------------------------------------------

    def suggestion_items(self) -> list[tuple[uuid.UUID, str, str]]:
        """The consolidated items (归并条目) of each category: (key, category, title)."""
        items = []
        for category, titles in w.SUGGESTION_ITEMS.items():
            for title in titles[: 2 if self.c.small else len(titles)]:
                item = self.b.add(r.SuggestionItem, when=self.c.start, campaign=self.c.id,
                                  category=self.t.suggestion_categories[category], title=title)
                items.append((item, category, title))
        return items

    def suggestions(self):
        t, rng, c = self.t, self.rng, self.c
        self.suggestion_rows: list[tuple[uuid.UUID, str, dt.date, uuid.UUID | None]] = []
        items = self.suggestion_items()
        sources = ("staff",) * 5 + ("public", "public", "visit", "forum", "box")
        for index in range(12 if c.small else 37):
            item, category, title = items[index % len(items)] if index < len(items) else rng.choice(items)
            date = c.day(c.after(20), c.last - dt.timedelta(days=3))
            source = rng.choice(sources)
            staff_member = source == "staff"
            village = None if staff_member and not c.small else rng.choice(t.village_ids)
            status, reply, reply_date = self.handled(date)
            suggestion = self.b.add(
                r.Suggestion, when=date, campaign=c.id, date=date,
                submitter=rng.choice(t.staff) if staff_member else None,
                submitter_name="" if staff_member else self.b.person_name(), source=source,
                content=rng.choice(w.SUGGESTION_PHRASES).format(t=title),
                category=t.suggestion_categories[category], item=item, status=status,
                department="村两委" if c.small else w.DEPARTMENTS_FOR_CATEGORY[category],
                handling=w.HANDLING if status == "handling" else "", reply=reply, reply_date=reply_date,
                village=village)
            self.suggestion_rows.append((suggestion, title, date, village))

    def handled(self, date: dt.date) -> tuple[str, str, dt.date | None]:
        """A status, its reply and the reply's date; no reply dated after today."""
        rng = self.rng
        roll = rng.random()
        status = ("pending" if roll < 0.08 else "handling" if roll < 0.16 else
                  rng.choice(("adopted", "adopted", "partly", "declined", "answered")))
        if status in ("pending", "handling"):
            return status, "", None
        reply_date = date + dt.timedelta(days=rng.randint(5, 30))
        if reply_date > self.c.last:
            return "handling", "", None
        return status, rng.choice(w.SUGGESTION_REPLIES[status]), reply_date

    # --- rectifications ------------------------------------------------------------------------------------

    def rectifications(self):
        rng = self.rng
        problems = {category: list(entries) for category, entries in w.PROBLEMS.items()}
        categories = list(problems)
        first_of_item: dict[str, tuple] = {}
        for row in self.suggestion_rows:
            if row[1] in w.ITEM_MEASURES:
                first_of_item.setdefault(row[1], row)  # one problem an item: never the same problem twice
        titles = sorted(first_of_item)
        raised_from = iter(first_of_item[title] for title in
                           rng.sample(titles, min(self.raised_suggestions, len(titles))))
        visits = iter(self.raised)
        for index, (status, due) in enumerate(self.plan):
            found = self.found(index, problems, categories, visits, raised_from)
            if found is None:
                continue
            link, problem, measures, category, source, day = found
            self.rectification(status, due, link, problem, measures, category, source, day)

    def found(self, index: int, problems, categories, visits, raised_from) -> tuple | None:
        """(link, problem, measures, category, source, date found): from a visit, a suggestion."""
        c = self.c
        if index % 4 == 1:
            visit, (_request, _help, problem, measures), day = next(visits, (None, ("",) * 4, None))
            if visit is not None:
                return {"visit": visit}, problem, measures, w.SERVICE_CATEGORY, "visit", day
        if index % 4 == 2:
            suggestion, title, day, _village = next(raised_from, (None, "", None, None))
            if suggestion is not None:
                return ({"suggestion": suggestion}, title, w.ITEM_MEASURES[title], w.SERVICE_CATEGORY,
                        "suggestion", day)
        for offset in range(len(categories)):
            category = categories[(index + offset) % len(categories)]
            if problems[category]:
                problem, measures = problems[category].pop(0)
                source = "inspection" if index % 4 == 3 else "self"
                return {}, problem, measures, category, source, c.day(c.after(20), c.after(75))
        return None

    def rectification(self, status: str, due: int | None, link: dict[str, Any], problem: str, measures: str,
                      category: str, source: str, found: dt.date) -> None:
        t, rng, c = self.t, self.rng, self.c
        completed = None
        if status == "done":
            completed = found + dt.timedelta(days=rng.randint(15, 45))
            if completed > c.last:  # found too lately to be closed by now: still in progress
                status, completed, due = "in_progress", None, 30
        if status == "done" and completed is not None:
            deadline = completed + dt.timedelta(days=rng.randint(0, 20))
        elif due is None or status == "ongoing":
            deadline = None
        else:
            deadline = max(c.today + dt.timedelta(days=due), found + dt.timedelta(days=14))
        done = status == "done"
        self.b.add(
            r.Rectification, when=found, campaign=c.id, recorded_on=found, problem=problem,
            category=t.problem_categories[category], source=source, measures=measures,
            department=rng.choice(VILLAGE_OFFICES if c.small else w.STAFF_DEPARTMENTS),
            person=rng.choice(t.staff), leader=rng.choice(t.leaders),
            deadline=deadline, status=status,
            progress="已完成整改并销号。" if done else "正在按计划推进。" if status != "not_started" else "",
            completed_on=completed, evidence="整改前后照片、会议记录" if done else "",
            verified_by=t.names[t.leaders[0]] if done else "", **link)

    # --- publicity -----------------------------------------------------------------------------------------

    def publicity(self):
        t, rng, c = self.t, self.rng, self.c
        short = t.short_name
        for kind, count in PUBLICITY_COUNTS.items():
            count = max(1, count // 3) if c.small else count
            dates = sorted(c.day(c.after(6)) for _ in range(count))
            templates = w.PUBLICITY_TITLES[kind]
            titles = rng.sample(templates, count) if len(templates) >= count else [templates[0]] * count
            for number, (date, title) in enumerate(zip(dates, titles, strict=True), 1):
                outlet = rng.choice(w.OUTLETS[kind]).format(u=short)
                self.b.add(r.Publicity, when=date, campaign=c.id, date=date, kind=kind,
                           title=title.format(u=t.name, n=number), outlet=outlet)
