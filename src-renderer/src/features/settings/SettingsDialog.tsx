// 设置: how figures are rounded and which fonts the Word exports name, for the whole store.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FONT_ROLES, ROUNDING_MODES, type FontMap, type Settings } from '../../../../src-main/shared/settings.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { RadioChoices } from '../dialogs/RadioChoices.tsx';
import { FontTable } from './FontTable.tsx';
import './settings.css';

export function SettingsDialog({ onClose, onSaved }: { onClose(): void; onSaved(s: Settings): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [rounding, setRounding] = useState<Settings['rounding'] | null>(null);
  const [fonts, setFonts] = useState<FontMap | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('settings.get', {}).then(
      (s) => {
        setRounding(s.rounding);
        setFonts(s.fonts);
      },
      (e: unknown) => setError(errorText(e, locale)),
    );
  }, [locale]);

  const incomplete = !fonts || FONT_ROLES.some((r) => !fonts[r].primary.trim() || !fonts[r].fallback.trim());

  const submit = async () => {
    if (!rounding || !fonts) return;
    setBusy(true);
    try {
      onSaved(await call('settings.update', { rounding, fonts }));
    } catch (e) {
      setError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('settings.title')}
      testId="settings-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('settings.save')}
      submitDisabled={busy || !rounding || incomplete}
      error={error}
    >
      {rounding && fonts ? (
        <>
          <RadioChoices
            legend={t('settings.rounding')}
            name="rounding"
            options={ROUNDING_MODES}
            value={rounding}
            onChange={setRounding}
            testId={(m) => `rounding-${m}`}
            label={(m) => t(`settings.roundingModes.${m}`)}
          >
            <p className="muted settings-hint">{t('settings.roundingHint')}</p>
          </RadioChoices>
          <FontTable fonts={fonts} onChange={setFonts} />
        </>
      ) : (
        <p className="muted">{t('grid.loading')}</p>
      )}
    </Dialog>
  );
}
