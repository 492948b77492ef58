// What a file's rows and columns name — indicators, parks, periods — found in the store once per
// import. Ids first (a file exported from this store), then codes and names (a file from another
// store, or typed by a person): names through the catalogue's one matcher, aliases included.

import { canonicalPeriodKey } from '../repos/periods.ts';
import { listStoredIndicators, type StoredIndicator } from '../catalog/catalog.ts';
import { IndicatorMatcher } from '../catalog/match-indicator.ts';
import { toPark, toPeriod, type ParkRow, type PeriodRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';
import { AppError } from '../../shared/errors.ts';
import type { Park, Period } from '../../shared/model.ts';

export type StoredPark = Park & { pk: number };
export type StoredPeriod = Period & { pk: number };

export class Lookup {
  readonly db: Db;
  private readonly byId = new Map<string, StoredIndicator>();
  private readonly byCode = new Map<string, StoredIndicator>();
  private readonly matcher: IndicatorMatcher;
  private readonly parksById = new Map<string, StoredPark>();
  private readonly parksByName = new Map<string, StoredPark>();
  private readonly periodsById = new Map<string, StoredPeriod>();
  private readonly periodsByKey = new Map<string, StoredPeriod>();

  constructor(db: Db) {
    this.db = db;
    for (const ind of listStoredIndicators(db)) {
      this.byId.set(ind.id, ind);
      this.byCode.set(ind.code.toUpperCase(), ind);
    }
    this.matcher = new IndicatorMatcher(db);
    for (const r of db.prepare('SELECT * FROM parks').all() as ParkRow[]) {
      const p = { ...toPark(r), pk: r.pk };
      this.parksById.set(p.id, p);
      this.parksByName.set(p.name, p);
      if (p.shortName && !this.parksByName.has(p.shortName)) this.parksByName.set(p.shortName, p);
    }
    for (const r of db.prepare('SELECT * FROM periods').all() as PeriodRow[]) {
      const p = { ...toPeriod(r), pk: r.pk };
      this.periodsById.set(p.id, p);
      this.periodsByKey.set(p.key, p);
    }
  }

  indicatorById(id: string): StoredIndicator | undefined {
    return this.byId.get(id.trim());
  }

  indicatorByCode(code: string): StoredIndicator | undefined {
    return this.byCode.get(code.normalize('NFKC').trim().toUpperCase());
  }

  /** By name, alias or their normalised forms (core/catalog/match-indicator.ts); a code is not a name here. */
  indicatorByName(name: string): StoredIndicator | undefined {
    const m = this.matcher.match(name);
    return m && m.by !== 'code' ? this.byId.get(m.indicator.id) : undefined;
  }

  /**
   * A row's indicator by its code, else its name. A code and a name that name two indicators (codes
   * of custom indicators differ between stores) are a conflict, not a reason to trust the code.
   */
  indicatorByCodeOrName(code: string, name: string): StoredIndicator | { conflict: StoredIndicator } | undefined {
    const byCode = code ? this.indicatorByCode(code) : undefined;
    const byName = name ? this.indicatorByName(name) : undefined;
    if (byCode && byName && byCode !== byName) return { conflict: byCode };
    return byCode ?? byName;
  }

  park(id: string | undefined, name: string | undefined): { park: StoredPark; byId: boolean } | null {
    const p = id ? this.parksById.get(id) : undefined;
    if (p) return { park: p, byId: true };
    const q = name ? this.parksByName.get(name.trim()) : undefined;
    return q ? { park: q, byId: false } : null;
  }

  parkById(id: string): StoredPark {
    const p = this.parksById.get(id);
    if (!p) throw new AppError('PARK_NOT_FOUND', { park: id });
    return p;
  }

  period(id: string | undefined, key: string | undefined): { period: StoredPeriod; byId: boolean } | null {
    const p = id ? this.periodsById.get(id) : undefined;
    if (p) return { period: p, byId: true };
    if (!key) return null;
    let canonical: string;
    try {
      canonical = canonicalPeriodKey(key);
    } catch {
      return null;
    }
    const q = this.periodsByKey.get(canonical);
    return q ? { period: q, byId: false } : null;
  }

  periodById(id: string): StoredPeriod {
    const p = this.periodsById.get(id);
    if (!p) throw new AppError('PERIOD_NOT_FOUND', { period: id });
    return p;
  }
}
