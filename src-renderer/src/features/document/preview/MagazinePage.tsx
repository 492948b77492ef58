import type { ResolvedDocument, TextPlace } from '../../../../../src-main/shared/document.ts';
import { BODY_LEADING, FURNITURE_GAP, TITLE_SPACING, folioOrder, outsideAlign, runningHeadOrder } from '../../../../../src-main/shared/print-layout/magazine.ts';
import { MAGAZINE_PICTURE, captionEms, type MagazineItem, type MagazineNote } from '../../../../../src-main/shared/print-layout/magazine-flow.ts';
import type { Band, ColumnPiece } from '../../../../../src-main/shared/print-layout/magazine-fit.ts';
import { cssPx, cssPxFromHalfPoints, sideOf } from '../../../../../src-main/shared/print-layout/page.ts';
import { ChartView } from '../../charts/ChartView.tsx';
import { usePhotoUrl } from '../usePhotoUrl.ts';
import { captionSegments, hasText, runSegments, sliceSegments } from './blocks.ts';
import { areaBox } from './geometry.ts';
import type { MagazineLaid } from '../../../../../src-main/shared/print-layout/magazine-place.ts';
import { magazineChartWidth } from '../../../../../src-main/shared/print-layout/magazine-chart.ts';
import { Segments } from './Segments.tsx';

export interface PageProps {
  doc: ResolvedDocument;
  layout: MagazineLaid;
  index: number;
  describe(source: string): string | undefined;
  onPick?(place: TextPlace): void;
}

const LH = cssPx(BODY_LEADING);

interface Draw {
  layout: MagazineLaid;
  describe(source: string): string | undefined;
  onPick?(place: TextPlace): void;
}

/** Characters [from, to) of a line, with the footnote references that stand after them. */
function LineText({ segs, from, to, notes, describe }: { segs: ReturnType<typeof runSegments>; from: number; to: number; notes: readonly MagazineNote[]; describe(source: string): string | undefined }) {
  const here = notes.filter((n) => n.at > from && n.at <= to);
  const cuts = [from, ...here.map((n) => n.at), to];
  return (
    <>
      {cuts.slice(1).map((b, i) => (
        <span key={i}>
          <Segments segments={sliceSegments(segs, cuts[i]!, b)} describe={describe} />
          {here[i] ? <sup className="pv-ref">{here[i].number}</sup> : null}
        </span>
      ))}
    </>
  );
}

/** Lines [from, to) of a paragraph or heading, each drawn as one line of the column at the export's breaks. */
function TextLines({ item, piece, describe, onPick }: { item: Extract<MagazineItem, { kind: 'text' }>; piece: ColumnPiece } & Omit<Draw, 'layout'>) {
  const segs = item.heading ? runSegments(item.runs).map((s) => ({ ...s, cls: s.cls ?? ('runin' as const) })) : runSegments(item.runs);
  const end = item.text.length;
  const lines = [];
  for (let l = piece.from; l < piece.to; l++) {
    const from = item.starts[l]!;
    const to = item.starts[l + 1] ?? end;
    lines.push(
      // The rest of a paragraph cut by a photo at a column's top has no indent; its first part ends on a full line.
      <span key={l} className={`pv-line${l === 0 && !item.cont ? ' pv-first' : ''}${to >= end && !item.runsOn ? ' pv-last' : ''}`}>
        <LineText segs={segs} from={from} to={to} notes={item.notes ?? []} describe={describe} />
      </span>,
    );
  }
  return (
    <p className="pv-m-lines" data-block={`${item.place.field}-${'section' in item.place ? item.place.section : ''}-${'paragraph' in item.place ? item.place.paragraph : ''}`} onClick={onPick ? () => onPick(item.place) : undefined}>
      {lines}
    </p>
  );
}

function PhotoBlock({ item, describe }: { item: Extract<MagazineItem, { kind: 'photo' }>; describe(source: string): string | undefined }) {
  const { url } = usePhotoUrl(item.photo.sha256);
  const style = { width: item.size.width, height: item.size.height };
  return (
    <figure className={`pv-photo pv-m-photo${item.span === 'full' ? ' pv-m-full' : ''}${item.photo.place === 'top' ? ' pv-m-top' : ''}${item.photo.place === 'foot' ? ' pv-m-foot' : ''}`} style={{ height: item.lines * LH }} data-block={`photo-${item.index}`}>
      {url ? <img src={url} alt="" style={style} /> : <div className="pv-img" style={style} />}
      <figcaption className="pv-cap">
        <Segments segments={captionSegments(item.photo.caption, item.photo.credit, captionEms(MAGAZINE_PICTURE[item.span].width))} describe={describe} />
      </figcaption>
    </figure>
  );
}

