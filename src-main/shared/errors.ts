// Error codes and their wording in both UI languages. Core code throws AppError(code, params); the
// message is rendered in Chinese by default (the CLI, the envelope), and the renderer re-renders it
// from code + params in the language the user chose.

import { isJobNameKey, JOB_NAMES } from './jobs.ts';
import { parsePeriodKey, periodLabel } from './period-key.ts';

export const MESSAGES = {
  UNKNOWN_METHOD: { zh: '未知的操作「{method}」', en: 'Unknown operation "{method}"' },
  // detail in Chinese, detailEn in English (core/rpc/dispatch.ts words a refused field in both); a caller that gives only detail has it in both.
  INVALID_INPUT: { zh: '请求参数不符合要求：{detail}', en: 'Invalid request: {detailEn}' },
  PARK_NOT_FOUND: { zh: '找不到园区「{park}」', en: 'No park named "{park}"' },
  PERIOD_INVALID: {
    zh: '「{period}」不是有效的期别，应写作 2022（年度）、2022Q3（季度）或 2018M1-4（1—4月累计）',
    en: '"{period}" is not a period; write 2022 (year), 2022Q3 (quarter) or 2018M1-4 (Jan–Apr cumulative)',
  },
  PERIOD_NOT_FOUND: { zh: '找不到期别「{period}」', en: 'No period "{period}"' },
  INDICATOR_NOT_FOUND: { zh: '指标库中没有「{indicator}」', en: 'The catalogue has no indicator "{indicator}"' },
  CATEGORY_NOT_FOUND: { zh: '指标库中没有分类「{category}」', en: 'The catalogue has no category "{category}"' },
  NOT_A_NUMBER: { zh: '{field}「{text}」不是数字', en: '{field} "{text}" is not a number' },
  OUT_OF_RANGE: { zh: '{field}「{text}」超出可接受的范围', en: '{field} "{text}" is out of range' },
  // Figure text (shared/figure/parse.ts): the same refusal for a grid cell, a paste, `set` and an import.
  FIGURE_UNIT_UNKNOWN: {
    zh: '{field}「{text}」中的计量单位「{unit}」无法识别，可用的单位：{allowed}',
    en: '{field} "{text}": the unit "{unit}" is unknown; units: {allowed}',
  },
  FIGURE_TWO_NUMBERS: {
    zh: '{field}「{text}」含有不止一个数字，请只填一个数值；前后对比（如由35个工作日缩短为5个工作日）请分别填写改革前和本期值',
    en: '{field} "{text}" holds more than one number; enter one figure, and a before/after pair (35 → 5 working days) as the before-figure and the value',
  },
  FIGURE_QUALIFIERS_STACKED: {
    zh: '{field}「{text}」叠用了限定词「{first}」和「{second}」，只能保留一个',
    en: '{field} "{text}" stacks the qualifiers "{first}" and "{second}"; keep one',
  },
  FIGURE_QUALIFIER_UNSTORED: {
    zh: '{field}「{text}」中的「{word}」表示不到这个数，没有可保存的限定词与之对应（可用：{allowed}）；请填写确切数值，或改用“近”',
    en: '{field} "{text}": "{word}" (less than) has no qualifier to store it (qualifiers: {allowed}); enter the exact figure, or use 近 (nearly)',
  },
  FIGURE_GROWTH_UNIT: {
    zh: '{field}「{text}」是以{unit}计的增减，不是增长率；增长率请写作百分比（如增长42.5%）或个百分点',
    en: '{field} "{text}" is a change in {unit}, not a growth rate; write a growth in % (增长42.5%) or in percentage points',
  },
  FIGURE_FALL_TIMES: {
    zh: '{field}「{text}」：下降不能用倍数表示，请写作下降的百分比（如下降50%）',
    en: '{field} "{text}": a fall is not written in multiples; write it in % (下降50%)',
  },
  FIGURE_MULTIPLE_GROWTH: {
    zh: '{field}「{text}」是倍数，不是增长率：是上年的2倍即增长1倍，请写作“增长1倍”或“增长100%”',
    en: '{field} "{text}" is a multiple, not a growth: twice last year is up 100%; write 增长1倍 or 增长100%',
  },
  FIGURE_GROWTH_IN_VALUE: {
    zh: '{field}「{text}」是增长率，请填在同比增长中',
    en: '{field} "{text}" is a growth rate; enter it as the YoY growth',
  },
  FIGURE_POINTS_NOT_RATE: {
    zh: '{field}「{text}」以个百分点计，只适用于比率指标；{indicator}以{unit}计，请写作百分比（如增长8.5%）',
    en: '{field} "{text}" is in percentage points, which fits only a rate; {indicator} is in {unit}: write the growth in % (增长8.5%)',
  },
  FIGURE_QUALIFIER_NOT_HERE: {
    zh: '{field}「{text}」带有限定词「{qualifier}」：改革前的数值不带限定词，请填写确切数值',
    en: '{field} "{text}" carries the qualifier "{qualifier}": the before-figure takes none; enter the exact figure',
  },
  FIGURE_BASELINE_UNIT: {
    zh: '{field}「{text}」以{unit}计，本期值以{figureUnit}计：改革前和本期值须用同一计量单位',
    en: '{field} "{text}" is in {unit} but the figure is in {figureUnit}: the before-figure and the value take one unit',
  },
  FIGURE_QUALIFIER_TWICE: {
    zh: '{field}「{text}」的限定词「{qualifier}」与本期值的「{other}」不同：一个数值只有一个限定词',
    en: '{field} "{text}" has the qualifier "{qualifier}" but the value says "{other}": a figure has one qualifier',
  },
  NEGATIVE_NOT_ALLOWED: { zh: '{indicator}不能为负数', en: '{indicator} cannot be negative' },
  INTEGER_REQUIRED: { zh: '{indicator}应为整数', en: '{indicator} must be a whole number' },
  UNIT_UNKNOWN: { zh: '未知的计量单位「{unit}」', en: 'Unknown unit "{unit}"' },
  UNIT_MISMATCH: {
    zh: '计量单位「{unit}」不适用于{indicator}，可用：{allowed}',
    en: 'Unit "{unit}" does not fit {indicator}; use one of: {allowed}',
  },
  QUALIFIER_UNKNOWN: { zh: '「{text}」不是可用的限定词，可用：{allowed}', en: '"{text}" is not a qualifier; use one of: {allowed}' },
  VALUE_FIRST: {
    zh: '{indicator}还没有本期值或同比增长，请先填写数值再设{field}',
    en: '{indicator} has no value or growth yet; enter the figure before its {field}',
  },
  TEXT_TOO_LONG: { zh: '{field}不能超过 {max} 个字', en: '{field} must be at most {max} characters' },
  NAME_REQUIRED: { zh: '{field}不能为空', en: '{field} is required' },
  DUPLICATE_NAME: { zh: '已有同名的{what}「{name}」', en: 'A {what} named "{name}" already exists' },
  UNIT_DIMENSION_IN_USE: {
    zh: '{indicator}已有 {count} 项以「{from}」计的数值，不能改为不同量纲的单位「{unit}」',
    en: '{indicator} holds {count} figures in {from}; its unit cannot become {unit}, which measures something else',
  },
  UNIT_FACTOR_INVALID: {
    zh: '「{text}」不是有效的换算关系，应写作“数量 单位”，如 0.01 平方公里、1 亿元、1/15 公顷（数量须大于 0）',
    en: '"{text}" is not a conversion; write "amount unit", e.g. 0.01 平方公里, 1 亿元, 1/15 公顷 (the amount must be above 0)',
  },
  UNIT_NAME_INVALID: {
    zh: '计量单位「{unit}」不能含有数字、空格、小数点或百分号，也不能是限定词',
    en: 'The unit "{unit}" may not hold digits, blanks, a decimal point or %, nor be a qualifier',
  },
  QUALIFIER_INVALID: {
    zh: '限定词「{text}」不能含有数字或空格，且不能是已有限定词的同义词（{code}）',
    en: 'The qualifier "{text}" may not hold digits or blanks, nor be another word for an existing one ({code})',
  },
  PARENT_INVALID: { zh: '「{parent}」不能作为{indicator}的上级指标（{reason}）', en: '"{parent}" cannot be the parent of {indicator} ({reason})' },
  MERGE_SAME: { zh: '不能把指标「{indicator}」合并到它自己', en: 'An indicator cannot be merged into itself ("{indicator}")' },
  MERGE_CONFLICT: {
    zh: '「{from}」和「{into}」在 {count} 处都有数值（如{example}），请先删去其中一个再合并',
    en: '"{from}" and "{into}" both hold a figure in {count} places (such as {example}); clear one of each pair before merging',
  },
  MERGE_UNITS: {
    zh: '「{from}」的数值以「{unit}」计，不能并入以「{intoUnit}」计的「{into}」',
    en: 'The figures of "{from}" are in {unit}, which does not fit "{into}" ({intoUnit})',
  },
  MERGE_RULES: {
    zh: '审核关系 {rules} 用到了「{from}」，请先修改这些审核关系再合并',
    en: 'The check rules {rules} use "{from}"; change them before merging',
  },
  IN_USE: {
    zh: '园区「{name}」仍有 {figures} 项数值、{documents} 篇文稿、{indicators} 个只用于它的指标；确认一并删除后才能删除（可一步撤销）',
    en: 'The park "{name}" still has {figures} figures, {documents} documents and {indicators} indicators of its own; confirm deleting them with it (one undo step)',
  },
  IN_USE_PARK: {
    zh: '园区「{name}」仍有 {figures} 项数值、{documents} 篇文稿；确认一并删除后才能删除（可一步撤销）',
    en: 'The park "{name}" still has {figures} figures and {documents} documents; confirm deleting them with it (one undo step)',
  },
  IN_USE_PERIOD: {
    zh: '期别「{name}」中仍有 {figures} 项数值、{documents} 篇文稿；确认一并删除后才能删除（可一步撤销）',
    en: 'The period "{name}" still holds {figures} figures and {documents} documents; confirm deleting them with it (one undo step)',
  },
  IMPORT_NEW_INDICATOR_UNIT: {
    zh: '指标库中没有「{indicator}」，新建它需要计量单位：请在“计量单位”列或数值中写明（如 突破2000亿元）',
    en: 'The catalogue has no "{indicator}"; to create it, give its unit in the unit column or with the figure (突破2000亿元)',
  },
  CATALOG_SHEET_MISSING: {
    zh: '这不是指标库工作簿：没有名为「{sheet}」的工作表（请用“导出指标库”得到的文件修改后导入）',
    en: 'This is no catalogue workbook: it has no sheet named "{sheet}" (edit a file made by “Export catalogue”)',
  },
  ALIAS_TAKEN: { zh: '别名「{alias}」已是指标「{indicator}」的名称或别名', en: 'The alias "{alias}" already names the indicator "{indicator}"' },
  VALIDATION: { zh: '有 {count} 处输入无效，未保存：{first}', en: '{count} invalid entries, nothing saved: {first}' },
  NOTHING_TO_UNDO: { zh: '没有可撤销的操作', en: 'Nothing to undo' },
  NOTHING_TO_REDO: { zh: '没有可重做的操作', en: 'Nothing to redo' },
  // A step the store no longer allows to undo or redo (core/history/replay-guard.ts). Nothing was
  // changed; the step leaves the undo (redo) list so the next Ctrl+Z (Ctrl+Y) is not refused again.
  UNDO_IN_USE_DOCUMENT: {
    zh: '无法撤销“{label}”：{what}「{name}」已有文稿「{title}」，不能删除。此步已移出撤销记录，再次撤销将继续撤销之前的操作',
    en: 'Cannot undo "{label}": the {what} "{name}" has the document "{title}" and cannot be removed. The step was taken off the undo list; undo again to go on with the steps before it',
  },
  UNDO_IN_USE_VALUES: {
    zh: '无法撤销“{label}”：{what}「{name}」已有 {count} 项数值（如{example}），不能删除。此步已移出撤销记录，再次撤销将继续撤销之前的操作',
    en: 'Cannot undo "{label}": the {what} "{name}" holds {count} figures (such as {example}) and cannot be removed. The step was taken off the undo list; undo again to go on with the steps before it',
  },
  UNDO_IN_USE_INDICATOR: {
    zh: '无法撤销“{label}”：{what}「{name}」下已有指标「{indicator}」，不能删除。此步已移出撤销记录，再次撤销将继续撤销之前的操作',
    en: 'Cannot undo "{label}": the {what} "{name}" holds the indicator "{indicator}" and cannot be removed. The step was taken off the undo list; undo again to go on with the steps before it',
  },
  UNDO_IN_USE_ROWS: {
    zh: '无法撤销“{label}”：{what}「{name}」仍被 {count} 条记录（{table}）引用，不能删除。此步已移出撤销记录，再次撤销将继续撤销之前的操作',
    en: 'Cannot undo "{label}": the {what} "{name}" is still referred to by {count} rows ({table}) and cannot be removed. The step was taken off the undo list; undo again to go on with the steps before it',
  },
  UNDO_CHANGED: {
    zh: '无法撤销“{label}”：{what}「{name}」此后又被一次不能撤销的操作改动过，撤销此步会覆盖那次改动。此步已移出撤销记录，再次撤销将继续撤销之前的操作',
    en: 'Cannot undo "{label}": the {what} "{name}" was changed afterwards by a step that cannot be undone, and undoing this one would overwrite it. The step was taken off the undo list; undo again to go on with the steps before it',
  },
  UNDO_CONFLICT: {
    zh: '无法撤销“{label}”：{what}「{name}」与库中现有数据冲突。此步已移出撤销记录，再次撤销将继续撤销之前的操作',
    en: 'Cannot undo "{label}": the {what} "{name}" conflicts with the data in the store ({detail}). The step was taken off the undo list; undo again to go on with the steps before it',
  },
  UNDO_MISSING: {
    zh: '无法撤销“{label}”：撤销后的文稿要用的{what}「{name}」已不在库中。此步已移出撤销记录，再次撤销将继续撤销之前的操作',
    en: 'Cannot undo "{label}": the document it would put back shows the {what} "{name}", which is no longer in the store. The step was taken off the undo list; undo again to go on with the steps before it',
  },
  REDO_CHANGED: {
    zh: '无法重做“{label}”：{what}「{name}」在撤销之后又被改动过，重做会覆盖那次改动。重做记录已清除',
    en: 'Cannot redo "{label}": the {what} "{name}" was changed after the undo, and redoing would overwrite that change. The redo list was cleared',
  },
  REDO_MISSING: {
    zh: '无法重做“{label}”：{what}「{name}」已不在库中。重做记录已清除',
    en: 'Cannot redo "{label}": the {what} "{name}" is no longer in the store. The redo list was cleared',
  },
  REDO_DUPLICATE: {
    zh: '无法重做“{label}”：库中已另有同名的{what}「{name}」。重做记录已清除',
    en: 'Cannot redo "{label}": the store now has another {what} named "{name}". The redo list was cleared',
  },
  REDO_CONFLICT: {
    zh: '无法重做“{label}”：{what}「{name}」与库中现有数据冲突。重做记录已清除',
    en: 'Cannot redo "{label}": the {what} "{name}" conflicts with the data in the store ({detail}). The redo list was cleared',
  },
  STORE_BUSY: {
    zh: '数据库「{path}」正被其他程序写入（另一个 ParkBrief 窗口或命令行），等候超时仍未释放，本次操作未完成，库中数据未改动。请稍后重试；如一直如此，请关闭其他正在使用这个数据库的 ParkBrief 窗口或命令后再试',
    en: 'The store "{path}" is being written by another program (another ParkBrief window or command) and was not released in time; nothing was done and the store is unchanged. Try again shortly; if this persists, close the other ParkBrief windows or commands using this store',
  },
  STORE_TOO_NEW: {
    zh: '数据库「{path}」的版本（{found}）高于本程序支持的版本（{supported}），请升级 ParkBrief',
    en: 'The store "{path}" has schema version {found}, newer than this ParkBrief supports ({supported}); please upgrade',
  },
  // The store, backup and salvage messages below: the Chinese sentence says what happened and what to
  // do; SQLite's or the system's own English ({detail}) is a line of its own, 技术信息 (technicalLine).
  STORE_UNREADABLE: {
    zh: '无法打开数据库「{path}」。请确认文件存在、本程序有权读取它，且它是园区简报的数据库；如文件已损坏，请从备份恢复',
    en: 'Cannot open the store "{path}": {detail}. Check that the file exists, that ParkBrief may read it and that it is a ParkBrief store; if it is damaged, restore a backup',
  },
  STORE_DAMAGED: {
    zh: '数据库「{path}」未通过完整性检查，已损坏。文件未做任何改动。可从备份恢复（parkbrief backups 列出备份，parkbrief restore 备份文件 恢复），或用 parkbrief salvage 导出仍可读取的数据',
    en: 'The store "{path}" failed its integrity check and is damaged ({detail}). The file was not changed. Restore a backup (parkbrief backups lists them, parkbrief restore FILE restores one) or export what is readable with parkbrief salvage',
  },
  STORE_MIGRATION_FAILED: {
    zh: '数据库「{path}」升级失败，文件未改动。升级前的备份在 backups 文件夹中；请把此信息连同技术信息告知技术支持',
    en: 'Upgrading the store "{path}" failed; the file was not changed ({detail}). A backup made before the upgrade is in the backups folder; please report this message',
  },
  STORE_NOT_OPEN: {
    zh: '数据库「{path}」未打开。请先在恢复页面恢复备份或新建数据库',
    en: 'The store "{path}" is not open. Restore a backup or start a new store on the recovery screen first',
  },
  RECOVERY_NOT_NEEDED: {
    zh: '数据库「{path}」可以正常打开，无需导出可读数据或新建空数据库：这两项只用于无法打开的数据库',
    en: 'The store "{path}" opens normally; salvaging it or starting a new store is only for a store that cannot be opened',
  },
  BACKUP_FAILED: {
    zh: '备份未完成，未留下不完整的备份文件「{path}」。请确认备份文件夹所在的磁盘有足够空间、本程序有权写入，然后重试',
    en: 'The backup did not complete; no partial backup was left at "{path}" ({detail}). Check that the disk of the backups folder has room and may be written, then try again',
  },
  BACKUP_INVALID: {
    zh: '「{path}」不能用来恢复：{reason}。当前数据库未做任何改动；请另选一个备份',
    en: '"{path}" cannot be restored: {reason}. The current store was not changed; choose another backup',
  },
  BACKUP_NOT_FOUND: { zh: '备份文件夹中没有「{name}」', en: 'The backups folder has no "{name}"' },
  RESTORE_FAILED: {
    zh: '恢复未完成，当前数据库保持原样。请确认备份文件完好、数据库所在的磁盘有足够空间且可写入，然后重试',
    en: 'The restore did not complete; the current store is as it was ({detail}). Check that the backup is intact and that the disk of the store has room and may be written, then try again',
  },
  // Salvage (core/backups/salvage.ts): the damaged file is never changed, whatever happens.
  SALVAGE_NOT_A_STORE: {
    zh: '「{path}」不是 SQLite 数据库，无法从中抢救数据。原文件未做任何改动，请从备份恢复',
    en: '"{path}" is not an SQLite database ({detail}); nothing can be salvaged from it. The file was not changed; restore a backup',
  },
  SALVAGE_NOTHING: {
    zh: '无法从「{path}」读出任何数据（连表结构也无法读取，或其中没有园区简报的数据表）。原文件未做任何改动，请从备份恢复',
    en: 'Nothing can be read from "{path}": {detail}. The file was not changed; restore a backup',
  },
  SALVAGE_FAILED: {
    zh: '抢救未完成，未生成文件「{path}」。损坏的原文件未做任何改动；请确认目标文件夹所在的磁盘有足够空间且可写入，然后重试，如仍失败请把技术信息告知技术支持',
    en: 'The salvage did not complete and "{path}" was not written: {detail}. The damaged file was not changed; check that the target folder has room and may be written and try again, and report this message if it fails again',
  },
  SALVAGE_OUT_IS_SOURCE: {
    zh: '抢救结果不能写到「{path}」：那是损坏的数据库本身或它的日志文件。请另选一个文件名',
    en: 'The salvage cannot be written to "{path}": that is the damaged store itself or its journal. Choose another file name',
  },
  SALVAGE_OUT_EXISTS: {
    zh: '「{path}」已存在，抢救没有覆盖它。请另选一个文件名，或先移走该文件',
    en: '"{path}" exists and the salvage did not overwrite it. Choose another file name, or move that file first',
  },
  // The program's own data files (resources/: demo articles and photos) are not where they belong:
  // a damaged installation, not a store problem, so the store is never blamed or touched.
  RESOURCES_MISSING: {
    zh: '找不到园区简报的程序资源文件（示例文稿与图片）「{missing}」，已查找：{searched}。安装可能不完整，请重新安装园区简报',
    en: 'ParkBrief\'s resource files (demo articles and photos) are missing: "{missing}"; looked in: {searched}. The installation may be incomplete; please reinstall ParkBrief',
  },
  // The hosts' refusals of a request that did not come from ParkBrief's own page (or named nothing there).
  FORBIDDEN: {
    zh: '拒绝访问：这个请求不是来自园区简报打开的页面，或缺少凭据，或地址不可用。请在园区简报打开的页面中操作',
    en: 'Forbidden: {detail}. Work in the page ParkBrief opened',
  },
  DOWNLOAD_GONE: {
    zh: '这个下载链接已经用过或已过期（每个链接只能下载一次）。请在园区简报中重新导出',
    en: 'This download link was used already or has expired (each link downloads once). Export again in ParkBrief',
  },
  BAD_URL: {
    zh: '请求地址「{path}」中的百分号编码无效（% 后应为两位十六进制数，且组成有效的 UTF-8 字符），请检查链接',
    en: 'The request path "{path}" holds an invalid percent-encoding (% must be followed by two hex digits forming valid UTF-8); check the link',
  },
  TOO_LARGE: { zh: '请求过大（超过 {max}）', en: 'Request too large (over {max})' },
  DOCUMENT_NOT_FOUND: { zh: '{park} {period}还没有文稿', en: '{park} has no document for {period}' },
  // A bulletin issue's further articles (core/documents/issue.ts).
  ISSUE_ARTICLE_OWN: {
    zh: '「{park}」的文稿已是本期第一篇，不必再选为收录的文稿',
    en: '"{park}"\'s document already opens this issue; do not pick it again as an article',
  },
  ISSUE_ARTICLE_TWICE: {
    zh: '「{park}」选了两次：一期之中每个园区的文稿只收录一次，请去掉重复的一项',
    en: '"{park}" is picked twice: each park\'s document appears once in an issue; remove the repeat',
  },
  DOCUMENT_STALE: {
    zh: '{park}{period}的文稿在您编辑期间已在别处保存（另一个窗口或命令行），您的修改未保存。请选择“重新载入”看对方的版本（您的修改将放弃），或“保留两份”保存您的版本（对方的版本作为单独一步留在修改记录中）',
    en: 'The {park} document for {period} was saved elsewhere (another window or the command line) while you edited it; your changes were not saved. Choose Reload to see that version (dropping your changes), or Keep both to save yours (that version stays in the change log as its own step)',
  },
  DOCUMENT_EXISTS: { zh: '{park} {period}已有文稿，未覆盖', en: '{park} already has a document for {period}; not overwritten' },
  DOCUMENT_NO_PREVIOUS: { zh: '{park}在{period}之前没有可复制的文稿', en: '{park} has no earlier document to copy before {period}' },
  DOCUMENT_UNRESOLVED: {
    zh: '文稿中有 {count} 处数据占位符无法填写，未导出：{first}',
    en: '{count} placeholders in the document cannot be filled; nothing exported: {first}',
  },
  /** Why a park is not bound into a yearbook, printed in its list of the parks left out. */
  YEARBOOK_NO_DOCUMENT: { zh: '{period}没有文稿', en: 'no document for {period}' },
  YEARBOOK_UNRESOLVED: {
    zh: '文稿中有 {count} 处数据占位符无法填写（{first}），请补录数据或改正文稿后重新导出',
    en: '{count} placeholders in its document cannot be filled ({first}); enter the figures or correct the document and export again',
  },
  /** One unresolved placeholder in a refused export; worded by formatDetail from its params. */
  PLACEHOLDER_PROBLEM: { zh: '{source}', en: '{source}' },
  TEMPLATE_UNKNOWN: { zh: '未知的版式「{template}」，可用：magazine（园区风采）、bulletin（工作简报）', en: 'Unknown template "{template}"; use magazine or bulletin' },
  XLSX_TEMPLATE_UNKNOWN: {
    zh: '未知的表格样式「{template}」，可用：table（指标表）、compare（多园区对比）、form（统计报表）、fill（填报模板）',
    en: 'Unknown table layout "{template}"; use table, compare, form or fill',
  },
  EXPORT_FORMAT_UNKNOWN: { zh: '未知的导出格式「{format}」，可用：docx（Word 文稿）、xlsx（Excel 表格）', en: 'Unknown export format "{format}"; use docx or xlsx' },
  YEARS_INVALID: { zh: '「{years}」不是有效的年份，应写作 2018-2022、2022 或 2018,2020', en: '"{years}" is not a year range; write 2018-2022, 2022 or 2018,2020' },
  YEARS_NONE: { zh: '库中没有「{years}」的年度期别', en: 'The store has no year periods in "{years}"' },
  TOO_MANY_PERIODS: { zh: '一张指标表最多 {max} 个期别列，所选有 {count} 个', en: 'A table takes at most {max} period columns; {count} were chosen' },
  TABLE_EMPTY: { zh: '{park}在 {periods} 没有任何{kindZh}，未导出', en: '{park} has no {kindEn} figures for {periods}; nothing exported' },
  PHOTO_INVALID: {
    zh: '图片无法使用：只接受 5 MB 以内、尺寸适中的 PNG 或 JPEG 图片，请换一张图片，或压缩、缩小后再插入',
    en: 'Unusable image ({detail}): only PNG or JPEG up to 5 MB and of moderate size; choose another picture, or compress or shrink it first',
  },
  PHOTO_NOT_FOUND: { zh: '文稿引用的图片已不在数据库中（{photo}）', en: 'The document refers to a photo no longer in the store ({photo})' },
  // The system's own wording ({detail}) is English: only the English message carries it.
  FILE_WRITE_FAILED: {
    zh: '无法写入文件「{path}」（系统错误代码 {errno}）：请另选一个保存位置后重试；仍不行请把此信息告知技术支持',
    en: 'Cannot write "{path}" ({errno}: {detail}): choose another location and try again; if it still fails, please report this message',
  },
  FILE_TOO_MANY_OPEN: {
    zh: '无法打开文件「{path}」：系统打开的文件过多，请关闭一些程序或窗口后重试',
    en: 'Cannot open "{path}": the system has too many files open; close some programs or windows and try again',
  },
  // A file the user named for reading (core/files/write-error.ts fileReadError).
  FILE_NOT_FOUND: {
    zh: '找不到文件「{path}」：请检查文件夹和文件名是否写对（含扩展名，如 .xlsx）',
    en: 'No file "{path}": check the folder and the file name, extension included (such as .xlsx)',
  },
  FILE_READ_DENIED: {
    zh: '无法读取文件「{path}」：没有读取权限，请把文件复制到“文档”或桌面后再试',
    en: 'Cannot read "{path}": you may not read it; copy it to Documents or the desktop and try again',
  },
  FILE_READ_BUSY: {
    zh: '无法读取文件「{path}」：文件被其他程序锁定，请关闭正在使用它的程序（如 Excel/WPS）后重试',
    en: 'Cannot read "{path}": another program holds it locked; close the program using it (Excel or WPS?) and try again',
  },
  FILE_READ_IO: {
    zh: '无法读取文件「{path}」：磁盘或网络盘读取出错，请把文件复制到本机磁盘后重试',
    en: 'Cannot read "{path}": the disk or network drive reported a read error; copy the file to a local disk and try again',
  },
  // Why an export could not be written (core/files/write-error.ts): what the user can act on.
  FILE_NO_PERMISSION: {
    zh: '无法写入文件「{path}」：目标文件夹只读或没有写入权限，请另选一个文件夹（如“文档”或桌面）保存',
    en: 'Cannot write "{path}": the folder is read-only or you may not write there; choose another folder (such as Documents or the desktop)',
  },
  FILE_IN_USE: {
    zh: '无法写入文件「{path}」：文件被其他程序占用（如 Excel/WPS 正在打开）或设为只读，请关闭该文件后重试，或另存为其他文件名',
    en: 'Cannot write "{path}": the file is in use by another program (open in Excel or WPS?) or read-only; close it and try again, or save under another name',
  },
  FILE_DISK_FULL: {
    zh: '无法写入文件「{path}」：磁盘已满（或超出磁盘配额、文件大小上限），请清理磁盘空间或保存到其他磁盘',
    en: 'Cannot write "{path}": the disk is full (or a quota or file-size limit was reached); free some space or save to another disk',
  },
  FILE_NOT_A_FOLDER: {
    zh: '无法写入文件「{path}」：路径不是文件夹——「{folder}」是一个文件，请另选保存位置',
    en: 'Cannot write "{path}": the path is not a folder — "{folder}" is a file; choose another location',
  },
  FILE_IS_A_FOLDER: {
    zh: '无法写入文件「{path}」：这是一个文件夹，不是文件，请换一个文件名',
    en: 'Cannot write "{path}": it is a folder, not a file; choose another file name',
  },
  FILE_FOLDER_MISSING: {
    zh: '无法写入文件「{path}」：文件夹「{folder}」不存在，请先创建或另选保存位置',
    en: 'Cannot write "{path}": the folder "{folder}" does not exist; create it or choose another location',
  },
  FILE_NAME_INVALID: {
    zh: '无法写入文件「{path}」：文件名或路径过长，或含有不允许的字符（如 \\ / : * ? " < > |），请换一个较短的文件名或文件夹',
    en: 'Cannot write "{path}": the file name or path is too long, or holds a character that is not allowed (such as \\ / : * ? " < > |); choose a shorter name or folder',
  },
  // Articles read for their figures (core/extraction): each names the file.
  ARTICLE_EMPTY: { zh: '「{file}」是空的，没有可读取的文字', en: '"{file}" is empty: there is no text to read' },
  ARTICLE_TOO_LARGE: {
    zh: '「{file}」过大（{size}），文章最大 {max}',
    en: '"{file}" is too large ({size}); an article may be at most {max}',
  },
  ARTICLE_BINARY: {
    zh: '「{file}」不是文本文件（含有二进制内容）：请选择 .txt、.md 或 .docx 文章',
    en: '"{file}" is not a text file (it holds binary data): choose a .txt, .md or .docx article',
  },
  ARTICLE_FILE_TYPE: {
    zh: '不支持「{file}」的文件类型：请选择 .txt、.md 或 .docx 文章',
    en: 'Unsupported file type of "{file}": choose a .txt, .md or .docx article',
  },
  ARTICLE_NOT_DOCX: {
    zh: '「{file}」不是 Word 文档（.docx），无法读取：请选择 .docx、.txt 或 .md 文章；其他格式的文档请先在 Word/WPS 中另存为 .docx',
    en: '"{file}" is not a Word document (.docx) and cannot be read ({detail}): choose a .docx, .txt or .md article; save a document in another format as .docx in Word or WPS first',
  },
  ARTICLE_OLD_FORMAT: {
    zh: '「{file}」是旧版 Word 文档（.doc）或 WPS 文字文件（.wps），无法直接读取：请在 Word/WPS 中打开，另存为 .docx 后再读取',
    en: '"{file}" is an old Word document (.doc) or a WPS Writer file (.wps) and cannot be read as it is: open it in Word or WPS, save it as .docx and read that',
  },
  ARTICLE_DAMAGED: {
    zh: '「{file}」已损坏或不完整，无法读取：请在 Word/WPS 中打开它，能打开就另存为 .docx 再读取，打不开请向发送方索取完好的文件',
    en: '"{file}" is damaged or incomplete and cannot be read ({detail}): open it in Word or WPS, and if it opens save it as .docx and read that; if not, ask the sender for a sound copy',
  },
  ARTICLE_LIMIT: {
    zh: '「{file}」超出可读取的上限：{limit}超过 {max}，已停止读取。请删去多余的内容或拆分为几篇较短的文章后再读取',
    en: '"{file}" is over a reading limit: more than {max} {limit}; reading stopped. Delete what is not needed or split it into shorter articles',
  },
  ARTICLE_ZIP_BOMB: {
    zh: '「{file}」解压后过大（{size}，上限 {max}），已拒绝读取',
    en: '"{file}" would unpack to {size} (limit {max}); refused without unpacking',
  },
  ARTICLE_NO_FIGURES: {
    zh: '「{file}」中没有找到数据（带单位的数值、增长率或占比），未写入任何内容',
    en: 'No figures (numbers with a unit, growth rates or shares) were found in "{file}"; nothing was written',
  },
  EXTRACT_PARK_REQUIRED: {
    zh: '应用前请选择园区（--park）：文章中的数据要写入哪个园区',
    en: 'Choose the park (--park) before applying: which park the article\'s figures belong to',
  },
  EXTRACT_PERIOD_REQUIRED: {
    zh: '无法从文章中判断报告期，请指定期别（--period，如 2022 或 2018M1-4）',
    en: 'The article does not say which period it reports; give one (--period, e.g. 2022 or 2018M1-4)',
  },
  EXTRACT_CONFLICT: {
    zh: '第{index}项与第{other}项是同一指标「{indicator}」（{period}），数值却不同：请改正指标或舍弃其中一项',
    en: 'Rows {index} and {other} are the same indicator "{indicator}" ({period}) with different figures: correct the indicator or drop one',
  },
  EXTRACT_SPAN: {
    zh: '第{index}项的位置不在文章中（{start}–{end}）',
    en: 'Row {index} points outside the article ({start}–{end})',
  },
  EXTRACT_EXPIRED: {
    zh: '这篇文章的读取结果已过期或已被替换，请重新读取文章',
    en: 'This reading of the article has expired or was replaced; read the article again',
  },
  // Imports (core/imports): each is shown after the place it concerns (工作表「…」第N行 X列).
  IMPORT_TOO_LARGE: { zh: '文件过大（{size}），最大 {max}', en: 'The file is too large ({size}); the limit is {max}' },
  IMPORT_FILE_UNREADABLE: {
    zh: '无法读取文件「{path}」（系统错误代码 {errno}）：请确认该文件能用其他程序打开，或把它复制到本机文件夹后重试',
    en: 'Cannot read "{path}" ({errno}: {detail}): check that another program can open it, or copy it to a local folder and try again',
  },
  IMPORT_NOT_A_FILE: {
    zh: '「{path}」是{kind}，不是普通文件，未读取；请给出要导入的 .xlsx 工作簿或 .csv 表格文件',
    en: '"{path}" is {kindEn}, not a regular file, and was not read; name the .xlsx workbook or .csv table to import',
  },
  IMPORT_EMPTY_FILE: { zh: '文件是空的', en: 'The file is empty' },
  IMPORT_FILE_TYPE: {
    zh: '不支持的文件类型「{ext}」：请选择 .xlsx 工作簿或 .csv 表格',
    en: 'Unsupported file type "{ext}": choose an .xlsx workbook or a .csv table',
  },
  IMPORT_NOT_XLSX: { zh: '文件不是 Excel 工作簿（.xlsx），无法读取', en: 'The file is not an Excel workbook (.xlsx) and cannot be read' },
  IMPORT_WRONG_OFFICE: {
    zh: '这是 {app} 文件而不是 Excel 工作簿（.xlsx），可能只是改了扩展名：请选择 .xlsx 工作簿，或在 Excel/WPS 中另存为 .xlsx',
    en: 'This is a {app} file, not an Excel workbook (.xlsx) — perhaps only renamed: choose an .xlsx workbook, or save it as .xlsx in Excel or WPS',
  },
  IMPORT_OLE: {
    zh: '文件是旧版 Excel 格式（.xls）、WPS 表格（.et）或设置了打开密码：请在 Excel/WPS 中打开（有密码的先去掉密码），另存为 .xlsx 后再导入',
    en: 'The file is an old Excel file (.xls), a WPS Spreadsheets file (.et) or password-protected: open it in Excel or WPS (removing any password), save it as .xlsx and import that',
  },
  IMPORT_PERCENT_CELL: {
    zh: '{field}单元格设为百分比格式（显示为 {shown}%），但该指标的计量单位是{unit}，不是百分比；请把单元格格式改为“常规”或“数值”，再填写以{unit}计的数',
    en: '{field}: the cell is formatted as a percentage (shown as {shown}%), but the indicator is counted in {unit}, not in %; set the cell format to General or Number and enter the figure in {unit}',
  },
  IMPORT_DATE_CELL: {
    zh: '{field}单元格设为日期格式，存的是日期序号 {text} 而不是数字；请把单元格格式改为“常规”或“数值”后重新填写',
    en: '{field}: the cell is formatted as a date and holds the day number {text}, not a figure; set the cell format to General or Number and enter the figure again',
  },
  IMPORT_CSV_DECIMAL: {
    zh: '{field}「{text}」中的「{number}」无法确定含义：这是以分号分隔的 CSV，其中逗号是小数点、句点是千位分隔符，而「{number}」按两种写法会读成不同的数；请写成不带千位分隔符的数（如 84,22 或 1234,5）',
    en: '{field} "{text}": "{number}" is ambiguous. This is a semicolon-separated CSV, where the comma is the decimal separator and the point groups thousands, and "{number}" reads as two different figures; write it without thousands separators (84,22 or 1234,5)',
  },
  IMPORT_ZIP_DUPLICATE: {
    zh: '文件中有两个同名的部件「{name}」，不同的程序会读到不同的内容，无法确定以哪个为准；文件可能已损坏或被改动过。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入',
    en: 'The file holds two parts named "{name}"; different programs would read different contents, so neither can be trusted. The file may be damaged or altered: open it in Excel or WPS, save it as .xlsx and import that',
  },
  // The English detail (which part, what is wrong in it) is for the English message: no English inside a Chinese one.
  IMPORT_CORRUPT: {
    zh: '「{file}」已损坏或不完整，无法读取（损坏处：「{where}」），库中数据未改动。请在 Excel/WPS 中打开它：能打开就另存为 .xlsx 再导入，打不开请向发送方索取完好的文件',
    en: '"{file}" is damaged or incomplete and cannot be read ({where}: {detail}); the store was not changed. Open it in Excel or WPS: if it opens, save it as .xlsx and import that; if not, ask the sender for a sound copy',
  },
  IMPORT_XML_DEPTH: {
    zh: '「{file}」的部件「{where}」嵌套超过 {max} 层，Excel/WPS 不会这样保存，文件可能已损坏或被改动过，已停止读取，库中数据未改动。请在 Excel/WPS 中打开并另存为 .xlsx 后再导入',
    en: 'The part {where} of "{file}" nests deeper than {max} levels, which Excel and WPS never write: the file may be damaged or altered; reading stopped and the store was not changed. Open it in Excel or WPS, save it as .xlsx and import that',
  },
  IMPORT_CORRUPT_ZIP: {
    zh: '「{file}」已损坏或不完整（文件被截断，或压缩结构受损），无法读取，库中数据未改动。请重新下载或向发送方索取完好的文件',
    en: '"{file}" is damaged or incomplete ({detail}): it was cut short or its zip structure is damaged; the store was not changed. Download it again or ask the sender for a sound copy',
  },
  IMPORT_LIMIT: {
    zh: '「{file}」超出可读取的上限：{limit}超过 {max}，已停止读取，库中数据未改动。请删去多余的内容（空行、空列、不需要的工作表）或拆分为几个较小的文件后再导入',
    en: '"{file}" is over a reading limit: more than {max} {limit}; reading stopped and the store was not changed. Delete what is not needed (blank rows and columns, extra sheets) or split it into smaller files and import those',
  },
  IMPORT_WPS_ET: {
    zh: '「{file}」是 WPS 表格文件（.et），无法直接导入：请在 WPS 中打开，选择“另存为”，文件类型选 Excel 工作簿（.xlsx），再导入另存的文件',
    en: '"{file}" is a WPS Spreadsheets file (.et) and cannot be imported as it is: open it in WPS, choose Save As, pick Excel Workbook (.xlsx), and import the saved file',
  },
  IMPORT_ZIP_BOMB: {
    zh: '文件解压后过大（{size}，上限 {max}），已拒绝读取',
    en: 'The file would unpack to {size} (limit {max}); refused without unpacking',
  },
  IMPORT_NO_SHEET: { zh: '工作簿中没有可导入的工作表', en: 'The workbook has no sheet that can be imported' },
  IMPORT_SHEET_MISSING: {
    zh: '找不到工作表「{sheet}」：模板的数据表被删除或改名了，请改回原名后再导入',
    en: 'Sheet "{sheet}" is missing: the template\'s data sheet was deleted or renamed; restore its name and import again',
  },
  IMPORT_META_INVALID: {
    zh: 'ParkBrief 隐藏映射表第{row}行无效，文件可能被其他程序改动过：请重新导出填报模板，把数值填入新模板后再导入',
    en: 'Row {row} of the hidden ParkBrief map is invalid ({detail}); another program may have changed the file',
  },
  IMPORT_META_PARK: { zh: '文件中的园区「{park}」在库中不存在', en: 'The file\'s park "{park}" is not in the store' },
  IMPORT_META_PERIOD: {
    zh: '文件中的期别「{period}」在库中不存在；导入不新建期别，请先在界面中新增该期别',
    en: 'The file\'s period "{period}" is not in the store; an import creates no periods, add it in the app first',
  },
  IMPORT_HEADER_NOT_FOUND: {
    zh: '找不到表头行：前 {rows} 行中没有同时含“指标名称（或代码）”和“本期值（或数值）”的行',
    en: 'No header row: none of the first {rows} rows names both the indicator (name or code) and the value',
  },
  IMPORT_TARGET_MISSING: {
    zh: '普通表格没有写明园区和期别：请指定园区和期别（命令行 --park 和 --period）',
    en: 'A plain table does not say which park and period it is for: choose them (--park and --period on the command line)',
  },
  IMPORT_DUPLICATE_ROW: {
    zh: '{indicator}重复：工作表「{otherSheet}」第{otherRow}行已填同一园区、期别的该指标',
    en: '{indicator} appears twice: sheet "{otherSheet}", row {otherRow} already gives it for the same park and period',
  },
  IMPORT_NO_INDICATOR: { zh: '这一行有数值但没有指标名称或代码', en: 'This row has a figure but no indicator name or code' },
  IMPORT_CODE_NAME_MISMATCH: {
    zh: '代码「{code}」是指标「{byCode}」，这一行的名称却是「{name}」：请核对代码和名称',
    en: 'Code "{code}" is the indicator "{byCode}", but this row is named "{name}": check the code and the name',
  },
  IMPORT_FORMULA_NO_VALUE: {
    zh: '单元格是公式（={formula}）但没有计算结果：请在 Excel 或 WPS 中打开并保存后再导入，或改填数值',
    en: 'The cell holds a formula (={formula}) without a calculated result: open and save the file in Excel or WPS, or type the figure',
  },
  IMPORT_CELL_ERROR: { zh: '单元格是错误值 {text}', en: 'The cell holds the error value {text}' },
  IMPORT_MERGED: {
    zh: '数值区域有合并单元格 {range}：请取消合并后再导入',
    en: 'Merged cells {range} in the value area: unmerge them and import again',
  },
  // Also a cell edit's: 突破340亿元 typed as the value with 近 chosen as its qualifier in the same edit.
  IMPORT_CONFLICT: {
    zh: '{field}前后不一致：数值里写的是「{inText}」，{field}列是「{inColumn}」',
    en: '{field} disagrees: the figure says "{inText}", the {field} column "{inColumn}"',
  },
  IMPORT_CSV_QUOTE: {
    zh: 'CSV 的引号不成对：第{row}行开始的带引号字段没有结束',
    en: 'Unbalanced quotes in the CSV: the quoted field starting on row {row} never ends',
  },
  IMPORT_CSV_AFTER_QUOTE: {
    zh: 'CSV 第{row}行：引号结束后还有多余的字符（{text}）',
    en: 'CSV row {row}: characters after a closing quote ({text})',
  },
  IMPORT_IDS_FALLBACK: {
    zh: '文件来自另一个数据库：{count} 个指标按代码或名称对应',
    en: 'The file comes from another store: {count} indicators were matched by code or name',
  },
  IMPORT_IDS_STALE: {
    zh: '文件中有 {count} 个指标的标识在库中已找不到（指标被删除后重建？），已按代码或名称对应',
    en: '{count} indicator ids of the file are no longer in the store (deleted and re-created?); matched by code or name',
  },
  IMPORT_EMPTY_KEPT: {
    zh: '{indicator}的本期值为空，保留库中的 {value}（导入不会清除已有数值）',
    en: '{indicator} is blank here; the stored {value} is kept (an import never clears a figure)',
  },
  IMPORT_ROW_SKIPPED: { zh: '「{text}」行不是指标，已跳过', en: 'Row "{text}" is not an indicator; skipped' },
  IMPORT_SHEET_SKIPPED: { zh: '工作表没有表头行，已跳过', en: 'The sheet has no header row; skipped' },
  IMPORT_TARGET_IGNORED: {
    zh: '文件自带园区和期别的对应关系，指定的园区、期别未使用',
    en: 'The file names its own parks and periods; the park and period chosen were not used',
  },
  IMPORT_EXPIRED: {
    zh: '导入预览已过期或已使用，请重新预览后再导入',
    en: 'The import preview has expired or was already used; preview the file again',
  },
  IMPORT_STALE: {
    zh: '预览之后库中的数据已有改动（{label}），为免覆盖这些改动，请重新预览后再导入',
    en: 'The store changed after the preview ({label}); preview again so those changes are not overwritten',
  },
  IMPORT_REFUSED: { zh: '导入有 {count} 处错误，未写入任何数据', en: '{count} errors in the import; nothing was written' },
  IMPORT_NOTHING: {
    zh: '文件中没有任何可导入的数值（数值和同比增长列全部为空）',
    en: 'The file holds no figure to import (every value and growth cell is blank)',
  },
  // Long jobs in a worker (core/jobs/): the worker's end is the refusal of that file or job only.
  JOB_OUT_OF_MEMORY: {
    zh: '「{name}」处理时所需内存超过上限 {limit} MB，已停止，未写入任何数据；请把文件拆小后再试',
    en: '"{name}" needed more than the {limit} MB memory limit and was stopped; nothing was written. Split the file and try again',
  },
  JOB_DEADLINE: {
    zh: '「{name}」处理超过时限 {limit} 秒，已停止，未写入任何数据；请把文件拆小或分批导出后再试',
    en: '"{name}" ran past the {limit} s time limit and was stopped; nothing was written. Split the file or export in parts',
  },
  JOB_STARVED: {
    zh: '「{name}」等了 {limit} 秒仍未处理完：电脑一直忙于其他程序，导出几乎没有得到处理器时间；已停止，未写入任何数据。请关闭占用处理器的程序后再试',
    en: '"{name}" was not done after {limit} s: the computer stayed busy with other programs and the export got almost no processor time; it was stopped and nothing was written. Close the programs using the processor and try again',
  },
  JOB_CRASHED: {
    // The worker's own reason is in English: the Chinese wording leaves it to the English one and the log.
    zh: '「{name}」处理时意外中止，未写入任何数据；请重试，如仍失败请保留该文件并报告',
    en: '"{name}" stopped unexpectedly ({detail}); nothing was written. Try again, and keep the file to report it if it fails again',
  },
  JOB_CANCELLED: { zh: '已取消「{name}」，未写入任何数据', en: '"{name}" was cancelled; nothing was written' },
  JOB_NOT_FOUND: {
    zh: '找不到该后台任务（已结束超过 {minutes} 分钟或程序已重启），请重新开始',
    en: 'No such job (it ended over {minutes} minutes ago, or the program restarted); start it again',
  },
  JOB_TOO_MANY: {
    zh: '已有 {count} 个后台任务在运行，请等其中一个结束或取消后再开始',
    en: '{count} jobs are already running; wait for one to end, or cancel one, then start again',
  },
  // Printing the preview as a PDF is the Electron window's; a browser prints with its own dialog.
  PRINT_UNAVAILABLE: {
    zh: '此处不能直接生成 PDF：请点“打印”后在浏览器的打印对话框中选择“另存为 PDF”',
    en: 'A PDF cannot be made here: click Print and choose "Save as PDF" in the browser\'s print dialog',
  },
  // The help text (Chinese, as the commands are) follows a refusal that is about how the command was written.
  USAGE: { zh: '{zh}{help}', en: '{en}{help}' },
  INTERNAL: {
    zh: '园区简报内部出错，操作未完成。请重试；如仍出错，请把此信息连同技术信息告知技术支持',
    en: 'Internal error: {detail}. Try again; if it happens again, please report this message',
  },
} as const;

