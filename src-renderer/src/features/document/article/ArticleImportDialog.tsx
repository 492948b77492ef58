// 从文章导入: paste or open an article → review its figures → 应用 (one undo step) → the document.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCheck } from '../../../../../src-main/shared/checks.ts';
import type { ArticleApplied, ArticleReview } from '../../../../../src-main/shared/extraction.ts';
import type { HistoryState, Park } from '../../../../../src-main/shared/model.ts';
import { errorText } from '../../../app/errors.ts';
import { call } from '../../../bridge/index.ts';
import { isCancelled } from '../../../bridge/jobs.ts';
import { useLocale } from '../../../i18n/index.ts';
import { Dialog } from '../../dialogs/Dialog.tsx';
import { useJob } from '../../jobs/useJob.ts';
import { readBase64 } from '../../../bridge/file-base64.ts';
import { ReviewStep, type ParkChoice } from './ReviewStep.tsx';
import { acceptConfident, acceptedFigures, conflicts, correct, decide, initialRows, type Fields, type Row } from './rows.ts';
import { articleFileOk, SourceStep } from './SourceStep.tsx';
import './article.css';

export interface ArticleImportDialogProps {
  parks: readonly Park[];
  /** The park in view: the article's figures are compared with its store. */
  parkId: string;
  onApplied(r: { parkId: string; periodId: string; history: HistoryState }): void;
  onUndo(): Promise<void>;
  onClose(): void;
}

type Step = { step: 'source' } | { step: 'review'; review: ArticleReview & { readId: string } } | { step: 'applied'; result: ArticleApplied; undone: boolean };

