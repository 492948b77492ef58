import type { CSSProperties } from 'react';
import type { ResolvedDocument, TextPlace } from '../../../../../src-main/shared/document.ts';
import { BULLETIN_FRAME, CAPTION_EMS, LINE_PITCH, PAGE_NUMBER, TITLE_LINE, bulletinEndLines, copiesLine, mastheadLook } from '../../../../../src-main/shared/print-layout/bulletin.ts';
import { cssPx, cssPxFromHalfPoints, sideOf } from '../../../../../src-main/shared/print-layout/page.ts';
import { runSegments, sliceSegments, captionSegments, type Segment } from './blocks.ts';
import type { BulletinLayout, BulletinPiece } from './bulletin-layout.ts';
import { areaBox } from './geometry.ts';
import { INTERNAL_MARK, issueLine } from './numbering.ts';
import { Segments } from './Segments.tsx';
import { usePhotoUrl } from '../usePhotoUrl.ts';
import { ChartView } from '../../charts/ChartView.tsx';
import type { BulletinItem } from '../../../../../src-main/shared/print-layout/bulletin-flow.ts';

export interface BulletinPageProps {
  doc: ResolvedDocument;
  layout: BulletinLayout;
  index: number;
  describe(source: string): string | undefined;
  onPick?(place: TextPlace): void;
}

const LH = cssPx(LINE_PITCH);
const twips = (t: number) => cssPx(t);

/** The segments a part of running text prints: figures marked, the heading's number, the by-line as worded. */
function segmentsOf(item: BulletinItem): Segment[] {
  if (item.kind === 'heading') return [{ text: item.number, cls: 'num' }, ...runSegments(item.runs)];
  if (item.kind === 'text' || item.kind === 'subtitle') return runSegments(item.runs);
  if (item.kind === 'note') return [...(item.label ? [{ text: item.label, cls: 'label' as const }] : []), { text: item.body }];
  return [{ text: item.text ?? '' }];
}

const TEXT_CLASS: Partial<Record<BulletinItem['kind'], string>> = { text: 'pv-p', subtitle: 'pv-b-subtitle', byline: 'pv-b-byline', note: 'pv-b-note' };

/** Where a click leads in the editor: only this document's own parts (not another park's article, nor the source list). */
function placeOf(item: BulletinItem): TextPlace | undefined {
  if (item.article !== 0) return undefined;
  if (item.kind === 'text' || item.kind === 'heading' || item.kind === 'chart') return item.place;
  if (item.kind === 'subtitle') return { field: 'subtitle' };
  if (item.kind === 'byline') return { field: 'byline' };
  if (item.kind === 'title') return { field: 'title' };
  return undefined;
}