export type ErrorCode = keyof typeof MESSAGES;

/** What a placeholder problem says, in both languages ({source} is the placeholder as written). */
export const PROBLEM_MESSAGES = {
  SYNTAX: { zh: '占位符「{source}」缺少右括号或为空', en: 'Placeholder "{source}" is not closed or is empty' },
  UNKNOWN_INDICATOR: { zh: '指标库中没有「{indicator}」', en: 'The catalogue has no indicator "{indicator}"' },
  UNKNOWN_PERIOD: { zh: '「{period}」不是可识别的期别（如 2017、2018年1—4月、上年）', en: '"{period}" is not a period (e.g. 2017, 2018M1-4, 上年)' },
  UNKNOWN_OPTION: { zh: '「{option}」不是可用的选项（同比、增速、原值、目标、数值或计量单位）', en: '"{option}" is not an option (同比, 增速, 原值, 目标, 数值 or a unit)' },
  NO_VALUE: { zh: '{indicator}没有{period}{kind}数值', en: '{indicator} has no {kind} figure for {period}' },
  NO_GROWTH: { zh: '{indicator}{period}既没有填报同比增长，也无法从上年同期值算出', en: '{indicator} has no reported growth for {period} and none can be computed from the year before' },
  NO_BASELINE: { zh: '{indicator}{period}没有“改革前”数值', en: '{indicator} has no before-figure for {period}' },
  UNIT_MISMATCH: { zh: '{indicator}的单位「{from}」不能换算为「{unit}」', en: '{indicator} in {from} cannot be converted to {unit}' },
  CONFLICTING_OPTIONS: { zh: '选项「{a}」和「{b}」不能同时使用', en: 'Options "{a}" and "{b}" cannot be used together' },
  BAD_VALUE: { zh: '{indicator}{period}的存储值无法排版：{detail}', en: 'The stored figure of {indicator} for {period} cannot be written: {detail}' },
  UNKNOWN_PARK: { zh: '没有名为「{park}」的园区', en: 'There is no park named "{park}"' },
  TOO_MANY_INDICATORS: { zh: '一张图表最多{max}项指标，「{source}」有{count}项', en: 'A chart takes at most {max} indicators; "{source}" has {count}' },
} as const;

