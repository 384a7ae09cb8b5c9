"""The log of unexpected errors: where it is, and that it never grows past its few files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from models import errors, paths


def test_the_log_moves_to_numbered_copies_and_keeps_at_most_their_number(monkeypatch):
    monkeypatch.setattr(errors, "LOG_BYTES", 2_000)
    log = errors.logger()
    for n in range(400):
        log.error("line %04d %s", n, "台账" * 20)
    for handler in log.handlers:
        handler.flush()
    target = paths.log_file()
    copies = sorted(target.parent.glob(target.name + ".*"))
    assert [copy.name for copy in copies] == [f"{target.name}.{n}" for n in range(1, errors.LOG_COPIES + 1)]
    newest = target.read_text(encoding="utf-8")
    assert "line 0399" in newest and "line 0000" not in newest
    assert "line 0000" not in copies[-1].read_text(encoding="utf-8")  # the oldest lines are gone
    for path in (target, *copies):
        assert path.stat().st_size < 2_000 + 200  # each holds at most one line past the limit
    ordered = [path.read_text(encoding="utf-8") for path in (copies[2], copies[1], copies[0], target)]
    numbers = [int(line.split("line ")[1][:4]) for text in ordered for line in text.splitlines()]
    assert numbers == sorted(numbers) and numbers[-1] == 399  # nothing lost between the copies


def test_writing_the_log_does_not_import_the_library_s_handlers_module(tmp_path):
    """``logging.handlers`` brings ``socket``, ``pickle`` and ``queue``: 12 ms of a start that logs."""
    code = ("import sys; from models import errors; errors.logger().error('one line'); "
            "text = errors.logger_path().read_text(encoding='utf-8'); "
            "print('logging.handlers' in sys.modules, text.count('one line'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2],
                          env={**os.environ, "TAIZHANGTONG_HOME": str(tmp_path)})
    assert done.stdout.split() == ["False", "1"]


def test_a_log_that_cannot_be_written_prints_nothing_and_is_not_named(capsys):
    """On a full disk the log itself fails: ``logging`` would print its own traceback on the user's
    screen, and the one line would send the user to a log that holds nothing."""

    class FullDisk:
        def write(self, text):
            raise OSError(28, "No space left on device")

        def flush(self):
            raise OSError(28, "No space left on device")

        def seek(self, *args):
            return 0

    log = errors.logger()
    handler = next(h for h in log.handlers if isinstance(h, errors._Log))
    handler.flush()
    real, handler.stream = handler.stream, FullDisk()
    try:
        assert errors.log_unexpected(ValueError("boom"), "test") is None
        assert errors.unexpected_text(
            ValueError("boom"), None) == "Something unexpected went wrong (ValueError: boom)."
    finally:
        handler.stream = real
    assert errors.log_unexpected(ValueError("boom"), "test") == paths.log_file()  # once there is room
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
