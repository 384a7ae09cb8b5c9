"""The office's own wording of a summary's sections (``SummaryText``), kept per campaign.

Only a wording that differs from the default is stored: a section the office
left alone goes on following the default (and its improvements).
"""

from __future__ import annotations

from uuid import UUID

from exporters.summary.sections import SECTIONS, section
from models import records as r
from models import store


def saved_wording(campaign: UUID) -> dict[str, str]:
    """The sections the office worded itself for ``campaign``: {key: text}."""
    return {row.section: row.text for row in r.SummaryText.select().where(
        r.SummaryText.campaign == campaign, r.SummaryText.deleted_at.is_null())}


def wording(campaign: UUID) -> dict[str, str]:
    """Every section's wording: the office's own where it has one, else the default."""
    saved = saved_wording(campaign)
    return {s.key: saved.get(s.key, s.default) for s in SECTIONS}


def save_wording(campaign: UUID, key: str, text: str) -> None:
    """Keep the office's wording of a section; the default wording itself is not stored.

    A text equal to the default is not a wording of the office's own: the
    section goes on following the default (and its improvements).
    """
    text = (text or "").replace("\r\n", "\n").strip()
    row = r.SummaryText.get_or_none(r.SummaryText.campaign == campaign, r.SummaryText.section == key)
    if text == section(key).default.strip():
        reset_wording(campaign, key)
        return
    if row is not None and row.deleted_at is not None:
        store.restore(row)
    if row is None or row.text != text or row.deleted_at is not None:
        store.save(r.SummaryText, {"campaign": campaign, "section": key, "text": text}, row)


def reset_wording(campaign: UUID, key: str) -> None:
    """Back to the default wording (the office's text goes to the recycle bin's table)."""
    row = r.SummaryText.get_or_none(r.SummaryText.campaign == campaign, r.SummaryText.section == key,
                                    r.SummaryText.deleted_at.is_null())
    if row is not None:
        store.delete(row)
