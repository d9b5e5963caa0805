import { useRef } from 'react';
import { useT } from '../../../i18n/i18n.tsx';

export interface ListEditorProps {
  idPrefix: string;
  legend: string;
  items: string[];
  onChange: (items: string[]) => void;
  /** Problems of rows as typed (by row index), shown under them. */
  errors?: Readonly<Record<number, string>>;
}

/** An ordered list of short texts: add, remove, move up/down; all by keyboard. */
export function ListEditor({ idPrefix, legend, items, onChange, errors = {} }: ListEditorProps) {
  const t = useT();
  const listRef = useRef<HTMLOListElement>(null);
  const focusItem = (i: number) =>
    window.requestAnimationFrame(() => listRef.current?.querySelector<HTMLTextAreaElement>(`#${idPrefix}-${i}`)?.focus());
  const set = (i: number, v: string) => onChange(items.map((x, j) => (j === i ? v : x)));
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    if (j < 0 || j >= items.length) return;
    const next = [...items];
    const a = next[i] ?? '';
    next[i] = next[j] ?? '';
    next[j] = a;
    onChange(next);
    focusItem(j);
  };
  const remove = (i: number) => {
    onChange(items.filter((_, j) => j !== i));
    focusItem(Math.max(0, Math.min(i, items.length - 2)));
  };
  const add = () => {
    onChange([...items, '']);
    focusItem(items.length);
  };
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ol className="item-list" ref={listRef}>
        {items.map((item, i) => (
          <li key={i}>
            <label className="sr-only" htmlFor={`${idPrefix}-${i}`}>
              {`${legend}: ${t('edit.itemN', { n: i + 1 })}`}
            </label>
            <textarea
              id={`${idPrefix}-${i}`}
              rows={2}
              value={item}
              onChange={(e) => set(i, e.target.value)}
              aria-invalid={errors[i] ? true : undefined}
              aria-describedby={errors[i] ? `${idPrefix}-${i}-fel` : undefined}
            />
            <span className="item-actions">
              <button type="button" className="icon-button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('edit.moveItemUp', { n: i + 1 })} title={t('common.moveUp')}>
                ↑
              </button>
              <button type="button" className="icon-button" onClick={() => move(i, 1)} disabled={i === items.length - 1} aria-label={t('edit.moveItemDown', { n: i + 1 })} title={t('common.moveDown')}>
                ↓
              </button>
              <button type="button" className="icon-button" onClick={() => remove(i)} aria-label={t('edit.removeItem', { n: i + 1 })} title={t('common.remove')}>
                ×
              </button>
            </span>
            {errors[i] && (
              <p className="field-error" id={`${idPrefix}-${i}-fel`}>
                {errors[i]}
              </p>
            )}
          </li>
        ))}
      </ol>
      <p>
        <button type="button" className="button secondary small" onClick={add}>
          + {t('edit.addItem')}
        </button>
      </p>
    </fieldset>
  );
}
