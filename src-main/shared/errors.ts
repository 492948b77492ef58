// Error codes and their wording in both UI languages. Core code throws AppError(code, params); the
// message is rendered in Chinese by default (the CLI, the envelope), and the renderer re-renders it
// from code + params in the language the user chose.

import { parsePeriodKey, periodLabel } from './period-key.ts';

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
  DOCUMENT_NOT_FOUND: { zh: '{park} {period}还没有文稿', en: '{park} has no document for {period}' },
  DOCUMENT_EXISTS: { zh: '{park} {period}已有文稿，未覆盖', en: '{park} already has a document for {period}; not overwritten' },
  DOCUMENT_NO_PREVIOUS: { zh: '{park}在{period}之前没有可复制的文稿', en: '{park} has no earlier document to copy before {period}' },
  DOCUMENT_UNRESOLVED: {
    zh: '文稿中有 {count} 处数据占位符无法填写，未导出：{first}',
    en: '{count} placeholders in the document cannot be filled; nothing exported: {first}',
  },
  /** One unresolved placeholder in a refused export; worded by formatDetail from its params. */
  PLACEHOLDER_PROBLEM: { zh: '{source}', en: '{source}' },
  TEMPLATE_UNKNOWN: { zh: '未知的版式「{template}」，可用：magazine（园区风采）、bulletin（工作简报）', en: 'Unknown template "{template}"; use magazine or bulletin' },
  PHOTO_INVALID: { zh: '图片无法识别：只接受 PNG 或 JPEG 格式（{detail}）', en: 'Unreadable image: only PNG or JPEG ({detail})' },
  PHOTO_NOT_FOUND: { zh: '文稿引用的图片已不在数据库中（{photo}）', en: 'The document refers to a photo no longer in the store ({photo})' },
  FILE_WRITE_FAILED: { zh: '无法写入文件「{path}」：{detail}', en: 'Cannot write "{path}": {detail}' },
  USAGE: { zh: '{detail}', en: '{detail}' },
  INTERNAL: { zh: '内部错误：{detail}', en: 'Internal error: {detail}' },
} as const;

export type ErrorCode = keyof typeof MESSAGES;

/** What a placeholder problem says, in both languages ({source} is the placeholder as written). */
export const PROBLEM_MESSAGES = {
  SYNTAX: { zh: '占位符「{source}」缺少右括号或为空', en: 'Placeholder "{source}" is not closed or is empty' },
  UNKNOWN_INDICATOR: { zh: '指标库中没有「{indicator}」', en: 'The catalogue has no indicator "{indicator}"' },
  UNKNOWN_PERIOD: { zh: '「{period}」不是可识别的期别（如 2017、2018年1—4月、上年）', en: '"{period}" is not a period (e.g. 2017, 2018M1-4, 上年)' },
  UNKNOWN_OPTION: { zh: '「{option}」不是可用的选项（同比、增速、原值、目标、数值或计量单位）', en: '"{option}" is not an option (同比, 增速, 原值, 目标, 数值 or a unit)' },
  NO_VALUE: { zh: '{indicator}没有{period}{kind}数值', en: '{indicator} has no {kind} figure for {period}' },
  NO_GROWTH: { zh: '{indicator}{period}既没有填报同比增长，也无法从上年同期值算出', en: '{indicator} has no reported growth for {period} and none can be computed from the year before' },
  NO_BASELINE: { zh: '{indicator}{period}没有“改革前”数值', en: '{indicator} has no before-figure for {period}' },
  UNIT_MISMATCH: { zh: '{indicator}的单位「{from}」不能换算为「{unit}」', en: '{indicator} in {from} cannot be converted to {unit}' },
  CONFLICTING_OPTIONS: { zh: '选项「{a}」和「{b}」不能同时使用', en: 'Options "{a}" and "{b}" cannot be used together' },
  BAD_VALUE: { zh: '{indicator}{period}的存储值无法排版：{detail}', en: 'The stored figure of {indicator} for {period} cannot be written: {detail}' },
} as const;

/** Where a problem stands, as the user finds it: 标题, 导语第1段, 第2节第3段, 第1张图片说明. */
export function placeLabel(
  place: { field: string; section?: number; paragraph?: number },
  locale: Locale = 'zh-CN',
): string {
  const s = (place.section ?? 0) + 1;
  const p = (place.paragraph ?? 0) + 1;
  if (locale === 'en') {
    const names: Record<string, string> = { title: 'title', subtitle: 'subtitle', byline: 'by-line', lead: `lead, paragraph ${p}`, heading: `section ${s} heading`, paragraph: `section ${s}, paragraph ${p}`, caption: `caption of photo ${s}` };
    return names[place.field] ?? place.field;
  }
  const names: Record<string, string> = { title: '标题', subtitle: '副标题', byline: '署名', lead: `导语第${p}段`, heading: `第${s}节标题`, paragraph: `第${s}节第${p}段`, caption: `第${s}张图片说明` };
  return names[place.field] ?? place.field;
}

export function formatProblem(
  problem: { code: keyof typeof PROBLEM_MESSAGES; source: string; params: Record<string, string>; place: { field: string; section?: number; paragraph?: number } },
  locale: Locale = 'zh-CN',
): string {
  const t = PROBLEM_MESSAGES[problem.code];
  const params: Record<string, string> = { source: problem.source, ...problem.params };
  // Kind and period travel as codes and keys so that each language can word them.
  if (params.kind !== undefined) params.kind = params.kind === 'target' ? (locale === 'en' ? 'target' : '目标') : locale === 'en' ? 'actual' : '';
  const period = params.period === undefined ? null : parsePeriodKey(params.period);
  if (period && problem.code !== 'UNKNOWN_PERIOD') params.period = periodLabel(period, locale);
  const body = (locale === 'en' ? t.en : t.zh).replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  return `${placeLabel(problem.place, locale)}${locale === 'en' ? ': ' : '：'}${problem.source} — ${body}`;
}
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

/** A detail line in the user's language; placeholder problems carry their place in params. */
export function formatDetail(d: { code: string; params: ErrorParams }, locale: Locale = 'zh-CN'): string {
  if (d.code === 'PLACEHOLDER_PROBLEM' && typeof d.params.problem === 'string' && d.params.problem in PROBLEM_MESSAGES) {
    const { problem, source, field, section, paragraph, park, ...rest } = d.params;
    const place = { field: String(field), ...(section === undefined ? {} : { section: Number(section) }), ...(paragraph === undefined ? {} : { paragraph: Number(paragraph) }) };
    const text = formatProblem(
      { code: problem as keyof typeof PROBLEM_MESSAGES, source: String(source), place, params: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])) },
      locale,
    );
    return park === undefined ? text : `${park} ${text}`;
  }
  return formatMessage(d.code as ErrorCode, d.params, locale);
}
