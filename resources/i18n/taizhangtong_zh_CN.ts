<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>{path} does not exist.

Make a new, empty data file there?</source>
        <translation>{path} 不存在。

要在那里新建一个空的数据文件吗？</translation>
    </message>
    <message>
        <source>{path} is empty: it holds no data.

Make a new data file there? (No leaves it as it is.)</source>
        <translation>{path} 是空文件，里面没有数据。

要在那里新建数据文件吗？（选“否”则保持原样。）</translation>
    </message>
    <message>
        <source>Cannot open the data file</source>
        <translation>无法打开数据文件</translation>
    </message>
    <message>
        <source>{path} could not be opened: {error}</source>
        <translation>无法打开 {path}：{error}</translation>
    </message>
    <message>
        <source>This data file is already open in another 台账通 window:
{path}

Switch to that window, or close it first.</source>
        <translation>此数据文件已在另一个台账通窗口中打开：
{path}

请切换到那个窗口，或先将其关闭。</translation>
    </message>
    <message>
        <source>{path} has no unit yet: --smoke needs a data file that has been set up (for example a demo).</source>
        <translation>{path} 还没有设置单位：--smoke 需要已经设置好的数据文件（例如演示数据）。</translation>
    </message>
    <message>
        <source>--smoke cannot answer a question, so it stops here: {text}</source>
        <translation>--smoke 无法回答提问，在此停止：{text}</translation>
    </message>
    <message>
        <source>The first page did not show its data within {n} seconds.</source>
        <translation>首页在 {n} 秒内没有显示出数据。</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>%(heading)s:</source>
        <translation>%(heading)s：</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多只能有一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项有歧义：%(option)s 可以是 %(matches)s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>此选项不带值，不能写 %r</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>on closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>{path} is encrypted with a password this data file does not have now (a password used before it was changed, or another data file&apos;s): give that password, or the recovery code of then.</source>
        <translation>{path} 是用本数据文件现在没有的密码加密的（改密码之前的旧密码，或另一个数据文件的密码）：请输入那个密码，或当时的恢复码。</translation>
    </message>
    <message>
        <source>No data file is open.</source>
        <translation>没有打开的数据文件。</translation>
    </message>
    <message>
        <source>No backup could be written to the backups folder {folder}: {error}. Check that the folder can be written to and the disk is not full.</source>
        <translation>无法在备份文件夹 {folder} 中写入备份：{error}。请检查该文件夹是否可写、磁盘是否已满。</translation>
    </message>
    <message>
        <source>{path} is the data file itself; choose another name.</source>
        <translation>{path} 就是当前数据文件本身，请换一个文件名。</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name.</source>
        <translation>{path} 是文件夹，请选择一个文件名。</translation>
    </message>
    <message>
        <source>The backup {path} could not be written: {error}</source>
        <translation>无法写入备份 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}); no backup of it was written.</source>
        <translation>{path} 已损坏（{problem}），没有写入它的备份。</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of 台账通 (data format {version}; this program knows up to {latest}).</source>
        <translation>{path} 由更新版本的台账通写入（数据格式 {version}；本程序最高支持 {latest}）。</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}).</source>
        <translation>{path} 已损坏（{problem}）。</translation>
    </message>
    <message>
        <source>{path} is not a 台账通 data file or backup.</source>
        <translation>{path} 不是台账通数据文件或备份。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>{source} is a backup of {source_unit}; whose data {target} holds cannot be told (it is damaged). Restore it there only if you are sure.</source>
        <translation>{source} 是 {source_unit} 的备份；{target} 已损坏，无法判断它是哪个单位的数据。只有确认无误时才恢复到那里。</translation>
    </message>
    <message>
        <source>{source} is a backup of another data file ({source_unit}), not of {target} ({target_unit}). Restoring it replaces the data of {target_unit} by that of {source_unit}.</source>
        <translation>{source} 是另一个数据文件（{source_unit}）的备份，不是 {target}（{target_unit}）的备份。恢复它会用 {source_unit} 的数据替换 {target_unit} 的数据。</translation>
    </message>
    <message>
        <source>{path} is open in {holder}; close it there first. Nothing was restored.</source>
        <translation>{path} 正在 {holder} 中打开；请先在那里关闭它。未作任何恢复。</translation>
    </message>
    <message>
        <source>{path} is the data file itself.</source>
        <translation>{path} 就是当前数据文件本身。</translation>
    </message>
    <message>
        <source>Restoring {path} failed. {reason} The data as it was is also kept at {kept}.</source>
        <translation>恢复 {path} 失败。{reason}原有数据另外保留在 {kept}。</translation>
    </message>
    <message>
        <source>Restoring {path} failed ({error}); the data as it was is kept at {kept}.</source>
        <translation>恢复 {path} 失败（{error}）；原有数据已保留在 {kept}。</translation>
    </message>
    <message>
        <source>No copy of the current data could be kept in {folder} ({error}); nothing was restored.</source>
        <translation>无法在 {folder} 中保留当前数据的副本（{error}），未作任何恢复。</translation>
    </message>
    <message>
        <source>{path} could not be replaced by {source}: {error}</source>
        <translation>无法用 {source} 替换 {path}：{error}</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>Backup written to {path}.</source>
        <translation>备份已写入 {path}。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>Backups in {folder}</source>
        <translation>备份文件夹 {folder} 中的备份</translation>
    </message>
    <message>
        <source>Before restoring, a copy of the current data is kept in the backups folder.</source>
        <translation>恢复之前，当前数据会先复制一份保留在备份文件夹中。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>In the backup</source>
        <translation>备份中</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前数据</translation>
    </message>
    <message>
        <source>Last change in the backup</source>
        <translation>备份中最后修改</translation>
    </message>
    <message>
        <source>Backups of other data files:</source>
        <translation>其他数据文件的备份：</translation>
    </message>
    <message>
        <source>a unit it does not name</source>
        <translation>未注明单位</translation>
    </message>
    <message>
        <source>There are no backups in the backups folder yet. Choose another file to restore from.</source>
        <translation>备份文件夹中还没有备份。请选择其他文件进行恢复。</translation>
    </message>
    <message>
        <source>Backup of {when} ({reason})</source>
        <translation>{when} 的备份（{reason}）</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>File {name}</source>
        <translation>文件 {name}</translation>
    </message>
    <message>
        <source>Replace the current data with {name}?

A copy of the current data is kept first in {folder}, so this can be undone.</source>
        <translation>用 {name} 替换当前数据吗？

当前数据会先复制一份保留在 {folder} 中，可以撤销。</translation>
    </message>
    <message>
        <source>{error}

Replace the data of {target} by the backup of {source}? A copy of the current data is kept first.</source>
        <translation>{error}

要用 {source} 的备份替换 {target} 的数据吗？当前数据会先复制一份保留。</translation>
    </message>
    <message>
        <source>Today&apos;s backup was written to {path}.</source>
        <translation>今天的备份已写入 {path}。</translation>
    </message>
    <message>
        <source>Backup failed: {message}</source>
        <translation>备份失败：{message}</translation>
    </message>
    <message>
        <source>The data file is damaged</source>
        <translation>数据文件已损坏</translation>
    </message>
    <message>
        <source>{error}

No sound backup of this file was found in {folder}. Keep the file and ask for help; 台账通 will not write to it.</source>
        <translation>{error}

在 {folder} 中没有找到此文件的完好备份。请保留该文件并寻求技术帮助；台账通不会写入它。</translation>
    </message>
    <message>
        <source>{error}

The newest sound backup is from {when} ({reason}):
{backup}

Restore it? The damaged file is kept beside it, renamed {name}.damaged-…; records entered after the backup was made are not in it. Choose No to quit.</source>
        <translation>{error}

最近的完好备份是 {when}（{reason}）：
{backup}

要恢复它吗？损坏的文件会改名为 {name}.damaged-… 保留在原处；备份之后录入的记录不在备份中。选择“否”则退出。</translation>
    </message>
    <message>
        <source>The backup of {when} was restored. The damaged file is kept as {damaged}.</source>
        <translation>已恢复 {when} 的备份。损坏的文件已保留为 {damaged}。</translation>
    </message>
