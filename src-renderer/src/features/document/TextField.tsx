// One text field of the document: a textarea that grows with its text (CSS field-sizing), remembers
// the caret for the figure picker, and shows below it the text as it will print.
import type { KeyboardEvent, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { placeLabel } from '../../../../src-main/shared/errors.ts';
import { useLocale } from '../../i18n/index.ts';
import { useEditor } from './editorContext.ts';
import { fieldDomId, runsAt, type FieldAddr } from './fields.ts';
import { RunsLine } from './RunsLine.tsx';

export interface TextFieldProps {
  addr: FieldAddr;
  value: string;
  onChange(text: string): void;
  /** A visible label; without it the field is named by its place (导语第1段). */
  label?: string;
  placeholder?: string;
  maxLength: number;
  /** A paragraph: Enter splits it in two at the caret. Other fields are one line: Enter does nothing. */
  onSplit?(before: string, after: string): void;
  className?: string;
}

const hasPlaceholder = (s: string) => /[{｛]/.test(s);

export function TextField({ addr, value, onChange, label, placeholder, maxLength, onSplit, className }: TextFieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { resolved, remember } = useEditor();
  const id = fieldDomId(addr);
  const name = label ?? placeLabel(addr, locale);
  const runs = resolved ? runsAt(resolved, addr) : null;
  const showRendered = runs && value.trim() && (addr.field === 'lead' || addr.field === 'paragraph' || hasPlaceholder(value));

  const track = (e: SyntheticEvent<HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    remember({ addr, start: el.selectionStart, end: el.selectionEnd });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229 || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (!onSplit) return;
    const el = e.currentTarget;
    onSplit(el.value.slice(0, el.selectionStart), el.value.slice(el.selectionEnd));
  };

  return (
    <div className={className ? `tf ${className}` : 'tf'}>
      {label ? (
        <label className="tf-label" htmlFor={id}>
          {label}
        </label>
      ) : null}
      <textarea
        id={id}
        className="tf-input"
        data-field={addr.field}
        aria-label={label ? undefined : name}
        rows={1}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => {
          onChange(e.target.value);
          track(e);
        }}
        onFocus={track}
        onSelect={track}
        onKeyDown={onKeyDown}
      />
      {showRendered ? <RunsLine runs={runs} addr={addr} problems={resolved?.problems ?? []} label={t('doc.rendered')} /> : null}
    </div>
  );
}
