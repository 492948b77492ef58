// The form frame (表号, 制表机关 … 填表人, 联系电话) is the same for every export of an office's form,
// so it is kept in the store's settings: offered again next time, and used by the CLI's form export
// as well.
import type { FormFrame } from '../../../../../src-main/shared/tables.ts';
import { call } from '../../../bridge/index.ts';

export const FRAME_FIELDS = ['title', 'tableNo', 'authority', 'approvedBy', 'docNo', 'validUntil', 'unitHead', 'statHead', 'preparer', 'phone', 'reportDate'] as const;

/** Only the fields that say something: blank ones are not printed and not stored. */
export function cleanFrame(frame: FormFrame): FormFrame {
  const out: FormFrame = {};
  for (const f of FRAME_FIELDS) {
    const v = frame[f]?.trim();
    if (v) out[f] = v;
  }
  return out;
}

export async function loadFrame(): Promise<FormFrame> {
  return (await call('settings.get', {})).formFrame;
}

/** Stores the frame when it differs from the stored one (each write is a logged settings change). */
export async function rememberFrame(frame: FormFrame, stored: FormFrame): Promise<void> {
  const next = cleanFrame(frame);
  if (JSON.stringify(next) === JSON.stringify(cleanFrame(stored))) return;
  await call('settings.update', { formFrame: next });
}