</context>
<context>
    <name>BinTableModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Edit campaign</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Add phase</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Remove phase</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Phases (double-click or F2 to edit a cell)</source>
        <translation>阶段（双击或按 F2 修改）</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <source>New campaign…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Set as current campaign</source>
        <translation>设为当前活动</translation>
    </message>
    <message>
        <source>Current campaign: {name}</source>
        <translation>当前活动：{name}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{campaign} (current)</source>
        <translation>{campaign}（当前）</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change the password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password (or recovery code)</source>
        <translation>现在的密码（或恢复码）</translation>
    </message>
    <message>
        <source>The data file is not rewritten; the recovery code stays as it was. Backups made before keep the password they were made under.</source>
        <translation>数据文件本身不重写，恢复码不变。此前做的备份仍用做备份时的密码打开。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>台账通: the ledgers of a campaign, recorded once.</source>
        <translation>台账通：活动台账，一次录入，处处可用。</translation>
    </message>
    <message>
        <source>Without a command the application window opens.</source>
        <translation>不带命令时打开程序窗口。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>the data file (default: {path})</source>
        <translation>数据文件（默认：{path}）</translation>
    </message>
    <message>
        <source>language of the window and messages</source>
        <translation>窗口和提示的语言</translation>
    </message>
    <message>
        <source>print the version and quit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>open the window, wait until its first page shows the data, print how many milliseconds that took, and quit (a check of an installation)</source>
        <translation>打开窗口，等首页显示出数据后输出用了多少毫秒并退出（用于检查安装是否正常）</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>write a new data file filled with realistic records</source>
        <translation>生成一个填好演示记录的新数据文件</translation>
    </message>
    <message>
        <source>village: small; township: 24 villages, 12,000 households; county: 20 townships, a million visits</source>
        <translation>village：一个村；township：24 个村、1.2 万户；county：20 个乡镇、100 万次走访</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>Wrote {path}: {households} households, {visits} visits, {sessions} study sessions.</source>
        <translation>已写入 {path}：{households} 户、{visits} 次走访、{sessions} 次学习会议。</translation>
    </message>
    <message>
        <source>the roster</source>
        <translation>花名册文件</translation>
    </message>
    <message>
        <source>the data file to import into</source>
        <translation>导入到的数据文件</translation>
    </message>
    <message>
        <source>what the roster lists (default: guessed from its header)</source>
        <translation>花名册的类别（默认：根据表头判断）</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>the village of rows that name none</source>
        <translation>未填写村（社区）的行所属的村（社区）</translation>
    </message>
    <message>
        <source>import the good rows even if some rows are bad</source>
        <translation>即使有问题行，也导入无问题的行</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{path}: no column for {fields} in the header (row {row}).</source>
        <translation>{path}：表头（第 {row} 行）中没有“{fields}”列。</translation>
    </message>
    <message>
        <source>Row {row} left out: {why}</source>
        <translation>第 {row} 行未导入：{why}</translation>
    </message>
    <message>
        <source>{path}: {n} of {total} rows have problems; nothing was imported. Correct them, or use --skip-bad to import the good rows.</source>
        <translation>{path}：{total} 行中有 {n} 行存在问题，未导入任何数据。请改正后重试，或加 --skip-bad 只导入无问题的行。</translation>
    </message>
    <message>
        <source>export roster: --kind is households or persons.</source>
        <translation>export roster：--kind 只能是 households（农户）或 persons（人员）。</translation>
    </message>
    <message>
        <source>Imported {n} rows from {path} ({skipped} bad rows skipped).</source>
        <translation>已从 {path} 导入 {n} 行（跳过有问题的 {skipped} 行）。</translation>
    </message>
    <message>
        <source>Row {row} (imported): {problems}</source>
        <translation>第 {row} 行（已导入）：{problems}</translation>
    </message>
    <message>
        <source>New villagers&apos; groups: {groups}</source>
        <translation>新建村民小组：{groups}</translation>
    </message>
    <message>
        <source>Row {row}: {problems}</source>
        <translation>第 {row} 行：{problems}</translation>
    </message>
    <message>
        <source>bring in a roster of households or staff (.xlsx, .xls, .et, .ods or .csv)</source>
        <translation>导入农户或人员花名册（.xlsx、.xls、.et、.ods 或 .csv）</translation>
    </message>
    <message>
        <source>any of these words: the file&apos;s own content tells how it is read</source>
        <translation>可写其中任一个：按文件内容判断如何读取</translation>
    </message>
    <message>
        <source>the sheet to read (default: the first with a header)</source>
        <translation>要读取的工作表（默认：第一个有表头的工作表）</translation>
    </message>
    <message>
        <source>write the registers of a campaign to a file</source>
        <translation>将活动台账导出到文件</translation>
    </message>
    <message>
        <source>the data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>the file whose first line is the data file&apos;s password or recovery code (default: the environment variable TAIZHANGTONG_PASSWORD)</source>
        <translation>一个文件，其第一行是数据文件的密码或恢复码（默认：环境变量 TAIZHANGTONG_PASSWORD）</translation>
    </message>
    <message>
        <source>change the password of the data file (the old one, or the recovery code, as with --password-file; the new one from --new-password-file or TAIZHANGTONG_NEW_PASSWORD); a file without a password is encrypted</source>
        <translation>修改数据文件的密码（旧密码或恢复码照 --password-file 的方式给出；新密码来自 --new-password-file 或 TAIZHANGTONG_NEW_PASSWORD）；没有密码的文件则加密</translation>
    </message>
    <message>
        <source>the file whose first line is the new password</source>
        <translation>一个文件，其第一行是新密码</translation>
    </message>
    <message>
        <source>the new data file (encrypted when a password is given with --password-file or TAIZHANGTONG_PASSWORD; without one it is a plain demo, for tests and benchmarks)</source>
        <translation>新的数据文件（用 --password-file 或 TAIZHANGTONG_PASSWORD 给出密码时加密；不给密码则是不加密的演示数据，供测试和速度测量用）</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>first day (YYYY-MM-DD)</source>
        <translation>起始日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>last day (YYYY-MM-DD)</source>
        <translation>截止日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>the campaign (default: the current one; with --from/--to and no campaign: every campaign)</source>
        <translation>活动名称（默认：当前活动；只给 --from/--to 而不给活动时：全部活动）</translation>
    </message>
    <message>
        <source>only this village (community)</source>
        <translation>只导出此村（社区）</translation>
    </message>
    <message>
        <source>print full ID numbers and phones (masked by default)</source>
        <translation>显示完整身份证号和电话（默认部分隐藏）</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>docx: summary (the campaign summary, the default), minutes (of a session: --session) or rectification (the report); roster: households (the default) or persons</source>
        <translation>docx：summary 活动总结（默认）、minutes 会议记录（需 --session）或 rectification 整改情况报告；roster：households 农户（默认）或 persons 人员</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>the date of the document (填报日期, 成文日期), which overdue rectifications are judged against (default: today)</source>
        <translation>文件的日期（填报日期、成文日期），超期整改按此日期判断（默认：今天）</translation>
    </message>
    <message>
        <source>{text} is not a date like 2026-03-01</source>
        <translation>{text} 不是日期（格式如 2026-03-01）</translation>
    </message>
    <message>
        <source>restore a backup of another data file (another unit&apos;s data) all the same</source>
        <translation>仍然恢复另一个数据文件的备份（另一个单位的数据）</translation>
    </message>
    <message>
        <source>an encrypted backup made under another password (before it was changed, or of another data file): the file whose first line is that password or its recovery code (default: TAIZHANGTONG_BACKUP_PASSWORD)</source>
        <translation>用另一个密码加密的备份（改密码之前做的，或另一个数据文件的）：一个文件，其第一行是那个密码或它的恢复码（默认：TAIZHANGTONG_BACKUP_PASSWORD）</translation>
    </message>
    <message>
        <source>PASSPHRASE_FILE</source>
        <translation>口令文件</translation>
    </message>
    <message>
        <source>a file whose first line is the exchange passphrase (default: ${variable}, else the passphrase kept in the data file&apos;s settings)</source>
        <translation>第一行是交换口令的文件（默认取环境变量 ${variable}，再没有则用数据文件设置中保存的口令）</translation>
    </message>
    <message>
        <source>decide at once every conflict of this import: this laptop&apos;s values (local) or the package&apos;s (incoming); without it they wait for package resolve</source>
        <translation>立即决定本次导入的全部冲突：保留本机的值（local）或数据包的值（incoming）；不加此项时冲突留待 package resolve 处理</translation>
    </message>
    <message>
        <source>apply a package that moves records to the recycle bin or changes many records (without it, they are listed and nothing is changed)</source>
        <translation>确认导入会把记录移入回收站或改动大量记录的数据包（不加此项时只列出这些记录，不作任何改动）</translation>
    </message>
    <message>
        <source>list the records changed on both laptops that wait for a decision</source>
        <translation>列出两台电脑都改过、等待决定的记录</translation>
    </message>
    <message>
        <source>decide conflicts of exchanges</source>
        <translation>决定数据包交换中的冲突</translation>
    </message>
    <message>
        <source>keep this laptop&apos;s values (local) or the package&apos;s (incoming)</source>
        <translation>保留本机的值（local）或数据包的值（incoming）</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>only the conflict of this record (may be repeated; default: all)</source>
        <translation>只决定这条记录的冲突（可重复；默认：全部）</translation>
    </message>
    <message>
        <source>Wrote {path} ({rows} rows).</source>
        <translation>已写入 {path}（共 {rows} 行）。</translation>
    </message>
    <message>
        <source>{path} is not a regular file.</source>
        <translation>{path} 不是普通文件。</translation>
    </message>
    <message>
        <source>The password file {path} cannot be read: {error}</source>
        <translation>无法读取密码文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is now encrypted. Its recovery code (print it and keep it in the office: with it the data can be opened if the password is lost; it is not shown again): {code}</source>
        <translation>{path} 已加密。它的恢复码（请打印出来在办公室保管：忘记密码时凭它打开数据；只显示这一次）：{code}</translation>
    </message>
    <message>
        <source>{path} is empty: it is not a data file (a new one is made only by the window, which asks first). Nothing was changed.</source>
        <translation>{path} 是空文件，不是数据文件（只有窗口会在询问后新建数据文件）。未作任何改动。</translation>
    </message>
    <message>
        <source>Note: {notice}</source>
        <translation>注意：{notice}</translation>
    </message>
    <message>
        <source>Note: {path} is not encrypted yet; give a password (--password-file or {variable}) to encrypt it, or set one with the passwd command.</source>
        <translation>提示：{path} 尚未加密；给出密码（--password-file 或 {variable}）即可加密，或用 passwd 命令设置密码。</translation>
    </message>
    <message>
        <source>No campaign named {name}; choose one of: {names}</source>
        <translation>没有名为 {name} 的活动；可选：{names}</translation>
    </message>
    <message>
        <source>No village named {name}; choose one of: {names}</source>
        <translation>没有名为 {name} 的村（社区）；可选：{names}</translation>
    </message>
    <message>
        <source>docx --kind minutes: the session&apos;s ID</source>
        <translation>docx --kind minutes：学习会议的 ID</translation>
    </message>
    <message>
        <source>Unknown placeholders were left in the text as 【…】: {names}</source>
        <translation>以下占位符无法识别，已以【…】留在文中：{names}</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <source>The data file has no campaign to write about.</source>
        <translation>数据文件中还没有活动，无法生成文档。</translation>
    </message>
    <message>
        <source>--kind minutes needs --session ID (the session&apos;s ID).</source>
        <translation>--kind minutes 需要 --session ID（学习会议的 ID）。</translation>
    </message>
    <message>
        <source>{text} is not a session ID.</source>
        <translation>{text} 不是学习会议的 ID。</translation>
    </message>
    <message>
        <source>write a consistent copy of the data file (safe while it is in use)</source>
        <translation>写出数据文件的一致副本（使用中也可安全备份）</translation>
    </message>
    <message>
        <source>the copy to write</source>
        <translation>要写入的备份文件</translation>
    </message>
    <message>
        <source>replace the data file by a backup, keeping a copy of it first</source>
        <translation>用备份替换数据文件（先保留一份原数据）</translation>
    </message>
    <message>
        <source>the data file to replace</source>
        <translation>要替换的数据文件</translation>
    </message>
    <message>
        <source>BACKUP</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>the backup</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>Give it with --backup-password-file or {variable}.</source>
        <translation>请用 --backup-password-file 或 {variable} 给出。</translation>
    </message>
    <message>
        <source>To restore it all the same, run again with --other-file.</source>
        <translation>如仍要恢复，请加 --other-file 再运行一次。</translation>
    </message>
    <message>
        <source>There was no data file there before.</source>
        <translation>那里原先没有数据文件。</translation>
    </message>
    <message>
        <source>The damaged file is kept as {path}.</source>
        <translation>损坏的文件已保留为 {path}。</translation>
    </message>
    <message>
        <source>The data as it was before is kept at {path}.</source>
        <translation>恢复前的数据已保留在 {path}。</translation>
    </message>
    <message>
        <source>Restored {source} into {path}.</source>
        <translation>已将 {source} 恢复到 {path}。</translation>
    </message>
    <message>
        <source>xlsx: the Excel registers; docx: a Word document; roster: the households or persons as a roster (see --kind)</source>
        <translation>xlsx：Excel 台账；docx：Word 文档；roster：农户或人员花名册（见 --kind）</translation>
    </message>
    <message>
        <source>carry records between laptops in a data package</source>
        <translation>用数据包在电脑之间传递记录</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>write the unit&apos;s records to a package</source>
        <translation>将本单位的记录写入数据包</translation>
    </message>
    <message>
        <source>the package to write (.tzpkg)</source>
        <translation>要写出的数据包（.tzpkg）</translation>
    </message>
    <message>
        <source>only this village (may be repeated)</source>
        <translation>只导出该村（可重复指定）</translation>
    </message>
    <message>
        <source>first day of dated records</source>
        <translation>有日期记录的起始日</translation>
    </message>
    <message>
        <source>last day of dated records</source>
        <translation>有日期记录的截止日</translation>
    </message>
    <message>
        <source>merge a package into the data file</source>
        <translation>将数据包合并到数据文件</translation>
    </message>
    <message>
        <source>PACKAGE</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>the package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>{path} cannot be read: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} holds no exchange passphrase (it is empty).</source>
        <translation>{path} 里没有交换口令（文件是空的）。</translation>
    </message>
    <message>
        <source>No exchange passphrase: give --passphrase-file FILE or set {variable}, or keep it in the window under Settings → Data exchange. Nothing was written.</source>
        <translation>没有交换口令：请用 --passphrase-file 文件 给出，或设置环境变量 {variable}，或在程序窗口的“设置 → 数据交换”中保存。未写入任何内容。</translation>
    </message>
    <message>
        <source>Wrote {path}: {n} records of {unit}.</source>
        <translation>已写入 {path}：{unit} 的记录 {n} 条。</translation>
    </message>
    <message>
        <source>Importing {path}: {db} is held until the import has finished.</source>
        <translation>正在导入 {path}：导入完成前 {db} 由本命令占用。</translation>
    </message>
    <message>
        <source>{path} would change {updated} records here, {deleted} of them moved to the recycle bin; nothing was changed. Check the list above and run again with --yes to apply it.</source>
        <translation>{path} 将改动本机 {updated} 条记录，其中 {deleted} 条移入回收站；现在未作任何改动。请核对上面的清单，确认后加 --yes 再运行一次。</translation>
    </message>
    <message>
        <source>Imported {path}: {added} added, {updated} updated, {deleted} deleted, {conflicts} conflicts kept for a decision ({decided} decided now), {duplicates} possible duplicates.</source>
        <translation>已导入 {path}：新增 {added} 条，更新 {updated} 条，删除 {deleted} 条，{conflicts} 条冲突等待决定（本次已决定 {decided} 条），可能重复 {duplicates} 条。</translation>
    </message>
    <message>
        <source>Possible duplicate: {text}</source>
        <translation>疑似重复：{text}</translation>
    </message>
    <message>
        <source>{path}: records of {unit}, written {when} (UTC). It would add {added}, change {updated} and move {deleted} to the recycle bin; {conflicts} records were changed on both sides.</source>
        <translation>{path}：{unit} 的记录，写于 {when}（UTC）。将新增 {added} 条、更新 {updated} 条、移入回收站 {deleted} 条；两边都改过的记录 {conflicts} 条。</translation>
    </message>
    <message>
        <source>To the recycle bin: {record}</source>
        <translation>移入回收站：{record}</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>……另有 {n} 条。</translation>
    </message>
    <message>
        <source>Conflict {key}: {text}</source>
        <translation>冲突 {key}：{text}</translation>
    </message>
    <message>
        <source>Decide with: {program} package resolve --db {path} --keep local|incoming [--record KEY …]</source>
        <translation>决定冲突：{program} package resolve --db {path} --keep local|incoming [--record 编号 …]</translation>
    </message>
    <message>
        <source>No conflicts are waiting for a decision.</source>
        <translation>没有等待决定的冲突。</translation>
    </message>
    <message>
        <source>Decided {n} conflicts ({side}); {left} are still waiting.</source>
        <translation>已决定 {n} 条冲突（{side}）；还有 {left} 条等待决定。</translation>
    </message>
    <message>
        <source>No conflict waits for the record {keys}.</source>
        <translation>记录 {keys} 没有等待决定的冲突。</translation>
    </message>
    <message>
        <source>Error: {message} (see {program} --help)</source>
        <translation>错误：{message}（见 {program} --help）</translation>
    </message>
    <message>
        <source>Interrupted; what was not finished was not written.</source>
        <translation>已中断；未完成的部分没有写入。</translation>
    </message>
    <message>
        <source>Give the new password with --new-password-file or {variable}. Nothing was changed.</source>
        <translation>请用 --new-password-file 或 {variable} 给出新密码。未作任何改动。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is encrypted: give its password (or its recovery code) with --password-file or TAIZHANGTONG_PASSWORD. Nothing was changed.</source>
        <translation>{path} 已加密：请用 --password-file 或 TAIZHANGTONG_PASSWORD 给出它的密码（或恢复码）。未作任何改动。</translation>
    </message>
    <message>
        <source>The password of {path} was changed; the recovery code stays as it was.</source>
        <translation>{path} 的密码已修改；恢复码不变。</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Please correct:</source>
        <translation>请更正：</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>不能删除</translation>
    </message>
    <message>
        <source>The data file could not be written: {error}</source>
        <translation>数据文件无法写入：{error}</translation>
    </message>
