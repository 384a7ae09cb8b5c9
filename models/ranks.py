"""The order of posts (职务): who is listed first wherever people are listed.

A sign-in sheet, the minutes, the attendance of a session and every choice of
persons list the office's people in the order of their posts — 党委书记 before
镇长 before 党委副书记 …, in a village 村党支部书记 first — not in the order of
the characters of their names. The order is the office's own (a setting, kept
as one post a line); until the office changes it, the usual order for the
unit's level applies.

The leadership group (班子成员) comes first, then everyone else, each in the
order of posts; a post written as several (“党委委员、副镇长”) ranks by its
highest part; a post that is in no line of the order comes after all that are;
persons of the same rank follow their names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from models import records as r
from models import store

SETTING = "rank_order"

TOWNSHIP = (
    "党委书记", "镇长", "乡长", "人大主席", "党委副书记", "纪委书记", "组织委员", "宣传委员", "统战委员",
    "政法委员", "武装部部长", "副镇长", "副乡长", "人大副主席", "党委委员", "主任", "副主任", "站长", "所长",
    "干部", "办事员",
)
SUBDISTRICT = (
    "党工委书记", "办事处主任", "党工委副书记", "纪工委书记", "人大工委主任", "组织委员", "宣传委员",
    "武装部部长", "办事处副主任", "党工委委员", "主任", "副主任", "站长", "所长", "干部", "办事员",
)
VILLAGE = (
    "村党支部书记", "村党总支书记", "社区党委书记", "社区党支部书记", "村委会主任", "居委会主任",
    "村党支部副书记", "社区党委副书记", "村委会副主任", "居委会副主任", "村监委会主任", "村务监督委员会主任",
    "村委委员", "居委委员", "支部委员", "妇联主席", "团支部书记", "民兵连长", "文书", "报账员", "村民小组长",
    "网格员",
)
BUREAU = (
    "党组书记", "局长", "党组副书记", "副局长", "纪检组长", "党组成员", "总工程师", "主任科员", "科长",
    "副科长", "干部", "办事员",
)
COUNTY = (
    "县委书记", "县长", "县委副书记", "常委", "副县长", "主任", "副主任", "科长", "副科长", "干部", "办事员",
)
DEFAULTS = {"township": TOWNSHIP, "town": TOWNSHIP, "subdistrict": SUBDISTRICT, "village": VILLAGE,
            "community": VILLAGE, "bureau": BUREAU, "county": COUNTY}

_PARTS = re.compile(r"[、，,/／;；\s]+")


def default_order(level: str | None) -> tuple[str, ...]:
    """The usual order of posts for a unit of this level (a township's when the level is unknown)."""
    return DEFAULTS.get(level or "", TOWNSHIP)


def order() -> list[str]:
    """The office's order of posts: its own if it set one, else the usual one for its level."""
    stored = store.get_setting(SETTING)
    if stored.strip():
        return [line.strip() for line in stored.splitlines() if line.strip()]
    unit = store.current_unit()
    return list(default_order(unit.level if unit is not None else None))


def set_order(posts: Iterable[str]) -> None:
    """Keep the office's order; an empty one goes back to the usual order for its level."""
    lines = [post.strip() for post in posts if post.strip()]
    store.set_setting(SETTING, "\n".join(dict.fromkeys(lines)))


class Ranking:
    """The sort key of persons under one order of posts (read once, used for a whole list)."""

    def __init__(self, posts: list[str] | None = None):
        self.posts = {post: index for index, post in enumerate(posts if posts is not None else order())}
        self.unranked = len(self.posts)

    def rank(self, title: str | None) -> int:
        parts = [part for part in _PARTS.split(title or "") if part]
        return min((self.posts.get(part, self.unranked) for part in parts), default=self.unranked)

    def key(self, name: str, title: str | None, leader: bool = False) -> tuple[int, int, str]:
        return 0 if leader else 1, self.rank(title), name or ""


def ordered(people: Iterable[Any], ranking: Ranking | None = None) -> list[Any]:
    """Persons (records, or anything with ``name``, ``title`` and ``leader``) in the order of their posts."""
    ranking = ranking or Ranking()
    return sorted(people, key=lambda p: ranking.key(p.name, p.title, bool(getattr(p, "leader", False))))


def ordered_ids(keys: Iterable[Any]) -> list[Any]:
    """Person keys in the order of their persons' posts (unknown keys last, as given)."""
    keys = list(keys)
    found = {key: (name, title, leader) for key, name, title, leader in
             r.Person.select(r.Person.id, r.Person.name, r.Person.title, r.Person.leader)
             .where(r.Person.id.in_(keys)).tuples()}
    ranking = Ranking()
    known = sorted((key for key in keys if key in found), key=lambda key: ranking.key(*found[key]))
    return known + [key for key in keys if key not in found]
