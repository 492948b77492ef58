import type { Segment } from './blocks.ts';

/** Styled text of a preview block: figures subtly marked, unresolved placeholders in red. */
export function Segments({ segments, describe }: { segments: readonly Segment[]; describe(source: string): string | undefined }) {
  return (
    <>
      {segments.map((s, i) =>
        s.cls ? (
          <span key={i} className={`pv-${s.cls}`} title={s.cls === 'mk' && s.source ? describe(s.source) : s.cls === 'fig' ? s.source : undefined}>
            {s.text}
          </span>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
