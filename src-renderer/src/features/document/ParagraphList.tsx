// The paragraphs of the lead (owner -1) or of a section, each with its tools; Enter splits one.
import { useTranslation } from 'react-i18next';
import type { DocumentBody } from '../../../../src-main/shared/document.ts';
import { placeLabel } from '../../../../src-main/shared/errors.ts';
import { useLocale } from '../../i18n/index.ts';
import { addParagraph, moveParagraph } from './bodyOps.ts';
import { useEditor } from './editorContext.ts';
import { setFieldText, type FieldAddr } from './fields.ts';
import { ItemTools } from './ItemTools.tsx';
import { TextField } from './TextField.tsx';

export interface ParagraphListProps {
  owner: number;
  paragraphs: readonly string[];
  update(f: (b: DocumentBody) => DocumentBody): void;
  remove(index: number): void;
}

export function ParagraphList({ owner, paragraphs, update, remove }: ParagraphListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { focusLater } = useEditor();
  const addrOf = (i: number): FieldAddr => (owner < 0 ? { field: 'lead', paragraph: i } : { field: 'paragraph', section: owner, paragraph: i });

  const split = (i: number, before: string, after: string) => {
    update((b) => setFieldText(setFieldText(addParagraph(b, owner, i), addrOf(i), before), addrOf(i + 1), after));
    focusLater(addrOf(i + 1), 0);
  };
  const add = () => {
    update((b) => addParagraph(b, owner));
    focusLater(addrOf(paragraphs.length), 0);
  };

  return (
    <div className="para-list">
      {paragraphs.map((text, i) => {
        const addr = addrOf(i);
        return (
          <div className="para" key={i}>
            <span className="para-n" aria-hidden="true">
              {i + 1}
            </span>
            <TextField
              addr={addr}
              value={text}
              maxLength={20_000}
              placeholder={t('doc.field.paragraphPlaceholder')}
              onChange={(v) => update((b) => setFieldText(b, addr, v))}
              onSplit={(before, after) => split(i, before, after)}
            />
            <ItemTools what={placeLabel(addr, locale)} index={i} count={paragraphs.length} onMove={(by) => update((b) => moveParagraph(b, owner, i, by))} onRemove={() => remove(i)} />
          </div>
        );
      })}
      <button type="button" className="add-btn" data-testid={owner < 0 ? 'add-lead-paragraph' : `add-paragraph-${owner}`} onClick={add}>
        + {t('doc.para.add')}
      </button>
    </div>
  );
}