/** A chart block as the page prints it: drawn at the export's width, scaled to the column, its source line below. */
function ChartBlock({ item, onPick }: { item: Extract<MagazineItem, { kind: 'chart' }>; onPick?(place: TextPlace): void }) {
  return (
    <figure className="pv-photo pv-m-photo pv-chart" style={{ height: item.lines * LH }} data-block="chart" onClick={onPick ? () => onPick(item.place) : undefined}>
      <div style={{ width: item.size.width, height: item.size.height, overflow: 'hidden', margin: '0 auto' }}>
        <ChartView data={item.chart.data} title={item.chart.title ?? undefined} drawWidth={magazineChartWidth} scale={item.size.width / magazineChartWidth} />
      </div>
      <figcaption className="pv-cap">{item.chart.credit}</figcaption>
    </figure>
  );
}

function Piece({ piece, layout, describe, onPick }: { piece: ColumnPiece } & Draw) {
  const item = layout.flow[piece.item]!;
  if (item.kind === 'photo') return <PhotoBlock item={item} describe={describe} />;
  if (item.kind === 'chart') return <ChartBlock item={item} onPick={onPick} />;
  return <TextLines item={item} piece={piece} describe={describe} onPick={onPick} />;
}

function BandView({ band, ...draw }: { band: Band } & Draw) {
  if (band.kind === 'full') return <Piece piece={{ item: band.item, from: 0, to: band.lines }} {...draw} />;
  return (
    <div className="pv-m-band" style={{ height: band.lines * LH }}>
      {band.columns.map((col, c) => (
        <div key={c} className="pv-m-col">
          {col.map((piece, i) => (
            <Piece key={i} piece={piece} {...draw} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** The footnotes of a page (注明数据来源) at the type area's foot, in the lines the count sets them. */
function Footnotes({ notes }: { notes: readonly MagazineNote[] }) {
  if (notes.length === 0) return null;
  return (
    <div className="pv-m-notes" data-testid="page-notes">
      {notes.map((n) => (
        <p key={n.number} className="pv-m-note" data-note={n.number}>
          {n.starts.map((from, l) => (
            <span key={l} className="pv-line">
              {l === 0 ? <sup className="pv-ref">{n.number}</sup> : null}
              {n.text.slice(from, n.starts[l + 1] ?? n.text.length)}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}

/** The title block across the type area, at the height the export's count gives it. */
function Head({ doc, layout, onPick, describe }: { doc: ResolvedDocument } & Draw) {
  const { head } = layout;
  return (
    <header className="pv-m-head" style={{ height: cssPx(head.twips) }}>
      <h1 className="pv-m-title" style={{ fontSize: cssPxFromHalfPoints(head.title.size), lineHeight: `${cssPx(head.title.leading)}px` }} onClick={onPick ? () => onPick({ field: 'title' }) : undefined}>
        {head.title.lines.map((line, i) => (
          <span key={i} className="pv-title-line">
            <Segments segments={runSegments(line)} describe={describe} />
          </span>
        ))}
      </h1>
      {hasText(doc.subtitle) ? (
        <p className="pv-m-subtitle" style={{ lineHeight: `${cssPx(TITLE_SPACING.subtitleLine)}px` }}>
          <Segments segments={runSegments(doc.subtitle)} describe={describe} />
        </p>
      ) : null}
      {head.byline ? (
        <p className="pv-m-byline" style={{ lineHeight: `${cssPx(TITLE_SPACING.bylineLine)}px` }}>
          {head.byline}
        </p>
      ) : null}
    </header>
  );
}

/** A page of the 园区风采 feature: running head and folio on the outside edge, title across both columns on the first page. */
export function MagazinePage({ doc, layout, index, describe, onPick }: PageProps) {
  const folio = doc.magazine.firstPage + index;
  const side = sideOf(folio);
  const box = areaBox('magazine', folio);
  const furniture = { left: box.left, width: box.width, textAlign: outsideAlign(side) } as const;
  const head = { zh: <span key="zh" className="pv-m-col-zh">{doc.magazine.columnZh}</span>, en: <span key="en" className="pv-m-col-en">{doc.magazine.columnEn}</span> };
  const foot = { page: <span key="page" className="pv-m-folio-n">{folio}</span>, issue: <span key="issue" className="pv-m-folio-issue">{doc.magazine.issue}</span> };
  const page = layout.pages[index]!;
  const draw = { layout, describe, onPick };
  return (
    <article className="pv-page pv-magazine-page" data-page={index + 1} aria-label={`${folio}`}>
      <header className={`pv-m-running ${side}`} style={furniture}>
        {runningHeadOrder(side).flatMap((k, i) => [...(i ? [FURNITURE_GAP] : []), head[k]])}
      </header>
      <div className="pv-area" style={box}>
        {index === 0 ? <Head doc={doc} {...draw} /> : null}
        {page.bands.map((band, i) => (
          <BandView key={i} band={band} {...draw} />
        ))}
        <Footnotes notes={layout.notes[index] ?? []} />
      </div>
      <footer className={`pv-m-folio ${side}`} style={furniture}>
        {folioOrder(side).flatMap((k, i) => [...(i ? [FURNITURE_GAP] : []), foot[k]])}
      </footer>
    </article>
  );
}