</context>
<context>
    <name>Crypt</name>
    <message>
        <source>{path} is encrypted, but its key file {key} is missing; without it the data cannot be read.</source>
        <translation>{path} 已加密，但它的密钥文件 {key} 不见了；没有它，数据无法读出。</translation>
    </message>
    <message>
        <source>The key file {key} cannot be read: {error}</source>
        <translation>无法读取密钥文件 {key}：{error}</translation>
    </message>
    <message>
        <source>{key} is not a key file of 台账通.</source>
        <translation>{key} 不是台账通的密钥文件。</translation>
    </message>
    <message>
        <source>Wrong password for {path}: neither the password nor the recovery code given opens it.</source>
        <translation>{path} 的密码不对：给出的既不是它的密码，也不是它的恢复码。</translation>
    </message>
    <message>
        <source>{path} is encrypted with another password; give it to open the file.</source>
        <translation>{path} 是用另一个密码加密的；请给出该密码再打开。</translation>
    </message>
    <message>
        <source>The password must have at least {count} characters.</source>
        <translation>密码至少要有 {count} 个字符。</translation>
    </message>
    <message>
        <source>This password is one of the first that would be tried; choose another.</source>
        <translation>这个密码是别人最先会试的那几个之一，请换一个。</translation>
    </message>
    <message>
        <source>Mix letters and digits (or use at least 12 characters).</source>
        <translation>请把字母和数字混用（或至少用 12 个字符）。</translation>
    </message>
    <message>
        <source>The password is a run of keys or digits; choose another.</source>
        <translation>这个密码是连续的键位或数字，请换一个。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot open the data file {path}: {error}</source>
        <translation>无法打开数据文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a data file.</source>
        <translation>{path} 是文件夹，不是数据文件。</translation>
    </message>
    <message>
        <source>{path} is not a regular file.</source>
        <translation>{path} 不是普通文件。</translation>
    </message>
    <message>
        <source>{path} is not a plain data file. If it is an encrypted one, its key file {key} is missing: copy it from where the data file came from (the two always travel together; every backup has its own beside it). It has not been changed.</source>
        <translation>{path} 不是未加密的数据文件。如果它是加密的数据文件，它的密钥文件 {key} 不在旁边：请从数据文件原来所在的地方把密钥文件一起复制过来（两者总是一起带走；每个备份旁边也有自己的密钥文件）。文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is damaged: its first page is not that of a data file. It has not been changed.</source>
        <translation>{path} 已损坏：它的第一页不是数据文件应有的样子。文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} had a -wal file beside it that belongs to another copy of it; it was not applied, and is kept as {aside}.</source>
        <translation>{path} 旁边的 -wal 文件属于它的另一个副本，没有应用，已保留为 {aside}。</translation>
    </message>
    <message>
        <source>{path} is not a 台账通 data file.</source>
        <translation>{path} 不是台账通的数据文件。</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}). It has not been changed.</source>
        <translation>{path} 已损坏（{problem}）。该文件未被改动。</translation>
    </message>
    <message>
        <source>Cannot open the data file {path}: its disk is full, and 台账通 writes beside the file as it opens it. Free some space on that disk and try again; nothing was changed.</source>
        <translation>无法打开数据文件 {path}：它所在的磁盘已满，而台账通打开文件时要在它旁边写入。请在该磁盘上腾出空间后再试；未作任何改动。</translation>
    </message>
    <message>
        <source>Cannot open the data file {path}: its folder cannot be written to (a write-protected USB stick, a CD, a shared folder open for reading only), and 台账通 writes beside the file as it opens it. Copy the file to this computer and open the copy.</source>
        <translation>无法打开数据文件 {path}：它所在的文件夹不能写入（写保护的U盘、光盘、只读的共享文件夹），而台账通打开文件时要在它旁边写入。请把文件复制到这台电脑上，再打开复制的文件。</translation>
    </message>
    <message>
        <source>{path} is encrypted: give its password to open it.</source>
        <translation>{path} 已加密：请给出它的密码再打开。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of 台账通 (data format {version}; this program knows up to {latest}). Please install the newer version; the file has not been changed.</source>
        <translation>{path} 由更新版本的台账通写入（数据格式 {version}，本程序最高支持 {latest}）。请安装新版本；文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is of an earlier version and is upgraded only once a backup of it is written. {reason}</source>
        <translation>{path} 是早先版本的数据文件，要先写好它的备份才能升级。{reason}</translation>
    </message>
    <message>
        <source>Upgrading {path} from data format {version} failed ({error}). The file is left at format {step}; a copy made before the upgrade is at {backup}.</source>
        <translation>升级 {path}（数据格式 {version}）失败（{error}）。文件保持在格式 {step}；升级前的备份在 {backup}。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Unknown size {size}; choose village, township or county.</source>
        <translation>未知规模 {size}；请选 village、township 或 county。</translation>
    </message>
    <message>
        <source>{path} already exists; the demo is written to a new file.</source>
        <translation>{path} 已存在；演示数据只写入新文件。</translation>
    </message>
    <message>
        <source>a demo made without a password (for tests and benchmarks)</source>
        <translation>不带密码生成的演示数据（供测试和速度测量用）</translation>
    </message>
    <message>
        <source>Writing {unit} ({n} of {total})…</source>
        <translation>正在写入 {unit}（{n}/{total}）…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Filter by name, post or department</source>
        <translation>按姓名、职务或科室筛选</translation>
    </message>
    <message>
        <source>party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>not staff</source>
        <translation>非干部职工</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>{n} chosen</source>
        <translation>已选 {n} 人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Reason for leave</source>
        <translation>请假事由</translation>
    </message>
    <message>
        <source>Select rows and click a mark, or press 1 present, 2 late, 3 on leave, 4 absent, 0 not entered: each key moves on to the next person. After 3, type the reason and press Enter to move on.</source>
        <translation>选中人员后点击标记，或按 1 出席、2 迟到、3 请假、4 缺席、0 未登记：每按一次自动移到下一人。按 3 后输入请假事由，按回车移到下一人。</translation>
    </message>
    <message>
        <source>Mark the selected persons; or press {key}</source>
        <translation>标记所选人员；也可按 {key}</translation>
    </message>
    <message>
        <source>All present</source>
        <translation>全部出席</translation>
    </message>
    <message>
        <source>Same people as last time</source>
        <translation>同上次人员</translation>
    </message>
    <message>
        <source>Expect the persons of the last session of this kind</source>
        <translation>应到人员取上一次同类会议的人员</translation>
    </message>
    <message>
        <source>Choose expected persons…</source>
        <translation>选择应到人员…</translation>
    </message>
    <message>
        <source>— not entered —</source>
        <translation>— 未填 —</translation>
    </message>
    <message>
        <source>Expected persons</source>
        <translation>应到人员</translation>
    </message>
    <message>
        <source>Expected {expected}   Attended {attended}   Late {late}   On leave {leave}   Absent {absent}   Not entered {blank}</source>
        <translation>应到 {expected}&#x3000;实到 {attended}&#x3000;迟到 {late}&#x3000;请假 {leave}&#x3000;缺席 {absent}&#x3000;未填 {blank}</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Tick at least one visitor.</source>
        <translation>请至少勾选一名走访人。</translation>
    </message>
    <message>
        <source>Raised from the visit: {what}</source>
        <translation>由走访转入：{what}</translation>
    </message>
    <message>
        <source>Raised from the suggestion: {what}</source>
        <translation>由意见建议转入：{what}</translation>
    </message>
    <message>
        <source>Merge suggestions</source>
        <translation>归并意见建议</translation>
    </message>
    <message>
        <source>— a new consolidated item —</source>
        <translation>— 新建归并条目 —</translation>
    </message>
    <message>
        <source>Title of the new consolidated item</source>
        <translation>新归并条目的标题</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>归并到</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新条目</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>归并</translation>
    </message>
    <message>
        <source>{n} suggestions:</source>
        <translation>共 {n} 条意见建议：</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>the data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>The data file is being written by another program; nothing was written. Try again when it has finished.</source>
        <translation>数据文件正被另一个程序写入；本次未写入任何内容。请等它完成后再试。</translation>
    </message>
    <message>
        <source>The disk is full: {path} could not be written, and nothing was changed. Free some space and try again.</source>
        <translation>磁盘已满：无法写入 {path}，未作任何改动。请腾出空间后再试。</translation>
    </message>
    <message>
        <source>{path} cannot be written (it or its folder is read-only); nothing was changed.</source>
        <translation>无法写入 {path}（文件或所在文件夹是只读的）；未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is damaged ({error}); nothing was written to it. Restore it from a backup (the restore command, or 从备份恢复… in the window).</source>
        <translation>{path} 已损坏（{error}）；没有向它写入任何内容。请从备份恢复（restore 命令，或窗口中的“从备份恢复…”）。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({error}).</source>
        <translation>发生了意外错误（{error}）。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({error}). The details are in {log}.</source>
        <translation>发生了意外错误（{error}）。详细情况记录在 {log}。</translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <source>Data packages are encrypted with the exchange passphrase. The township and each of its villages agree on one passphrase and enter the same one here; a package made under another passphrase cannot be opened. Tell it in person or by telephone, not in the chat where the packages travel. It is kept only in this laptop&apos;s data file and never goes into a package.</source>
        <translation>数据包用交换口令加密。乡镇和所属各村约定同一个口令，各自填在这里；用别的口令做的数据包打不开。口令请当面或电话告知，不要在传数据包的聊天群里发。口令只保存在本机的数据文件里，不会随数据包发出。</translation>
    </message>
    <message>
        <source>At least {n} characters, e.g. a sentence only you know</source>
        <translation>至少 {n} 个字符，例如一句只有你们知道的话</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Exchange passphrase</source>
        <translation>交换口令</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>No passphrase is set yet.</source>
        <translation>尚未设置口令。</translation>
    </message>
</context>
<context>
    <name>Expected</name>
    <message>
        <source>Leadership group</source>
        <translation>班子成员</translation>
    </message>
    <message>
        <source>Party committee</source>
        <translation>支委</translation>
    </message>
    <message>
        <source>All party members</source>
        <translation>全体党员</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全体干部</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>The session no longer exists; choose another one.</source>
        <translation>该学习会议已不存在，请另选一个。</translation>
    </message>
    <message>
        <source>The campaign of the summary no longer exists.</source>
        <translation>总结所属的活动已不存在。</translation>
    </message>
    <message>
        <source>The export to {path} was cancelled; no file was written.</source>
        <translation>已取消导出 {path}，未写入任何文件。</translation>
    </message>
    <message>
        <source>The chosen campaign no longer exists.</source>
        <translation>所选活动已不存在。</translation>
    </message>
    <message>
        <source>The chosen village no longer exists.</source>
        <translation>所选村（社区）已不存在。</translation>
    </message>
    <message>
        <source>{path} is open in another program (Excel, WPS or LibreOffice). Close it there and export again; the old file has not been changed.</source>
        <translation>{path} 正在被其他程序（Excel、WPS 或 LibreOffice）打开。请先关闭该文件再导出；原文件未作改动。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the study session no longer exists.</source>
        <translation>无法写入 {path}：该学习会议已不存在。</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>实到</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Rectification raised</source>
        <translation>已转整改</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访次数</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Aims</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Village (community)</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Villagers&apos; group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室（部门）</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Leadership group</source>
        <translation>班子成员</translation>
    </message>
    <message>
        <source>Staff (cadre or employee)</source>
        <translation>干部职工</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>In post</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Household type</source>
        <translation>户类别</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>主讲/领学人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>考察地点</translation>
    </message>
    <message>
        <source>Head count</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Held for village (community)</source>
        <translation>为哪个村（社区）召开</translation>
    </message>
    <message>
        <source>Study session</source>
        <translation>学习会议</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Reason for leave</source>
        <translation>请假事由</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Date completed</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <source>Family situation</source>
        <translation>家庭情况</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Help given</source>
        <translation>帮扶/办理情况</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>需跟踪</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Consolidated item</source>
        <translation>归并条目</translation>
    </message>
    <message>
        <source>Date collected</source>
        <translation>收集日期</translation>
    </message>
    <message>
        <source>Submitted by (staff)</source>
        <translation>提出人（干部）</translation>
    </message>
    <message>
        <source>Submitted by (villager)</source>
        <translation>提出人（群众）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>归并条目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation>责任单位（科室）</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复情况</translation>
    </message>
    <message>
        <source>Reply date</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>From village (community)</source>
        <translation>来自哪个村（社区）</translation>
    </message>
    <message>
        <source>Date found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>From visit</source>
        <translation>来源走访</translation>
    </message>
    <message>
        <source>From suggestion</source>
        <translation>来源意见</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Responsible leader</source>
        <translation>责任领导</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Date closed</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>验收人</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>刊发媒体</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>文字</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>A date is not valid (for example 2026-03-02).</source>
        <translation>日期无效（例如 2026-03-02）。</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>e.g. 2026-03-02</source>
        <translation>如 2026-03-02</translation>
    </message>
    <message>
        <source>Type a date or pick it from the calendar; Up and Down step a day. Leave empty if not known.</source>
        <translation>输入日期或从日历中选取；上下方向键前后调一天。不知道可以不填。</translation>
    </message>
    <message>
        <source>Pick from the calendar</source>
        <translation>从日历选择</translation>
    </message>
    <message>
        <source>A legacy 15-digit number: converted to its 18 characters (19 put before the year of birth, the last character computed). Please check it against the ID card.</source>
        <translation>这是15位旧号码，已换算为18位（出生年份前补“19”，末位校验码已算出），请与身份证核对。</translation>
    </message>
    <message>
        <source>e.g. 09:00</source>
        <translation>如 09:00</translation>
    </message>
    <message>
        <source>Type the head&apos;s name or the village</source>
        <translation>输入户主姓名或村名查找</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is the data file itself (or belongs to it). Choose another name.</source>
        <translation>无法写入 {path}：它就是数据文件本身（或属于数据文件）。请换一个文件名。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder.</source>
        <translation>无法写入 {path}：这是一个文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is not a regular file.</source>
        <translation>无法写入 {path}：它不是普通文件。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the file is read-only. Choose another name, or make it writable first.</source>
        <translation>无法写入 {path}：该文件是只读的。请换一个文件名，或先取消它的只读属性。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the disk is full. Free some space and try again; nothing was changed.</source>
        <translation>无法写入 {path}：磁盘已满。请腾出空间后再试；未作任何改动。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder is read-only or you may not write there. Choose another folder.</source>
        <translation>无法写入 {path}：该文件夹是只读的或没有写入权限。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {path}: its name is too long. Choose a shorter name.</source>
        <translation>无法写入 {path}：文件名太长。请换一个短一些的名字。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is open in another program. Close it there and try again; the old file has not been changed.</source>
        <translation>{path} 正在另一个程序中打开。请先在那里关闭它再试；原文件未作任何改动。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>it is read-only or you may not write there</source>
        <translation>它是只读的，或没有写入权限</translation>
    </message>
    <message>
        <source>台账通&apos;s data folder {folder} cannot be written ({reason}). It holds the backups, the log and the scratch files of exports, so nothing was done. Free some space on that disk, or ask for that folder to be made writable.</source>
        <translation>台账通的数据文件夹 {folder} 无法写入（{reason}）。备份、日志和导出用的临时文件都放在这里，所以什么也没有做。请在该磁盘上腾出空间，或请人把该文件夹设为可写。</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Demonstration data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Writing the demonstration data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to 台账通</source>
        <translation>欢迎使用台账通</translation>
    </message>
    <message>
        <source>This data file is new. Tell us which unit keeps these ledgers and which campaign they are for; everything can be changed later in Settings.</source>
        <translation>这是一个新的数据文件。请填写记台账的单位和活动名称；以后都可以在“设置”中修改。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>Load demonstration data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Look around in an invented township first; your own data file stays empty.</source>
        <translation>先在一个虚构的乡镇里看看；您自己的数据文件保持为空。</translation>
    </message>
    <message>
        <source>Demonstration data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>The demonstration data could not be opened: {error}</source>
        <translation>无法打开演示数据：{error}</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Edit {kind}</source>
        <translation>修改{kind}</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>新增{kind}</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Please check the facts marked in amber; press Save anyway to keep them as they are.</source>
        <translation>请核对黄色标出的内容；确认无误请点“仍然保存”。</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Not saved. Please correct the fields marked in red.</source>
        <translation>未保存。请更正红字标出的项目。</translation>
    </message>
