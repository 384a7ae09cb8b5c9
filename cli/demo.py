"""demo: a new data file filled with realistic records."""

from __future__ import annotations

import argparse
import sys

from cli.common import CommandError, fail, password, say_recovery_code
from models.i18n import translate


def make_demo(args: argparse.Namespace) -> int:
    from models import demo

    def say(text: str) -> None:
        print(text, file=sys.stderr)

    try:
        secret = password()
        counts = demo.generate(args.db, args.size, progress=say, password=secret)
    except CommandError as error:
        return fail(error)
    except Exception as error:  # a refused file, a database that cannot be opened, a full disk
        return fail(error)
    print(translate("Cli", "Wrote {path}: {households} households, {visits} visits, "
                    "{sessions} study sessions.").format(
        path=args.db, households=counts["household"], visits=counts["visit"],
        sessions=counts["session"]))
    say_recovery_code(counts.get("recovery_code"), args.db)
    return 0
