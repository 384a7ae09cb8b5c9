"""Settings of this installation, in the data file's ``setting`` table: current unit and campaign, ….

Local to the laptop: settings are not records and never travel in packages.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from models import records as r
from models.records import BaseModel


def get_setting(key: str, default: str = "") -> str:
    row = r.Setting.get_or_none(r.Setting.key == key)
    return row.value if row else default


def set_setting(key: str, value: str) -> None:
    r.Setting.insert(key=key, value=value).on_conflict_replace().execute()


def _current(model: type[BaseModel], key: str, otherwise: Any) -> Any:
    """The live record named by setting ``key``; else the first live one in the order ``otherwise``."""
    value = get_setting(key)
    record = None
    if value:
        try:
            record = model.get_or_none(model.id == UUID(value))
        except ValueError:
            record = None
    if record is None or record.deleted_at is not None:
        record = model.select().where(model.deleted_at.is_null()).order_by(otherwise).first()
    return record


def current_unit() -> r.Unit | None:
    """The unit this database keeps the ledgers of (the first one if none was chosen)."""
    return _current(r.Unit, "current_unit", r.Unit.created_at)


def current_campaign() -> r.Campaign | None:
    """The campaign the window works on: the one chosen in 设置, else the newest."""
    return _current(r.Campaign, "current_campaign", r.Campaign.start_date.desc())


def set_current(unit: r.Unit | None = None, campaign: r.Campaign | None = None) -> None:
    if unit is not None:
        set_setting("current_unit", unit.id.hex)
    if campaign is not None:
        set_setting("current_campaign", campaign.id.hex)


# The unit's own settings in 设置 → 本单位 (kept per installation, like the operator's name).
ADDRESSEE = "report_addressee"  # 主送 of the rectification report
OWN_OUTLETS = "own_outlets"  # the unit's own media, one a line


def addressee() -> str:
    return get_setting(ADDRESSEE).strip()


def own_outlets() -> set[str]:
    """The unit's own media (its 公众号, its station …), as named in 设置 → 本单位."""
    return {line.strip() for line in get_setting(OWN_OUTLETS).splitlines() if line.strip()}
