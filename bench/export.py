"""How fast the visits register is written, next to bare XlsxWriter and openpyxl loops.

    python bench/export.py                       # 10k and 100k visits, built in temporary files
    python bench/export.py --sizes 10000         # other sizes
    python bench/export.py --county FILE         # also the county demo's million visits (slow)
    python bench/export.py --runs 5

Every measurement runs in a fresh child process: the time of the export and
the process's peak memory during it (VmHWM, reset at the start), with its
growth over what the process held before (imports, data file open).
"xlsxwriter" writes the same cells (the first 1,000 rows the exporter
produces, repeated to the same count, with the same cell formats) through
XlsxWriter in constant-memory mode with nothing else: no query, no cleaning,
no masking, no row heights, ``worksheet.write`` for each cell; "openpyxl" the
same through openpyxl's write-only worksheet (what the exporter used before).
The ratio is export / xlsxwriter; the aim is at most 1.0. Memory is flat when
the peak of 100k and of 1M rows (``--sizes 100000,1000000``) is the same.
Last, the township demo's whole workbook (eight sheets) is timed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 25)
SAMPLE = 1000
CHUNK = 50_000


# --- synthetic data -------------------------------------------------------------------------

def build(path: Path, visits: int, seed: int = 7) -> None:
    """A data file with one campaign and ``visits`` visits to ``visits // 2`` households."""
    from models import db, store
    from models import records as r

    rng = random.Random(seed)
    db.open_database(path)
    with r.database.atomic():
        unit = store.save(r.Unit, {"name": "测速镇", "level": "town"})
        campaign = store.save(r.Campaign, {"unit": unit.id, "name": "思想大解放",
                                           "start_date": dt.date(2026, 2, 9),
                                           "end_date": dt.date(2026, 6, 30)})
        staff = [store.save(r.Person, {"unit": unit.id, "name": _name(rng)}).id for _ in range(30)]
        groups = []
        for v in range(max(1, visits // 5000)):
            village = store.save(r.Village, {"unit": unit.id, "name": f"测速{v + 1}村", "position": v})
            groups += [(village.id, store.save(r.VillageGroup, {"village": village.id, "name": f"{g + 1}组",
                                                                 "position": g}).id) for g in range(10)]
        count = max(1, visits // 2)
        households = []
        for first in range(0, count, CHUNK):  # in chunks: a million visits need not be held at once
            chunk = [_household(rng, *groups[n * len(groups) // count])
                     for n in range(first, min(count, first + CHUNK))]
            _insert(r.Household, chunk)
            households += [household["id"] for household in chunk]
        for first in range(0, visits, CHUNK):
            rows, links = [], []
            for n in range(first, min(visits, first + CHUNK)):
                visit = _visit(rng, campaign.id, households[n % len(households)])
                rows.append(visit)
                links += [{"visit": visit["id"], "person": p} for p in rng.sample(staff, rng.randint(1, 3))]
            _insert(r.Visit, rows)
            _insert(r.VisitVisitor, links)
        store.set_setting("current_campaign", campaign.id.hex)
    db.close_database()


def _name(rng: random.Random) -> str:
    return rng.choice("王李张刘陈杨黄赵吴周") + "".join(rng.choice("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平")
                                              for _ in range(rng.randint(1, 2)))


def _household(rng, village, group) -> dict:
    return {"id": uuid.uuid4(), "village": village, "group": group, "head_name": _name(rng),
            "id_number": f"433101{rng.randrange(1940, 2000)}0101{rng.randrange(1000):03d}X",
            "phone": f"13{rng.randrange(10**9):09d}", "population": rng.randint(1, 7),
            "tags": rng.choice(("", "", "", "poverty_exited", "monitored,disability")),
            "address": "测速村1组", "remarks": ""}


def _visit(rng, campaign, household) -> dict:
    request = rng.random() < 0.35
    return {"id": uuid.uuid4(), "campaign": campaign, "household": household,
            "date": dt.date(2026, 2, 20) + dt.timedelta(days=rng.randrange(120)),
            "method": rng.choice(("home", "home", "phone", "courtyard")),
            "situation": f"家中{rng.randint(1, 7)}口人，种植柑橘{rng.randint(2, 9)}亩，收入稳定。",
            "requests": "希望硬化通组公路" if request else "",
            "help_given": "已协调交通部门列入计划" if request else "",
            "satisfaction": "satisfied", "follow_up": False, "remarks": ""}


def _insert(model, rows: list[dict]) -> None:
    from models import records as r

    fields = model._meta.sorted_fields
    now = dt.datetime(2026, 3, 1, 8, 0)

    def value(field, row):
        if field.name in row:
            raw = row[field.name]
        elif field.name in ("created_at", "updated_at"):
            raw = now
        else:  # the model's default (version, lineage …)
            raw = field.default() if callable(field.default) else field.default
        return None if raw is None else field.db_value(raw)

    sql = (f'INSERT INTO "{model._meta.table_name}" ({", ".join(f.column_name for f in fields)}) '
           f'VALUES ({", ".join("?" * len(fields))})')
    r.database.connection().executemany(sql, [tuple(value(f, row) for f in fields) for row in rows])


# --- what one child process measures ------------------------------------------------------

def child(mode: str, path: Path, out: Path, campaign: bool) -> dict:
    from models import db, store

    db.open_database(path)
    from exporters.registers import RegisterOptions, write_registers

    registers = ("visits",) if mode != "workbook" else RegisterOptions().registers
    options = RegisterOptions(campaign=store.current_campaign().id if campaign else None,
                              registers=registers, today=TODAY)
    rows = _sample(options) if mode in BARE else None
    total = _count(options)
    before = _reset_peak()
    start = time.perf_counter()
    if mode in BARE:
        BARE[mode](out, rows, total)
    else:
        write_registers(out, options)
    seconds = time.perf_counter() - start
    after = _memory("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "peak_mb": (after - before) / 1024, "rss_mb": after / 1024, "rows": total}


def _memory(name: str) -> int:
    """A line of /proc/self/status in kB (0 where there is none)."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(name + ":"))
    except (OSError, StopIteration):
        return 0


def _reset_peak() -> int:
    """Start the peak-RSS mark afresh (Linux keeps the parent's across fork and exec); RSS now in kB."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass
    return _memory("VmRSS") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _count(options) -> int:
    from exporters.registers import RECORD_REGISTERS, Context

    return RECORD_REGISTERS["visits"].count(Context.build(options).scope)


def _sample(options) -> list[list]:
    """The first rows exactly as the exporter makes them (values, then the cell styles)."""
    from exporters.registers import RECORD_REGISTERS, Context
    from models import records as r

    register = RECORD_REGISTERS["visits"]
    context = Context.build(options)
    cursor = r.database.execute(register.query(register.where(context.scope)).limit(SAMPLE))
    return [[number, *values] for number, (values, _) in enumerate(register.rows(context, cursor), 1)]


def _bare_xlsxwriter(out: Path, sample: list[list], total: int) -> None:
    """XlsxWriter in constant memory, the same cells and formats, nothing else."""
    from exporters.printed_sheet import Styles, workbook
    from exporters.registers import RECORD_REGISTERS

    columns = RECORD_REGISTERS["visits"].columns
    wb = workbook(out)
    styles = Styles(wb)
    formats = [styles.cells[column.style].plain for column in columns]
    ws = wb.add_worksheet("走访台账")
    for index, column in enumerate(columns):
        ws.set_column(index, index, column.width)
    write = ws.write
    for n in range(total):
        values = sample[n % len(sample)]
        for index, value in enumerate(values):
            write(n, index, value, formats[index])
    wb.close()


def _bare_openpyxl(out: Path, sample: list[list], total: int) -> None:
    """openpyxl write-only, the same cells and styles, nothing else."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.utils import get_column_letter

    from exporters.registers import RECORD_REGISTERS

    columns = RECORD_REGISTERS["visits"].columns
    wb = Workbook(write_only=True)
    arrays = _openpyxl_styles(wb, [column.style for column in columns])
    ws = wb.create_sheet("走访台账")
    for index, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for n in range(total):
        values = sample[n % len(sample)]
        ws.append([Cell(ws, 1, 1, value=value, style_array=array)
                   for value, array in zip(values, arrays, strict=True)])
    wb.save(out)


def _openpyxl_styles(wb, keys: list[str]) -> list:
    """The register's cell styles as openpyxl style arrays (宋体 10, thin box, wrap, number formats)."""
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.styles.cell_style import StyleArray

    from exporters.layout import BODY_POINTS, FONT

    thin = Side(style="thin", color="000000")
    formats = {"int": "0", "date": "yyyy-mm-dd", "percent": "0.0%", "id": "@"}
    ws = wb.create_sheet("_styles")
    arrays = []
    for key in keys:
        cell = Cell(ws, 1, 1)
        cell.font = Font(name=FONT, size=BODY_POINTS)
        cell.alignment = Alignment(horizontal=None if key == "text" else "center", vertical="center",
                                   wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if key in formats:
            cell.number_format = formats[key]
        arrays.append(StyleArray(cell._style))
    wb.remove(ws)
    return arrays


BARE = {"xlsxwriter": _bare_xlsxwriter, "openpyxl": _bare_openpyxl}


def measure(mode: str, path: Path, folder: Path, runs: int, campaign: bool = True) -> list[dict]:
    results = []
    for run in range(runs):
        out = folder / f"{mode}-{run}.xlsx"
        done = subprocess.run([sys.executable, __file__, "--child", mode, "--db", str(path), "--out",
                               str(out), *(["--all-campaigns"] if not campaign else [])],
                              capture_output=True, text=True, check=False)
        if done.returncode:
            raise SystemExit(done.stderr)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        out.unlink(missing_ok=True)
    return results


def report(label: str, path: Path, folder: Path, runs: int, campaign: bool = True) -> str:
    results = {mode: measure(mode, path, folder, runs, campaign) for mode in ("export", *BARE)}
    seconds = {mode: statistics.median(r["seconds"] for r in done) for mode, done in results.items()}

    def memory(done):
        return (f"{statistics.median(r['rss_mb'] for r in done):>5.0f} MB "
                f"(+{statistics.median(r['peak_mb'] for r in done):.1f})")

    ours = seconds["export"]
    return (f"{label:<7}{results['export'][0]['rows']:>9}  {ours:>7.2f} s {seconds['xlsxwriter']:>7.2f} s "
            f"{ours / seconds['xlsxwriter']:>6.2f}× {seconds['openpyxl']:>7.2f} s "
            f"{ours / seconds['openpyxl']:>6.2f}×  "
            + "  ".join(f"{memory(results[mode]):>15}" for mode in ("export", *BARE)))


def summary(data) -> list:
    """For ``bench/run.py``: 10,000 visits' register against the bare loop, each in fresh processes."""
    from bench.common import Row

    runs = min(data.runs, 3)
    with tempfile.TemporaryDirectory(dir=data.scratch) as name:
        folder = Path(name)
        path = folder / "visits-10000.db"
        build(path, 10_000)
        ours = statistics.median(r["seconds"] for r in measure("export", path, folder, runs)) * 1000
        bare = statistics.median(r["seconds"] for r in measure("xlsxwriter", path, folder, runs)) * 1000
    return [Row("export", "visits register, 10,000 rows", ours, bare,
                "bare XlsxWriter constant-memory loop, same cells", goal="≤ 1.0×")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=lambda text: [int(n) for n in text.split(",")],
                        default=[10_000, 100_000], help="visit rows to build and export (10000,100000)")
    parser.add_argument("--county", type=Path, metavar="FILE",
                        help="the county demo (python main.py demo --size county --db FILE): "
                             "all its visits, about a million")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("export", *BARE, "workbook"), help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--all-campaigns", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.db, args.out, not args.all_campaigns)))
        return 0
    if args.county is not None and not args.county.is_file():
        parser.error(f"{args.county} does not exist")

    print(f"Python {sys.version.split()[0]}; median of {args.runs} runs, each in a fresh process; "
          "memory = the process's peak RSS (+ its growth during the export)")
    print(f"{'data':<7}{'rows':>9}  {'export':>9} {'xlsxwriter':>9} {'ratio':>7} {'openpyxl':>9} "
          f"{'ratio':>7}  {'export peak RSS':>15}  {'xlsxwriter RSS':>15}  {'openpyxl RSS':>15}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for size in args.sizes:
            path = folder / f"visits-{size}.db"
            start = time.perf_counter()
            build(path, size)
            print(f"(built {size} visits in {time.perf_counter() - start:.1f} s)", file=sys.stderr)
            print(report(f"{size // 1000}k", path, folder, args.runs), flush=True)
            path.unlink()
        if args.county is not None:
            print(report("county", args.county, folder, args.runs, campaign=False), flush=True)
        township = folder / "township.db"
        from models import db, demo

        demo.generate(township, "township")
        db.close_database()
        runs = measure("workbook", township, folder, args.runs)
        print(f"township demo, whole workbook (8 sheets, {runs[0]['rows']} visits): "
              f"{statistics.median(r['seconds'] for r in runs):.2f} s, "
              f"peak RSS {statistics.median(r['rss_mb'] for r in runs):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