/** Where a problem stands, as the user finds it: 标题, 导语第1段, 第2节第3段, 第1张图片说明. */
export function placeLabel(
  place: { field: string; section?: number; paragraph?: number },
  locale: Locale = 'zh-CN',
): string {
  const s = (place.section ?? 0) + 1;
  const p = (place.paragraph ?? 0) + 1;
  if (locale === 'en') {
    const names: Record<string, string> = { title: 'title', subtitle: 'subtitle', byline: 'by-line', lead: `lead, paragraph ${p}`, heading: `section ${s} heading`, paragraph: `section ${s}, paragraph ${p}`, caption: `caption of photo ${s}` };
    return names[place.field] ?? place.field;
  }
  const names: Record<string, string> = { title: '标题', subtitle: '副标题', byline: '署名', lead: `导语第${p}段`, heading: `第${s}节标题`, paragraph: `第${s}节第${p}段`, caption: `第${s}张图片说明` };
  return names[place.field] ?? place.field;
}

export function formatProblem(
  problem: { code: keyof typeof PROBLEM_MESSAGES; source: string; params: Record<string, string>; place: { field: string; section?: number; paragraph?: number } },
  locale: Locale = 'zh-CN',
): string {
  const t = PROBLEM_MESSAGES[problem.code];
  const params: Record<string, string> = { source: problem.source, ...problem.params };
  // Kind and period travel as codes and keys so that each language can word them.
  if (params.kind !== undefined) params.kind = params.kind === 'target' ? (locale === 'en' ? 'target' : '目标') : locale === 'en' ? 'actual' : '';
  const period = params.period === undefined ? null : parsePeriodKey(params.period);
  if (period && problem.code !== 'UNKNOWN_PERIOD') params.period = periodLabel(period, locale);
  const body = (locale === 'en' ? t.en : t.zh).replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  return `${placeLabel(problem.place, locale)}${locale === 'en' ? ': ' : '：'}${problem.source} — ${body}`;
}
export type Locale = 'zh-CN' | 'en';

