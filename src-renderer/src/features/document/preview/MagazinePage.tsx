import type { ResolvedDocument, TextPlace } from '../../../../../src-main/shared/document.ts';
import { FURNITURE_GAP, folioOrder, outsideAlign, runningHeadOrder } from '../../../../../src-main/shared/print-layout/magazine.ts';
import { sideOf } from '../../../../../src-main/shared/print-layout/page.ts';
import { hasText, runSegments } from './blocks.ts';
import { FragmentView } from './FragmentView.tsx';
import { areaBox } from './geometry.ts';
import { magazineHeadParts, type Layout, type PageLayout } from './layout.ts';
import { Segments } from './Segments.tsx';

export interface PageProps {
  doc: ResolvedDocument;
  layout: Layout;
  page: PageLayout;
  index: number;
  describe(source: string): string | undefined;
  onPick?(place: TextPlace): void;
}

/** A page of the 园区风采 feature: running head and folio on the outside edge, title across both columns on the first page. */
export function MagazinePage({ doc, layout, page, index, describe, onPick }: PageProps) {
  const { geometry: g } = layout;
  const folio = doc.magazine.firstPage + index;
  const side = sideOf(folio);
  const box = areaBox('magazine', folio);
  const columnHeight = g.lines * g.lineHeight - page.head;
  const furniture = { left: box.left, width: box.width, textAlign: outsideAlign(side) } as const;
  const head = { zh: <span key="zh" className="pv-m-col-zh">{doc.magazine.columnZh}</span>, en: <span key="en" className="pv-m-col-en">{doc.magazine.columnEn}</span> };
  const foot = { page: <span key="page" className="pv-m-folio-n">{folio}</span>, issue: <span key="issue" className="pv-m-folio-issue">{doc.magazine.issue}</span> };
  const parts = index === 0 ? magazineHeadParts(doc) : null;
  return (
    <article className="pv-page pv-magazine-page" data-page={index + 1} aria-label={`${folio}`}>
      <header className={`pv-m-running ${side}`} style={furniture}>
        {runningHeadOrder(side).flatMap((k, i) => [...(i ? [FURNITURE_GAP] : []), head[k]])}
      </header>
      <div className="pv-area" style={box}>
        {parts ? (
          <header className="pv-m-head" style={{ height: page.head }}>
            <h1 className="pv-m-title" style={{ fontSize: parts.fontSize, lineHeight: `${parts.lineHeight}px` }} onClick={onPick ? () => onPick({ field: 'title' }) : undefined}>
              {parts.lines.map((line, i) => (
                <span key={i}>
                  {i ? <br /> : null}
                  <Segments segments={runSegments(line)} describe={describe} />
                </span>
              ))}
            </h1>
            {hasText(doc.subtitle) ? (
              <p className="pv-m-subtitle">
                <Segments segments={runSegments(doc.subtitle)} describe={describe} />
              </p>
            ) : null}
            {parts.byline ? <p className="pv-m-byline">{parts.byline}</p> : null}
          </header>
        ) : null}
        {/* Half a line of slack: the columns hold exactly the lines counted, never one more. */}
        <div className="pv-m-body" style={{ height: columnHeight + g.lineHeight / 2 }}>
          {page.fragments.map((f, i) => (
            <FragmentView key={`${f.block.key}-${i}`} fragment={f} describe={describe} onPick={onPick} />
          ))}
        </div>
      </div>
      <footer className={`pv-m-folio ${side}`} style={furniture}>
        {folioOrder(side).flatMap((k, i) => [...(i ? [FURNITURE_GAP] : []), foot[k]])}
      </footer>
    </article>
  );
}
