"""Guard against PySide6's "none_dealloc" abort on CPython 3.11.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` each time a Qt
method that returns nothing (``setEnabled``, ``setVisible``, ``update``…) is
called from Python. CPython 3.12+ makes ``None`` immortal (PEP 683) and does not
notice; 3.11 counts the reference down and, after about 5,000 such calls, the
process dies with "Fatal Python error: none_dealloc". A window that refreshes
its forms and tables makes that many calls within minutes.

pyproject.toml therefore keeps PySide6 below 6.12 on Python 3.11. This test
makes 10,000 such calls in a child process (an abort would take the test run
down with it) and fails if the child does not exit cleanly, so that a
dependency upgrade which brings the defect back is caught before a user is.
"""

import os
import subprocess
import sys
import textwrap

CALLS = 10_000

SCRIPT = textwrap.dedent(f"""
    import sys
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    app = QApplication([])
    widget = QWidget()
    label = QLabel("台账通", widget)
    for _ in range({CALLS}):
        widget.setEnabled(True)
        widget.setVisible(False)
        label.setText("台账通")
        widget.update()
    print("survived", sys.getrefcount(None) > 0)
""")


def test_void_qt_calls_do_not_abort_the_interpreter():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=300, env=env)
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived True"
