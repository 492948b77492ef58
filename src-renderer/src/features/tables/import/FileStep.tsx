// Step one: the file, and where a plain table's figures go (templates name their own place).
import type { JobStatus } from '../../../../../src-main/shared/jobs.ts';
import { FilePicker } from '../../dialogs/FilePicker.tsx';
import { JobProgress } from '../../jobs/JobProgress.tsx';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Park, Period } from '../../../../../src-main/shared/model.ts';
import { TargetFields, type Target } from '../TargetFields.tsx';
import { ACCEPT_ATTR } from './upload.ts';

export interface FileStepProps {
  parks: Park[];
  periods: Period[];
  file: File | null;
  onFile(f: File | null): void;
  target: Target;
  onTarget(t: Target): void;
  /** A plain table may create the indicators the catalogue lacks (listed in the preview first). */
  createMissing: boolean;
  onCreateMissing(on: boolean): void;
  reading: boolean;
  /** The preview's job while reading: its progress, and cancelling it. */
  job: JobStatus | null;
  onCancelJob(): void;
}

export function FileStep({ parks, periods, file, onFile, target, onTarget, createMissing, onCreateMissing, reading, job, onCancelJob }: FileStepProps) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <>
      <FilePicker
        accept={ACCEPT_ATTR}
        file={file}
        onFile={onFile}
        testId="import"
        label={t('tables.import.file')}
        pickLabel={t('tables.import.pick')}
        chosenText={(name, size) => t('tables.import.chosen', { name, size })}
        noFile={t('tables.import.noFile')}
        describedBy={hintId}
      />
      <p id={hintId} className="muted tables-hint">
        {t('tables.import.fileHint')}
      </p>
      <fieldset className="tables-fieldset">
        <legend>{t('tables.import.target')}</legend>
        <TargetFields parks={parks} periods={periods} value={target} onChange={onTarget} testPrefix="import" />
        <p className="muted tables-hint">{t('tables.import.targetHint')}</p>
        <label className="check">
          <input type="checkbox" data-testid="import-create-missing" checked={createMissing} onChange={(e) => onCreateMissing(e.target.checked)} />
          {t('tables.import.createMissing')}
        </label>
      </fieldset>
      {reading ? <JobProgress status={job} busyText={t('tables.import.reading')} onCancel={onCancelJob} /> : null}
    </>
  );
}