</context>
<context>
    <name>Guard</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Something unexpected went wrong in the window ({message}). The details are in {log}.</source>
        <translation>窗口中发生了意外错误（{message}）。详细情况记录在 {log}。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not expected</source>
        <translation>不在应到名单</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>未登记</translation>
    </message>
</context>
<context>
    <name>HistoryExportDialog</name>
    <message>
        <source>Export change history</source>
        <translation>导出修改记录</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Show full ID numbers and phone numbers</source>
        <translation>完整显示身份证号和电话</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The change history was written to {path}.</source>
        <translation>修改记录已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>No changes have been recorded for this record yet.</source>
        <translation>这条记录还没有修改记录。</translation>
    </message>
</context>
<context>
    <name>Holders</name>
    <message>
        <source>{program} on the computer {host}</source>
        <translation>计算机 {host} 上的 {program}</translation>
    </message>
    <message>
        <source>the {program} window (process {pid})</source>
        <translation>{program} 窗口（进程 {pid}）</translation>
    </message>
    <message>
        <source>the command {what} on the computer {host}</source>
        <translation>计算机 {host} 上的命令 {what}</translation>
    </message>
    <message>
        <source>the command {what} (process {pid}, since {since})</source>
        <translation>命令 {what}（进程 {pid}，{since} 起）</translation>
    </message>
    <message>
        <source>{path} is being written by {holder}; this waited {seconds} seconds and wrote nothing. Try again when it has finished.</source>
        <translation>{path} 正被 {holder} 写入；本次等了 {seconds} 秒，未写入任何内容。请等它完成后再试。</translation>
    </message>
    <message>
        <source>{path} is being written by another program; this waited {seconds} seconds and wrote nothing. Try again when it has finished.</source>
        <translation>{path} 正被另一个程序写入；本次等了 {seconds} 秒，未写入任何内容。请等它完成后再试。</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>台账通 is locked: it was not used for a while. The data is hidden until the password is given.</source>
        <translation>台账通已锁定：有一段时间没有操作了。输入密码后才显示数据。</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>解锁…</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>All: {what}</source>
        <translation>全部{what}</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation>新增记录（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move to the recycle bin (Delete)</source>
        <translation>移到回收站（Delete 键）</translation>
    </message>
    <message>
        <source>Click to show all records again</source>
        <translation>点击恢复显示全部记录</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Searching the other fields too…</source>
        <translation>正在查找其余各项…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>The list could not be read: {error}</source>
        <translation>无法读取列表：{error}</translation>
    </message>
    <message>
        <source>Only: {what} ✕</source>
        <translation>仅显示：{what} ✕</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source>Move “{what}” to the recycle bin?</source>
        <translation>把“{what}”移到回收站？</translation>
    </message>
    <message>
        <source>Move {n} records to the recycle bin?</source>
        <translation>把 {n} 条记录移到回收站？</translation>
    </message>
    <message>
        <source>They can be restored from the recycle bin.</source>
        <translation>可以从回收站恢复。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Study sessions</source>
        <translation>学习会议</translation>
    </message>
    <message>
        <source>Study writings</source>
        <translation>学习成果</translation>
    </message>
    <message>
        <source>Household visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>问题整改</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>宣传信息</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Campaign summary</source>
        <translation>活动总结</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open data file…</source>
        <translation>打开数据文件…</translation>
    </message>
    <message>
        <source>New data file…</source>
        <translation>新建数据文件…</translation>
    </message>
    <message>
        <source>Export registers…</source>
        <translation>导出台账…</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <source>Export change history…</source>
        <translation>导出修改记录…</translation>
    </message>
    <message>
        <source>Back up to…</source>
        <translation>备份到…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Export data package…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <source>Import data package…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <source>Conflicts of exchanges…</source>
        <translation>数据包冲突…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About 台账通</source>
        <translation>关于台账通</translation>
    </message>
    <message>
        <source>Raise a rectification</source>
        <translation>转为整改</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>归并…</translation>
    </message>
    <message>
        <source>Export roster…</source>
        <translation>导出花名册…</translation>
    </message>
    <message>
        <source>Print sign-in sheet</source>
        <translation>打印签到表</translation>
    </message>
    <message>
        <source>Write minutes…</source>
        <translation>生成会议记录…</translation>
    </message>
    <message>
        <source>Choose a record first.</source>
        <translation>请先选择一条记录。</translation>
    </message>
    <message>
        <source>Rectification recorded; it is in the rectification list.</source>
        <translation>已登记整改，可在“问题整改”中查看。</translation>
    </message>
    <message>
        <source>Select the suggestions to merge.</source>
        <translation>请选择要归并的意见建议。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>归并</translation>
    </message>
    <message>
        <source>Only suggestions of the same campaign can be merged.</source>
        <translation>只能归并同一活动的意见建议。</translation>
    </message>
    <message>
        <source>{n} suggestions merged into “{item}”.</source>
        <translation>已将 {n} 条意见建议归并为“{item}”。</translation>
    </message>
    <message>
        <source>Open data file</source>
        <translation>打开数据文件</translation>
    </message>
    <message>
        <source>台账通 data (*.db);;All files (*)</source>
        <translation>台账通数据 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New data file</source>
        <translation>新建数据文件</translation>
    </message>
    <message>
        <source>台账通 data (*.db)</source>
        <translation>台账通数据 (*.db)</translation>
    </message>
    <message>
        <source>{path} already exists; choose Open to use it.</source>
        <translation>{path} 已存在；请用“打开”使用它。</translation>
    </message>
    <message>
        <source>Restored {source}; the data as it was before is kept at {kept}.</source>
        <translation>已恢复 {source}；恢复前的数据已保留在 {kept}。</translation>
    </message>
    <message>
        <source>台账通 keeps the ledgers of a campaign: study sessions, visits, suggestions and rectification, each fact recorded once.

Data file: {path}</source>
        <translation>台账通记录活动台账：学习会议、走访、意见建议和问题整改，每件事只录一次。

数据文件：{path}</translation>
    </message>
    <message>
        <source> (demo data)</source>
        <translation>（演示数据）</translation>
    </message>
    <message>
        <source>Data file: {path}</source>
        <translation>数据文件：{path}</translation>
    </message>
</context>
<context>
    <name>NameListEditor</name>
    <message>
        <source>New name, then Enter</source>
        <translation>输入名称后按回车</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Or press F2 in the list</source>
        <translation>也可在列表中按 F2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Or press Delete in the list; deleted rows go to the recycle bin</source>
        <translation>也可在列表中按 Delete；删除的内容进入回收站</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Ctrl+Up in the list</source>
        <translation>列表中按 Ctrl+↑</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Ctrl+Down in the list</source>
        <translation>列表中按 Ctrl+↓</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Click to see these records</source>
        <translation>点击查看这些记录</translation>
    </message>
    <message>
        <source>{rate} ({numerator} {n} / {denominator} {d})</source>
        <translation>{rate}（{numerator} {n} / {denominator} {d}）</translation>
    </message>
    <message>
        <source>attendance recorded</source>
        <translation>已登记出勤</translation>
    </message>
    <message>
        <source>attendance not recorded</source>
        <translation>未登记出勤</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>research reports of the leadership</source>
        <translation>班子成员调研报告</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>not yet answered</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Study sessions per month</source>
        <translation>每月学习会议</translation>
    </message>
    <message>
        <source>Households visited, per village</source>
        <translation>各村走访覆盖率</translation>
    </message>
    <message>
        <source>Suggestions by category and status</source>
        <translation>意见建议（按类别和办理状态）</translation>
    </message>
    <message>
        <source>Problems found and closed (cumulative)</source>
        <translation>问题发现与销号（累计）</translation>
    </message>
    <message>
        <source>No records yet</source>
        <translation>暂无记录</translation>
    </message>
    <message>
        <source>Right-click to save as a picture</source>
        <translation>右键可保存为图片</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>days;</source>
        <translation>天内到期；</translation>
    </message>
    <message>
        <source>rectifications due within</source>
        <translation>整改事项在</translation>
    </message>
    <message>
        <source>Suggestions unanswered for</source>
        <translation>意见建议超过</translation>
    </message>
    <message>
        <source>days or more;</source>
        <translation>天未答复；</translation>
    </message>
    <message>
        <source>persons absent more than</source>
        <translation>缺席超过</translation>
    </message>
    <message>
        <source>times</source>
        <translation>次的人员</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>The figures could not be counted: {error}</source>
        <translation>无法统计：{error}</translation>
    </message>
    <message>
        <source>Counted from {n} records of the data file.</source>
        <translation>根据数据文件中的 {n} 条记录统计。</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>phase: {phase}</source>
        <translation>当前阶段：{phase}</translation>
    </message>
    <message>
        <source>{n} days left</source>
        <translation>还剩 {n} 天</translation>
    </message>
    <message>
        <source>ended {n} days ago</source>
        <translation>已结束 {n} 天</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>已走访</translation>
    </message>
    <message>
        <source>not visited</source>
        <translation>未走访</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>已归并</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <source>found</source>
        <translation>累计发现</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>累计销号</translation>
    </message>
    <message>
        <source>Rectifications past or near their deadline</source>
        <translation>整改已超期或即将到期</translation>
    </message>
    <message>
        <source>Suggestions waiting for a reply</source>
        <translation>意见建议待答复</translation>
    </message>
    <message>
        <source>Households not visited yet</source>
        <translation>尚未走访的农户</translation>
    </message>
    <message>
        <source>Sessions not completely recorded</source>
        <translation>学习会议记录不完整</translation>
    </message>
    <message>
        <source>Persons often absent</source>
        <translation>多次缺席的人员</translation>
    </message>
    <message>
        <source>Nothing is waiting. Well done.</source>
        <translation>没有待办事项。</translation>
    </message>
    <message>
        <source>Save as picture…</source>
        <translation>保存为图片…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <source>The data file has no unit to export.</source>
        <translation>数据文件中没有可导出的单位。</translation>
    </message>
    <message>
        <source>The package would hold {rows} rows, more than a data package may ({limit} rows or {size} MB). Export it in parts: by township or by village.</source>
        <translation>这个数据包将包含 {rows} 行，超过数据包的上限（{limit} 行或 {size} MB）。请分开导出：按乡镇或按村。</translation>
    </message>
    <message>
        <source>… and {n} more problems.</source>
        <translation>……另有 {n} 处问题。</translation>
    </message>
    <message>
        <source>{path} cannot be imported: {reason}</source>
        <translation>{path} 无法导入：{reason}</translation>
    </message>
    <message>
        <source>the file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>it is not a regular file.</source>
        <translation>它不是普通文件。</translation>
    </message>
    <message>
        <source>it is larger than a data package may be ({n} MB).</source>
        <translation>文件超过数据包的大小上限（{n} MB）。</translation>
    </message>
    <message>
        <source>it cannot be opened with this laptop&apos;s exchange passphrase: either the passphrase differs from the sender&apos;s, or the file was damaged or altered on the way. Nothing was changed.</source>
        <translation>用本机的交换口令打不开它：要么本机口令与发送方的不同，要么文件在传送途中损坏或被改动。未作任何改动。</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>it is an unencrypted package written by an older version of 台账通. Ask the sender to install this version and export the package again.</source>
        <translation>它是旧版本台账通写出的未加密数据包。请发送方安装本版本后重新导出数据包。</translation>
    </message>
    <message>
        <source>it was written by a newer version of 台账通 (envelope {version}). Please install the newer version.</source>
        <translation>它由更新版本的台账通写出（封装版本 {version}）。请安装新版本。</translation>
    </message>
    <message>
        <source>its header asks for a key derivation this program does not accept; it was not written by 台账通, or it was altered.</source>
        <translation>它的文件头要求本程序不接受的密钥计算参数：它不是台账通写出的，或者已被改动。</translation>
    </message>
    <message>
        <source>it is not a 台账通 data package.</source>
        <translation>这不是台账通数据包。</translation>
    </message>
    <message>
        <source>the file is incomplete (cut short); ask the sender for it again.</source>
        <translation>文件不完整（被截断），请发送方重新发送。</translation>
    </message>
    <message>
        <source>it holds parts a data package does not have.</source>
        <translation>其中有数据包不应有的部分。</translation>
    </message>
    <message>
        <source>it is not a 台账通 data package (no manifest).</source>
        <translation>这不是台账通数据包（缺少清单）。</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>格式不对</translation>
    </message>
    <message>
        <source>it was written by an older version of 台账通, whose packages carry no record versions. Ask the sender to install this version and export the package again.</source>
        <translation>它由旧版本的台账通写出，旧版数据包不带记录的版本。请对方安装本版本后重新导出数据包。</translation>
    </message>
    <message>
        <source>its manifest cannot be read ({error}).</source>
        <translation>清单无法读取（{error}）。</translation>
    </message>
    <message>
        <source>a row of {member} is longer than a row may be.</source>
        <translation>{member} 中有一行超过了长度上限。</translation>
    </message>
    <message>
        <source>the row is too long.</source>
        <translation>这一行太长。</translation>
    </message>
    <message>
        <source>the row cannot be read.</source>
        <translation>这一行无法读取。</translation>
    </message>
    <message>
        <source>columns this program does not know ({names}).</source>
        <translation>有本程序不认识的列（{names}）。</translation>
    </message>
    <message>
        <source>the row has no key.</source>
        <translation>这一行没有编号。</translation>
    </message>
    <message>
        <source>the row has no time of its last change.</source>
        <translation>这一行没有最后修改时间。</translation>
    </message>
    <message>
        <source>the row&apos;s version cannot be read.</source>
        <translation>这一行的版本无法读取。</translation>
    </message>
    <message>
        <source>the row holds a value that is neither text nor a number.</source>
        <translation>这一行有既不是文字也不是数字的值。</translation>
    </message>
    <message>
        <source>it was written by a newer version of 台账通 (data format {version}; this program knows up to {latest}). Please install the newer version.</source>
        <translation>它由更新版本的台账通写出（数据格式 {version}；本程序最高支持 {latest}）。请安装新版本。</translation>
    </message>
    <message>
        <source>the file cannot be read ({error}).</source>
        <translation>文件无法读取（{error}）。</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>太大</translation>
    </message>
    <message>
        <source>its manifest does not match its parts.</source>
        <translation>清单与其中的内容不符。</translation>
    </message>
    <message>
        <source>the part {member} is missing.</source>
        <translation>缺少其中的 {member}。</translation>
    </message>
    <message>
        <source>some of its rows cannot be used; nothing was imported:</source>
        <translation>其中有些行无法使用，未导入任何记录：</translation>
    </message>
    <message>
        <source>it holds more than a data package may ({rows} rows or {size} MB unpacked). Export it in parts (by village).</source>
        <translation>内容超过数据包的上限（{rows} 行或解压后 {size} MB）。请分开导出（按村）。</translation>
    </message>
    <message>
        <source>the part {member} has been altered or damaged (checksum mismatch).</source>
        <translation>其中的 {member} 已被改动或损坏（校验值不符）。</translation>
    </message>
    <message>
        <source>the file is damaged or incomplete ({error}).</source>
        <translation>文件已损坏或不完整（{error}）。</translation>
    </message>
    <message>
        <source>the part {member} is incomplete ({found} of {count} rows).</source>
        <translation>其中的 {member} 不完整（应有 {count} 行，只有 {found} 行）。</translation>
    </message>
    <message>
        <source>{path} cannot be merged into this data file ({error}); nothing was changed.</source>
        <translation>{path} 无法合并到本数据文件（{error}），未作任何改动。</translation>
    </message>
    <message>
        <source>package from {unit}</source>
        <translation>数据包：{unit}</translation>
    </message>
    <message>
        <source>Export data package</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <source>The records of {unit} go into one file that another laptop can import. Tick villages to send only theirs (none ticked: all villages).</source>
        <translation>{unit} 的记录将写入一个文件，可在另一台电脑上导入。勾选村（社区）则只导出所勾选的（不勾选：全部村）。</translation>
    </message>
    <message>
        <source>Dated records from</source>
        <translation>有日期的记录，起</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>{field}: {text} is not a date like 2026-03-01.</source>
        <translation>{field}：{text} 不是日期（应如 2026-03-01）。</translation>
    </message>
    <message>
        <source>Data package written to {path} ({n} records).</source>
        <translation>数据包已写入 {path}（共 {n} 条记录）。</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{record} — {field}: here “{local}”, in the package “{incoming}”</source>
        <translation>{record} — {field}：本机“{local}”，数据包“{incoming}”</translation>
    </message>
    <message>
        <source>in the recycle bin</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <source>Import data package</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>{file}: records of {unit}, written {when} (UTC).
{added} new, {updated} changed, {deleted} moved to the recycle bin, {same} already the same, {kept} newer here (kept); {conflicts} changed on both sides.</source>
        <translation>{file}：{unit} 的记录，写于 {when}（UTC）。
