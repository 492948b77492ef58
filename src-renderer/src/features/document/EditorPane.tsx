// The text of the document, top to bottom: head fields, lead, sections, photos.
import { useTranslation } from 'react-i18next';
import type { DocumentBody } from '../../../../src-main/shared/document.ts';
import { placeLabel } from '../../../../src-main/shared/errors.ts';
import { useLocale } from '../../i18n/index.ts';
import { AddPhotoButton } from './AddPhotoButton.tsx';
import { addPhoto, addSection, removeParagraph, removePhoto, removeSection } from './bodyOps.ts';
import { useEditor } from './editorContext.ts';
import { HeadFields } from './HeadFields.tsx';
import { ParagraphList } from './ParagraphList.tsx';
import { PhotoCard } from './PhotoCard.tsx';
import { SectionCard } from './SectionCard.tsx';

export interface EditorPaneProps {
  body: DocumentBody;
  update(f: (b: DocumentBody) => DocumentBody): void;
  /** A removal that can be taken back from the notice it leaves. */
  removeWithUndo(what: string, f: (b: DocumentBody) => DocumentBody): void;
}

export function EditorPane({ body, update, removeWithUndo }: EditorPaneProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { focusLater } = useEditor();
  const lastSection = body.sections.length - 1;
  return (
    <div className="editor-pane" data-testid="doc-editor">
      <HeadFields body={body} update={update} />
      <section className="lead-block" aria-labelledby="doc-lead-h">
        <h3 id="doc-lead-h" className="block-h">
          {t('doc.field.lead')}
        </h3>
        <ParagraphList
          owner={-1}
          paragraphs={body.lead}
          update={update}
          remove={(p) => removeWithUndo(placeLabel({ field: 'lead', paragraph: p }, locale), (b) => removeParagraph(b, -1, p))}
        />
      </section>
      {body.sections.map((s, i) => (
        <SectionCard
          key={i}
          index={i}
          count={body.sections.length}
          section={s}
          update={update}
          removeSection={() => removeWithUndo(t('doc.section.name', { n: i + 1 }), (b) => removeSection(b, i))}
          removeParagraph={(p) => removeWithUndo(placeLabel({ field: 'paragraph', section: i, paragraph: p }, locale), (b) => removeParagraph(b, i, p))}
        />
      ))}
      <button
        type="button"
        className="add-btn add-section"
        data-testid="add-section"
        onClick={() => {
          update((b) => addSection(b));
          focusLater({ field: 'heading', section: body.sections.length });
        }}
      >
        + {t('doc.section.add')}
      </button>
      <section className="photos-block" aria-labelledby="doc-photos-h">
        <h3 id="doc-photos-h" className="block-h">
          {t('doc.photo.title')}
        </h3>
        {body.photos.map((p, i) => (
          <PhotoCard
            key={`${p.photo}-${i}`}
            index={i}
            photo={p}
            sections={body.sections}
            update={update}
            remove={() => removeWithUndo(t('doc.photo.name', { n: i + 1 }), (b) => removePhoto(b, i))}
          />
        ))}
        <AddPhotoButton onAdded={(info) => update((b) => addPhoto(b, info.sha256, lastSection))} />
      </section>
    </div>
  );
}
