// Errors, reading warnings and check-rule (审核关系) warnings, each worded in the UI language and
// placed where the user finds it in the file.
import type { CheckWarning } from '../../../../../src-main/shared/checks.ts';
import type { ImportIssue } from '../../../../../src-main/shared/tables.ts';
import { messageFor } from '../../../app/errors.ts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/index.ts';
import { placeText } from '../place.ts';

export interface IssueListProps {
  title: string;
  issues: (ImportIssue | CheckWarning)[];
  tone: 'error' | 'warn';
  testId: string;
  /** The exact number; the core lists a few hundred at most. */
  total: number;
}

export function IssueList({ title, issues, tone, testId, total }: IssueListProps) {
  const locale = useLocale();
  const { t } = useTranslation();
  if (!issues.length) return null;
  return (
    <section className={`tables-issues tables-issues-${tone}`} data-testid={testId}>
      <h3>{title}</h3>
      <ul>
        {issues.map((i, n) => {
          const place = 'place' in i && i.place ? placeText(i.place, locale, false) : null;
          return (
            <li key={n}>
              {place ? <span className="tables-place">{place + (locale === 'en' ? ': ' : '：')}</span> : null}
              {messageFor(i.code, i.params, i.message, locale)}
            </li>
          );
        })}
      </ul>
      {total > issues.length ? <p className="muted">{t('tables.import.issuesTruncated', { count: issues.length, total })}</p> : null}
    </section>
  );
}
