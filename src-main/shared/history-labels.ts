// The names of undo steps. The change log keeps one label per batch, in Chinese, because it is also
// the audit trail that travels with the store (and stores written before this file have only that
// text). The UI shows it in the user's language by reading the Chinese label back against the same
// templates: one table writes a label and translates it, so the two cannot drift apart.

import type { Locale } from './errors.ts';

interface Template {
  zh: string;
  en: string;
}

/** `{name}` is a place for text; `{n}` a count. Undo and redo wrap another label (`{label}`). */
export const HISTORY_LABELS = {
  edit: { zh: '编辑「{name}」', en: 'Edit “{name}”' },
  paste: { zh: '粘贴 {n} 个单元格', en: 'Paste {n} cells' },
  cut: { zh: '剪切 {n} 个单元格', en: 'Cut {n} cells' },
  clear: { zh: '清除 {n} 个单元格', en: 'Clear {n} cells' },
  importFile: { zh: '导入「{name}」', en: 'Import “{name}”' },
  addPark: { zh: '新增园区「{name}」', en: 'Add park “{name}”' },
  renamePark: { zh: '修改园区「{name}」', en: 'Edit park “{name}”' },
  deletePark: { zh: '删除园区「{name}」', en: 'Delete park “{name}”' },
  addPeriod: { zh: '新增期别「{name}」', en: 'Add period “{name}”' },
  renamePeriod: { zh: '修改期别「{name}」', en: 'Change period “{name}”' },
  deletePeriod: { zh: '删除期别「{name}」', en: 'Delete period “{name}”' },
  addIndicator: { zh: '新增指标「{name}」', en: 'Add indicator “{name}”' },
  editIndicator: { zh: '修改指标「{name}」', en: 'Edit indicator “{name}”' },
  mergeIndicator: { zh: '合并指标「{name}」', en: 'Merge indicator “{name}”' },
  retireIndicator: { zh: '停用指标「{name}」', en: 'Retire indicator “{name}”' },
  restoreIndicator: { zh: '恢复指标「{name}」', en: 'Restore indicator “{name}”' },
  reorderIndicators: { zh: '调整指标顺序', en: 'Reorder indicators' },
  addCategory: { zh: '新增分类「{name}」', en: 'Add category “{name}”' },
  addUnit: { zh: '新增计量单位「{name}」', en: 'Add unit “{name}”' },
  addQualifier: { zh: '新增限定词「{name}」', en: 'Add qualifier “{name}”' },
  importCatalog: { zh: '导入指标库「{name}」', en: 'Import catalogue “{name}”' },
  settings: { zh: '修改设置', en: 'Change settings' },
  addPhoto: { zh: '添加图片「{name}」', en: 'Add photo “{name}”' },
  catalogVersion: { zh: '指标库 v{n}', en: 'Catalogue v{n}' },
  undo: { zh: '撤销：{label}', en: 'Undo: {label}' },
  redo: { zh: '重做：{label}', en: 'Redo: {label}' },
} as const satisfies Record<string, Template>;

export type HistoryLabelCode = keyof typeof HISTORY_LABELS;

const fill = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** The label a batch is stored with (Chinese). */
export function historyLabel(code: HistoryLabelCode, params: Record<string, string | number> = {}): string {
  return fill(HISTORY_LABELS[code].zh, params);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each template as a pattern over a stored label, with the names of its places. */
const PATTERNS = Object.values(HISTORY_LABELS).map((t: Template) => {
  const names: string[] = [];
  const source = t.zh
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return escape(part);
      names.push(m[1]!);
      return m[1] === 'n' ? '(\\d+)' : '(.+)';
    })
    .join('');
  return { template: t, names, re: new RegExp(`^${source}$`, 's') };
});

/**
 * A stored label in the user's language. Undo and redo labels wrap the step they replay, which is
 * translated in turn; a label no template knows (a store from another build) is shown as stored.
 */
export function localizeHistoryLabel(label: string, locale: Locale): string {
  if (locale === 'zh-CN') return label;
  for (const p of PATTERNS) {
    const m = p.re.exec(label);
    if (!m) continue;
    const params: Record<string, string> = {};
    p.names.forEach((name, i) => {
      const v = m[i + 1]!;
      params[name] = name === 'label' ? localizeHistoryLabel(v, locale) : v;
    });
    return fill(p.template.en, params);
  }
  return label;
}
