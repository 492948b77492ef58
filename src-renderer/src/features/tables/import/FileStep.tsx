// Step one: the file, and where a plain table's figures go (templates name their own place).
import type { JobStatus } from '../../../../../src-main/shared/jobs.ts';
import { JobProgress } from '../../jobs/JobProgress.tsx';
import { useId, useRef, useState } from 'react';
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
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  return (
    <>
      {/* The browser's own file button speaks the browser's language; ours speaks the UI's. A file
          dropped on the zone is taken like a picked one. */}
      <div
        className={dragging ? 'tables-drop dragging' : 'tables-drop'}
        role="group"
        aria-label={t('tables.import.file')}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const f = e.dataTransfer.files[0];
          if (f) onFile(f);
        }}
      >
        <input
          ref={input}
          type="file"
          tabIndex={-1}
          aria-hidden="true"
          className="tables-file-input"
          data-testid="import-file"
          accept={ACCEPT_ATTR}
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            e.target.value = ''; // picking the same file again (after fixing it) is a new choice
            if (f) onFile(f);
          }}
        />
        <button type="button" data-testid="import-pick" aria-describedby={hintId} onClick={() => input.current?.click()}>
          {t('tables.import.pick')}
        </button>
        <span className={file ? 'tables-chosen' : 'tables-chosen muted'} data-testid="import-chosen">
          {file ? t('tables.import.chosen', { name: file.name, size: sizeText(file.size) }) : t('tables.import.noFile')}
        </span>
      </div>
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
