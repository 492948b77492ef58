// The article as read, every figure found marked; a mark and its row are linked both ways.
import { Fragment, useEffect, useRef } from 'react';
import type { Row } from './rows.ts';

export function ArticleText({ text, rows, selected, onSelect }: { text: string; rows: readonly Row[]; selected: number; onSelect(i: number): void }) {
  const marks = useRef<(HTMLElement | null)[]>([]);
  useEffect(() => {
    marks.current[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const pieces: React.ReactNode[] = [];
  let at = 0;
  rows.forEach((r, i) => {
    const { start, end } = r.figure;
    if (start < at) return;
    pieces.push(<Fragment key={`t${i}`}>{text.slice(at, start)}</Fragment>);
    pieces.push(
      <mark
        key={`m${i}`}
        ref={(el) => {
          marks.current[i] = el;
        }}
        className={`article-mark ${r.decision}${i === selected ? ' selected' : ''}`}
        data-testid={`article-mark-${i}`}
        onClick={() => onSelect(i)}
      >
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  });
  pieces.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return (
    <div className="article-text" data-testid="article-text">
      {pieces}
    </div>
  );
}
