// Text from files — cell text, sheet names, file names — reaches the terminal inside our lines, and a
// terminal obeys what it receives: an escape sequence can clear the screen or move the cursor, a
// carriage return can overwrite a line with a forged 已导入, a bidi override reorders what is shown.
// runCli passes every line it prints through escapeForTerminal, so no printer can forget it; the
// characters are shown as visible escapes (\x1b, \r, \u202e) so the user still sees they were there.

/** Bidi controls and marks (Unicode TR9): invisible, yet they reorder the text around them. */
const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const NAMED: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

function isUnsafe(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || BIDI.has(code);
}

function visible(code: number): string {
  return NAMED[code] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/**
 * `lines`: a line of our own, which may hold our line breaks and tabs. `one-line`: a value from a
 * file printed as one item, where a line break would let it pose as a line of ours.
 */
export function escapeForTerminal(text: string, mode: 'lines' | 'one-line' = 'lines'): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const kept = mode === 'lines' && (code === 0x0a || code === 0x09);
    out += isUnsafe(code) && !kept ? visible(code) : ch;
  }
  return out;
}
