// Which indicator a figure belongs to, from the words of its clause. A catalogue indicator whose
// name the words end with is the match (the one function that matches an article's words to the
// catalogue); otherwise a name is proposed from the words before the figure — 规模以上工业增加值,
// 生物医药产业产值 (the topic before 实现/完成 and the measure after it), 专项债项目金额 (储备46.21亿元的
// 专项债项目), 新开工项目数 (18个项目新开工建设), 工业投资占总投资比重 (占…的80.4%).

import { unitDef, type Dimension } from '../../shared/figure/units.ts';
import { normalizeName as catalogueForm } from '../catalog/match-indicator.ts';
import { readingText } from './text-scan.ts';

export interface CatalogueEntry {
  id: string;
  code: string;
  name: string;
  /** Other names the catalogue knows it by (catalog/aliases.ts). */
  aliases: readonly string[];
  unit: string;
  categoryCode: string;
}

export interface Naming {
  /** The proposed name (the catalogue's when matched). */
  name: string;
  match: CatalogueEntry | null;
}

/** What a figure needs of the catalogue: the dimension of its unit, or 'growth' for a growth alone. */
export type FigureDimension = Dimension | 'growth';

/** Verbs that stand between a clause's topic and the measure it reports (全区实现地区生产总值). */
const VERBS =
  /(?:累计完成|预计实现|预计完成|组织开展|积极开展|共谋划|实现|完成|达到|共有|拥有|现有|开展|接待|储备|投入|形成|培育了|培育|谋划|锁定|发放|获得|保持|创造|吸引|带动|集聚|聚集|入驻|上报|建成|打造)/gu;
/** Measures a topic is reported by: 生物医药产业 + 产值. */
const GENERIC_MEASURES = /^(?:产值|总产值|收入|营业收入|主营业务收入|增加值|总额|投资|产能|销售额|营收|税收|利润)$/u;
/** Words at the head of a clause that are no part of the indicator's name. */
const HEAD_WORDS =
  /^(?:的|确保|力争|争取|预期|计划|其中|同时|另外|此外|目前|全年|预计|今年以来|今年|去年|当年|累计|均|并|还|已|已经|先后|成功|积极|全力|持续|进一步|就在|分别|这|该|此|全区|全市|园区|核心区|区内|新区|[\p{Script=Han}]{2,8}?(?:国家)?(?:高新区|开发区|工业园区|产业园区|经开区|园区|综合保税区|试验区))/u;
/** Words between the name and the number: 共计21个, 达18家, 为…, 的…, and the 由/从 of a before/after pair. */
const TAIL_WORDS = /(?:共计|合计|总计|共|达到|达|为|约为|约|近|超过|超|的|等|已|累计|均|首次|[由从](?:原来的|以前的|原先的|过去的|原)?)$/u;
/** Time words at the head of a clause: 1—9月, 上半年, 2022年以来. */
const TIME_HEAD = /^(?:\d{4}年(?:以来)?)?(?:\d{1,2}[—–\-~～]\d{1,2}月|上半年|下半年|前三季度|一季度|截至\d{1,2}月(?:底|末)?)?/u;
/** After a count: the counted noun ends where its predicate starts (18个项目|新开工建设). */
const PREDICATE_START = /已|被|成功|分别|入选|获|参赛|新开工|竣工|正在|将|的|入驻|签约|落户|开工|建成|投产|认定|申报|通过|符合|涉及|支持|用于|位于|带动|[0-9０-９]/u;
/** Predicates that say which items are counted (新开工项目数, 竣工项目数). */
const STATUS = /^(?:新开工|竣工|签约|入驻|落户|开工|建成|投产|参赛|获奖)/u;
const TARGET_OBJECT = /(?:认定为|申报为|评为|入选|成为)(.+)$/u;
const RATE_NAME = /(?:率|比重|比例|占比|份额)$/u;
const AMOUNT_NAME = /(?:投资|收入|产值|总额|资金|值|消费|利润|税收|出口|进口|额|营收|产能|内资|外资)$/u;

/**
 * Where catalogue names and article words meet: the catalogue's own form of a name (full-width,
 * case, quotes, blanks), read across a PDF's line chunks, with 规模以上 written 规上 as the catalogue does.
 */
export function normalizeName(s: string): string {
  return catalogueForm(readingText(s)).replace(/规模以上/gu, '规上');
}

const MIN_MATCH = 4;

