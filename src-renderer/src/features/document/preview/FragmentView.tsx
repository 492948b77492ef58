import { sliceSegments } from './blocks.ts';
import type { Fragment } from './layout.ts';
import { Segments } from './Segments.tsx';
import { captionSegments } from './blocks.ts';
import { CAPTION_EMS_MAGAZINE } from '../../../../../src-main/shared/print-layout/magazine.ts';
import { usePhotoUrl } from '../usePhotoUrl.ts';
import { ChartView } from '../../charts/ChartView.tsx';
import type { TextPlace } from '../../../../../src-main/shared/document.ts';

export interface FragmentProps {
  fragment: Fragment;
  describe(source: string): string | undefined;
  /** Clicking a paragraph in the preview leads to its field in the editor. */
  onPick?(place: TextPlace): void;
}

export function FragmentView({ fragment: f, describe, onPick }: FragmentProps) {
  if (f.kind === 'photo') return <PhotoFigure fragment={f} describe={describe} />;
  if (f.kind === 'chart') return <ChartFigure fragment={f} onPick={onPick} />;
  const place = f.block.place;
  return (
    <p className={f.continued ? `${f.block.cls} pv-cont` : f.block.cls} data-block={f.block.key} onClick={place && onPick ? () => onPick(place) : undefined}>
      <Segments segments={sliceSegments(f.block.segments, f.from, f.to)} describe={describe} />
    </p>
  );
}

function PhotoFigure({ fragment: f, describe }: { fragment: Extract<Fragment, { kind: 'photo' }>; describe(source: string): string | undefined }) {
  const { url } = usePhotoUrl(f.block.photo.sha256);
  return (
    <figure className="pv-photo" style={{ height: f.height }} data-block={f.block.key}>
      {url ? <img src={url} alt="" style={{ height: f.image }} /> : <div className="pv-img" style={{ height: f.image }} />}
      <figcaption className="pv-cap">
        <Segments segments={captionSegments(f.block.photo.caption, f.block.photo.credit, CAPTION_EMS_MAGAZINE)} describe={describe} />
      </figcaption>
    </figure>
  );
}

/** A chart block as the page prints it: drawn at the export's width, scaled to the column, its source line below. */
function ChartFigure({ fragment: f, onPick }: { fragment: Extract<Fragment, { kind: 'chart' }>; onPick?(place: TextPlace): void }) {
  const { chart, place } = f.block;
  return (
    <figure className="pv-photo pv-chart" style={{ height: f.height }} data-block={f.block.key} onClick={onPick ? () => onPick(place) : undefined}>
      <div style={{ height: f.image, overflow: 'hidden' }}>
        <ChartView data={chart.data} title={chart.title ?? undefined} drawWidth={f.drawWidth} scale={f.scale} />
      </div>
      <figcaption className="pv-cap">{chart.credit}</figcaption>
    </figure>
  );
}
