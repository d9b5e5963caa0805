/**
 * A labelled drop-down in a form field: an optional first choice meaning "any" (value ""), then the
 * options in order. Used by the filters and forms that choose one value from a list.
 */
import type { ReactNode } from 'react';

export interface SelectOption {
  value: string | number;
  label: ReactNode;
}

export interface SelectFieldProps {
  id: string;
  label: ReactNode;
  value: string | number;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** The first choice, value "" ("Alla", "Alla län"); none when left out. */
  empty?: ReactNode;
  className?: string;
}

export function SelectField({ id, label, value, onChange, options, empty, className }: SelectFieldProps) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