/** A catalogue name without the 数/量 that turn a noun into a count (招商活动次数 → 招商活动). */
function stem(name: string): string {
  return name.replace(/(?:次数|人数|个数|数量|数|量)$/u, '');
}

function fits(entry: CatalogueEntry, dim: FigureDimension): boolean {
  const d = unitDef(entry.unit)?.dimension;
  if (d === undefined) return false;
  if (dim === 'growth') return true;
  if (d === dim) return true;
  return (d === 'cny' || d === 'usd') && (dim === 'cny' || dim === 'usd');
}

// Normalised once per catalogue snapshot: an article asks the whole catalogue for every figure.
const forms = new WeakMap<CatalogueEntry, readonly string[]>();
function formsOf(e: CatalogueEntry): readonly string[] {
  let f = forms.get(e);
  if (!f) forms.set(e, (f = [e.name, ...e.aliases].map(normalizeName)));
  return f;
}

/**
 * The catalogue indicator the words name (by its name or one of its aliases): the longest catalogue name (or its stem) that the words
 * end with, or — for a proposed name of six characters or more — a catalogue name that ends with
 * the proposal. The unit must fit (a count is never matched to an amount).
 */
export function matchCatalogue(words: string, dim: FigureDimension, catalogue: readonly CatalogueEntry[]): CatalogueEntry | null {
  const w = normalizeName(words).replace(TAIL_WORDS, '');
  if (!w) return null;
  let best: CatalogueEntry | null = null;
  // Longer forms name more exactly; at equal length an indicator's own name beats another's alias.
  let bestScore = 0;
  for (const e of catalogue) {
    if (!fits(e, dim)) continue;
    formsOf(e).forEach((n, i) => {
      for (const form of [n, stem(n)]) {
        // A short name (项目数, 企业) ends too many clauses to name one indicator.
        const score = form.length * 2 + (i === 0 ? 1 : 0);
        if (form.length < MIN_MATCH || score <= bestScore) continue;
        // A proposal may be the end of a catalogue name (院士工作站数 → 新增院士工作站数), when it is most of it.
        const endOfName = w.length >= 6 && n.endsWith(w) && w.length * 5 >= n.length * 3;
        if (w.endsWith(form) || endOfName || (w.length >= 6 && stem(w) === form)) {
          best = e;
          bestScore = score;
        }
      }
    });
  }
  return best;
}

export interface NameContext {
  /** The clause's text before the figure (from the clause start). */
  before: string;
  /** The clause's text after the figure (to the clause end). */
  after: string;
  unit: string | null;
  /** A share: the text between 占 and the figure names what the share is of. */
  share: { subject: string; of: string } | null;
  growthOnly: boolean;
}

/** The name a figure's words propose, before any catalogue match. */
export function proposeName(ctx: NameContext): string {
  if (ctx.share) {
    const subject = cleanHead(ctx.share.subject) || '';
    const of = clean(ctx.share.of).replace(/的$/u, '').replace(/(?:比重|比例|占比)$/u, '');
    return cap(`${subject}占${of}比重`);
  }
  const before = clean(ctx.before);
  const after = readingText(ctx.after);
  let name = topicAndMeasure(before);
  // 储备46.21亿元的专项债项目: a figure before 的 is the amount of the noun that follows; in
  // 示范基地等16个国家级创新基地 the noun after the count is what is counted.
  const listed = /等$/u.test(before) && /^\p{Script=Han}/u.test(after);
  if (!name || (!ctx.growthOnly && (/^的/u.test(after) || listed))) {
    const counted = countedNoun(after);
    if (counted) name = counted.status ? counted.status + counted.noun : counted.noun;
    else if (!name) name = after.replace(/^的/u, '').slice(0, 12);
  }
  if (ctx.growthOnly) name = name.replace(/(?:增速|增幅|增长率|增长|同比|比上年|分别)+$/u, '');
  name = name.replace(TAIL_WORDS, '');
  return cap(withMeasureWord(name, ctx.unit, ctx.growthOnly));
}

function cap(s: string): string {
  return s.slice(0, 30);
}

function clean(s: string): string {
  return normalizeName(s)
    .replace(/[（）()]/gu, '')
    .replace(/^[，,、。；;：:\s]+/u, '');
}

