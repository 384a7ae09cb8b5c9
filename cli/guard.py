"""The one guard of the command line: whatever a command did not expect is one line, never a traceback.

``run`` prepares the process (its own temporary folder in the data folder, the
leftovers of killed runs swept) and runs the command. An error the user can act
on (a locked, full, read-only or damaged file) is said in their words; any other
is written with its traceback to the log in the data folder, and the line names
the log. The exit status is 1 (130 when interrupted).
"""

from __future__ import annotations

import argparse
import sys

from cli.common import fail, use_arguments
from models.i18n import translate


def run(args: argparse.Namespace, argv: list[str]) -> int:
    """``args.run(args)``; ``argv`` (the command as typed) goes into the log with what went wrong."""
    from models import db, errors, files

    sys.unraisablehook = errors.log_unraisable  # for the rest of the process: its end included
    try:
        files.use_private_temp()
        use_arguments(args)
        return args.run(args)
    except KeyboardInterrupt:
        print(translate("Cli", "Interrupted; what was not finished was not written."), file=sys.stderr)
        return 130
    except Exception as error:  # the guard: every other error becomes one line
        known = errors.explain(error, getattr(args, "db", None))
        if known is None:
            from cli.program import PROGRAM

            log = errors.log_unexpected(error, f"{PROGRAM} " + " ".join(argv))
            known = errors.unexpected_text(error, log)
        return fail(known)
    finally:
        db.close_database()
        files.drop_private_temp()
