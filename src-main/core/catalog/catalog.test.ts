import { describe, expect, it } from 'vitest';
import { compatibleUnits, unitDef } from '../../shared/figure/units.ts';
import { catalogueOf, compileRule } from './rules.ts';
import { BUILTIN_CATALOG } from './seed.ts';

// The catalogue is data that people edit; these checks keep an edit from breaking the grid or tables.
describe('the built-in catalogue', () => {
  const { categories, indicators } = BUILTIN_CATALOG;

  it('has unique codes and names, each in a known category, with a known unit', () => {
    expect(new Set(indicators.map((i) => i.code)).size).toBe(indicators.length);
    expect(new Set(indicators.map((i) => i.name)).size).toBe(indicators.length);
    const cats = new Set(categories.map((c) => c.code));
    for (const i of indicators) {
      expect(cats.has(i.category), `${i.name}: category ${i.category}`).toBe(true);
      expect(unitDef(i.unit), `${i.name}: unit ${i.unit}`).toBeDefined();
      expect(compatibleUnits(i.unit).length).toBeGreaterThan(0);
    }
  });

  it('puts a 其中 row right after its parent, in the same category', () => {
    const order = indicators.map((i) => i.code);
    for (const child of indicators.filter((i) => i.parentCode)) {
      const parent = indicators.find((i) => i.code === child.parentCode);
      expect(parent, `${child.name}: parent ${child.parentCode}`).toBeDefined();
      expect(parent!.category, `${child.name} is in another category than its parent`).toBe(child.category);
      const between = indicators.slice(order.indexOf(parent!.code) + 1, order.indexOf(child.code));
      expect(between.every((i) => i.parentCode === parent!.code), `${child.name} does not follow ${parent!.name}`).toBe(true);
    }
  });

  it('gives counts whole numbers and money two decimals', () => {
    for (const i of indicators) {
      if (i.unit === '亿元') expect(i.decimals, i.name).toBe(2);
      if (['户', '家', '个', '人', '名', '次', '件'].includes(i.unit)) expect(i.integerOnly, i.name).toBe(true);
    }
  });

  it('has check rules with unique codes, each of which runs against the built-in indicators', () => {
    const rules = BUILTIN_CATALOG.rules ?? [];
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules.map((r) => r.code)).size).toBe(rules.length);
    const cat = catalogueOf(
      indicators.map((i) => ({
        id: i.code,
        code: i.code,
        name: i.name,
        nameEn: i.nameEn,
        unit: i.unit,
        kind: 'amount' as const,
        nonNegative: true,
        integerOnly: !!i.integerOnly,
        parentCode: i.parentCode ?? null,
      })),
    );
    for (const r of rules) {
      const row = { ...r, kind: r.kind ?? 'compare', tolerance: r.tolerance ?? null, description_en: r.descriptionEn ?? null, sort: 0, enabled: 1, builtin: 1, created_at: '', updated_at: '' };
      const compiled = compileRule(row, cat);
      expect('kind' in compiled ? null : compiled, `${r.code} ${r.expr}`).toBeNull();
      expect(r.description.length, r.code).toBeGreaterThan(0);
      expect(r.descriptionEn?.length, r.code).toBeGreaterThan(0);
    }
  });

  it('gives children() rules a parent that has 其中 rows', () => {
    for (const r of BUILTIN_CATALOG.rules ?? []) {
      for (const m of r.expr.matchAll(/children\((\w+)\)/g)) {
        expect(indicators.some((i) => i.parentCode === m[1]), `${r.code}: ${m[1]} has no children`).toBe(true);
      }
    }
  });
});