function Piece({ piece, doc, describe, onPick }: { piece: BulletinPiece; doc: ResolvedDocument; describe(source: string): string | undefined; onPick?(place: TextPlace): void }) {
  const { item } = piece;
  const place = placeOf(item);
  const pick = place && onPick ? () => onPick(place) : undefined;
  const height = item.fit.twips !== undefined ? twips(item.fit.twips) : undefined;
  if (piece.lines) {
    const segs = segmentsOf(item);
    const cls = `${item.kind === 'heading' ? `pv-b-h${item.level}` : TEXT_CLASS[item.kind]!}${item.flushLeft ? ' pv-b-left' : ''}`;
    const last = item.text!.length;
    return (
      <p className={`pv-b-lines ${cls}`} data-block={item.kind} data-article={item.article} onClick={pick}>
        {piece.lines.map((l, i) => (
          <span key={l.from} className={`pv-line${piece.first && i === 0 && item.indent ? ' pv-first' : ''}${l.to >= last ? ' pv-last' : ''}`}>
            <Segments segments={sliceSegments(segs, l.from, l.to)} describe={describe} />
          </span>
        ))}
      </p>
    );
  }
  switch (item.kind) {
    case 'masthead': {
      const b = doc.bulletin;
      if (item.part === 'internal') return <div className="pv-b-internal" style={{ height: LH }}>{INTERNAL_MARK}</div>;
      if (item.part === 'name')
        return (
          <div className="pv-b-name" style={{ height, fontSize: cssPxFromHalfPoints(mastheadLook(b.name).size) }}>
            {b.name}
          </div>
        );
      if (item.part === 'number') return <div className="pv-b-number" style={{ height: LH }}>{issueLine(b.number, b.totalNumber)}</div>;
      return (
        <div className="pv-b-issuer-block" style={{ height }}>
          <div className="pv-b-issuer">
            <span>{b.issuer}</span>
            <span>{b.date}</span>
          </div>
        </div>
      );
    }
    case 'title':
      return (
        <h1 className="pv-b-title" style={{ height, '--title-lh': `${twips(TITLE_LINE)}px` } as CSSProperties} onClick={pick}>
          {item.lines.map((line, i) => (
            <span key={i} className="pv-title-line">
              <Segments segments={runSegments(line)} describe={describe} />
            </span>
          ))}
        </h1>
      );
    case 'space':
      return <div className="pv-b-space" style={{ height: LH }} />;
    case 'photo':
      return <PhotoBox item={item} height={height!} />;
    case 'chart':
      return (
        <figure className="pv-photo pv-chart" style={{ height }} onClick={pick}>
          <div style={{ height: item.size.height, width: item.size.width, margin: '0 auto', overflow: 'hidden' }}>
            <ChartView data={item.chart.data} title={item.chart.title ?? undefined} drawWidth={item.size.width} scale={1} />
          </div>
        </figure>
      );
    case 'caption':
      return (
        <p className="pv-cap" style={{ height }}>
          {item.runs ? <Segments segments={captionSegments(item.runs, item.credit ?? '', CAPTION_EMS)} describe={describe} /> : item.lines.join('\n')}
        </p>
      );
    default:
      return null;
  }
}

function PhotoBox({ item, height }: { item: Extract<BulletinItem, { kind: 'photo' }>; height: number }) {
  const { url } = usePhotoUrl(item.photo.sha256);
  const style = { width: item.size.width, height: item.size.height };
  return (
    <figure className="pv-photo" style={{ height }}>
      {url ? <img src={url} alt="" style={style} /> : <div className="pv-img" style={style} />}
    </figure>
  );
}

const undescribed = (): undefined => undefined;

/** A page of the 工作简报 (GB/T 9704): the export's lines, page by page; the end block at the foot of its page. */
export function BulletinPage({ doc, layout, index, describe, onPick }: BulletinPageProps) {
  const n = index + 1;
  const box = areaBox('bulletin', n);
  const side = sideOf(n);
  const end = layout.endPage === n;
  const copies = copiesLine(doc.bulletin.copies);
  return (
    <article className="pv-page pv-bulletin-page" data-page={n} aria-label={PAGE_NUMBER.text(n)}>
      <div className="pv-area" style={box}>
        {layout.pages[index]!.map((piece, i) => (
          // Another park's article: its problems are its own document's, not this one's.
          <Piece key={i} piece={piece} doc={doc} describe={piece.item.article ? undescribed : describe} onPick={onPick} />
        ))}
        {end ? (
          <footer className="pv-b-end" style={{ minHeight: layout.endRows * LH }}>
            {bulletinEndLines(doc.bulletin).map((l) => (
              <p key={l}>{l}</p>
            ))}
            {copies ? <p className="pv-b-copies">{copies}</p> : null}
          </footer>
        ) : null}
      </div>
      {layout.blankPage === n ? null : (
        <footer
          className={`pv-b-pn ${side}`}
          style={{ [PAGE_NUMBER.align(side)]: cssPx((PAGE_NUMBER.align(side) === 'right' ? BULLETIN_FRAME.margin.right : BULLETIN_FRAME.margin.left) + PAGE_NUMBER.indent) }}
        >
          {PAGE_NUMBER.text(n)}
        </footer>
      )}
    </article>
  );
}
