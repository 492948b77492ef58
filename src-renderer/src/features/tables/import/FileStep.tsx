// Step one: the file, and where a plain table's figures go (templates name their own place).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Park, Period } from '../../../../../src-main/shared/model.ts';
import { sizeText } from '../place.ts';
import { TargetFields, type Target } from '../TargetFields.tsx';
import { ACCEPT_ATTR } from './upload.ts';

export interface FileStepProps {
  parks: Park[];
  periods: Period[];
  file: File | null;
  onFile(f: File | null): void;
  target: Target;
  onTarget(t: Target): void;
  reading: boolean;
}

export function FileStep({ parks, periods, file, onFile, target, onTarget, reading }: FileStepProps) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <>
      <label className="field">
        <span>{t('tables.import.file')}</span>
        <input type="file" data-testid="import-file" accept={ACCEPT_ATTR} aria-describedby={hintId} onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
      </label>
      <p id={hintId} className="muted tables-hint">
        {t('tables.import.fileHint')}
      </p>
      {file ? (
        <p className="tables-chosen" data-testid="import-chosen">
          {t('tables.import.chosen', { name: file.name, size: sizeText(file.size) })}
        </p>
      ) : null}
      <fieldset className="tables-fieldset">
        <legend>{t('tables.import.target')}</legend>
        <TargetFields parks={parks} periods={periods} value={target} onChange={onTarget} testPrefix="import" />
        <p className="muted tables-hint">{t('tables.import.targetHint')}</p>
      </fieldset>
      {reading ? (
        <p className="muted" role="status">
          {t('tables.import.reading')}
        </p>
      ) : null}
    </>
  );
}
