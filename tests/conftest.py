"""Shared fixtures: every test runs headless, in its own folders, on its own data."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "测试用的交换口令 2026"  # the exchange passphrase kept in the test files (tests/sealing.py)


def _keep_passphrase() -> None:
    from models.packages import passphrase

    passphrase.keep(PASSPHRASE)


@pytest.fixture(autouse=True)
def _english():
    """Messages in the English source text, as the window shows them without a translator.

    The Chinese is checked on its own in tests/test_i18n.py.
    """
    from models import i18n

    i18n.set_language("en")
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    """Keep the per-user folder inside the test's own temporary folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("TAIZHANGTONG_HOME", str(home))
    yield home
    from models import crypt, db

    db.close_database()
    crypt.forget_all()  # the keys a test unlocked


@pytest.fixture
def empty_db(tmp_path):
    from models import db

    path = tmp_path / "test.db"
    db.open_database(path)
    _keep_passphrase()
    return path


@pytest.fixture(scope="session")
def _township_template(tmp_path_factory):
    from models import db, demo

    path = tmp_path_factory.mktemp("demo") / "township.db"
    demo.generate(path, "township")
    _keep_passphrase()
    db.close_database()
    return path


@pytest.fixture(scope="session")
def _village_template(tmp_path_factory):
    from models import db, demo

    path = tmp_path_factory.mktemp("demo") / "village.db"
    demo.generate(path, "village")
    _keep_passphrase()
    db.close_database()
    return path


def _copy_and_open(template: Path, target: Path) -> Path:
    from models import db

    shutil.copy(template, target)
    db.open_database(target)
    return target


@pytest.fixture
def township_db(_township_template, tmp_path):
    """A private copy of the township demo, open."""
    return _copy_and_open(_township_template, tmp_path / "township.db")


@pytest.fixture
def village_db(_village_template, tmp_path):
    """A private copy of the village demo, open."""
    return _copy_and_open(_village_template, tmp_path / "village.db")
