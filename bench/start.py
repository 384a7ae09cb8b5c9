"""How long the window takes to open, against a bare QMainWindow process, as whole processes.

    python bench/start.py --db FILE [--db FILE …] [--runs 5]

For each data file, twice: ``python main.py --smoke --db FILE`` (the window opens,
its first page shows its figures, it prints the milliseconds since main.py began and quits) — once
as every start but the day's first finds the file, unchanged since the window last closed on it,
which kept the first page (``models.first_page``), and once as the day's first start, which counts
it — and a bare process that imports PySide6, shows an empty ``QMainWindow``, paints it, prints a
line and quits. The two run in turn (ours, bare, ours, bare …) after one warm-up turn, each timed
from its start to its first line (the window painted: what the user waits for) and to its exit, and
the ratios are taken pair by pair, so that a machine whose speed drifts during the run still gives
a fair ratio. In each turn a third process, ``SAME_WIDGETS``, shows the first page's widgets alone:
Qt's own classes, of the kinds and numbers of the township's first page, with no data and none of
台账通's code — the least any start that shows that page can take. Printed: the medians of each, of
the pairs' ratios and of what ``--smoke`` itself printed. Beside them, on its own: the file's
integrity check (``models.health.full_check``, ``PRAGMA integrity_check``), which is not part of the
start — the window runs it off its thread once it is shown (``ui/data_file.py``) — but is what a
start would cost if it came back.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 780)
window.show()
QTimer.singleShot(0, lambda: (window.repaint(), print("painted", flush=True), app.exit(0)))
sys.exit(app.exec())
"""

# The window's first page as widgets alone: Qt's own classes of the kinds and numbers the township's
# first page has (a menu bar of 29 actions, the navigation, the filter bar, 35 figure buttons with their
# style under 6 topics, the to-do with its 3 settings, 4 charts' places, the status bar), with their
# texts but no data file, no module of 台账通 and no code beyond building them. What a start that shows
# that page can cost at the least, whatever the program does.
SAME_WIDGETS = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QMainWindow, QMenu, QScrollArea, QSpinBox, QSplitter, QStackedWidget,
    QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)
app = QApplication(sys.argv)
window = QMainWindow()
menu = window.menuBar().addMenu("文件(&F)")
for n in range(15):
    menu.addAction(f"操作{n}…", window.close)
menu = window.menuBar().addMenu("记录(&R)")
for n in range(13):
    action = QAction(f"页面{n}", window)
    action.setShortcut(QKeySequence(f"Ctrl+{(n + 1) % 10}"))
    menu.addAction(action)
window.menuBar().addMenu("帮助(&H)").addAction("关于", window.close)
window.statusBar().addPermanentWidget(QLabel("数据文件"))
nav = QListWidget()
nav.setMaximumWidth(220)
nav.addItems([f"页面{n}" for n in range(13)])
stack = QStackedWidget()
splitter = QSplitter()
splitter.addWidget(nav)
splitter.addWidget(stack)
splitter.setStretchFactor(1, 1)
window.setCentralWidget(splitter)
page = QWidget()
outer = QVBoxLayout(page)
bar = QHBoxLayout()
outer.addLayout(bar)
for entries in (["全部活动", "思想大解放"], ["全部村"] + [f"村{n}" for n in range(24)]):
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    combo.addItems(entries)
    bar.addWidget(combo)
for label in ("从", "至"):
    bar.addWidget(QLabel(label))
    date = QWidget()
    row = QHBoxLayout(date)
    row.addWidget(QLineEdit())
    button = QToolButton()
    button.setText("▾")
    button.setMenu(QMenu(button))
    row.addWidget(button)
    bar.addWidget(date)
content = QWidget()
column = QVBoxLayout(content)
for text, style in (("思想大解放", "font-size: 15px; font-weight: bold;"), ("数据已是最新", "color: #555;")):
    label = QLabel(text)
    label.setStyleSheet(style)
    column.addWidget(label)
