// Settings of the whole store: how figures are rounded and which fonts the Word exports name.

import { z } from 'zod';
import { formFrameSchema, type FormFrame } from './tables.ts';

export const ROUNDING_MODES = ['half-up', 'half-even'] as const;

/**
 * Font roles of the two templates (DOMAIN.md, GB/T 9704): 小标宋 titles, 仿宋 body, 黑体 and 楷体
 * headings, 宋体 page numbers and magazine body, a Latin face for digits. Offices without the GB
 * fonts (仿宋_GB2312, 方正小标宋简体) set a fallback, which the .docx names as the font's altName
 * so Word and WPS substitute it instead of a font of their own choosing.
 */
export const FONT_ROLES = ['xiaobiaosong', 'fangsong', 'kaiti', 'heiti', 'songti', 'latin'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

const fontName = z.string().trim().min(1).max(64);
export const fontChoiceSchema = z.object({ primary: fontName, fallback: fontName }).strict();
export type FontChoice = z.infer<typeof fontChoiceSchema>;
export type FontMap = Record<FontRole, FontChoice>;

export interface Settings {
  rounding: (typeof ROUNDING_MODES)[number];
  fonts: FontMap;
  /** The statistical form's frame (表号, 制表机关 …) used when an export does not bring its own. */
  formFrame: FormFrame;
}

export const DEFAULT_FONTS: FontMap = {
  xiaobiaosong: { primary: '方正小标宋简体', fallback: '宋体' },
  fangsong: { primary: '仿宋_GB2312', fallback: '仿宋' },
  kaiti: { primary: '楷体_GB2312', fallback: '楷体' },
  heiti: { primary: '黑体', fallback: 'SimHei' },
  songti: { primary: '宋体', fallback: 'SimSun' },
  latin: { primary: 'Times New Roman', fallback: 'Liberation Serif' },
};

export const DEFAULT_SETTINGS: Settings = { rounding: 'half-up', fonts: DEFAULT_FONTS, formFrame: {} };

export const settingsPatchSchema = z
  .object({
    rounding: z.enum(ROUNDING_MODES).optional(),
    fonts: z.object(Object.fromEntries(FONT_ROLES.map((r) => [r, fontChoiceSchema.optional()])) as Record<FontRole, z.ZodOptional<typeof fontChoiceSchema>>).strict().optional(),
    formFrame: formFrameSchema.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
