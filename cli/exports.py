"""export xlsx | docx: the registers of a campaign, or a Word document in the official layout."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

from cli.common import CommandError, campaign_named, data_file, fail, village_named
from models.i18n import translate


def export(args: argparse.Namespace) -> int:
    if args.format == "roster":
        from cli.rosters import export_roster

        return export_roster(args)
    return export_docx(args) if args.format == "docx" else export_xlsx(args)


def export_xlsx(args: argparse.Namespace) -> int:
    """The registers of one campaign (or a date range) written to --out."""
    from exporters import ExportError
    from models import db

    try:
        with data_file(args.db):
            path, rows = _write_registers(args)
    except (CommandError, ExportError, db.DatabaseOpenError, OSError) as error:
        return fail(error)
    print(translate("Cli", "Wrote {path} ({rows} rows).").format(path=path, rows=rows))
    return 0


def _write_registers(args: argparse.Namespace) -> tuple[Path, int]:
    from exporters.registers import RegisterOptions, write_registers

    campaign = campaign_named(args.campaign, dated=bool(args.date_from or args.date_to))
    village = village_named(args.village, campaign)
    options = RegisterOptions(campaign=campaign.id if campaign else None, date_from=args.date_from,
                              date_to=args.date_to, village=village.id if village else None,
                              full_personal=args.full_id, today=args.document_date)
    _check_scope(options.campaign, args)
    total = [0]
    path = write_registers(args.out, options, progress=lambda done, rows: total.__setitem__(0, rows))
    return path, total[0]


def export_docx(args: argparse.Namespace) -> int:
    """A Word document in the official layout: the summary, minutes or rectification report."""
    from exporters import ExportError
    from models import db

    try:
        with data_file(args.db):
            path, unknown = _write_document(args)
    except (CommandError, ExportError, db.DatabaseOpenError, OSError) as error:
        return fail(error)
    if unknown:
        print(translate("Cli", "Unknown placeholders were left in the text as 【…】: {names}").format(
            names="、".join(unknown)), file=sys.stderr)
    print(translate("Cli", "Wrote {path}.").format(path=path))
    return 0


def _write_document(args: argparse.Namespace) -> tuple[Path, list[str]]:
    """The document of --kind; the summary also names the placeholders it did not know."""
    if args.kind == "minutes":
        from exporters.minutes import write_minutes

        return write_minutes(args.out, _session_id(args.session)), []
    campaign = campaign_named(args.campaign, dated=False)
    if campaign is None:
        raise CommandError(translate("Cli", "The data file has no campaign to write about."))
    village = village_named(args.village, campaign)
    from exporters.summary import SummaryOptions, write_summary

    options = SummaryOptions(campaign.id, args.date_from, args.date_to, village.id if village else None,
                             args.document_date)
    _check_scope(campaign.id, args)
    if args.kind == "rectification":
        from exporters.rectification_report import write_rectification_report

        return write_rectification_report(args.out, options), []
    result = write_summary(args.out, options)
    return result.path, result.unknown


def _check_scope(campaign: uuid.UUID | None, args: argparse.Namespace) -> None:
    """A reversed date range, or one outside the campaign, is refused before anything is written."""
    from models import scope

    problem = scope.problem(scope.Scope(campaign=campaign, date_from=args.date_from, date_to=args.date_to))
    if problem:
        raise CommandError(problem)


def _session_id(text: str | None) -> uuid.UUID:
    if not text:
        raise CommandError(translate("Cli", "--kind minutes needs --session ID (the session's ID)."))
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise CommandError(translate("Cli", "{text} is not a session ID.").format(text=text)) from None