新增 {added} 条，更新 {updated} 条，移入回收站 {deleted} 条，相同 {same} 条，本机较新（保留）{kept} 条；两边都改过 {conflicts} 条。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>以后再定</translation>
    </message>
    <message>
        <source>This laptop&apos;s</source>
        <translation>本机的</translation>
    </message>
    <message>
        <source>The package&apos;s</source>
        <translation>数据包的</translation>
    </message>
    <message>
        <source>Conflicts of exchanges</source>
        <translation>数据包冲突</translation>
    </message>
    <message>
        <source>These records were changed on this laptop and on another one in ways that cannot be merged. Choose which values to keep; the choice goes to the other laptop with the next package.</source>
        <translation>这些记录在本机和另一台电脑上都改过，无法自动合并。请选择保留哪一边的值；所作的选择会随下一个数据包带到另一台电脑。</translation>
    </message>
    <message>
        <source>No conflicts are waiting for a decision.</source>
        <translation>没有等待决定的冲突。</translation>
    </message>
    <message>
        <source>Apply the choices</source>
        <translation>按所选保存</translation>
    </message>
    <message>
        <source>same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>same head of household in the same group</source>
        <translation>同一村民小组户主同名</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>姓名相同</translation>
    </message>
    <message>
        <source>{kind} {text} ({reason}) — merge into {local}</source>
        <translation>{kind} {text}（{reason}）— 并入 {local}</translation>
    </message>
    <message>
        <source>These look like records already here under another key. Tick those to merge into the existing record after importing (its visits and other records move over):</source>
        <translation>以下记录疑似与本机已有记录重复。勾选的将在导入后并入本机已有记录（其走访等记录随之转过去）：</translation>
    </message>
    <message>
        <source>Data packages are encrypted with the exchange passphrase agreed by the township and its villages, and none is set on this laptop yet. Set it first in Settings → Data exchange.</source>
        <translation>数据包用乡镇和各村约定的交换口令加密，本机还没有设置口令。请先在“设置 → 数据交换”中设置。</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>These records go to the recycle bin:</source>
        <translation>以下记录将移入回收站：</translation>
    </message>
    <message>
        <source>Changed on both laptops in ways that cannot be merged; choose which to keep, or decide later (File → Conflicts of exchanges…):</source>
        <translation>两台电脑都改过、无法自动合并的记录；请选择保留哪一边，或以后再定（文件 → 数据包冲突…）：</translation>
    </message>
    <message>
        <source>I have checked the records that go to the recycle bin and the changes above.</source>
        <translation>我已核对将移入回收站的记录和上面的改动。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>……另有 {n} 条。</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Importing {path}: the data file is held until the import has finished…</source>
        <translation>正在导入 {path}：导入完成前数据文件由本程序占用…</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>{path} could not be imported: {error}</source>
        <translation>{path} 导入失败：{error}</translation>
    </message>
    <message>
        <source>Imported {path}: {added} added, {updated} updated, {deleted} deleted, {conflicts} conflicts, {merged} of {duplicates} possible duplicates merged.</source>
        <translation>已导入 {path}：新增 {added} 条，更新 {updated} 条，删除 {deleted} 条，冲突 {conflicts} 条；疑似重复 {duplicates} 条，已合并 {merged} 条。</translation>
    </message>
    <message>
        <source>{n} conflicts wait for your decision: File → Conflicts of exchanges…</source>
        <translation>有 {n} 条冲突等待您决定：文件 → 数据包冲突…</translation>
    </message>
    <message>
        <source>{field}: cannot be read.</source>
        <translation>{field}：无法读取。</translation>
    </message>
    <message>
        <source>{field}: is not a time.</source>
        <translation>{field}：不是时间。</translation>
    </message>
    <message>
        <source>{member} row {row}: {problem}</source>
        <translation>{member} 第 {row} 行：{problem}</translation>
    </message>
    <message>
        <source>it holds the records of a unit named {unit} that was set up in another data file on its own: it is not this file&apos;s {here}, though the two have the same name. Packages go between copies of one data file, and between a unit and its sub-units. Nothing was imported.</source>
        <translation>其中是另一个数据文件里单独建立的、名为“{unit}”的单位的记录：它虽与本文件的“{here}”同名，却不是同一个单位。数据包只在同一个数据文件的副本之间、以及上下级单位之间传递。未导入任何记录。</translation>
    </message>
    <message>
        <source>it holds the records of {unit}, which is neither {here} nor one of its sub-units. Nothing was imported.</source>
        <translation>其中是 {unit} 的记录，{unit} 既不是 {here}，也不是它的下级单位。未导入任何记录。</translation>
    </message>
    <message>
        <source>This choice cannot be saved: {problems}</source>
        <translation>无法按这个选择保存：{problems}</translation>
    </message>
    <message>
        <source>decision on a conflict with {unit}</source>
        <translation>决定与 {unit} 的冲突</translation>
    </message>
    <message>
        <source>it belongs to a unit outside {unit}.</source>
        <translation>它属于 {unit} 以外的单位。</translation>
    </message>
    <message>
        <source>some of its rows would not pass the checks of a form; nothing was imported:</source>
        <translation>其中有些行通不过表单的检查，未导入任何记录：</translation>
    </message>
    <message>
        <source>The exchange passphrase must have at least {n} characters.</source>
        <translation>交换口令至少要有 {n} 个字符。</translation>
    </message>
    <message>
        <source>No exchange passphrase is set. Set the passphrase agreed with the township and its villages in Settings → Data exchange first.</source>
        <translation>尚未设置交换口令。请先在“设置 → 数据交换”中填写与乡镇和各村约定的口令。</translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>太短：至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>Weak: easy to guess. A sentence only the township and its villages know is better, e.g. 12 characters or more mixing Chinese, letters and digits.</source>
        <translation>弱：容易被猜到。最好用一句只有乡镇和各村知道的话，例如 12 个字符以上，汉字、字母、数字混用。</translation>
    </message>
    <message>
        <source>Fair. Longer is better: 16 characters or more.</source>
        <translation>中。再长一些更好：16 个字符以上。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
</context>
<context>
    <name>Password</name>
    <message>
        <source>The data file is encrypted with this password. Keep the password, and print the recovery code shown next and keep it in the office: if both are lost, nobody can open the data again — not the office, not the makers of 台账通.</source>
        <translation>数据文件用这个密码加密。请记住密码，并把接下来显示的恢复码打印出来在办公室保管：密码和恢复码都丢了，数据就再也打不开——本单位打不开，台账通的开发者也打不开。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>{path} is encrypted. Its password (or its recovery code):</source>
        <translation>{path} 已加密。请输入它的密码（或恢复码）：</translation>
    </message>
    <message>
        <source>The password was wrong.</source>
        <translation>密码不对。</translation>
    </message>
    <message>
        <source>Full ID numbers and phone numbers are exported only with the data file&apos;s password. Its password (or its recovery code):</source>
        <translation>导出完整的身份证号和电话号码需要数据文件的密码。请输入密码（或恢复码）：</translation>
    </message>
</context>
<context>
    <name>PasswordSetup</name>
    <message>
        <source>Keep this data file without a password (not encrypted)</source>
        <translation>这个数据文件不设密码（不加密）</translation>
    </message>
    <message>
        <source>Why (for example: this computer is locked in the office safe and holds no other data)</source>
        <translation>原因（例如：这台电脑锁在办公室保密柜里，不存其他数据）</translation>
    </message>
    <message>
        <source>Without a password, whoever takes this computer or copies the file reads every name, ID number and phone in it.</source>
        <translation>不设密码，谁拿到这台电脑或复制走这个文件，都能看到其中每个人的姓名、身份证号和电话。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <source>Say why this data file is to have no password.</source>
        <translation>请写明这个数据文件为什么不设密码。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
