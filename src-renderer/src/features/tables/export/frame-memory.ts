// The form frame (表号, 制表机关 … 填表人, 联系电话) is the same for every export of an office's form,
// so what was typed last time is offered again. Kept in this browser profile; a stored value that no
// longer fits the contract is dropped rather than sent.
import { formFrameSchema, type FormFrame } from '../../../../../src-main/shared/tables.ts';

const KEY = 'parkbrief.formFrame';

export const FRAME_FIELDS = ['title', 'tableNo', 'authority', 'approvedBy', 'docNo', 'validUntil', 'unitHead', 'statHead', 'preparer', 'phone', 'reportDate'] as const;
export type FrameField = (typeof FRAME_FIELDS)[number];

export function loadFrame(): FormFrame {
  try {
    const r = formFrameSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
    return r.success ? r.data : {};
  } catch {
    return {};
  }
}

/** Only the fields that say something: blank ones are not printed and not remembered. */
export function cleanFrame(frame: FormFrame): FormFrame {
  const out: FormFrame = {};
  for (const f of FRAME_FIELDS) {
    const v = frame[f]?.trim();
    if (v) out[f] = v;
  }
  return out;
}

export function saveFrame(frame: FormFrame): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(cleanFrame(frame)));
  } catch {
    // storage refused: the frame is simply typed again next time
  }
}
