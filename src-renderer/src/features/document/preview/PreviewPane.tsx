// The page as it will print, magazine or bulletin, scaled to the pane. Clicking a paragraph leads
// to its field in the editor.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolvedDocument, Template, TextPlace } from '../../../../../src-main/shared/document.ts';
import type { FontMap } from '../../../../../src-main/shared/settings.ts';
import { BulletinPage } from './BulletinPage.tsx';
import { fontVars } from './fonts.ts';
import { PAGE_W, templateVars } from './geometry.ts';
import { MagazinePage } from './MagazinePage.tsx';
import { PrintButton } from './PrintButton.tsx';
import { usePreviewLayout } from './usePreviewLayout.ts';
import { errorText } from '../../../app/errors.ts';
import { useLocale } from '../../../i18n/index.ts';
import './preview.css';

export interface PreviewPaneProps {
  doc: ResolvedDocument | null;
  template: Template;
  onTemplate(t: Template): void;
  fonts: FontMap | null;
  describe(source: string): string | undefined;
  onPick(place: TextPlace): void;
  /** The 版式 panel, shown above the pages when open. */
  layoutPanel: ReactNode;
  layoutOpen: boolean;
  onToggleLayout(): void;
  /** Laid with the export's 注明数据来源: the magazine's footnotes, the bulletin's list after the body. */
  sources: boolean;
  onSources(on: boolean): void;
  /** The bulletin issue's further articles (ticked in the export dialog), resolved: laid after this document as the export binds them. */
  articles?: readonly ResolvedDocument[];
  /** Why the articles could not be read (the bulletin is then laid alone). */
  articlesError?: unknown;
  onArticlesClear?(): void;
}

const NONE: readonly ResolvedDocument[] = [];

function useFitZoom(max = 1) {
  const ref = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(0.6);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setZoom(Math.min(max, Math.max(0.3, (el.clientWidth - 40) / PAGE_W))));
    ro.observe(el);
    return () => ro.disconnect();
  }, [max]);
  return { ref, zoom };
}

export function PreviewPane({ doc, template, onTemplate, fonts, describe, onPick, layoutPanel, layoutOpen, onToggleLayout, sources, onSources, articles = NONE, articlesError, onArticlesClear }: PreviewPaneProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const style = { ...fontVars(fonts), ...templateVars(template) };
  const issue = template === 'bulletin' ? articles : NONE;
  const preview = usePreviewLayout(template, doc, sources, issue);
  const { ref, zoom } = useFitZoom();
  const pageCount = preview?.layout.pages.length ?? 0;
  return (
    <section className="doc-preview" data-testid="doc-preview" aria-label={t('doc.preview.label')}>
      <div className="doc-preview-bar">
        <div className="toggle" role="group" aria-label={t('doc.preview.template')}>
          {(['magazine', 'bulletin'] as const).map((k) => (
            <button key={k} type="button" data-testid={`preview-${k}`} aria-pressed={template === k} className={template === k ? 'on' : undefined} onClick={() => onTemplate(k)}>
              {t(`doc.template.${k}`)}
            </button>
          ))}
        </div>
        <label className="check" title={t(template === 'magazine' ? 'doc.preview.sourcesAbout' : 'doc.preview.sourcesAboutBulletin')}>
          <input type="checkbox" data-testid="preview-sources" checked={sources} onChange={(e) => onSources(e.target.checked)} />
          {t('doc.preview.sources')}
        </label>
        {doc && issue.length ? (
          <span className="preview-issue" data-testid="preview-issue">
            {t('doc.preview.issue', { count: issue.length + 1, parks: [doc.parkName, ...issue.map((a) => a.parkName)].join(locale === 'en' ? ', ' : '、') })}
            {onArticlesClear ? (
              <button type="button" className="link" data-testid="preview-issue-clear" onClick={onArticlesClear}>
                {t('doc.preview.issueAlone')}
              </button>
            ) : null}
          </span>
        ) : null}
        {template === 'bulletin' && articlesError ? (
          <span className="error" data-testid="preview-issue-error">
            {t('doc.preview.issueFailed', { message: errorText(articlesError, locale) })}
          </span>
        ) : null}
        <span className="spacer" />
        {preview ? <span className="muted">{t('doc.preview.pages', { count: pageCount })}</span> : null}
        {doc && preview ? <PrintButton doc={doc} template={template} /> : null}
        <button type="button" data-testid="layout-toggle" aria-expanded={layoutOpen} onClick={onToggleLayout}>
          {t('doc.layout.button')}
        </button>
      </div>
      {layoutOpen ? layoutPanel : null}
      <div className="doc-preview-scroll" ref={ref}>
        {doc && preview ? (
          <div className={`pv-root pv-${template}`} style={{ ...style, zoom }} data-template={template}>
            {preview.template === 'magazine'
              ? preview.layout.pages.map((_, i) => <MagazinePage key={i} doc={doc} layout={preview.layout} index={i} describe={describe} onPick={onPick} />)
              : preview.layout.pages.map((_, i) => <BulletinPage key={i} doc={doc} layout={preview.layout} index={i} describe={describe} onPick={onPick} />)}
          </div>
        ) : (
          <p className="muted doc-pad">{t('doc.preview.waiting')}</p>
        )}
      </div>
    </section>
  );
}
