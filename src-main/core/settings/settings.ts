import { DEFAULT_SETTINGS, FONT_ROLES, ROUNDING_MODES, type Settings, type SettingsPatch } from '../../shared/settings.ts';
import { formFrameSchema } from '../../shared/tables.ts';
import type { CoreContext } from '../context.ts';
import { writeBatch } from '../history/change-log.ts';
import type { Db } from '../store/open.ts';
import { historyLabel } from '../../shared/history-labels.ts';

// One row per setting, so that two offices changing different settings merge without conflict.
const KEYS = { rounding: 'format.rounding', fonts: 'docx.fonts', formFrame: 'xlsx.formFrame' } as const;

export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const rounding = stored.get(KEYS.rounding);
  const fonts = (stored.get(KEYS.fonts) ?? {}) as Partial<Settings['fonts']>;
  return {
    // A value this version doesn't know (from a newer store) falls back rather than failing exports.
    rounding: (ROUNDING_MODES as readonly unknown[]).includes(rounding) ? (rounding as Settings['rounding']) : DEFAULT_SETTINGS.rounding,
    fonts: Object.fromEntries(FONT_ROLES.map((r) => [r, fonts[r] ?? DEFAULT_SETTINGS.fonts[r]])) as Settings['fonts'],
    formFrame: formFrameSchema.safeParse(stored.get(KEYS.formFrame)).data ?? DEFAULT_SETTINGS.formFrame,
  };
}

export function updateSettings(ctx: CoreContext, patch: SettingsPatch): Settings {
  const next = readSettings(ctx.db);
  if (patch.rounding) next.rounding = patch.rounding;
  for (const r of FONT_ROLES) {
    const f = patch.fonts?.[r];
    if (f) next.fonts[r] = f;
  }
  if (patch.formFrame) next.formFrame = patch.formFrame;
  writeBatch(ctx, historyLabel('settings'), (log) => {
    const put = (key: string, value: unknown) => {
      const before = ctx.db.prepare('SELECT key, value FROM settings WHERE key = ?').get(key) ?? null;
      const after = { key, value: JSON.stringify(value) };
      ctx.db.prepare('INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(after);
      log.record('setting', key, before as Record<string, unknown> | null, after);
    };
    if (patch.rounding) put(KEYS.rounding, next.rounding);
    if (patch.fonts) put(KEYS.fonts, next.fonts);
    if (patch.formFrame) put(KEYS.formFrame, next.formFrame);
  }, { undoState: 'none' }); // a setting is not an edit of the figures Ctrl+Z would take back
  return next;
}
