// A semicolon-separated CSV is what Excel writes where the comma is the decimal separator (de, fr,
// ru …): there `84,220` is 84.22 and `1.234,5` is 1234.5, while a Chinese or English file means
// 84220 by `84,220`. The numbers of such a file are read in its locale; a number that could mean
// two figures (`1.234` — a thousand and more, or one and a bit; `1,234,567`) is refused, naming the
// cell, rather than guessed.

export type LocaleNumber = { ok: true; text: string } | { ok: false; number: string };

/** Runs of digits with the separators between them. */
const NUMBER_RUN = /\d[\d.,]*\d|\d/g;

function readRun(run: string): string | null {
  if (!/[.,]/.test(run)) return run;
  if (/^\d+,\d+$/.test(run)) return run.replace(',', '.');
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(run)) return run.replace(/\./g, '').replace(',', '.');
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(run)) return run.replace(/\./g, '');
  // A point is the decimal point in the other locales too, unless three digits follow it.
  if (/^\d+\.\d+$/.test(run) && !/^\d{1,3}\.\d{3}$/.test(run)) return run;
  return null;
}

/** The cell's text with its numbers rewritten in decimal-point notation, or the number that is ambiguous. */
export function decimalCommaText(text: string): LocaleNumber {
  let bad: string | null = null;
  const out = text.replace(NUMBER_RUN, (run) => {
    const read = readRun(run);
    if (read === null) bad ??= run;
    return read ?? run;
  });
  return bad === null ? { ok: true, text: out } : { ok: false, number: bad };
}