/** Field names as the user sees them in a message. */
export const FIELD_LABELS = {
  value: { zh: '本期值', en: 'Value' },
  unit: { zh: '计量单位', en: 'Unit' },
  qualifier: { zh: '限定词', en: 'Qualifier' },
  growth: { zh: '同比增长', en: 'YoY growth' },
  baseline: { zh: '改革前', en: 'Before' },
  source: { zh: '来源备注', en: 'Source note' },
  status: { zh: '状态', en: 'Status' },
  name: { zh: '名称', en: 'Name' },
  park: { zh: '园区', en: 'park' },
  period: { zh: '期别', en: 'period' },
  indicator: { zh: '指标', en: 'indicator' },
  category: { zh: '分类', en: 'category' },
  // The other things the change log records, as an undo or redo refusal names them.
  figure: { zh: '数值', en: 'figure' },
  document: { zh: '文稿', en: 'document' },
  setting: { zh: '设置', en: 'setting' },
  rule: { zh: '审核关系', en: 'check rule' },
  alias: { zh: '别名', en: 'alias' },
  photo: { zh: '图片', en: 'photo' },
} as const;

export type FieldName = keyof typeof FIELD_LABELS;

/** What a reading limit counts (core/imports/limits.ts), as IMPORT_LIMIT and ARTICLE_LIMIT name it. */
export const LIMIT_LABELS: Record<string, { zh: string; en: string }> = {
  zipEntries: { zh: '压缩包中的部件数', en: 'parts in the zip' },
  entryBytes: { zh: '单个部件解压后的大小', en: 'bytes unpacked from one part' },
  unzippedBytes: { zh: '解压后的总大小', en: 'bytes unpacked in all' },
  sheets: { zh: '工作表数', en: 'sheets' },
  rows: { zh: '有内容的行数', en: 'rows with content' },
  cells: { zh: '有内容的单元格数', en: 'cells with content' },
  sharedStrings: { zh: '共享文本条数', en: 'shared strings' },
  sharedStringChars: { zh: '共享文本总字数', en: 'characters of shared strings' },
  lineChars: { zh: '一行的字符数', en: 'characters in one line' },
  lines: { zh: '行数', en: 'lines' },
};

