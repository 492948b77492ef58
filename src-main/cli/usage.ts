// The help text every usage error ends with; `parkbrief --help` prints it.
export const USAGE = `园区简报 ParkBrief 命令行

用法：
  parkbrief serve [--db FILE] [--port N]        浏览器模式（仅 127.0.0.1），打印带令牌的网址；--port 0 自动选端口
  parkbrief parks [--db FILE] [--json]          列出园区
  parkbrief parks add 名称 [--short 简称] [--region 地区] [--level 级别]
                                                 新建园区
  parkbrief parks rename 原名称 新名称           园区改名
  parkbrief periods add 期别                    新建期别（2022 · 2022Q3 · 2018M1-4）
  parkbrief indicators add 名称 --unit 单位 [--category 分类] [--alias 别名]… [--decimals N] [--park 园区]
                                                 新增指标（别名可多个；--park 只用于该园区）
  parkbrief indicators list [--json] [--all]    列出指标库（--all 含已停用）
  parkbrief units add 名称 --equals "数量 单位"   新增计量单位，如 units add 万平方米 --equals "0.01 平方公里"
  parkbrief catalog export 文件.xlsx              导出指标库（指标、别名、自定义单位和限定词、审核关系），可在 Excel/WPS 中修改
  parkbrief catalog import 文件.xlsx [--dry-run]  导入修改后的指标库：先列出新增和修改，无错误时一次写入、一步撤销
  parkbrief show --park 园区 --period 期别 [--kind actual|target] [--db FILE] [--json]
                                                 显示园区某期的指标值
  parkbrief set --park 园区 --period 期别 --indicator 指标 --value 数值
                [--unit 单位] [--qualifier 限定词] [--growth 增速] [--kind actual|target] [--source 备注] [--db FILE]
                                                 写入一个指标值（与界面同样校验；成功即已落盘）
  parkbrief export --park 园区 --period 期别 --template magazine|bulletin --out 文件.docx
                [--allow-markers] [--sources] [--articles 园区,园区…] [--db FILE]
                                                 导出 Word 文稿（magazine 园区风采 · bulletin 工作简报）；
                                                 有无法填写的数据占位符时逐条列出并拒绝导出，除非加 --allow-markers；
                                                 --sources 注明每个数据的来源/备注（杂志为脚注，简报列在正文后）；
                                                 --articles 只用于 bulletin：所列园区同期的文稿按所列顺序排在本文之后，
                                                 合为一期（报头、编者按和版记用 --park 园区的）
  parkbrief export --all-parks --period 期别 --template magazine --out 年鉴.docx
                                                 把该期所有园区的文稿合成一本年鉴：封面、目录、每园区一篇（从右页起），
                                                 页码连续；未收录的园区（无文稿或有无法填写的占位符）连同原因印在目录后
  parkbrief export --format xlsx --template table|compare|form|fill --park 园区 --period 期别 --out 文件.xlsx
                [--years 2018-2022] [--parks 甲,乙,…] [--kind actual|target] [--db FILE]
                                                 导出 Excel：table 指标表（多期对比）· compare 多园区对比
                                                 · form 统计报表 · fill 填报模板（发给同事离线填写后导入）；
                                                 compare 不需 --park，缺省对比全部园区；
                                                 table 加 --all-parks（不需 --park）：全省工作簿，每个园区一个工作表
  parkbrief import 文件.xlsx|文件.csv [--park 园区 --period 期别] [--kind actual|target] [--dry-run]
                [--create-missing] [--create-park] [--db FILE]
                                                 导入填报模板或普通表格：先列出新增、修改、未变、警告和错误；
                                                 有错误时不写入任何数据；--dry-run 只预览不写入；一次导入可一步撤销；
                                                 --create-missing 新建表中缺少的指标和期别，--create-park 新建园区（均先列在预览中）
  parkbrief extract 文章.txt|文章.md|文章.docx [--park 园区] [--period 期别] [--json] [--apply] [--db FILE]
                                                 从文章中找出数据（指标、数值、单位、限定词、增长、目标/实际、期别）；
                                                 --json 输出 JSON 数组；--apply 新建缺少的指标、写入数据并由文章生成该期文稿
                                                 （数值改为数据占位符，其余文字照录），一步可撤销；不加 --apply 不写入
  parkbrief backup [--db FILE] [--out FILE]     用 SQLite 在线备份接口备份数据库（应用打开时也可）；缺省存入库旁的 backups 文件夹
  parkbrief backups [--db FILE] [--json]        列出备份（启动时、每日、升级前自动备份，以及手动备份）
  parkbrief restore 备份文件 [--db FILE]         用备份替换数据库；被替换的库保存在 backups 文件夹，可再恢复以撤销
  parkbrief salvage [--db FILE] [--out FILE]    从损坏的数据库中导出仍可读取的数据到新文件（原文件不改动）

期别写法：2022（年度）· 2022Q3（季度）· 2018M1-4（1—4月累计）· 2018M4（4月）
--db 缺省为本机应用数据目录中的库；环境变量 PARKBRIEF_DB 可覆盖。--db 指向的文件不存在时，将新建并载入演示数据。
PARKBRIEF_LANG=en 输出英文信息。
库正被应用或另一条命令写入时，命令等候其写完（缺省最多 5 秒，PARKBRIEF_BUSY_TIMEOUT_MS=毫秒 可改），超时则报告并以退出码 3 结束。`;
