// The bulletin's issue line as printed under the masthead, for the Word export and the preview alike.

/** "3" → 第3期; a number written out already ("第3期", "总第12期") is kept as written. */
export function issueNumber(number: string): string {
  const s = number.trim();
  return /^\d+$/.test(s) ? `第${s}期` : s;
}

/** "56" → 总第56期, written out already kept; blank → nothing. */
export function totalIssueNumber(total: string | undefined): string {
  const s = (total ?? '').trim();
  if (s === '') return '';
  return /^\d+$/.test(s) ? `总第${s}期` : s;
}

/** 第8期（总第56期）, or 第8期 alone. */
export function issueLine(number: string, total?: string): string {
  const t = totalIssueNumber(total);
  return t ? `${issueNumber(number)}（${t}）` : issueNumber(number);
}

/** What a bulletin marked for internal circulation prints above its masthead (GB/T 9704's place for 密级: top left, 3号黑体). */
export const INTERNAL_MARK = '内部资料';
