// Sheet names as Excel accepts them: at most 31 characters, none of : \ / ? * [ ], not the reserved
// "History", unique regardless of case within one workbook. An apostrophe becomes ’: exceljs writes
// print titles as '<name>'!$3:$3 without doubling one, which Excel would then refuse.

const MAX = 31;
// Control characters too: Excel refuses them in a name.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[:\\/?*[\]\u0000-\u001f]/g;

export class SheetNames {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  /** A legal, unused name as close to `wanted` as possible: "楚雄高新区", then "楚雄高新区(2)". */
  claim(wanted: string): string {
    let base = wanted.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim().replace(/'/g, '’');
    if (!base || base.toLowerCase() === 'history') base = base ? `${base}_` : '工作表';
    base = cut(base, MAX);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = cut(base, MAX - suffix.length) + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

/** Cuts to `max` UTF-16 units (Excel's count) without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  return out;
}
