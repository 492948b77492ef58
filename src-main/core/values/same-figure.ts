// The one rule for "the same figure": whether writing a figure over the stored one changes it. The
// grid's edits, the import preview, the article review and the article's apply all ask it, and each
// used to answer with its own comparison (one compared numbers by value, so an article's 80.0 over a
// stored 80 was "unchanged" in the review and then written as an update).
//
// Fields are compared as the store keeps them, the text as reported: 80.0 and 80 are different
// figures to a copy editor (one says a decimal was measured). A spreadsheet's number cell is brought
// to the stored text before it gets here (imports/cell-text.ts `sameHeld`).

/** A figure's fields a writer can set. */
export const FIGURE_FIELDS = ['value', 'unit', 'qualifier', 'growth', 'baseline', 'source', 'status'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** What the figure says, without who entered it or its note and status. */
export const FIGURE_CONTENT: readonly FigureField[] = ['value', 'unit', 'qualifier', 'growth', 'baseline'];

export type FigureFieldValues = { [F in FigureField]?: string | null };

export function sameFigure(a: FigureFieldValues, b: FigureFieldValues, fields: readonly FigureField[] = FIGURE_FIELDS): boolean {
  return fields.every((f) => (a[f] ?? null) === (b[f] ?? null));
}

/** Whether a write is new, changes the stored figure, or leaves it as it is. */
export function figureStatus(before: FigureFieldValues | null, after: FigureFieldValues, fields: readonly FigureField[] = FIGURE_FIELDS): 'new' | 'changed' | 'unchanged' {
  if (!before) return 'new';
  return sameFigure(before, after, fields) ? 'unchanged' : 'changed';
}
