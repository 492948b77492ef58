import { describe, expect, it } from 'vitest';
import { backupTime, backupTitle, byteSize, reasonLabel, unrestorableReason } from './format.ts';
import { reasonKey, recoveryCase } from './recovery-text.ts';

describe('backup wording', () => {
  it('writes the local time to the second, and the kind in the reader’s language', () => {
    const at = new Date(2024, 4, 1, 9, 5, 7, 123).toISOString();
    expect(backupTime(at)).toBe('2024-05-01 09:05:07');
    expect(backupTitle({ reason: 'before-restore', createdAt: at }, 'zh-CN')).toBe('恢复前的原库 2024-05-01 09:05:07');
    expect(reasonLabel({ reason: 'replaced' }, 'zh-CN')).toBe('被移开的原库');
    expect(reasonLabel({ reason: 'manual' }, 'en')).toBe('manual');
  });

  it('gives sizes in binary units with one decimal', () => {
    expect(byteSize(0)).toBe('0 B');
    expect(byteSize(1023)).toBe('1023 B');
    expect(byteSize(1024)).toBe('1.0 KB');
    expect(byteSize(1536 * 1024)).toBe('1.5 MB');
    expect(byteSize(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('tells why a backup cannot be restored from what the core could read of it', () => {
    const read = { parks: 2, figures: 62 };
    expect(unrestorableReason({ restorable: true, schemaVersion: 3, ...read })).toBeNull();
    expect(unrestorableReason({ restorable: false, schemaVersion: null, parks: null, figures: null })).toBe('unreadable');
    // A damaged store set aside: its version and parks read, its figures did not.
    expect(unrestorableReason({ restorable: false, schemaVersion: 3, parks: 2, figures: null })).toBe('unreadable');
    expect(unrestorableReason({ restorable: false, schemaVersion: 0, ...read })).toBe('foreign');
    expect(unrestorableReason({ restorable: false, schemaVersion: 99, ...read })).toBe('newer');
  });
});

describe('recovery reason', () => {
  const failed = (code: string, params: Record<string, string | number>) => ({
    state: 'failed' as const,
    storePath: '/s/store.sqlite',
    backupsFolder: '/s/backups',
    canSalvage: false,
    error: { code, message: 'core message', params },
  });

  it('words each recoverable code from its params, without the CLI hints of the core message', () => {
    expect(recoveryCase(failed('STORE_DAMAGED', {}))).toBe('damaged');
    expect(reasonKey(failed('STORE_DAMAGED', { path: '/s/store.sqlite', detail: 'Tree 3 page 3: btreeInitPage() returns error code 11' }))).toEqual({
      key: 'recovery.reason.damaged',
      params: { detail: 'Tree 3 page 3: btreeInitPage() returns error code 11' },
    });
    expect(reasonKey(failed('STORE_TOO_NEW', { path: '/s/store.sqlite', found: 9, supported: 3 }))).toEqual({ key: 'recovery.reason.tooNew', params: { found: 9, supported: 3 } });
  });

  it('falls back to the core message for codes it has no wording for', () => {
    expect(recoveryCase(failed('STORE_NOT_OPEN', { detail: 'x' }))).toBe('other');
    expect(reasonKey(failed('STORE_NOT_OPEN', { detail: 'x' }))).toBeNull();
  });
});
