// The backups folder and its list, read on mount and again after anything that adds to it.
import { useCallback, useEffect, useState } from 'react';
import type { BackupList } from '../../../../src-main/shared/backups.ts';
import { call } from '../../bridge/index.ts';

export function useBackupList() {
  const [list, setList] = useState<BackupList | null>(null);
  const [error, setError] = useState<unknown>(null);

  const show = useCallback((l: BackupList) => {
    setList(l);
    setError(null);
  }, []);

  const reload = useCallback(() => call('backups.list', {}).then(show, setError), [show]);

  useEffect(() => {
    let live = true;
    call('backups.list', {}).then(
      (l) => live && show(l),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [show]);

  return { list, error, reload };
}
