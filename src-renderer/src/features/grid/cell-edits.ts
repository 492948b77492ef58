// What one committed cell sends to values.edit. Pure, so each rule is tested without a browser.
//
// - The value cell holds the figure as written (150余, 突破2000): what is typed there replaces the
//   whole wording, so the qualifier is sent with it — '' when the text carries none (the core reads
//   150余 as 150 with 余, and an empty qualifier beside it means "none" unless the text says one).
// - A field typed on a row that has no figure yet (限定词 before 本期, a unit, a note, 已核实) is no
//   figure on its own and the store has nowhere to keep it; it is held as a draft of the row and sent
//   with the row's first value or growth, in the same undo step. Nothing is refused for the order
//   in which a user fills a row.

import type { CellEdit } from '../../../../src-main/shared/contract.ts';
import type { EditableField, GridRow } from '../../../../src-main/shared/model.ts';

export type RowDraft = Partial<Record<EditableField, string>>;

/** Fields whose text makes a figure by itself; any other needs one of these first. */
const FIGURE_FIELDS: ReadonlySet<EditableField> = new Set(['value', 'growth']);

export type CellCommit = { draft: RowDraft } | { edits: CellEdit[] };

/**
 * A cell's text as the edits to send, or as the row's new draft when the row has no figure yet and
 * the text cannot start one.
 */
export function commitFor(row: GridRow, field: EditableField, text: string, draft: RowDraft | undefined): CellCommit {
  const id = row.indicator.id;
  if (!row.current && !FIGURE_FIELDS.has(field)) {
    const next = { ...draft };
    if (text.trim() === '') delete next[field];
    else next[field] = text;
    return { draft: next };
  }
  const edits: CellEdit[] = [{ indicatorId: id, field, text }];
  const ownsQualifier = field === 'value' || (field === 'growth' && (row.current?.value ?? null) === null);
  if (ownsQualifier) edits.push({ indicatorId: id, field: 'qualifier', text: '' });
  return { edits: withDraft(edits, draft) };
}

/**
 * The row's draft merged into edits that make its figure: a drafted field replaces the qualifier
 * '' sent beside a value (the user set it apart on purpose) and is added otherwise.
 */
export function withDraft(edits: CellEdit[], draft: RowDraft | undefined): CellEdit[] {
  if (!draft || !edits.some((e) => FIGURE_FIELDS.has(e.field) && e.text.trim() !== '')) return edits;
  const id = edits[0]!.indicatorId;
  const out = edits.filter((e) => draft[e.field] === undefined || FIGURE_FIELDS.has(e.field));
  for (const [field, text] of Object.entries(draft) as [EditableField, string][]) {
    if (!FIGURE_FIELDS.has(field)) out.push({ indicatorId: id, field, text });
  }
  return out;
}
