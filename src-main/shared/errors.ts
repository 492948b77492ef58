// Error codes and their wording in both UI languages. Core code throws AppError(code, params); the
// message is rendered in Chinese by default (the CLI, the envelope), and the renderer re-renders it
// from code + params in the language the user chose.

export const MESSAGES = {
  UNKNOWN_METHOD: { zh: '未知的操作「{method}」', en: 'Unknown operation "{method}"' },
  INVALID_INPUT: { zh: '请求参数不符合要求：{detail}', en: 'Invalid request: {detail}' },
  PARK_NOT_FOUND: { zh: '找不到园区「{park}」', en: 'No park named "{park}"' },
  PERIOD_INVALID: {
    zh: '「{period}」不是有效的期别，应写作 2022（年度）、2022Q3（季度）或 2018M1-4（1—4月累计）',
    en: '"{period}" is not a period; write 2022 (year), 2022Q3 (quarter) or 2018M1-4 (Jan–Apr cumulative)',
  },
  PERIOD_NOT_FOUND: { zh: '找不到期别「{period}」', en: 'No period "{period}"' },
  INDICATOR_NOT_FOUND: { zh: '指标库中没有「{indicator}」', en: 'The catalogue has no indicator "{indicator}"' },
  CATEGORY_NOT_FOUND: { zh: '指标库中没有分类「{category}」', en: 'The catalogue has no category "{category}"' },
  NOT_A_NUMBER: { zh: '{field}「{text}」不是数字', en: '{field} "{text}" is not a number' },
  OUT_OF_RANGE: { zh: '{field}「{text}」超出可接受的范围', en: '{field} "{text}" is out of range' },
  NEGATIVE_NOT_ALLOWED: { zh: '{indicator}不能为负数', en: '{indicator} cannot be negative' },
  INTEGER_REQUIRED: { zh: '{indicator}应为整数', en: '{indicator} must be a whole number' },
  UNIT_UNKNOWN: { zh: '未知的计量单位「{unit}」', en: 'Unknown unit "{unit}"' },
  UNIT_MISMATCH: {
    zh: '计量单位「{unit}」不适用于{indicator}，可用：{allowed}',
    en: 'Unit "{unit}" does not fit {indicator}; use one of: {allowed}',
  },
  QUALIFIER_UNKNOWN: { zh: '「{text}」不是可用的限定词，可用：{allowed}', en: '"{text}" is not a qualifier; use one of: {allowed}' },
  VALUE_FIRST: {
    zh: '{indicator}还没有本期值或同比增长，请先填写数值再设{field}',
    en: '{indicator} has no value or growth yet; enter the figure before its {field}',
  },
  TEXT_TOO_LONG: { zh: '{field}不能超过 {max} 个字', en: '{field} must be at most {max} characters' },
  NAME_REQUIRED: { zh: '{field}不能为空', en: '{field} is required' },
  DUPLICATE_NAME: { zh: '已有同名的{what}「{name}」', en: 'A {what} named "{name}" already exists' },
  VALIDATION: { zh: '有 {count} 处输入无效，未保存：{first}', en: '{count} invalid entries, nothing saved: {first}' },
  NOTHING_TO_UNDO: { zh: '没有可撤销的操作', en: 'Nothing to undo' },
  NOTHING_TO_REDO: { zh: '没有可重做的操作', en: 'Nothing to redo' },
  STORE_BUSY: {
    zh: '数据库正被其他程序占用（{detail}），请稍后重试',
    en: 'The store is in use by another program ({detail}); try again shortly',
  },
  STORE_TOO_NEW: {
    zh: '数据库「{path}」的版本（{found}）高于本程序支持的版本（{supported}），请升级 ParkBrief',
    en: 'The store "{path}" has schema version {found}, newer than this ParkBrief supports ({supported}); please upgrade',
  },
  STORE_UNREADABLE: { zh: '无法打开数据库「{path}」：{detail}', en: 'Cannot open the store "{path}": {detail}' },
  FORBIDDEN: { zh: '拒绝访问：{detail}', en: 'Forbidden: {detail}' },
  TOO_LARGE: { zh: '请求过大（超过 {max}）', en: 'Request too large (over {max})' },
  USAGE: { zh: '{detail}', en: '{detail}' },
  INTERNAL: { zh: '内部错误：{detail}', en: 'Internal error: {detail}' },
} as const;

export type ErrorCode = keyof typeof MESSAGES;
export type Locale = 'zh-CN' | 'en';

/** Field names as the user sees them in a message. */
export const FIELD_LABELS = {
  value: { zh: '本期值', en: 'Value' },
  unit: { zh: '计量单位', en: 'Unit' },
  qualifier: { zh: '限定词', en: 'Qualifier' },
  growth: { zh: '同比增长', en: 'YoY growth' },
  baseline: { zh: '改革前', en: 'Before' },
  source: { zh: '来源备注', en: 'Source note' },
  status: { zh: '状态', en: 'Status' },
  name: { zh: '名称', en: 'Name' },
  park: { zh: '园区', en: 'park' },
  period: { zh: '期别', en: 'period' },
  indicator: { zh: '指标', en: 'indicator' },
  category: { zh: '分类', en: 'category' },
} as const;

export type FieldName = keyof typeof FIELD_LABELS;

export function fieldLabel(f: string, locale: Locale): string {
  const l = (FIELD_LABELS as Record<string, { zh: string; en: string }>)[f];
  return l ? (locale === 'en' ? l.en : l.zh) : f;
}

export type ErrorParams = Record<string, string | number>;

export function formatMessage(code: ErrorCode, params: ErrorParams = {}, locale: Locale = 'zh-CN'): string {
  const t = MESSAGES[code] ?? MESSAGES.INTERNAL;
  const template = locale === 'en' ? t.en : t.zh;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return '';
    // Field names travel as keys so each language can name them its own way.
    return k === 'field' || k === 'what' ? fieldLabel(String(v), locale) : String(v);
  });
}

/** One refused cell or field, named the way the user would find it. */
export interface ErrorDetail {
  index?: number;
  indicator?: string;
  field?: string;
  code: ErrorCode;
  params: ErrorParams;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly details: ErrorDetail[] | undefined;
  constructor(code: ErrorCode, params: ErrorParams = {}, details?: ErrorDetail[]) {
    super(formatMessage(code, params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