export function fieldLabel(f: string, locale: Locale): string {
  const l = (FIELD_LABELS as Record<string, { zh: string; en: string }>)[f];
  return l ? (locale === 'en' ? l.en : l.zh) : f;
}

export type ErrorParams = Record<string, string | number>;

/** Why a file cannot be restored (BACKUP_INVALID's {reason}), by key, so each language words it. */
const RESTORE_REFUSALS: Record<string, { zh: string; en: string }> = {
  missing: { zh: '文件不存在', en: 'the file does not exist' },
  'is-store': { zh: '这就是当前数据库本身', en: 'it is the current store itself' },
  'too-new': { zh: '由更新版本的园区简报写入（版本 {found}，本程序支持 {supported}）', en: 'it was written by a newer ParkBrief (version {found}; this one supports {supported})' },
  damaged: { zh: '文件已损坏', en: 'the file is damaged' },
  'not-a-store': { zh: '不是园区简报的数据库', en: 'it is not a ParkBrief store' },
  'no-store-id': { zh: '不是园区简报的数据库（缺少 meta/store_id）', en: 'it is not a ParkBrief store (it has no meta/store_id)' },
};

export function formatMessage(code: ErrorCode, params: ErrorParams = {}, locale: Locale = 'zh-CN'): string {
  const t = MESSAGES[code] ?? MESSAGES.INTERNAL;
  const template = locale === 'en' ? t.en : t.zh;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    // An English detail falls back to the one detail a caller gave.
    const v = params[k] ?? (k === 'detailEn' ? params.detail : undefined);
    if (v === undefined) return '';
    // Field names travel as keys so each language can name them its own way.
    if (k === 'limit') {
      const l = LIMIT_LABELS[String(v)];
      return l ? (locale === 'en' ? l.en : l.zh) : String(v);
    }
    // An export's job is named by its kind (params.job), a job on a file by the file.
    if (k === 'name' && isJobNameKey(params.job)) return JOB_NAMES[params.job][locale === 'en' ? 'en' : 'zh'];
    const refusal = k === 'reason' && code === 'BACKUP_INVALID' ? RESTORE_REFUSALS[String(v)] : undefined;
    if (refusal) return (locale === 'en' ? refusal.en : refusal.zh).replace(/\{(\w+)\}/g, (_m, j: string) => String(params[j] ?? ''));
    return k === 'field' || k === 'what' ? fieldLabel(String(v), locale) : String(v);
  });
}

