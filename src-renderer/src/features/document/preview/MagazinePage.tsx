import type { ResolvedDocument, TextPlace } from '../../../../../src-main/shared/document.ts';
import { hasText, runSegments } from './blocks.ts';
import { FragmentView } from './FragmentView.tsx';
import type { Layout, PageLayout } from './layout.ts';
import { Segments } from './Segments.tsx';

export interface PageProps {
  doc: ResolvedDocument;
  layout: Layout;
  page: PageLayout;
  index: number;
  describe(source: string): string | undefined;
  onPick?(place: TextPlace): void;
}

/** A page of the 园区风采 feature: running head, title across both columns on the first page, folio. */
export function MagazinePage({ doc, layout, page, index, describe, onPick }: PageProps) {
  const { geometry: g } = layout;
  const folio = doc.magazine.firstPage + index;
  const columnHeight = g.lines * g.lineHeight - page.head;
  return (
    <article className="pv-page pv-magazine-page" data-page={index + 1} aria-label={`${folio}`}>
      <header className={`pv-m-running ${folio % 2 ? 'odd' : 'even'}`}>
        <span className="pv-m-col-zh">{doc.magazine.columnZh}</span>
        <span className="pv-m-col-en">{doc.magazine.columnEn}</span>
      </header>
      <div className="pv-area">
        {index === 0 ? (
          <header className="pv-m-head" style={{ height: page.head }}>
            <h1 className="pv-m-title" onClick={onPick ? () => onPick({ field: 'title' }) : undefined}>
              <Segments segments={runSegments(doc.title)} describe={describe} />
            </h1>
            {hasText(doc.subtitle) ? (
              <p className="pv-m-subtitle">
                <Segments segments={runSegments(doc.subtitle)} describe={describe} />
              </p>
            ) : null}
            {doc.byline.trim() ? <p className="pv-m-byline">{doc.byline}</p> : null}
          </header>
        ) : null}
        {/* Half a line of slack: the columns hold exactly the lines counted, never one more. */}
        <div className="pv-m-body" style={{ height: columnHeight + g.lineHeight / 2 }}>
          {page.fragments.map((f, i) => (
            <FragmentView key={`${f.block.key}-${i}`} fragment={f} describe={describe} onPick={onPick} />
          ))}
        </div>
      </div>
      <footer className={`pv-m-folio ${folio % 2 ? 'odd' : 'even'}`}>
        <span className="pv-m-folio-n">{folio}</span> <span className="pv-m-folio-issue">{doc.magazine.issue}</span>
      </footer>
    </article>
  );
}
