// 打开文件 after an export (Electron: the system's program for it). Browser mode has no path to open.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';

export function useOpenFile(): { open(path: string): Promise<void>; openError: string | null } {
  const { t } = useTranslation();
  const locale = useLocale();
  const [openError, setOpenError] = useState<string | null>(null);
  const open = async (path: string) => {
    try {
      const r = await call('files.open', { path });
      setOpenError(r.opened ? null : t('exportDone.openFailed'));
    } catch (e) {
      setOpenError(errorText(e, locale));
    }
  };
  return { open, openError };
}
