"""What every command shares: one way to open its data file, to refuse, and to find by name."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models.i18n import translate


class CommandError(Exception):
    """A command cannot go on; the message says why."""


def fail(message: object) -> int:
    """Refuse: one line on stderr, exit status 1."""
    print(translate("Cli", "Error: {message}").format(message=message), file=sys.stderr)
    return 1


def regular_file(path: Path) -> Path:
    """``path`` if it is a regular file; a folder, a device or a pipe is refused (a pipe would block)."""
    import stat

    try:
        info = path.stat()
    except OSError:
        raise CommandError(translate("Cli", "{path} does not exist.").format(path=path)) from None
    if not stat.S_ISREG(info.st_mode):
        raise CommandError(translate("Cli", "{path} is not a regular file.").format(path=path))
    return path


PASSWORD_VARIABLE = "TAIZHANGTONG_PASSWORD"
NEW_PASSWORD_VARIABLE = "TAIZHANGTONG_NEW_PASSWORD"
_password_file: list[Path | None] = [None]


def use_arguments(args) -> None:
    """The command's ``--password-file``, for every data file it opens (``data_file``)."""
    _password_file[0] = getattr(args, "password_file", None)


def password(file: Path | None = None, variable: str = PASSWORD_VARIABLE) -> str | None:
    """The password from ``file`` (its first line), else from the environment ``variable``; by default
    the data file's (``--password-file``, TAIZHANGTONG_PASSWORD). None when neither gives one."""
    if variable == PASSWORD_VARIABLE and file is None:
        file = _password_file[0]
    if file is not None:
        regular_file(file)
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(translate("Cli", "The password file {path} cannot be read: {error}").format(
                path=file, error=error)) from None
        lines = text.splitlines()
        return lines[0] if lines and lines[0] else None
    return os.environ.get(variable) or None


def say_recovery_code(code: str | None, path: Path) -> None:
    """A file just encrypted: its recovery code, shown this once."""
    if code:
        print(translate("Cli", "{path} is now encrypted. Its recovery code (print it and keep it in the "
                        "office: with it the data can be opened if the password is lost; it is not shown "
                        "again): {code}").format(path=path, code=code), file=sys.stderr)


@contextmanager
def data_file(path: Path, writes: bool = False) -> Iterator[None]:
    """The command's data file, open while the command runs; it must exist already, and not be empty
    (an empty file is never silently made a new one).

    Every command says beside the file that it has it open (``models.holders``), so that a
    program waiting for it can name it. A command that ``writes`` first checks the file
    (``integrity_check``, unless it is known sound as it is) and writes nothing to a damaged
    one; one that only reads pays for no check. An encrypted file is opened with the password
    (``password``); a plain file of an earlier version given one is encrypted.
    """
    from models import db, health, holders, protection

    secret = password()
    regular_file(path)
    if path.stat().st_size == 0:
        raise CommandError(translate("Cli", "{path} is empty: it is not a data file (a new one is made only "
                                     "by the window, which asks first). Nothing was changed.").format(
            path=path))
    with holders.holding(path, _command()):
        gate = health.WriteGate.check_now(path) if writes else None
        db.open_database(path, settle=writes, gate=gate, password=secret)
        say_recovery_code(db.new_recovery_code(), path)
        for notice in db.notices():
            print(translate("Cli", "Note: {notice}").format(notice=notice), file=sys.stderr)
        if protection.state() == protection.UNDECIDED:
            print(translate("Cli", "Note: {path} is not encrypted yet; give a password (--password-file or "
                            "{variable}) to encrypt it, or set one with the passwd command.").format(
                path=path, variable=PASSWORD_VARIABLE), file=sys.stderr)
        try:
            yield
        finally:
            db.close_database()
        if gate is not None and gate.answered.is_set() and not gate.problems:
            health.remember_sound(path)  # as this command left it


def _command() -> str:
    """The command being run, as typed (``import xlsx``, ``package import``)."""
    words = [word for word in sys.argv[1:4]
             if not word.startswith("-") and "." not in word and "/" not in word]
    from cli.program import PROGRAM

    return f"{PROGRAM} " + " ".join(words[:2])


def campaign_named(name: str | None, dated: bool):
    """The campaign called ``name``; without a name the current one (none for a date range)."""
    from models import records as r
    from models import store

    if name is None:
        return None if dated else store.current_campaign()
    campaigns = list(r.Campaign.select().where(r.Campaign.deleted_at.is_null())
                     .order_by(r.Campaign.start_date))
    for campaign in campaigns:
        if campaign.name == name:
            return campaign
    raise CommandError(translate("Cli", "No campaign named {name}; choose one of: {names}").format(
        name=name, names="、".join(c.name for c in campaigns) or "—"))


def village_named(name: str | None, campaign):
    """The village called ``name`` among the campaign's villages (all villages without one)."""
    from models import records as r
    from models import scope as scopes

    if name is None:
        return None
    scope = scopes.Scope(campaign=campaign.id if campaign else None)
    ours = r.Village.id.in_(scopes.villages(scope))
    return _one_named(name, r.Village.select().where(ours, r.Village.deleted_at.is_null()))


def unit_village_named(name: str):
    """The village called ``name`` among the villages of the data file's own unit and its sub-units."""
    from models import records as r
    from models import store
    from models.packages.scope import sub_units

    unit = store.current_unit()
    units = sub_units(unit.id) if unit is not None else []
    return _one_named(name, r.Village.select().where(r.Village.unit.in_(units),
                                                     r.Village.deleted_at.is_null()))


def _one_named(name: str, villages):
    """The village called ``name`` among ``villages``; the message lists them when there is none."""
    from models import records as r

    villages = list(villages.order_by(r.Village.position, r.Village.name))
    for village in villages:
        if village.name == name:
            return village
    raise CommandError(translate("Cli", "No village named {name}; choose one of: {names}").format(
        name=name, names="、".join(v.name for v in villages) or "—"))
