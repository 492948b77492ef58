// A native modal <dialog>: the browser gives focus trapping, Escape and the backdrop for free.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogProps {
  title: string;
  testId: string;
  onClose(): void;
  /** When given, the body is a form and the dialog shows Cancel / submit buttons. */
  onSubmit?: (e: FormEvent) => void;
  submitLabel?: string;
  submitDisabled?: boolean;
  /** The footer's other button, which closes the dialog: 取消 unless closing does something else (an export goes on in the background). */
  cancelLabel?: string;
  error?: string | null;
  wide?: boolean;
  children: ReactNode;
}

export function Dialog({ title, testId, onClose, onSubmit, submitLabel, submitDisabled, cancelLabel, error, wide, children }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal() focuses the first focusable element, the close button: typing would go nowhere.
    // The field marked data-autofocus (a search box), else the first field, takes the keyboard.
    // (Two lookups: one selector list would take whichever comes first in the page, a radio before the search box.)
    (d?.querySelector<HTMLElement>('[data-autofocus]') ?? d?.querySelector<HTMLElement>('.dialog-body input:not([type=hidden]):not([disabled]), .dialog-body select, .dialog-body textarea'))?.focus();
  }, []);
  const body = (
    <>
      <header className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon" aria-label={t('dialog.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {error ? (
        <div className="dialog-error" role="alert" data-testid="dialog-error">
          {error}
        </div>
      ) : null}
      {onSubmit ? (
        <footer className="dialog-foot">
          <button type="button" data-testid={`${testId}-dismiss`} onClick={onClose}>
            {cancelLabel ?? t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={submitDisabled}>
            {submitLabel ?? t('dialog.create')}
          </button>
        </footer>
      ) : null}
    </>
  );
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {onSubmit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit(e);
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}