</context>
<context>
    <name>Personal</name>
    <message>
        <source>this old 15-digit number has a birth date that does not exist</source>
        <translation>这个旧的 15 位号码中的出生日期不存在</translation>
    </message>
    <message>
        <source>must have 18 characters, not {n}</source>
        <translation>应为 18 位，当前为 {n} 位</translation>
    </message>
    <message>
        <source>only digits, and X as the last character</source>
        <translation>只能是数字，末位可为 X</translation>
    </message>
    <message>
        <source>the birth date {d} in it does not exist</source>
        <translation>其中的出生日期 {d} 不存在</translation>
    </message>
    <message>
        <source>the check character is wrong (a digit mistyped?)</source>
        <translation>校验位不对（可能有数字输错）</translation>
    </message>
    <message>
        <source>not a mobile number (11 digits starting with 13–19) or a landline number with its area code (such as 0743-1234567)</source>
        <translation>不是手机号（以 13–19 开头的 11 位数字），也不是带区号的固定电话（如 0743-1234567）</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>Unit and campaign</source>
        <translation>单位和活动</translation>
    </message>
    <message>
        <source>Study sessions</source>
        <translation>学习会议</translation>
    </message>
    <message>
        <source>Study writings</source>
        <translation>学习成果</translation>
    </message>
    <message>
        <source>Household visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>问题整改</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>宣传信息</translation>
    </message>
    <message>
        <source>The unit&apos;s name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>How the unit names itself: 我镇, 我乡, 我局 …</source>
        <translation>单位自称：我镇、我乡、我局……</translation>
    </message>
    <message>
        <source>The whole unit: 全镇, 全乡, 全局 …</source>
        <translation>全单位：全镇、全乡、全局……</translation>
    </message>
    <message>
        <source>The campaign&apos;s name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>The campaign&apos;s aims, as entered in Settings</source>
        <translation>活动目标（在“设置”中填写）</translation>
    </message>
    <message>
        <source>First day covered (2026年2月9日)</source>
        <translation>统计起始日（2026年2月9日）</translation>
    </message>
    <message>
        <source>Last day covered</source>
        <translation>统计截止日</translation>
    </message>
    <message>
        <source>The period covered (…至…)</source>
        <translation>统计期间（……至……）</translation>
    </message>
    <message>
        <source>Attendance expected at the sessions whose attendance is recorded (person-times)</source>
        <translation>已登记出勤的会议应到人次</translation>
    </message>
    <message>
        <source>Attended of expected (96.5%)</source>
        <translation>实到人次 ÷ 应到人次（96.5%）</translation>
    </message>
    <message>
        <source>Sessions whose attendance is not recorded</source>
        <translation>未登记出勤的会议次数</translation>
    </message>
    <message>
        <source>Characters of study notes per person</source>
        <translation>人均学习笔记字数</translation>
    </message>
    <message>
        <source>Persons who wrote study notes</source>
        <translation>撰写学习笔记的人数</translation>
    </message>
    <message>
        <source>Each village&apos;s coverage in a sentence; with many villages, a table in an annex</source>
        <translation>各村（社区）覆盖情况：村少时写成一句，村多时写最低的一个并附表（附件）</translation>
    </message>
    <message>
        <source>Open past their deadline on the document&apos;s date</source>
        <translation>至成文日期已超过整改时限、尚未完成的问题数</translation>
    </message>
    <message>
        <source>Each kind with its verb and unit: 报送新闻稿件15篇，编发工作简报8期…</source>
        <translation>各类宣传信息及其单位：报送新闻稿件15篇，编发工作简报8期…</translation>
    </message>
    <message>
        <source>Articles in the unit&apos;s own media (Settings → Unit)</source>
        <translation>本单位媒体（设置 → 本单位）刊发的新闻稿件篇数</translation>
    </message>
    <message>
        <source>Articles in higher-level and other media</source>
        <translation>上级及其他媒体刊发的新闻稿件篇数</translation>
    </message>
    <message>
        <source>The unit&apos;s own media that carried articles</source>
        <translation>刊发了稿件的本单位媒体名称</translation>
    </message>
    <message>
        <source>The other media that carried articles, most first (at most four)</source>
        <translation>刊发了稿件的上级及其他媒体名称（按篇数，最多四个）</translation>
    </message>
    <message>
        <source>Sessions of every kind</source>
        <translation>各类学习会议合计次数</translation>
    </message>
    <message>
        <source>Sessions of this kind</source>
        <translation>该类学习会议次数</translation>
    </message>
    <message>
        <source>Date of the document</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Each kind held with its count: 领导班子集中学习4次，全体干部集中学习32次…</source>
        <translation>各类会议及次数：领导班子集中学习4次，全体干部集中学习32次……</translation>
    </message>
    <message>
        <source>The mobilisation meetings and forums, dated, in date order (empty if none)</source>
        <translation>动员部署会和座谈会，按日期先后逐一写明（没有则为空）</translation>
    </message>
    <message>
        <source>Dated sentences of the mobilisation meetings (empty if none)</source>
        <translation>动员部署会的日期和名称（没有则为空）</translation>
    </message>
    <message>
        <source>Dated sentences of the forums (empty if none)</source>
        <translation>座谈会的日期和名称（没有则为空）</translation>
    </message>
    <message>
        <source>Dated sentences of the study tours with destination and head count</source>
        <translation>外出学习考察的日期、地点和人数</translation>
    </message>
    <message>
        <source>All key meetings and study tours, dated, in order</source>
        <translation>全部重要会议和外出考察，按日期排列</translation>
    </message>
    <message>
        <source>Present or late (person-times)</source>
        <translation>实到人次（出席和迟到）</translation>
    </message>
    <message>
        <source>Late (person-times)</source>
        <translation>迟到人次</translation>
    </message>
    <message>
        <source>On leave (person-times)</source>
        <translation>请假人次</translation>
    </message>
    <message>
        <source>Absent (person-times)</source>
        <translation>缺席人次</translation>
    </message>
    <message>
        <source>Writings of every kind</source>
        <translation>各类学习成果合计篇数</translation>
    </message>
    <message>
        <source>Writings of this kind</source>
        <translation>该类学习成果篇数</translation>
    </message>
    <message>
        <source>Characters of all study notes</source>
        <translation>学习笔记总字数</translation>
    </message>
    <message>
        <source>The least study notes of one person (每人…字以上: write {学习笔记最少字数:整})</source>
        <translation>学习笔记字数最少的一人的字数（写“每人…字以上”时用 {学习笔记最少字数:整}）</translation>
    </message>
    <message>
        <source>Persons who wrote something</source>
        <translation>撰写人数</translation>
    </message>
    <message>
        <source>Writings checked (with the date of checking)</source>
        <translation>已检查验收（填有验收日期）的学习成果篇数</translation>
    </message>
    <message>
        <source>Leadership group members in post</source>
        <translation>在职班子成员人数</translation>
    </message>
    <message>
        <source>Research reports by the leadership group</source>
        <translation>班子成员撰写的调研报告篇数</translation>
    </message>
    <message>
        <source>The least research reports of one leader (0 if one wrote none)</source>
        <translation>班子成员中调研报告最少的一人的篇数（有人未写则为0）</translation>
    </message>
    <message>
        <source>Each kind with its count: 学习笔记36篇（共313686字）、心得体会29篇…</source>
        <translation>各类成果及篇数：学习笔记36篇（共313686字）、心得体会29篇……</translation>
    </message>
    <message>
        <source>Visits made</source>
        <translation>走访户次</translation>
    </message>
    <message>
        <source>Households visited at least once</source>
        <translation>走访户数（至少走访一次）</translation>
    </message>
    <message>
        <source>Households of the villages covered</source>
        <translation>所辖村（社区）总户数</translation>
    </message>
    <message>
        <source>Households not yet visited</source>
        <translation>未走访户数</translation>
    </message>
    <message>
        <source>Households visited of all households</source>
        <translation>走访覆盖率</translation>
    </message>
    <message>
        <source>Villages and communities</source>
        <translation>村（社区）数</translation>
    </message>
    <message>
        <source>Villages and communities with every household visited</source>
        <translation>实现走访全覆盖的村（社区）数</translation>
    </message>
    <message>
        <source>Methods used, most used first: 上门入户、电话联系…</source>
        <translation>走访方式，按次数多少排列：上门入户、电话联系……</translation>
    </message>
    <message>
        <source>Each method with its visits</source>
        <translation>各走访方式及户次</translation>
    </message>
    <message>
        <source>Suggestions collected</source>
        <translation>征集意见建议条数</translation>
    </message>
    <message>
        <source>Consolidated items they were merged into</source>
        <translation>梳理归并后的条数</translation>
    </message>
    <message>
        <source>Categories of the suggestions</source>
        <translation>意见建议类别数</translation>
    </message>
    <message>
        <source>Each category with its suggestions and items: 思想观念方面9条（归并为4条）…</source>
        <translation>各类别条数及归并条数：思想观念方面9条（归并为4条）……</translation>
    </message>
    <message>
        <source>Each source with its suggestions</source>
        <translation>各来源条数</translation>
    </message>
    <message>
        <source>Handled and answered (adopted or not)</source>
        <translation>已办结答复条数（含采纳与暂不采纳）</translation>
    </message>
    <message>
        <source>Adopted, fully or partly</source>
        <translation>已采纳条数（含部分采纳）</translation>
    </message>
    <message>
        <source>Not adopted for now</source>
        <translation>暂不采纳</translation>
    </message>
    <message>
        <source>Still to be handled or being handled</source>
        <translation>待办理和办理中条数</translation>
    </message>
    <message>
        <source>Problems on the rectification list</source>
        <translation>问题清单上的问题数</translation>
    </message>
    <message>
        <source>Problems completed and closed</source>
        <translation>已完成销号数</translation>
    </message>
    <message>
        <source>Problems in progress</source>
        <translation>整改中数</translation>
    </message>
    <message>
        <source>Problems not started</source>
        <translation>未启动数</translation>
    </message>
    <message>
        <source>Problems kept up long-term</source>
        <translation>长期坚持数</translation>
    </message>
    <message>
        <source>Not started or in progress</source>
        <translation>未完成整改数（未启动和整改中）</translation>
    </message>
    <message>
        <source>“，其中N个已超过整改时限…” when some are overdue, else nothing</source>
        <translation>有超期问题时为“，其中N个已超过整改时限……”，否则为空</translation>
    </message>
    <message>
        <source>Closed of all problems</source>
        <translation>整改完成率</translation>
    </message>
    <message>
        <source>Problems raised from household visits</source>
        <translation>走访中发现并纳入问题清单的问题数</translation>
    </message>
    <message>
        <source>Problems raised from suggestions</source>
        <translation>由意见建议转为整改的问题数</translation>
    </message>
    <message>
        <source>Categories of the problems</source>
        <translation>问题类别数</translation>
    </message>
    <message>
        <source>一是…（N个）；二是…: the problem categories recorded</source>
        <translation>一是……（N个）；二是……：已登记的问题类别</translation>
    </message>
    <message>
        <source>Responsible departments, busiest first</source>
        <translation>责任部门，按问题多少排列</translation>
    </message>
    <message>
        <source>Publicity of every kind</source>
        <translation>各类宣传信息合计</translation>
    </message>
    <message>
        <source>Publicity of this kind</source>
        <translation>该类宣传信息数</translation>
    </message>
</context>
<context>
    <name>PlacesTab</name>
    <message>
        <source>A new village takes this kind; changing it changes the selected village.</source>
        <translation>新增的村取此类型；修改它会改变所选村的类型。</translation>
    </message>
</context>
<context>
    <name>ProtectDialog</name>
    <message>
        <source>Protect the data file</source>
        <translation>保护数据文件</translation>
    </message>
    <message>
        <source>{path} holds the names, ID numbers and phones of the households in clear: whoever copies the file can read them. Set a password to encrypt it (it takes a moment; the unencrypted file is removed once the encrypted one is checked).</source>
        <translation>{path} 中农户的姓名、身份证号和电话都是明文：谁复制走这个文件都能看到。设置密码即可加密（需要一会儿；加密后的文件检查无误后，未加密的文件即删除）。</translation>
    </message>
    <message>
        <source>Ask me next time</source>
        <translation>下次再说</translation>
    </message>
</context>
<context>
    <name>Protection</name>
    <message>
        <source>made without a password</source>
        <translation>建立时未设密码</translation>
    </message>
    <message>
        <source>{path} could not be encrypted ({error}); it is left as it was, not encrypted.</source>
        <translation>{path} 未能加密（{error}）；文件保持原样，仍未加密。</translation>
    </message>
</context>
<context>
    <name>RanksTab</name>
    <message>
        <source>People are listed in this order of posts: the leadership group first, then everyone else. A post such as “党委委员、副镇长” ranks by its highest part; posts not in the list come last.</source>
        <translation>签到表、会议记录、出勤和各处选人都按这个职务顺序排列：班子成员在前，其他人员在后。“党委委员、副镇长”这样的职务按其中最靠前的一项排；不在列表里的职务排在最后。</translation>
    </message>
    <message>
        <source>New post, then Enter</source>
        <translation>输入新职务后按回车</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Restore the usual order</source>
        <translation>恢复通常顺序</translation>
    </message>
</context>
<context>
    <name>RecordKind</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Villagers&apos; group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Study session</source>
        <translation>学习会议</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>学习成果</translation>
    </message>
    <message>
        <source>Household visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Consolidated item</source>
        <translation>归并条目</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>问题整改</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>宣传信息</translation>
    </message>
    <message>
        <source>Summary wording</source>
        <translation>总结文字</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>The recovery code of {path} opens it when the password is lost. Print it (or write it down) now and keep it in the office, away from this computer: it is not shown again.</source>
        <translation>忘记密码时，凭 {path} 的恢复码可以打开它。请现在把它打印（或抄写）下来，放在办公室里、不和这台电脑放在一起：它只显示这一次。</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery code</source>
        <translation>我已打印或抄下恢复码</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>台账通 recovery code of {path}:

{code}

Keep this sheet in the office, away from the computer.</source>
        <translation>台账通 {path} 的恢复码：

{code}

