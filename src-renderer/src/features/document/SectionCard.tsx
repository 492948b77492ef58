// One section: its heading and level (一、/（一）/1./（1） in a bulletin), its paragraphs, its tools.
import { useTranslation } from 'react-i18next';
import type { DocumentBody, Section } from '../../../../src-main/shared/document.ts';
import { moveSection, updateSection } from './bodyOps.ts';
import { ItemTools } from './ItemTools.tsx';
import { ParagraphList } from './ParagraphList.tsx';
import { headingNumber } from './preview/numbering.ts';
import { TextField } from './TextField.tsx';

export interface SectionCardProps {
  index: number;
  count: number;
  section: Section;
  update(f: (b: DocumentBody) => DocumentBody): void;
  removeSection(): void;
  removeParagraph(p: number): void;
}

export function SectionCard({ index, count, section, update, removeSection, removeParagraph }: SectionCardProps) {
  const { t } = useTranslation();
  const what = t('doc.section.name', { n: index + 1 });
  return (
    <section className="sec-card" aria-label={what} data-testid={`section-${index}`}>
      <div className="sec-head">
        <span className="sec-n">{what}</span>
        <TextField
          className="sec-heading"
          addr={{ field: 'heading', section: index }}
          label={t('doc.section.heading')}
          value={section.heading}
          maxLength={200}
          placeholder={t('doc.section.headingPlaceholder')}
          onChange={(v) => update((b) => updateSection(b, index, { heading: v }))}
        />
        <label className="sec-level">
          <span>{t('doc.section.level')}</span>
          <select value={section.level} onChange={(e) => update((b) => updateSection(b, index, { level: Number(e.target.value) }))}>
            {[1, 2, 3, 4].map((l) => (
              <option key={l} value={l}>
                {t('doc.section.levelN', { n: l, sample: headingNumber(l, 1) })}
              </option>
            ))}
          </select>
        </label>
        <ItemTools what={what} index={index} count={count} onMove={(by) => update((b) => moveSection(b, index, by))} onRemove={removeSection} />
      </div>
      <ParagraphList owner={index} paragraphs={section.paragraphs} update={update} remove={removeParagraph} />
    </section>
  );
}
