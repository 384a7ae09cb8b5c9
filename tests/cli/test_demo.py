"""python main.py demo: a new data file filled with realistic records; an existing file is refused."""

import main
from models import db
from models import records as r


def test_demo_into_an_existing_file_is_refused(tmp_path, capsys):
    path = tmp_path / "mine.db"
    path.write_bytes(b"my own notes")
    assert main.main(["--lang", "en", "demo", "--db", str(path), "--size", "village"]) == 1
    captured = capsys.readouterr()
    assert "mine.db" in captured.err and "exists" in captured.err
    assert captured.out == ""
    assert path.read_bytes() == b"my own notes"


def test_demo_writes_a_new_file_that_opens(tmp_path, capsys):
    path = tmp_path / "new" / "demo.db"
    assert main.main(["demo", "--db", str(path), "--size", "village"]) == 0
    captured = capsys.readouterr()
    assert str(path) in captured.out
    db.close_database()
    db.open_database(path)
    assert r.Household.select().count() > 0
    assert r.Unit.get().level == "village"
