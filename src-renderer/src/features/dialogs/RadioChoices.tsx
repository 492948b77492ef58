// One choice among a few, as every dialog asks it (template, chart shape, rounding …): a fieldset
// with its legend and a radio per option. The dialogs each spelt out this markup before.
import type { ReactNode } from 'react';

export interface RadioChoicesProps<K extends string> {
  legend: string;
  /** The radios' group name, unique in the page. */
  name: string;
  options: readonly K[];
  // The options alone say what K is; the rest follow it.
  value: NoInfer<K> | null;
  onChange(k: NoInfer<K>): void;
  label(k: NoInfer<K>): ReactNode;
  testId(k: NoInfer<K>): string;
  className?: string;
  lineClassName?: string;
  /** Further controls that belong to the same question, after the radios. */
  children?: ReactNode;
}

export function RadioChoices<K extends string>({ legend, name, options, value, onChange, label, testId, className, lineClassName, children }: RadioChoicesProps<K>) {
  return (
    <fieldset className={className ? `choice-group ${className}` : 'choice-group'}>
      <legend>{legend}</legend>
      {options.map((k) => (
        <label key={k} className={lineClassName ? `check ${lineClassName}` : 'check'}>
          <input type="radio" name={name} value={k} data-testid={testId(k)} checked={value === k} onChange={() => onChange(k)} />
          {label(k)}
        </label>
      ))}
      {children}
    </fieldset>
  );
}