请把这张纸放在办公室里保管，不要和电脑放在一起。</translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message>
        <source>Deleted records wait here. Restored records return to their lists as they were.</source>
        <translation>删除的记录保存在这里。恢复后回到原来的列表，内容不变。</translation>
    </message>
    <message>
        <source>Search the recycle bin</source>
        <translation>在回收站中搜索</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore the selected records (or press Enter)</source>
        <translation>恢复所选记录（或按回车）</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n record(s).</source>
        <translation>
            <numerusform>已恢复 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>{n} rows have problems; nothing was imported.</source>
        <translation>有 {n} 行存在问题，未导入任何数据。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，没有导入任何数据。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a roster file.</source>
        <translation>{path} 是文件夹，不是花名册文件。</translation>
    </message>
    <message>
        <source>{path} is not a file (a device, a pipe or a socket); choose a spreadsheet file.</source>
        <translation>{path} 不是普通文件（是设备、管道或套接字），请选择表格文件。</translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes).</source>
        <translation>{path} 是空文件（0 字节）。</translation>
    </message>
    <message>
        <source>{path} is too large for a roster ({size} MB; at most {limit} MB).</source>
        <translation>{path} 太大，不像花名册（{size} MB，最多 {limit} MB）。</translation>
    </message>
    <message>
        <source>{path} is a web page or an XML file under a spreadsheet&apos;s name (as some systems export “Excel” files); open it in Excel or WPS and save it as “Excel workbook (*.xlsx)” first.</source>
        <translation>{path} 其实是网页或 XML 文件，只是用了表格文件的名称（有些系统导出的“Excel”就是这样）；请先用 Excel 或 WPS 打开，另存为“Excel 工作簿（*.xlsx）”。</translation>
    </message>
    <message>
        <source>{path} unpacks to more than {limit} MB; it is not a roster that can be read.</source>
        <translation>{path} 解压后超过 {limit} MB，无法作为花名册读取。</translation>
    </message>
    <message>
        <source>{path} is a binary Excel workbook (.xlsb); open it in Excel or WPS and save it as “Excel workbook (*.xlsx)” first.</source>
        <translation>{path} 是二进制 Excel 工作簿（.xlsb），请先用 Excel 或 WPS 打开，另存为“Excel 工作簿（*.xlsx）”。</translation>
    </message>
    <message>
        <source>{path} is not a spreadsheet (.xlsx, .xls, .et, .ods or .csv).</source>
        <translation>{path} 不是表格文件（.xlsx、.xls、.et、.ods 或 .csv）。</translation>
    </message>
    <message>
        <source>{path} is damaged or not a complete spreadsheet; open it in Excel or WPS, save it again and retry.</source>
        <translation>{path} 已损坏或不完整，请用 Excel 或 WPS 打开后重新保存，再导入。</translation>
    </message>
    <message>
        <source>{path} is protected by a password; open it in Excel or WPS, remove the password (or save an unprotected copy) and import that.</source>
        <translation>{path} 设有密码，请用 Excel 或 WPS 打开，取消密码（或另存一份不加密的副本）后再导入。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” of {path}</source>
        <translation>{path} 的工作表“{sheet}”</translation>
    </message>
    <message>
        <source>A sheet of {path}</source>
        <translation>{path} 中的一个工作表</translation>
    </message>
    <message>
        <source>{where} has cells as far as row {rows}, column {columns}: more than a roster can hold (at most {max_rows} rows and {max_columns} columns). Delete what lies beyond the table, save the file and import it again.</source>
        <translation>{where}的内容一直延伸到第 {rows} 行、第 {columns} 列，超出花名册的范围（最多 {max_rows} 行、{max_columns} 列）。请删除表格以外的内容，保存后重新导入。</translation>
    </message>
    <message>
        <source>{path} has no sheet “{sheet}”; its sheets are: {sheets}.</source>
        <translation>{path} 中没有工作表“{sheet}”；现有工作表：{sheets}。</translation>
    </message>
    <message>
        <source>{path} has no worksheet.</source>
        <translation>{path} 中没有工作表。</translation>
    </message>
    <message>
        <source>Reading {path} took longer than {n} seconds; it is not a roster that can be read.</source>
        <translation>读取 {path} 超过了 {n} 秒，无法作为花名册读取。</translation>
    </message>
    <message>
        <source>{path} is a text file in an encoding that is neither UTF-8 nor GBK; save it again as “CSV UTF-8” and import that.</source>
        <translation>{path} 是文本文件，但编码既不是 UTF-8 也不是 GBK，请另存为“CSV UTF-8”后再导入。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” of {path} is empty.</source>
        <translation>{path} 的工作表“{sheet}”是空的。</translation>
    </message>
    <message>
        <source>No header row found in the first {n} rows of sheet “{sheet}” of {path} (expected column names such as 户主, 姓名, 身份证号, 联系电话).</source>
        <translation>{path} 的工作表“{sheet}”前 {n} 行中找不到表头行（应有“户主”“姓名”“身份证号”“联系电话”等列名）。</translation>
    </message>
    <message>
        <source>a totals row</source>
        <translation>合计行</translation>
    </message>
    <message>
        <source>a note below the table</source>
        <translation>表格下方的说明</translation>
    </message>
    <message>
        <source>the header repeated</source>
        <translation>重复的表头</translation>
    </message>
    <message>
        <source>The data file has no unit yet; set it up first.</source>
        <translation>数据文件中还没有单位，请先设置。</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>第 {column} 列</translation>
    </message>
    <message>
        <source>{message}; left empty.</source>
        <translation>{message}，已留空。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number; left empty.</source>
        <translation>“{value}”不是整数，已留空。</translation>
    </message>
    <message>
        <source>the phone number is masked (****); left empty.</source>
        <translation>电话号码已打码（****），已留空。</translation>
    </message>
    <message>
        <source>the old 15-digit number {old} was converted to {new}.</source>
        <translation>旧的 15 位号码 {old} 已转换为 {new}。</translation>
    </message>
    <message>
        <source>“{value}” is not a household type; left out.</source>
        <translation>“{value}”不是户类别，未导入。</translation>
    </message>
    <message>
        <source>“{value}” is neither 是 nor 否; left empty.</source>
        <translation>“{value}”既不是“是”也不是“否”，已留空。</translation>
    </message>
    <message>
        <source>{head} is already a head of household in this group.</source>
        <translation>本组已有户主 {head}。</translation>
    </message>
    <message>
        <source>{message} The ID numbers differ, so it is imported as another household.</source>
        <translation>{message}。身份证号不同，按另一户导入。</translation>
    </message>
    <message>
        <source> Give both their ID numbers to import it as another household.</source>
        <translation>如是另一户，请填写两户的身份证号。</translation>
    </message>
    <message>
        <source>Excel stored this ID number as a number and its last digits are lost; format the column as text and type the numbers again.</source>
        <translation>Excel 把这个身份证号存成了数字，后几位已丢失；请把该列设置为“文本”格式后重新录入号码。</translation>
    </message>
    <message>
        <source>the row names no village and no default village was chosen.</source>
        <translation>本行没有填写村（社区），也没有选择默认村（社区）。</translation>
    </message>
    <message>
        <source>the ID number is masked (****): export the roster again with full ID numbers (export roster --full-id) to import it.</source>
        <translation>身份证号已打码（****）：请重新导出完整身份证号的花名册（export roster --full-id）后再导入。</translation>
    </message>
    <message>
        <source>more than one village is called “{name}”.</source>
        <translation>有不止一个村（社区）名为“{name}”。</translation>
    </message>
    <message>
        <source>“{name}” is not a village of this unit (add it in Settings first).</source>
        <translation>“{name}”不是本单位的村（社区）（请先在“设置”中添加）。</translation>
    </message>
    <message>
        <source>the same as row {row} of this sheet.</source>
        <translation>与本表第 {row} 行重复。</translation>
    </message>
    <message>
        <source>{name} is already in the staff list.</source>
        <translation>{name} 已在人员名单中。</translation>
    </message>
</context>
<context>
    <name>Scope</name>
    <message>
        <source>The last day ({last}) is before the first day ({first}).</source>
        <translation>截止日期（{last}）早于起始日期（{first}）。</translation>
    </message>
    <message>
        <source>No record is dated within the dates chosen ({dates}); the records run from {first} to {last}.</source>
        <translation>所选时段（{dates}）内没有任何记录；记录的日期在{first}至{last}之间。</translation>
    </message>
    <message>
        <source>The dates chosen ({dates}) lie outside the campaign {name} ({first} to {last}).</source>
        <translation>所选时段（{dates}）不在活动“{name}”的时间（{first}至{last}）之内，没有可统计的记录。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>This unit</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>Villages (communities) and groups</source>
        <translation>村（社区）与村民小组</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Order of posts</source>
        <translation>职务顺序</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>数据交换</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>“{record}” is still used by {parts}; it cannot be deleted.</source>
        <translation>“{record}”仍被 {parts} 使用，不能删除。</translation>
    </message>
    <message>
        <source>First restore “{target}”, which “{record}” belongs to.</source>
        <translation>请先恢复“{target}”，“{record}”属于它。</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Write summary…</source>
        <translation>生成总结…</translation>
    </message>
    <message>
        <source>Write rectification report…</source>
        <translation>生成整改报告…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Opens the summary in WPS or Word, which print the official layout exactly</source>
        <translation>在 WPS 或 Word 中打开总结，按公文格式准确打印</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Date of the document</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>占位符</translation>
    </message>
    <message>
        <source>What it gives</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Double-click to insert at the cursor</source>
        <translation>双击插入到光标处</translation>
    </message>
    <message>
        <source>Restore default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Preview: {section}</source>
        <translation>预览：{section}</translation>
    </message>
    <message>
        <source>Unknown placeholders: {names}</source>
        <translation>无法识别的占位符：{names}</translation>
    </message>
    <message>
        <source>Write summary</source>
        <translation>生成总结</translation>
    </message>
    <message>
        <source>Write rectification report</source>
        <translation>生成整改报告</translation>
    </message>
    <message>
        <source>{path} was written.</source>
        <translation>已生成 {path}。</translation>
    </message>
    <message>
        <source>Unknown placeholders were left in the text as 【…】: {names}</source>
        <translation>以下占位符无法识别，已以【…】留在文中：{names}</translation>
    </message>
    <message>
        <source>Write minutes</source>
        <translation>生成会议记录</translation>
    </message>
    <message>
        <source>Choose a study session first.</source>
        <translation>请先选择一次学习会议。</translation>
    </message>
    <message>
        <source>Document title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Opening paragraph</source>
        <translation>开头</translation>
    </message>
    <message>
        <source>Basic situation</source>
        <translation>一、基本情况</translation>
    </message>
    <message>
        <source>Main practices</source>
        <translation>主要做法</translation>
    </message>
    <message>
        <source>Publicity and mobilisation</source>
        <translation>宣传发动</translation>
    </message>
    <message>
        <source>Concentrated study</source>
        <translation>集中学习</translation>
    </message>
    <message>
        <source>Visits to households</source>
        <translation>走访入户</translation>
    </message>
    <message>
        <source>Collecting suggestions</source>
        <translation>征集意见建议</translation>
    </message>
    <message>
        <source>Rectifying problems</source>
        <translation>问题整改</translation>
    </message>
    <message>
        <source>Publicity and guidance</source>
        <translation>宣传引导</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步打算</translation>
    </message>
    <message>
        <source>Signature and date</source>
        <translation>落款和日期</translation>
    </message>
</context>
<context>
    <name>Todo</name>
    <message>
        <source>Overdue by {n} days: {what}</source>
        <translation>已超期 {n} 天：{what}</translation>
    </message>
    <message>
        <source>Due in {n} days: {what}</source>
        <translation>{n} 天后到期：{what}</translation>
    </message>
    <message>
        <source>No reply for {n} days: {what}</source>
        <translation>{n} 天未答复：{what}</translation>
    </message>
    <message>
        <source>{village}: {n} of {total} households not visited yet</source>
        <translation>{village}：{total} 户中还有 {n} 户未走访</translation>
    </message>
    <message>
        <source>{date} {topic}: content not recorded</source>
        <translation>{date} {topic}：未记录会议内容</translation>
    </message>
    <message>
        <source>{date} {topic}: attendance not entered</source>
        <translation>{date} {topic}：出勤未填完</translation>
    </message>
    <message>
        <source>{name} was absent from {n} sessions</source>
        <translation>{name} 缺席 {n} 次</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Study sessions</source>
        <translation>学习会议</translation>
    </message>
    <message>
        <source>Study writings</source>
        <translation>学习成果</translation>
    </message>
    <message>
        <source>Household visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>问题整改</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>宣传信息</translation>
    </message>
    <message>
        <source>Visit coverage</source>
        <translation>走访覆盖</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计汇总</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The export to {path} failed: {error}</source>
        <translation>导出到 {path} 失败：{error}</translation>
    </message>
    <message>
        <source>Export registers</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Show full ID numbers and phone numbers</source>
        <translation>完整显示身份证号和电话</translation>
    </message>
    <message>
        <source>The workbook will hold complete ID numbers and phone numbers. Keep it safe, do not send it by chat, and delete copies you no longer need.</source>
        <translation>导出的工作簿将包含完整的身份证号和电话号码。请妥善保管，不要通过聊天工具发送，不再需要的副本请及时删除。</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Choose at least one register.</source>
        <translation>请至少选择一种台账。</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <source>The registers were written to {path}.</source>
        <translation>台账已导出到 {path}。</translation>
    </message>
    <message>
        <source>Print sign-in sheet</source>
        <translation>打印签到表</translation>
    </message>
    <message>
        <source>Choose a study session first.</source>
        <translation>请先选择一次学习会议。</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Full ID numbers and phone numbers (to import it again on another computer)</source>
        <translation>完整的身份证号和联系电话（用于在另一台电脑上再导入）</translation>
    </message>
    <message>
        <source>A roster with full numbers holds the personal data of every household: keep it as safe as the data file, and delete it once it has been imported.</source>
        <translation>含完整号码的花名册载有每户的个人信息：请像保管数据文件一样保管它，导入后即删除。</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>干部职工</translation>
    </message>
    <message>
        <source>The roster was written to {path}.</source>
        <translation>花名册已写入 {path}。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>(named in each row)</source>
        <translation>（以各行填写为准）</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <source>{good} rows can be imported ({warned} with warnings), {bad} rows have problems.</source>
        <translation>可导入 {good} 行（其中 {warned} 行有提示），{bad} 行有问题。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.txt)</source>
        <translation>花名册（*.xlsx *.xlsm *.xls *.et *.ods *.csv *.txt）</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Roster of</source>
        <translation>花名册类别</translation>
    </message>
    <message>
        <source>Village of rows without one</source>
        <translation>未填村（社区）的行归入</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Which field each column holds:</source>
        <translation>各列对应的字段：</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Choose the column that holds: {fields}.</source>
        <translation>请选择“{fields}”所在的列。</translation>
    </message>
    <message>
        <source>New villagers&apos; groups will be created: {groups}</source>
        <translation>将新建村民小组：{groups}</translation>
    </message>
    <message>
        <source>Import the {good} good rows and leave out the {bad} rows with problems?</source>
        <translation>导入无问题的 {good} 行，不导入有问题的 {bad} 行？</translation>
    </message>
    <message>
        <source>Left out: {rows}</source>
        <translation>未导入：{rows}</translation>
    </message>
    <message>
        <source>row {row} ({why})</source>
        <translation>第 {row} 行（{why}）</translation>
    </message>
    <message>
        <source>{n} rows imported from {name}.</source>
        <translation>已从 {name} 导入 {n} 行。</translation>
    </message>
    <message>
        <source>{n} of them with a field left empty or a value converted (see the preview).</source>
        <translation>其中 {n} 行有项目留空或数值已转换（见预览）。</translation>
    </message>
    <message>
        <source>{n} rows with problems were left out.</source>
        <translation>有问题的 {n} 行未导入。</translation>
    </message>
    <message>
        <source>New villagers&apos; groups: {groups}</source>
        <translation>新建村民小组：{groups}</translation>
    </message>
    <message>
        <source>The roster could not be read: {error}</source>
        <translation>花名册无法读取：{error}</translation>
    </message>
