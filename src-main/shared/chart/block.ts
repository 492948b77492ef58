// A chart in a document: a paragraph of its own, written like a placeholder so that office staff
// can read and type it, bound to indicators, periods and parks; every preview and export draws it
// from the store.
//
//   {图表：地区生产总值}                              the trend over the document's period and the
//                                                    four earlier ones that hold figures
//   {图表：地区生产总值@2019—2022}                    over these years (also 2017、2018M1-4)
//   {图表：生物医药产业产值、新材料产业产值}          several indicators compared
//   {图表：地区生产总值|园区=全部}                    parks ranked for the document's period
//   {图表：地区生产总值@2022|园区=楚雄高新区、昆明高新区}
//   …|标题=主导产业产值|来源=楚雄高新区管委会         the title above and the source line below
//
// Full-width ｛｝｜＝：＠ work too (a Chinese IME types them). A paragraph that is not exactly one
// such block is prose, so every document written before charts existed reads as it did.

export interface ChartBlock {
  /** As written, braces included. */
  source: string;
  indicators: string[];
  /** Periods as written after @ (one entry per year of a range), or null for the default. */
  periods: string[] | null;
  /** 'all', park names, or null: a park's own chart rather than a ranking. */
  parks: 'all' | string[] | null;
  title: string | null;
  credit: string | null;
  /** Options that are not 园区, 标题 or 来源; reported as problems. */
  unknown: string[];
}

export const CHART_WORD = '图表';
export const MAX_CHART_INDICATORS = 6;

const LIST = /[、,，]/;
const YEAR_RANGE = /^(\d{4})年?\s*[—–\-~～至到]+\s*(\d{4})年?$/;

/** The chart block a paragraph is, or null when it is prose. */
export function parseChartBlock(paragraph: string): ChartBlock | null {
  const source = paragraph.trim();
  // Only the syntax may be full-width: a title or source keeps its own colon (资料来源：…).
  const m = new RegExp(`^[{｛]\\s*${CHART_WORD}\\s*[:：]([^{}｛｝]*)[}｝]$`).exec(source);
  if (!m) return null;
  const [head = '', ...opts] = m[1]!.split(/[|｜]/).map((x) => x.trim());
  const at = head.search(/[@＠]/);
  const names = (at < 0 ? head : head.slice(0, at)).split(LIST).map((x) => x.trim()).filter(Boolean);
  const block: ChartBlock = { source, indicators: names, periods: at < 0 ? null : periodList(head.slice(at + 1)), parks: null, title: null, credit: null, unknown: [] };
  for (const o of opts.filter(Boolean)) {
    const eq = o.search(/[=＝]/);
    const key = eq < 0 ? o : o.slice(0, eq).trim();
    const value = eq < 0 ? '' : o.slice(eq + 1).trim();
    if (key === '园区' && value) block.parks = value === '全部' ? 'all' : value.split(LIST).map((x) => x.trim()).filter(Boolean);
    else if (key === '标题' && value) block.title = value;
    else if (key === '来源' && value) block.credit = value;
    else block.unknown.push(o);
  }
  return block;
}

/** "2019—2022" → every year; "2017、2018M1-4" → as listed. */
function periodList(written: string): string[] {
  const parts = written.split(LIST).map((x) => x.trim()).filter(Boolean);
  return parts.flatMap((p) => {
    const r = YEAR_RANGE.exec(p);
    if (!r) return [p];
    const from = Number(r[1]);
    const to = Number(r[2]);
    // A reversed or absurd range is kept as written, to be reported as an unknown period.
    if (from > to || to - from > 30) return [p];
    return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  });
}

/** The block written back in its canonical form (for the editor's 插入图表). */
export function chartBlockText(b: { indicators: readonly string[]; periods?: string | null; parks?: 'all' | readonly string[] | null; title?: string | null; credit?: string | null }): string {
  const head = b.indicators.join('、') + (b.periods ? `@${b.periods}` : '');
  const opts = [
    ...(b.parks ? [`园区=${b.parks === 'all' ? '全部' : b.parks.join('、')}`] : []),
    ...(b.title ? [`标题=${b.title}`] : []),
    ...(b.credit ? [`来源=${b.credit}`] : []),
  ];
  return `{${CHART_WORD}：${[head, ...opts].join('|')}}`;
}