export function ArticleImportDialog({ parks, parkId, onApplied, onUndo, onClose }: ArticleImportDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [step, setStep] = useState<Step>({ step: 'source' });
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const [invalid, setInvalid] = useState<keyof Fields | null>(null);
  const [park, setPark] = useState<ParkChoice>({ id: parkId });
  const [period, setPeriod] = useState('');
  const [names, setNames] = useState<string[]>([]);
  const clash = useMemo(() => conflicts(rows), [rows]);
  const job = useJob();

  const read = async () => {
    setBusy(true);
    setError(null);
    try {
      if (file && !articleFileOk(file.name)) throw new Error(t('article.wrongType', { name: file.name }));
      const input = file ? { fileName: file.name, base64: await readBase64(file) } : { fileName: t('article.pasted'), text };
      const first = await job.run('articles.read', input);
      const proposed: ParkChoice = first.park.id ? { id: first.park.id } : first.park.name ? { newName: first.park.name } : { id: parkId };
      // The figures beside the store's: read again against the park proposed (a new park has none).
      const review = 'id' in proposed ? await job.run('articles.read', { fileName: first.fileName, text: first.text, parkId: proposed.id }) : first;
      const catalog = await call('catalog.get', {});
      setNames([...catalog.indicators.map((i) => i.name), ...Object.values(catalog.aliases).flat()]);
      setPark(proposed);
      setPeriod(review.period ?? '');
      setRows(initialRows(review.figures, review.period ?? ''));
      setSelected(0);
      setStep({ step: 'review', review });
    } catch (e) {
      if (!isCancelled(e)) setError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  /** Another park chosen: the rows keep their decisions and corrections, and are compared with that park's figures. */
  const compareWith = async (p: ParkChoice) => {
    if (step.step !== 'review') return;
    try {
      const again = await call('articles.read', { fileName: step.review.fileName, text: step.review.text, ...('id' in p ? { parkId: p.id } : {}) });
      setRows((rs) => rs.map((r, i) => ({ ...r, figure: again.figures[i] ?? r.figure })));
      setStep({ step: 'review', review: again });
    } catch (e) {
      setError(errorText(e, locale));
    }
  };

  const apply = async () => {
    if (step.step !== 'review' || busy) return;
    const accepted = acceptedFigures(rows, period);
    const problem = !period ? t('article.needPeriod') : !accepted.length ? t('article.needAccepted') : clash.size ? t('article.hasConflicts', { n: clash.size }) : 'newName' in park && !park.newName.trim() ? t('article.needPark') : null;
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      // A new park is made in the same undo step as the article's figures and document.
      const where = 'id' in park ? { parkId: park.id } : { newPark: { name: park.newName.trim() } };
      const result = await call('articles.apply', { readId: step.review.readId, ...where, period, figures: accepted });
      setStep({ step: 'applied', result, undone: false });
      onApplied({ parkId: result.parkId, periodId: result.periodId, history: result.history });
    } catch (e) {
      setError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  if (step.step === 'applied') {
    const r = step.result;
    return (
      <Dialog title={t('article.title')} testId="article-dialog" onClose={onClose}>
        <p data-testid="article-applied">
          {step.undone
            ? t('article.undone')
            : t('article.applied', { created: r.indicatorsCreated, inserted: r.values.inserted, updated: r.values.updated, unchanged: r.values.unchanged, placeholders: r.placeholders, kept: r.keptAsText })}
        </p>
        {r.warnings.length && !step.undone ? (
          <>
            <p className="muted">{t('article.warnings', { n: r.warnings.length })}</p>
            <ul className="article-checks" data-testid="article-checks">
              {r.warnings.slice(0, 20).map((w, i) => (
                <li key={i}>{formatCheck(w, locale)}</li>
              ))}
            </ul>
          </>
        ) : null}
        <footer className="dialog-foot">
          {!step.undone ? (
            <button
              type="button"
              data-testid="article-undo"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onUndo()
                  .then(() => setStep({ ...step, undone: true }), (e: unknown) => setError(errorText(e, locale)))
                  .finally(() => setBusy(false));
              }}
            >
              {t('article.undo')}
            </button>
          ) : null}
          <button type="button" className="primary" data-testid="article-show" onClick={onClose}>
            {t('article.show')}
          </button>
        </footer>
      </Dialog>
    );
  }

  if (step.step === 'review') {
    return (
      <Dialog title={t('article.title')} testId="article-dialog" onClose={onClose} error={error} wide>
        <ReviewStep
          text={step.review.text}
          rows={rows}
          parks={parks}
          park={park}
          onPark={(p) => {
            setPark(p);
            void compareWith(p);
          }}
          period={period}
          onPeriod={setPeriod}
          onAcceptConfident={() => setRows(acceptConfident(rows))}
          checks={step.review.checks}
          selected={selected}
          onSelect={setSelected}
          onDecide={(i, d) => {
            setRows(decide(rows, i, d));
            setSelected(Math.min(rows.length - 1, i + 1));
          }}
          editing={editing}
          onEdit={(i) => {
            setInvalid(null);
            setEditing(i);
          }}
          onSave={(i, f) => {
            const r = correct(rows, i, f);
            if ('invalid' in r) return setInvalid(r.invalid);
            setRows(r.rows);
            setEditing(null);
          }}
          invalid={invalid}
          names={names}
          conflicts={clash}
          onApplyKey={() => void apply()}
        />
        <footer className="dialog-foot">
          <button type="button" onClick={() => setStep({ step: 'source' })}>
            {t('article.back')}
          </button>
          <button type="button" className="primary" data-testid="article-apply" disabled={busy} onClick={() => void apply()}>
            {busy ? t('article.applying') : t('article.apply')}
          </button>
        </footer>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('article.title')}
      testId="article-dialog"
      onClose={onClose}
      onSubmit={() => void read()}
      submitLabel={t('article.read')}
      submitDisabled={busy || (!file && !text.trim())}
      error={error}
      wide
    >
      <SourceStep text={text} onText={setText} file={file} onFile={setFile} reading={busy} job={job.status} onCancelJob={job.cancel} />
    </Dialog>
  );
}
