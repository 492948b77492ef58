// Step one: the article, pasted, or opened (or dropped) from a .docx, .txt or .md file.
import type { JobStatus } from '../../../../../src-main/shared/jobs.ts';
import { FilePicker } from '../../dialogs/FilePicker.tsx';
import { JobProgress } from '../../jobs/JobProgress.tsx';
import { useTranslation } from 'react-i18next';

export const ARTICLE_ACCEPT = '.docx,.txt,.md,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function articleFileOk(name: string): boolean {
  return /\.(docx|txt|md)$/iu.test(name.trim());
}

export interface SourceStepProps {
  text: string;
  onText(t: string): void;
  file: File | null;
  onFile(f: File | null): void;
  reading: boolean;
  /** Reading runs as a job in the core's worker thread: its progress, and cancelling it. */
  job: JobStatus | null;
  onCancelJob(): void;
}

export function SourceStep({ text, onText, file, onFile, reading, job, onCancelJob }: SourceStepProps) {
  const { t } = useTranslation();
  return (
    <div className="article-source">
      <p className="muted">{t('article.sourceHint')}</p>
      <label className="field article-paste">
        <span>{t('article.paste')}</span>
        <textarea
          data-testid="article-paste"
          value={text}
          rows={12}
          autoFocus
          placeholder={t('article.pastePlaceholder')}
          onChange={(e) => {
            onText(e.target.value);
            if (file) onFile(null);
          }}
        />
      </label>
      <FilePicker
        accept={ARTICLE_ACCEPT}
        file={file}
        onFile={onFile}
        testId="article"
        label={t('article.pick')}
        pickLabel={t('article.pick')}
        chosenText={(name) => t('article.chosen', { name })}
      />
      {reading ? <JobProgress status={job} busyText={t('article.reading')} onCancel={onCancelJob} /> : null}
    </div>
  );
}
