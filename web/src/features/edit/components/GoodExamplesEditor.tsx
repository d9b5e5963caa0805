import { MunicipalityPicker } from '../../../components/MunicipalityPicker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import type { FrameworkDef } from '../../../lib/types.ts';

type AreaDef = FrameworkDef['areas'][number];
import type { GoodExampleDraft } from '../draft.ts';

/** Named good examples of one area: which municipality, what it did, and which subarea it belongs to. */
export function GoodExamplesEditor({ area, items, onChange }: { area: AreaDef; items: GoodExampleDraft[]; onChange: (items: GoodExampleDraft[]) => void }) {
  const t = useT();
  const set = (i: number, patch: Partial<GoodExampleDraft>) => onChange(items.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const prefix = `gott-exempel-${area.number}`;
  return (
    <fieldset className="good-examples-editor" data-testid={`good-examples-${area.number}`}>
      <legend>{t('edit.goodExamples')}</legend>
      <p className="hint">{t('edit.goodExamplesHint')}</p>
      <ol className="item-list">
        {items.map((g, i) => (
          <li key={i} className="good-example-row">
            <MunicipalityPicker
              id={`${prefix}-${i}-kommun`}
              label={t('edit.goodExampleMunicipality', { n: i + 1 })}
              value={g.municipalityCode ? { code: g.municipalityCode, name: g.name, kind: 'kommun', countyCode: '', countyName: '' } : null}
              onChange={(m) => set(i, m ? { municipalityCode: m.code, name: m.name } : { municipalityCode: null })}
            />
            <div className="field">
              <label htmlFor={`${prefix}-${i}-namn`}>{t('edit.goodExampleName', { n: i + 1 })}</label>
              <input id={`${prefix}-${i}-namn`} value={g.name} onChange={(e) => set(i, { name: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${prefix}-${i}-delomrade`}>{t('edit.goodExampleSubarea', { n: i + 1 })}</label>
              <select id={`${prefix}-${i}-delomrade`} value={g.subareaId} onChange={(e) => set(i, { subareaId: e.target.value })}>
                <option value="">{t('edit.goodExampleWholeArea')}</option>
                {area.subareas.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id} {s.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${prefix}-${i}-text`}>{t('edit.goodExampleText', { n: i + 1 })}</label>
              <textarea id={`${prefix}-${i}-text`} rows={2} value={g.text} onChange={(e) => set(i, { text: e.target.value })} />
            </div>
            <button type="button" className="button secondary small" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('edit.goodExampleRemove', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" className="button secondary small" onClick={() => onChange([...items, { municipalityCode: null, name: '', subareaId: '', text: '' }])}>
          + {t('edit.goodExampleAdd')}
        </button>
      </p>
    </fieldset>
  );
}
