"""村（社区）与村民小组: the villages of the unit and the groups of the chosen village.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QWidget,
)

from models import records as r
from models import store, vocab
from models.i18n import translate
from ui.common import guarded
from ui.widgets.choices import fill_vocabulary, select_data
from ui.widgets.name_list import NameListEditor, live_rows


class PlacesTab(QWidget):
    """村（社区）与村民小组: the villages of the unit and the groups of the chosen village."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.villages = NameListEditor(
            translate("Field", r.Village.name.verbose_name), r.Village, self._village_rows,
            lambda _name: {"unit": store.current_unit().id, "kind": self.kind_combo.currentData()})
        self.groups = NameListEditor(
            translate("Field", r.VillageGroup.name.verbose_name), r.VillageGroup, self._group_rows,
            lambda _name: {"village": self.villages.current().id})
        self.kind_combo = QComboBox()
        fill_vocabulary(self.kind_combo, vocab.VILLAGE_KINDS)
        self.kind_combo.setToolTip(self.tr("A new village takes this kind; changing it changes the "
                                           "selected village."))
        self.kind_combo.activated.connect(self._on_kind_combo_activated)
        kind_row = QFormLayout()
        kind_row.addRow(translate("Field", r.Village.kind.verbose_name), self.kind_combo)
        self.villages.layout().insertLayout(1, kind_row)
        self.villages.current_changed.connect(self._on_villages_current_changed)
        self.villages.changed.connect(self.changed)
        self.groups.changed.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.addWidget(self.villages, 1)
        layout.addWidget(self.groups, 1)

    def refresh(self) -> None:
        self.villages.refresh()  # its current_changed refreshes the groups

    def _village_rows(self) -> list[r.Village] | None:
        unit = store.current_unit()
        return None if unit is None else live_rows(r.Village.select().where(r.Village.unit == unit))

    def _group_rows(self) -> list[r.VillageGroup] | None:
        village = self.villages.current()
        if village is None:
            return None
        return live_rows(r.VillageGroup.select().where(r.VillageGroup.village == village))

    def _on_villages_current_changed(self, village: r.Village | None) -> None:
        if village is not None:
            select_data(self.kind_combo, village.kind)
        self.groups.refresh()

    def _on_kind_combo_activated(self, _index: int) -> None:
        village = self.villages.current()
        kind = self.kind_combo.currentData()
        if village is None or village.kind == kind:
            return
        if guarded(self, lambda: store.save(r.Village, {"kind": kind}, village)) is not None:
            self.villages.refresh()
            self.changed.emit()