/** How the technical detail line is labelled in each language. */
export const TECHNICAL_LABEL = { zh: '技术信息', en: 'Technical detail' } as const;

/**
 * The technical detail (SQLite's, the system's or a library's own words) on a line of its own, when the
 * message's wording in this language leaves it out — never inside a Chinese sentence. Null when there is none.
 */
export function technicalLine(code: string, params: ErrorParams | undefined, locale: Locale = 'zh-CN'): string | null {
  const t = (MESSAGES as Record<string, { zh: string; en: string }>)[code];
  const detail = params?.detail;
  if (!t || detail === undefined || detail === '') return null;
  if ((locale === 'en' ? t.en : t.zh).includes('{detail}')) return null;
  return locale === 'en' ? `${TECHNICAL_LABEL.en}: ${String(detail)}` : `${TECHNICAL_LABEL.zh}：${String(detail)}`;
}

/** The message and, on the next line, its technical detail: what a person reads (the CLI, an error box, the page). */
export function formatWithTechnical(code: ErrorCode, params: ErrorParams = {}, locale: Locale = 'zh-CN'): string {
  const line = technicalLine(code, params, locale);
  return line ? `${formatMessage(code, params, locale)}\n${line}` : formatMessage(code, params, locale);
}

/** One refused cell or field, named the way the user would find it. */
export interface ErrorDetail {
  index?: number;
  indicator?: string;
  field?: string;
  code: ErrorCode;
  params: ErrorParams;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly details: ErrorDetail[] | undefined;
  constructor(code: ErrorCode, params: ErrorParams = {}, details?: ErrorDetail[], options?: ErrorOptions) {
    super(formatMessage(code, params), options);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A detail line in the user's language; placeholder problems carry their place in params. */
export function formatDetail(d: { code: string; params: ErrorParams }, locale: Locale = 'zh-CN'): string {
  if (d.code === 'PLACEHOLDER_PROBLEM' && typeof d.params.problem === 'string' && d.params.problem in PROBLEM_MESSAGES) {
    const { problem, source, field, section, paragraph, park, ...rest } = d.params;
    const place = { field: String(field), ...(section === undefined ? {} : { section: Number(section) }), ...(paragraph === undefined ? {} : { paragraph: Number(paragraph) }) };
    const text = formatProblem(
      { code: problem as keyof typeof PROBLEM_MESSAGES, source: String(source), place, params: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])) },
      locale,
    );
    return park === undefined ? text : `${park} ${text}`;
  }
  return formatMessage(d.code as ErrorCode, d.params, locale);
}
