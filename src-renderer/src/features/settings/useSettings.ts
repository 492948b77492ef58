// The store's settings (rounding, fonts), read again whenever `version` changes (after the
// settings dialog saved).
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../src-main/shared/settings.ts';
import { call } from '../../bridge/index.ts';

export function useSettings(version: number): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    call('settings.get', {}).then(
      (s) => live && setSettings(s),
      () => undefined, // the preview falls back to its own fonts
    );
    return () => {
      live = false;
    };
  }, [version]);
  return settings;
}
