// Step one: the article, pasted or opened from a .docx, .txt or .md file.
import type { JobStatus } from '../../../../../src-main/shared/jobs.ts';
import { JobProgress } from '../../jobs/JobProgress.tsx';
import { useRef } from 'react';
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
  const input = useRef<HTMLInputElement>(null);
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
      <div className="article-file">
        <input
          ref={input}
          type="file"
          tabIndex={-1}
          aria-hidden="true"
          className="tables-file-input"
          data-testid="article-file"
          accept={ARTICLE_ACCEPT}
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            e.target.value = '';
            if (f) onFile(f);
          }}
        />
        <button type="button" data-testid="article-pick" onClick={() => input.current?.click()}>
          {t('article.pick')}
        </button>
        {file ? <span data-testid="article-chosen">{t('article.chosen', { name: file.name })}</span> : null}
      </div>
      {reading ? <JobProgress status={job} busyText={t('article.reading')} onCancel={onCancelJob} /> : null}
    </div>
  );
}
