import { bulletinEndLines } from './layout.ts';
import { FragmentView } from './FragmentView.tsx';
import { bulletinMastheadLines } from './geometry.ts';
import type { PageProps } from './MagazinePage.tsx';
import { INTERNAL_MARK, issueLine, pageNumber } from './numbering.ts';

/** A page of the 工作简报 (GB/T 9704): red masthead on the first page, 版记 at the foot of the last. */
export function BulletinPage({ doc, layout, page, index, describe, onPick }: PageProps) {
  const g = layout.geometry;
  const last = index === layout.pages.length - 1;
  const b = doc.bulletin;
  const n = index + 1;
  return (
    <article className="pv-page pv-bulletin-page" data-page={n} aria-label={pageNumber(n)}>
      <div className="pv-area">
        {index === 0 ? (
          <header className="pv-b-masthead" style={{ height: bulletinMastheadLines(b) * g.lineHeight }}>
            {b.internal ? <div className="pv-b-internal">{INTERNAL_MARK}</div> : null}
            <div className="pv-b-name">{b.name}</div>
            <div className="pv-b-number">{issueLine(b.number, b.totalNumber)}</div>
            <div className="pv-b-issuer">
              <span>{b.issuer}</span>
              <span>{b.date}</span>
            </div>
            <hr className="pv-b-rule" />
          </header>
        ) : null}
        <div className="pv-b-body">
          {page.fragments.map((f, i) => (
            <FragmentView key={`${f.block.key}-${i}`} fragment={f} describe={describe} onPick={onPick} />
          ))}
        </div>
        {last && layout.endHeight ? (
          <footer className="pv-b-end" style={{ height: layout.endHeight }}>
            {bulletinEndLines(doc).map((l) => (
              <p key={l}>{l}</p>
            ))}
            {b.copies > 0 ? <p className="pv-b-copies">（共印{b.copies}份）</p> : null}
          </footer>
        ) : null}
      </div>
      <footer className={`pv-b-pn ${n % 2 ? 'odd' : 'even'}`}>{pageNumber(n)}</footer>
    </article>
  );
}
