/**
 * Labelled form fields: the label tied to its control by id, and an optional hint tied to it by
 * `aria-describedby` (so a screen reader reads the hint with the field). `Field` wraps any control
 * (textarea, file input, select); `TextField` is the common case of a text, date, time, number or URL input.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';

interface ControlProps {
  id: string;
  'aria-describedby'?: string;
}

export function Field({ id, label, hint, className, children }: { id: string; label: ReactNode; hint?: ReactNode; className?: string; children: (control: ControlProps) => ReactNode }) {
  const hintId = `${id}-hint`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(hint === undefined ? { id } : { id, 'aria-describedby': hintId })}
      {hint !== undefined && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  ...input
}: { id: string; label: ReactNode; hint?: ReactNode; value: string; onChange: (value: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <Field id={id} label={label} {...(hint === undefined ? {} : { hint })}>
      {(control) => <input {...input} {...control} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
