import { useState } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { useMunicipalitySearch } from '../lib/municipalities.ts';
import type { MunicipalityItem } from '../lib/types.ts';
import { useDebounced } from '../lib/useDebounced.ts';

/**
 * A search field for one municipality by name or code; the choice is announced and listed as buttons.
 * The field shows what the user types, and otherwise the chosen municipality's name, so a value that
 * arrives later (a preset loaded from the address) fills the field too. Typing clears the choice.
 */
export function MunicipalityPicker({ id, label, value, onChange, error }: { id: string; label: string; value: MunicipalityItem | null; onChange: (m: MunicipalityItem | null) => void; error?: string }) {
  const t = useT();
  const [typed, setTyped] = useState<string | null>(null);
  const q = typed ?? value?.name ?? '';
  const search = useMunicipalitySearch(useDebounced(q, 200));
  const results = (search.data?.items ?? []).filter((m) => m.code !== value?.code);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('edit.municipalityHint')}
      </p>
      <input
        id={id}
        type="search"
        value={q}
        autoComplete="off"
        onChange={(e) => {
          setTyped(e.target.value);
          onChange(null);
        }}
        aria-describedby={`${id}-hint ${id}-chosen${error ? ` ${id}-fel` : ''}`}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <p className="field-error" id={`${id}-fel`}>
          {error}
        </p>
      )}
      <p id={`${id}-chosen`} className="small" role="status" aria-live="polite">
        {value ? t('edit.municipalityChosen', { name: value.name, code: value.code }) : ''}
      </p>
      {q.trim() && results.length > 0 && !value && (
        <ul className="search-results" aria-label={t('start.search.results', { n: results.length })}>
          {results.map((m) => (
            <li key={m.code}>
              <button
                type="button"
                className="button secondary small"
                onClick={() => {
                  setTyped(null);
                  onChange(m);
                }}
              >
                {m.name} <span className="muted">{m.code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
