import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Park } from '../../../../src-main/shared/model.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { Dialog } from './Dialog.tsx';

export function AddParkDialog({ onClose, onCreated }: { onClose(): void; onCreated(p: Park): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [region, setRegion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      const park = await call('parks.create', { name, shortName: shortName || null, region: region || null });
      onCreated(park);
    } catch (e) {
      setError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('dialog.park.title')} testId="add-park-dialog" onClose={onClose} onSubmit={() => void submit()} submitDisabled={busy || !name.trim()} error={error}>
      <label className="field">
        <span>{t('dialog.park.name')}</span>
        <input data-testid="park-name" value={name} required autoFocus placeholder={t('dialog.park.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('dialog.park.shortName')}</span>
        <input data-testid="park-short-name" value={shortName} onChange={(e) => setShortName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('dialog.park.region')}</span>
        <input data-testid="park-region" value={region} onChange={(e) => setRegion(e.target.value)} />
      </label>
    </Dialog>
  );
}