figures = QGroupBox("数字")
grid = QGridLayout(figures)
for topic, count in enumerate((9, 7, 6, 6, 4, 3)):
    title = QLabel(f"主题{topic}")
    title.setStyleSheet("font-weight: bold;")
    grid.addWidget(title, topic, 0, Qt.AlignmentFlag.AlignTop)
    cell = QWidget()
    lines = QVBoxLayout(cell)
    lines.setContentsMargins(0, 0, 0, 0)
    line = QHBoxLayout()
    for n in range(count):
        if n == 6:
            line.addStretch(1)
            lines.addLayout(line)
            line = QHBoxLayout()
        figure = QToolButton()
        figure.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        figure.setAutoRaise(True)
        figure.setCursor(Qt.CursorShape.PointingHandCursor)
        figure.setStyleSheet("QToolButton { font-size: 13px; padding: 4px 8px; }"
                             "QToolButton:hover { background: #e8f0fb; }")
        figure.setText(f"{1234 + n} 次\\n数字{n}")
        figure.setMinimumWidth(max(72, figure.sizeHint().width()))
        line.addWidget(figure)
    line.addStretch(1)
    lines.addLayout(line)
    grid.addWidget(cell, topic, 1)
grid.setColumnStretch(1, 1)
column.addWidget(figures)
todo = QGroupBox("待办")
rows = QVBoxLayout(todo)
limits = QHBoxLayout()
for n in range(3):
    limits.addWidget(QLabel(f"设置{n}"))
    spin = QSpinBox()
    spin.setRange(0, 365)
    limits.addWidget(spin)
    limits.addWidget(QLabel("天"))
rows.addLayout(limits)
tree = QTreeWidget()
tree.setHeaderHidden(True)
for n in range(3):
    item = QTreeWidgetItem(tree, [f"待办{n}"])
    for m in range(5):
        QTreeWidgetItem(item, [f"事项{m}"])
