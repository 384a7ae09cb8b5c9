"""Who is expected at a session: the usual people for its kind, the presets, the last time's list.

A party members' meeting (党员大会) expects the party members — staff or not: a
villager in the branch is a person who is a party member and not on the staff
(``Person.staff``); the leadership group's own study expects the leadership
group; every other kind the staff in post. The presets a secretary picks from
are 班子成员, 支委, 全体党员 and 全体干部; "the same people as last time" is the
list of the last session of the same kind. Every list comes in the order of
posts (``models.ranks``), leadership group first.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from uuid import UUID

from models import ranks
from models import records as r
from models.i18n import QT_TRANSLATE_NOOP

LEADERS, COMMITTEE, PARTY, STAFF = "leaders", "committee", "party", "staff"
PRESETS = {
    LEADERS: QT_TRANSLATE_NOOP("Expected", "Leadership group"),
    COMMITTEE: QT_TRANSLATE_NOOP("Expected", "Party committee"),
    PARTY: QT_TRANSLATE_NOOP("Expected", "All party members"),
    STAFF: QT_TRANSLATE_NOOP("Expected", "All staff"),
}
# Posts of a party (branch) committee: 支委 of a village, 党委委员 of a township.
COMMITTEE_POSTS = ("书记", "副书记", "支委", "支部委员", "党委委员", "总支委员", "党工委委员", "党组成员",
                   "组织委员", "宣传委员", "纪检委员", "统战委员", "政法委员")
KIND_PRESET = {"party_meeting": PARTY, "leader_study": LEADERS}


def in_committee(title: str | None) -> bool:
    """Whether a post (“党委委员、副镇长”, “村党支部书记”) is one of a party committee."""
    parts = [part for part in re.split(r"[、，,/／;；\s]+", title or "") if part]
    return any(part.endswith(COMMITTEE_POSTS) and not any(word in part for word in ("村委", "居委", "团"))
               for part in parts)


def preset(name: str) -> list[UUID]:
    """The persons in post of a preset (LEADERS, COMMITTEE, PARTY, STAFF), in the order of posts."""
    query = r.Person.select(r.Person.id, r.Person.name, r.Person.title, r.Person.leader).where(
        r.Person.deleted_at.is_null(), r.Person.active == True)  # noqa: E712
    if name == LEADERS:
        query = query.where(r.Person.leader == True)  # noqa: E712
    elif name == PARTY:
        query = query.where(r.Person.party_member == True)  # noqa: E712
    elif name == STAFF:
        query = query.where(r.Person.staff == True)  # noqa: E712
    elif name != COMMITTEE:
        raise ValueError(f"unknown preset {name!r}")
    people = list(query)
    if name == COMMITTEE:
        people = [person for person in people if in_committee(person.title)]
    return [person.id for person in ranks.ordered(people)]


def for_kind(kind: str | None) -> list[UUID]:
    """Who a new session of this kind expects until the secretary says otherwise."""
    return preset(KIND_PRESET.get(kind or "", STAFF))


def like_last(kind: str | None, session: Any = None, before: dt.date | None = None) -> list[UUID] | None:
    """The persons expected at the last session of ``kind`` (before ``before``, other than ``session``),
    still live, in the order of posts; None when there was no such session."""
    query = r.Session.select(r.Session.id).where(r.Session.deleted_at.is_null(), r.Session.kind == kind)
    if session is not None:
        query = query.where(r.Session.id != getattr(session, "id", session))
    if isinstance(before, dt.date):
        query = query.where(r.Session.date <= before)
    last = query.order_by(r.Session.date.desc(), r.Session.start_time.desc(),
                          r.Session.created_at.desc()).first()
    if last is None:
        return None
    keys = [key for (key,) in r.Attendance.select(r.Attendance.person).join(
        r.Person, on=(r.Attendance.person == r.Person.id)).where(
        r.Attendance.session == last.id, r.Attendance.deleted_at.is_null(),
        r.Person.deleted_at.is_null()).tuples()]
    return ranks.ordered_ids(keys)
