// 导入数据: pick a file → preview → apply. The preview is wide and scrolls; the apply bar stays put.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Park, Period } from '../../../../../src-main/shared/model.ts';
import type { ImportApplied } from '../../../../../src-main/shared/tables.ts';
import { useLocale } from '../../../i18n/index.ts';
import { Dialog } from '../../dialogs/Dialog.tsx';
import { sizeText } from '../place.ts';
import { type Target } from '../TargetFields.tsx';
import '../tables.css';
import { AppliedNotice } from './AppliedNotice.tsx';
import { ApplyBar } from './ApplyBar.tsx';
import { FileStep } from './FileStep.tsx';
import { PreviewPane } from './PreviewPane.tsx';
import { useImport, type ImportFailure } from './useImport.ts';

export interface ImportDialogProps {
  parks: Park[];
  periods: Period[];
  initial: Target;
  onApplied(r: ImportApplied): void;
  onClose(): void;
}

export function ImportDialog({ parks, periods, initial, onApplied, onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<Target>(initial);
  const [createMissing, setCreateMissing] = useState(false);
  const { phase, failure, pick, preview, apply, back, job, cancelJob } = useImport(locale, onApplied);

  const failureText = (f: ImportFailure | null): string | null => {
    if (!f) return null;
    if (f.kind === 'rpc') return f.offline ? t('errors.offline') : f.message;
    if (f.kind === 'unreadable') return t('tables.import.unreadable', { name: f.fileName });
    const r = f.refusal;
    return r.reason === 'tooBig' ? t('tables.import.tooBig', { name: f.fileName, size: sizeText(r.size), max: sizeText(r.max) }) : t(`tables.import.${r.reason}`, { name: f.fileName });
  };
  const error = failureText(failure);

  if (phase.step === 'preview' || phase.step === 'applying') {
    return (
      <Dialog title={t('tables.import.title')} testId="import-dialog" onClose={onClose} error={error} wide>
        <PreviewPane preview={phase.preview} target={phase.target} parks={parks} periods={periods} />
        <ApplyBar preview={phase.preview} applying={phase.step === 'applying'} onApply={() => void apply()} onBack={back} onCancel={onClose} />
      </Dialog>
    );
  }
  if (phase.step === 'applied') {
    return (
      <Dialog title={t('tables.import.title')} testId="import-dialog" onClose={onClose}>
        <AppliedNotice result={phase.result} onClose={onClose} />
      </Dialog>
    );
  }
  return (
    <Dialog
      title={t('tables.import.title')}
      testId="import-dialog"
      onClose={onClose}
      onSubmit={() => file && void preview(file, target, createMissing)}
      submitLabel={t('tables.import.preview')}
      submitDisabled={!file || phase.step === 'reading' || failure?.kind === 'refused'}
      error={error}
    >
      <FileStep
        parks={parks}
        periods={periods}
        file={file}
        onFile={(f) => {
          setFile(f);
          pick(f);
        }}
        target={target}
        onTarget={setTarget}
        createMissing={createMissing}
        onCreateMissing={setCreateMissing}
        reading={phase.step === 'reading'}
        job={job}
        onCancelJob={cancelJob}
      />
    </Dialog>
  );
}