</context>
<context>
    <name>UnitTab</name>
    <message>
        <source>Your name, recorded with every change</source>
        <translation>您的姓名，每次修改都会记下</translation>
    </message>
    <message>
        <source>The office the reports go to, e.g. 县委活动领导小组办公室</source>
        <translation>报告报送的上级机关，如：县委活动领导小组办公室</translation>
    </message>
    <message>
        <source>One a line, e.g. the unit&apos;s WeChat account</source>
        <translation>每行一个，如本单位的公众号</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>After this long without input the window hides the data and asks for the password (an encrypted data file only).</source>
        <translation>这么长时间没有操作后，窗口隐藏数据并要求输入密码（仅限加密的数据文件）。</translation>
    </message>
    <message>
        <source>Change the password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reports go to (主送)</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <source>The unit&apos;s own media</source>
        <translation>本单位媒体</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Set a password (encrypt the data file)…</source>
        <translation>设置密码（加密数据文件）…</translation>
    </message>
    <message>
        <source>only with a password</source>
        <translation>仅加密的数据文件</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>{field} is required.</source>
        <translation>请填写“{field}”。</translation>
    </message>
    <message>
        <source>{field}: the chosen record does not exist.</source>
        <translation>{field}：所选的记录不存在。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the choices.</source>
        <translation>“{value}”不在可选项中。</translation>
    </message>
    <message>
        <source>must be a whole number, 0 or more.</source>
        <translation>应填写不小于 0 的整数。</translation>
    </message>
    <message>
        <source>is too large (at most {n}).</source>
        <translation>数值太大（最多 {n}）。</translation>
    </message>
    <message>
        <source>is not a date.</source>
        <translation>不是有效日期（例如 2026-03-02）。</translation>
    </message>
    <message>
        <source>is not a time of day (for example 09:00).</source>
        <translation>不是有效时间（例如 09:00）。</translation>
    </message>
    <message>
        <source>is too long (at most 200 characters).</source>
        <translation>太长（最多 200 字）。</translation>
    </message>
    <message>
        <source>the chosen record does not exist.</source>
        <translation>所选记录不存在。</translation>
    </message>
    <message>
        <source>the chosen record is in the recycle bin.</source>
        <translation>所选记录已在回收站中。</translation>
    </message>
    <message>
        <source>{later} ({second}) is before {earlier} ({first}).</source>
        <translation>“{later}”（{second}）早于“{earlier}”（{first}）。</translation>
    </message>
    <message>
        <source>“{name}” already exists.</source>
        <translation>“{name}”已存在。</translation>
    </message>
    <message>
        <source>{end} must be after {start}.</source>
        <translation>“{end}”应晚于“{start}”。</translation>
    </message>
    <message>
        <source>A completed rectification needs its {field}.</source>
        <translation>已完成（销号）的整改须填写“{field}”。</translation>
    </message>
    <message>
        <source>Household of {head} already has this ID number.</source>
        <translation>该身份证号已登记在户主 {head} 名下。</translation>
    </message>
    <message>
        <source>{head} is already a head of household in this group.</source>
        <translation>本组已有户主 {head}。</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇</translation>
    </message>
    <message>
        <source>Subdistrict</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Bureau</source>
        <translation>局（机关）</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Leadership group study</source>
        <translation>领导班子集中学习</translation>
    </message>
    <message>
        <source>All-staff study</source>
        <translation>全体干部集中学习</translation>
    </message>
    <message>
        <source>Thematic discussion</source>
        <translation>专题讨论会</translation>
    </message>
    <message>
        <source>Mobilisation meeting</source>
        <translation>动员部署会</translation>
    </message>
    <message>
        <source>Party members&apos; meeting</source>
        <translation>党员大会</translation>
    </message>
    <message>
        <source>All-staff meeting</source>
        <translation>全体干部大会</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>座谈会</translation>
    </message>
    <message>
        <source>Study tour</source>
        <translation>外出学习考察</translation>
    </message>
    <message>
        <source>Field research</source>
        <translation>调研</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Study notes</source>
        <translation>学习笔记</translation>
    </message>
    <message>
        <source>Reflections</source>
        <translation>心得体会</translation>
    </message>
    <message>
        <source>Research report</source>
        <translation>调研报告</translation>
    </message>
    <message>
        <source>Self-analysis</source>
        <translation>剖析材料</translation>
    </message>
    <message>
        <source>Discussion speech</source>
        <translation>讨论发言</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>上门入户</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话联系</translation>
    </message>
    <message>
        <source>Courtyard meeting</source>
        <translation>院坝会</translation>
    </message>
    <message>
        <source>Village square meeting</source>
        <translation>坪坝会</translation>
    </message>
    <message>
        <source>Exchange meeting</source>
        <translation>交流会</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>干部职工</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Household visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Suggestion box</source>
        <translation>意见箱</translation>
    </message>
    <message>
        <source>To be handled</source>
        <translation>待办理</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Partly adopted</source>
        <translation>部分采纳</translation>
    </message>
    <message>
        <source>Not adopted for now</source>
        <translation>暂不采纳</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Self-inspection</source>
        <translation>自查</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Higher-level inspection</source>
        <translation>上级督查</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Completed (closed)</source>
        <translation>已完成（销号）</translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation>长期坚持</translation>
    </message>
    <message>
        <source>News article</source>
        <translation>新闻稿件</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>工作简报</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>专栏</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>专访</translation>
    </message>
    <message>
        <source>Feature programme</source>
        <translation>专题节目</translation>
    </message>
    <message>
        <source>Lifted out of poverty</source>
        <translation>脱贫户</translation>
    </message>
    <message>
        <source>Under monitoring</source>
        <translation>监测户</translation>
    </message>
    <message>
        <source>Subsistence allowance</source>
        <translation>低保户</translation>
    </message>
    <message>
        <source>Five guarantees</source>
        <translation>五保户</translation>
    </message>
    <message>
        <source>Left-behind elderly</source>
        <translation>留守老人户</translation>
    </message>
    <message>
        <source>Person with disability</source>
        <translation>残疾人户</translation>
    </message>
    <message>
        <source>Suggestion category</source>
        <translation>意见建议类别</translation>
    </message>
    <message>
        <source>Problem category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Publicity and mobilisation</source>
        <translation>宣传发动</translation>
    </message>
    <message>
        <source>Study and improvement</source>
        <translation>学习提升</translation>
    </message>
    <message>
        <source>Research and discussion</source>
        <translation>调研研讨</translation>
    </message>
    <message>
        <source>Putting into practice</source>
        <translation>实践转化</translation>
    </message>
    <message>
        <source>Continued deepening</source>
        <translation>持续深化</translation>
    </message>
    <message>
        <source>Study sessions</source>
        <translation>学习会议</translation>
    </message>
    <message>
        <source>Study writings</source>
        <translation>学习成果</translation>
    </message>
    <message>
        <source>Household visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>问题整改</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>宣传信息</translation>
    </message>
    <message>
        <source>Study sessions held</source>
        <translation>学习会议</translation>
    </message>
    <message>
        <source>Sessions with attendance recorded</source>
        <translation>已登记出勤的会议</translation>
    </message>
    <message>
        <source>Sessions without attendance recorded</source>
        <translation>未登记出勤的会议</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到人次</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>实到人次</translation>
    </message>
    <message>
        <source>Of them late</source>
        <translation>其中迟到人次</translation>
    </message>
    <message>
        <source>On leave (person-times)</source>
        <translation>请假人次</translation>
    </message>
    <message>
        <source>Absent (person-times)</source>
        <translation>缺席人次</translation>
    </message>
    <message>
        <source>Attendance rate</source>
        <translation>出勤率</translation>
    </message>
    <message>
        <source>Study writings written</source>
        <translation>学习成果</translation>
    </message>
    <message>
        <source>Characters of study notes</source>
        <translation>学习笔记字数</translation>
    </message>
    <message>
        <source>Persons with study notes</source>
        <translation>撰写学习笔记人数</translation>
    </message>
    <message>
        <source>Least study notes of one person</source>
        <translation>每人学习笔记最少字数</translation>
    </message>
    <message>
        <source>Persons who wrote</source>
        <translation>撰写人数</translation>
    </message>
    <message>
        <source>Writings checked</source>
        <translation>已检查验收的学习成果</translation>
    </message>
    <message>
        <source>Leadership group members</source>
        <translation>班子成员人数</translation>
    </message>
    <message>
        <source>Research reports by leaders</source>
        <translation>班子成员调研报告</translation>
    </message>
    <message>
        <source>Least research reports of one leader</source>
        <translation>班子成员每人调研报告最少篇数</translation>
    </message>
    <message>
        <source>Visits made</source>
        <translation>走访户次</translation>
    </message>
    <message>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Villages with every household visited</source>
        <translation>实现走访全覆盖的村（社区）</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>总户数</translation>
    </message>
    <message>
        <source>Households visited</source>
        <translation>已走访户数</translation>
    </message>
    <message>
        <source>Households not visited</source>
        <translation>未走访户数</translation>
    </message>
    <message>
        <source>Visit coverage</source>
        <translation>走访覆盖率</translation>
    </message>
    <message>
        <source>Suggestions collected</source>
        <translation>征集意见建议</translation>
    </message>
    <message>
        <source>Consolidated items</source>
        <translation>梳理归并条目</translation>
    </message>
    <message>
        <source>Categories of suggestions</source>
        <translation>意见建议类别数</translation>
    </message>
    <message>
        <source>Suggestions handled and answered</source>
        <translation>已办结答复</translation>
    </message>
    <message>
        <source>Adopted, fully or partly</source>
        <translation>采纳（含部分采纳）</translation>
    </message>
    <message>
        <source>Suggestions still being handled</source>
        <translation>待办理或办理中</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>查摆问题</translation>
    </message>
    <message>
        <source>Problems not yet rectified</source>
        <translation>尚未完成整改</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期未完成</translation>
    </message>
    <message>
        <source>Rectification completed</source>
        <translation>整改完成率</translation>
    </message>
    <message>
        <source>Publicity items</source>
        <translation>宣传信息</translation>
    </message>
    <message>
        <source>Articles in the unit&apos;s own media</source>
        <translation>本单位媒体刊发新闻稿件</translation>
    </message>
    <message>
        <source>Articles in other media</source>
        <translation>上级及其他媒体刊发新闻稿件</translation>
    </message>
</context>
<context>
    <name>Warnings</name>
    <message>
        <source>{field} {date} is outside the campaign {name} ({start} to {end}).</source>
        <translation>{field}{date}不在活动“{name}”的时间（{start}至{end}）之内。</translation>
    </message>
    <message>
        <source>The {role} is marked {status} at this session.</source>
        <translation>{role}在本次会议中被登记为“{status}”。</translation>
    </message>
    <message>
        <source>{field} is {n}, but {present} persons are marked present.</source>
        <translation>{field}为{n}人，但登记出席的有{present}人。</translation>
    </message>
    <message>
        <source>The suggestion is marked {status} but has no {field}.</source>
        <translation>办理状态为“{status}”，但没有填写{field}。</translation>
    </message>
    <message>
        <source>{field} says a rectification was raised, but none comes from this visit (use “Raise a rectification” to raise one).</source>
        <translation>{field}写明已转整改，但这次走访没有对应的整改记录（请用“转为整改”建立）。</translation>
    </message>
</context>
</TS>
