// A field's text as it will print: figures from the store marked subtly, unresolved placeholders
// in red with the reason as a tooltip.
import type { Problem, Run } from '../../../../src-main/shared/document.ts';
import { formatProblem } from '../../../../src-main/shared/errors.ts';
import { useLocale } from '../../i18n/index.ts';
import { problemAt } from './editorContext.ts';
import type { FieldAddr } from './fields.ts';

export function RunsLine({ runs, addr, problems, label }: { runs: readonly Run[]; addr: FieldAddr; problems: readonly Problem[]; label: string }) {
  const locale = useLocale();
  return (
    <div className="rendered" data-testid="rendered" aria-label={label}>
      {runs.map((r, i) => {
        if (r.kind === 'text') return <span key={i}>{r.text}</span>;
        if (r.kind === 'figure')
          return (
            <span key={i} className="r-fig" title={r.source}>
              {r.text}
            </span>
          );
        const p = problemAt(problems, addr, r.source);
        return (
          <mark key={i} className="r-mk" data-testid="marker" title={p ? formatProblem(p, locale) : r.source}>
            {r.text}
          </mark>
        );
      })}
    </div>
  );
}
