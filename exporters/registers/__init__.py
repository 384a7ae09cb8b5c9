"""The register workbook: one printed sheet per register of a campaign.

Each record register is a joined SQL query read as raw tuples and streamed
into a streamed sheet (XlsxWriter, constant memory), so a million visits take constant memory. The same
scope filters as ``models.figures`` are used (``figures.within``,
``figures.live_households``), so every register holds exactly the records the
statistics sheet counts; the 走访覆盖 and 统计汇总 sheets print the figures
themselves. Fixed wording is Chinese: the workbook leaves the laptop.

- ``context``: the options, scope, heading and progress every sheet shares;
- ``record_sheets``: the registers of records (学习会议, 走访 …), one query each;
- ``figure_sheets``: 走访覆盖 and 统计汇总, printed from the figures;
- ``workbook``: the chosen sheets written in order to one file, or none.
"""

from exporters.dates import period
from exporters.dates import zh_date as chinese_date
from exporters.registers.context import REGISTERS, Context, RegisterOptions
from exporters.registers.record_sheets import OVERDUE_MARK, RECORD_REGISTERS, Register
from exporters.registers.workbook import write_registers

__all__ = ["OVERDUE_MARK", "RECORD_REGISTERS", "REGISTERS", "Context", "Register", "RegisterOptions",
           "chinese_date", "period", "write_registers"]
