"""passwd: change the password of an encrypted data file, or encrypt a plain one.

The old password (or the recovery code) comes as every command's does
(``--password-file`` or ``TAIZHANGTONG_PASSWORD``), the new one from
``--new-password-file`` or ``TAIZHANGTONG_NEW_PASSWORD``. The file itself is not
rewritten: its data key is wrapped by the new password (``models.crypt``).
"""

from __future__ import annotations

import argparse

from cli.common import NEW_PASSWORD_VARIABLE, CommandError, data_file, fail, password, regular_file
from models.i18n import translate


def change_password(args: argparse.Namespace) -> int:
    from models import crypt, db, protection

    try:
        regular_file(args.db)
        new = password(args.new_password_file, NEW_PASSWORD_VARIABLE)
        if not new:
            raise CommandError(translate(
                "Cli", "Give the new password with --new-password-file or {variable}. Nothing was "
                "changed.").format(variable=NEW_PASSWORD_VARIABLE))
        weak = crypt.weakness(new)
        if weak:
            raise CommandError(weak + " " + translate("Cli", "Nothing was changed."))
        if protection.is_encrypted_file(args.db):
            return _change(args, new)
        with data_file(args.db, writes=True):
            code = db.encrypt_open_file(new)
    except (CommandError, db.DatabaseOpenError, crypt.KeyFileError, OSError) as error:
        return fail(error)
    print(translate("Cli", "{path} is now encrypted. Its recovery code (print it and keep it in the office: "
                    "with it the data can be opened if the password is lost; it is not shown again): "
                    "{code}").format(path=args.db, code=code))
    return 0


def _change(args: argparse.Namespace, new: str) -> int:
    from models import crypt

    old = password()
    if not old:
        raise CommandError(translate(
            "Cli", "{path} is encrypted: give its password (or its recovery code) with --password-file or "
            "TAIZHANGTONG_PASSWORD. Nothing was changed.").format(path=args.db))
    crypt.change_password(args.db, old, new)
    print(translate("Cli", "The password of {path} was changed; the recovery code stays as it was.").format(
        path=args.db))
    return 0