rows.addWidget(tree)
column.addWidget(todo)
charts = QWidget()
places = QGridLayout(charts)
for n in range(4):
    chart = QWidget()
    chart.setMinimumSize(320, 220)
    places.addWidget(chart, n // 2, n % 2)
column.addWidget(charts)
scroll = QScrollArea()
scroll.setWidgetResizable(True)
scroll.setWidget(content)
outer.addWidget(scroll, 1)
stack.addWidget(page)
window.resize(1280, 780)
splitter.setSizes([150, 1130])
window.show()
QTimer.singleShot(0, lambda: (window.repaint(), print("painted", flush=True), app.exit(0)))
sys.exit(app.exec())
"""


def _environment(home: Path) -> dict[str, str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   "TAIZHANGTONG_HOME": str(home)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled once, then loaded
    return environment


def _timed(command: list[str], environment: dict[str, str]) -> tuple[float, float, str]:
    """Milliseconds from the start of ``command`` to its first line (printed once its window is painted),
    and to its exit; what it printed."""
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment,
                          cwd=ROOT) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        painted = time.perf_counter() - start
        rest, errors = process.communicate()
        ended = time.perf_counter() - start
    if process.returncode or not first:
        raise SystemExit(f"{' '.join(command)} failed: {errors.strip()[-500:]}")
    return painted * 1000, ended * 1000, (first + rest).strip()


def _known_sound_without_a_kept_page(path: Path, home: Path) -> None:
    """The file as on the first start of a day: this computer knows it sound, its kept first page is
    not today's (here: none)."""
    from models import health, paths
    from models.sqlite import driver

    connection = driver.connect(str(path))
    connection.execute('DELETE FROM "first_page"')
    connection.commit()
    connection.close()
    before = os.environ.get(paths.HOME_ENV)
    os.environ[paths.HOME_ENV] = str(home)
    try:
        health.remember_sound(path)
    finally:
        if before is None:
            os.environ.pop(paths.HOME_ENV)
        else:
            os.environ[paths.HOME_ENV] = before


def pairs(path: Path, runs: int, kept: bool = True) -> dict[str, float]:
    """Medians (ms) of ours and of the bare window, to the first paint and to the exit, of the pairs'
    ratios of each, and of what --smoke printed; and of the first page's widgets alone
    (``SAME_WIDGETS``) to the first paint, with their ratio to the bare window of the same turn.

    ``kept``: each start finds the first page the one before kept (``models.first_page``: the file
    unchanged since the window last closed on it); else each start counts it, as the first of a day
    does (and keeps it as it closes, which its exit includes).
    """
    with tempfile.TemporaryDirectory() as home:
        environment = _environment(Path(home))
        ours_command = [sys.executable, str(ROOT / "main.py"), "--smoke", "--db", str(path)]
        bare_command = [sys.executable, "-c", BARE]
        widgets_command = [sys.executable, "-c", SAME_WIDGETS]
        found: dict[str, list[float]] = {name: [] for name in (
            "ours", "bare", "ratio", "ours_exit", "bare_exit", "ratio_exit", "printed", "widgets",
            "ratio_widgets")}
        _timed(ours_command, environment)  # the file upgraded if need be, and known sound from now on
        _known_sound_without_a_kept_page(path, Path(home))
        for run in range(runs + 1):
            if not kept:
                _known_sound_without_a_kept_page(path, Path(home))
            ours, ours_exit, said = _timed(ours_command, environment)
            bare, bare_exit, _ = _timed(bare_command, environment)
            widgets, _, _ = _timed(widgets_command, environment)
            if run == 0:
                continue  # warm-up: compiled files written, the file in the system's cache
            for name, value in (("ours", ours), ("bare", bare), ("ratio", ours / bare),
                                ("ours_exit", ours_exit), ("bare_exit", bare_exit),
                                ("ratio_exit", ours_exit / bare_exit), ("printed", float(said.split()[0])),
                                ("widgets", widgets), ("ratio_widgets", widgets / bare)):
                found[name].append(value)
    return {name: statistics.median(values) for name, values in found.items()}


def integrity_check_ms(path: Path, runs: int) -> float:
    """The integrity check the window runs in the background after it is shown, on its own."""
    from bench.common import median_ms
    from models import health

    def check() -> None:
        if problems := health.full_check(path):
            raise SystemExit(f"{path}: {problems[:3]}")

    return median_ms(check, runs)


def summary(data) -> list:
    """For ``bench/run.py``: the township and the county demo against the bare window."""
    from bench.common import Row

    rows = []
    for size, path, goal in (("township", data.township, "≤ 1.5×"), ("county", data.county, "≤ 2×")):
        if path is None:
            continue
        for kept, how in ((True, "page kept"), (False, "page counted")):
            found = pairs(path, data.runs, kept)
            rows.append(Row("start", f"{size}, {how}: to the first paint", found["ours"], found["bare"],
                            "bare QMainWindow process", goal=goal, paired_ratio=found["ratio"]))
            rows.append(Row("start", f"{size}, {how}: to the exit", found["ours_exit"], found["bare_exit"],
                            "bare QMainWindow process", paired_ratio=found["ratio_exit"]))
            rows.append(Row("start", f"{size}, {how}: --smoke's own count",
                            found["printed"], found["bare"], "bare QMainWindow process"))
            if kept:  # the same in every turn: once
                rows.append(Row("start", "the first page's widgets alone, no data: to the first paint",
                                found["widgets"], found["bare"], "bare QMainWindow process",
                                paired_ratio=found["ratio_widgets"]))
        rows.append(Row("start", f"{size}: integrity check (after the start)",
                        integrity_check_ms(path, min(data.runs, 3)), found["bare"],
                        "bare QMainWindow process"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, action="append", required=True, metavar="FILE",
                        help="a data file that has been set up (a demo); may be given more than once")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}; {args.runs} pairs after one warm-up pair; whole processes")
    print(f"{'data file':<16}{'first page':<11}{'to the first paint: ours':>25}{'bare':>6}{'ratio':>8}"
          f"{'to the exit: ours':>19}{'bare':>6}{'ratio':>8}{'--smoke ms':>12}"
          f"{'its widgets alone':>19}{'ratio':>8}{'integrity check ms':>20}")
    for path in args.db:
        for kept in (True, False):
            found = pairs(path, args.runs, kept)
            check = f"{integrity_check_ms(path, min(args.runs, 3)):>20.0f}" if not kept else ""
            how = "kept" if kept else "counted"
            print(f"{path.name:<16}{how:<11}{found['ours']:>25.0f}{found['bare']:>6.0f}{found['ratio']:>7.2f}×"
                  f"{found['ours_exit']:>19.0f}{found['bare_exit']:>6.0f}{found['ratio_exit']:>7.2f}×"
                  f"{found['printed']:>12.0f}{found['widgets']:>19.0f}{found['ratio_widgets']:>7.2f}×{check}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