function cleanHead(s: string): string {
  let out = clean(s);
  for (let i = 0; i < 4; i++) {
    const next = out.replace(HEAD_WORDS, '').replace(TIME_HEAD, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** 全区生物医药产业实现产值 → 生物医药产业产值; 园区积极开展招商活动 → 招商活动; 实际利用外资 stays. */
function topicAndMeasure(before: string): string {
  const head = cleanHead(before);
  let last: RegExpExecArray | null = null;
  for (const m of head.matchAll(VERBS)) last = m as RegExpExecArray;
  if (!last) return head.replace(TAIL_WORDS, '');
  const topic = cleanHead(head.slice(0, last.index)).replace(TAIL_WORDS, '');
  const measure = cleanHead(head.slice(last.index + last[0].length)).replace(TAIL_WORDS, '');
  // 主要经济指标均保持20%以上增速: with nothing after the verb, the topic is what is measured.
  if (!measure) return topic;
  // 有效发明专利拥有量: a verb before a bare 量 or 数 is part of the noun.
  if (/^[量数额]$/u.test(measure)) return topic + last[0] + measure;
  if (GENERIC_MEASURES.test(measure) && topic) return topic + measure;
  // 被国家发改委锁定项目19个: a bare 项目 is named by what was done to it.
  return measure.length <= 2 ? last[0] + measure : measure;
}

/** 项目新开工建设 → 新开工 + 项目; 企业成功申报为云南省知识产权优势企业 → 云南省知识产权优势企业. */
function countedNoun(after: string): { noun: string; status: string } | null {
  const text = after.replace(/^的/u, '');
  if (!text) return null;
  const p = PREDICATE_START.exec(text);
  const noun = (p ? text.slice(0, p.index) : text).slice(0, 16);
  const predicate = p ? text.slice(p.index) : '';
  const object = TARGET_OBJECT.exec(predicate);
  if (object) return { noun: object[1]!.slice(0, 16), status: '' };
  const status = STATUS.exec(predicate.replace(/^(?:已|成功|正在)/u, ''));
  if (!noun) return null;
  return { noun, status: status ? status[0] : '' };
}

/** 招商对接 + 次 → 招商对接次数; 专项债项目 + 亿元 → 专项债项目金额; a rate keeps its name. */
function withMeasureWord(name: string, unit: string | null, growthOnly: boolean): string {
  if (!name || growthOnly || unit === null) return name;
  const dim = unitDef(unit)?.dimension;
  if (dim === 'count') {
    if (/(?:数|量|次数|人数)$/u.test(name)) return name;
    if (unit === '次' || unit === '场次') return name + (unit === '次' ? '次数' : '场次');
    if (unit === '人' || unit === '名') return /人才$|人员$/u.test(name) ? name + '数' : name + '人数';
    return name + '数';
  }
  if ((dim === 'cny' || dim === 'usd') && !AMOUNT_NAME.test(name)) return name + '金额';
  if (dim === 'workdays' && !/(?:时间|时限|天数|时长|周期)$/u.test(name)) return name + '时限';
  return name;
}

/** A % figure that is the change of an amount, not a rate: 固定资产投资30%以上, 增速14.2%. */
export function percentIsGrowth(name: string, before: string, after: string, matched: CatalogueEntry | null): boolean {
  const b = readingText(before);
  const a = readingText(after);
  if (/(?:增速|增幅|增长率)$/u.test(b) || /^(?:的)?(?:增速|增幅)/u.test(a)) return true;
  if (RATE_NAME.test(name)) return false;
  if (matched) return unitDef(matched.unit)?.dimension !== 'percent';
  return AMOUNT_NAME.test(name);
}

/** A category for a new indicator, by what its name is about. */
const CATEGORY_WORDS: readonly [RegExp, string][] = [
  [/专利|知识产权|技术合同|商标/u, 'IPR'],
  [/审批|营商|办理|工作日/u, 'BIZ'],
  [/人才|人员|岗位|院士|博士|专家/u, 'TAL'],
  [/进出口|外贸|出口|进口/u, 'OPN'],
  [/招商|签约|引进|到位|客商|外资|内资|协议/u, 'ATT'],
  [/投资|项目|专项债|贷款|资金/u, 'INV'],
  [/高新技术企业|瞪羚|孵化|众创|研发|创新|科技|新三板|上市/u, 'INO'],
  [/产业|集群|产能/u, 'IND'],
  [/面积|规划/u, 'GEN'],
];

export function categoryFor(name: string): string {
  return CATEGORY_WORDS.find(([re]) => re.test(name))?.[1] ?? 'ECO';
}
