/**
 * The texts and lists of an import preview, with controls to fix what the importer could not decide:
 * move an item between strengths, improvement opportunities and unsorted; reassign a subarea text;
 * correct a subarea's points. Every change is a correction sent with the import.
 */
import { useId } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import type { ImportCorrection, ImportList, ImportPreview } from '../api/import.ts';

type Area = ImportPreview['areas'][number];

/** The preview as the user sees it after their corrections (the server applies the same ones). */
export function correctedPreview(preview: ImportPreview, corrections: readonly ImportCorrection[]): ImportPreview {
  const p = structuredClone(preview);
  for (const c of corrections) {
    if (c.kind === 'move-item') {
      const a = p.areas.find((x) => x.number === c.area);
      if (!a) continue;
      const i = a[c.from].indexOf(c.text);
      if (i < 0) continue;
      a[c.from].splice(i, 1);
      a[c.to].push(c.text);
    } else if (c.kind === 'move-text') {
      const a = p.areas.find((x) => x.number === c.area);
      const text = a?.texts[c.from];
      if (!a || text === undefined || c.from === c.to) continue;
      a.texts[c.to] = a.texts[c.to] ? `${a.texts[c.to]}\n\n${text}` : text;
      delete a.texts[c.from];
    } else if (c.kind === 'set-score') {
      const s = p.areas.flatMap((a) => a.subareas).find((x) => x.id === c.subarea);
      if (s) s.achieved = c.value;
    }
  }
  return p;
}

const LISTS: readonly ImportList[] = ['strengths', 'improvements', 'unsorted'];

function ItemList({ area, list, onMove }: { area: Area; list: ImportList; onMove: (text: string, to: ImportList) => void }) {
  const t = useT();
  const id = useId();
  const items = area[list];
  const heading = t(`import.review.${list}`);
  return (
    <div className="card" data-testid={`import-list-${area.number}-${list}`}>
      <h5 id={`${id}-h`} style={{ marginTop: 0 }}>
        {heading} ({items.length})
      </h5>
      {items.length === 0 ? (
        <p className="muted small">{t('import.review.empty')}</p>
      ) : (
        <ul aria-labelledby={`${id}-h`}>
          {items.map((text, i) => {
            const review = area.review.find((r) => r.text === text);
            const selectId = `${id}-${i}`;
            return (
              <li key={`${i}-${text}`} data-testid="import-item">
                <span>{text}</span>
                {review && review.confidence < 1 && (
                  <span className="muted small" data-testid="import-check">
                    {' '}
                    ({t('import.review.check', { pct: Math.round(review.confidence * 100) })})
                  </span>
                )}
                <div className="field">
                  <label htmlFor={selectId} className="sr-only">
                    {t('import.review.moveTo', { text: text.slice(0, 80) })}
                  </label>
                  <select id={selectId} value={list} onChange={(e) => onMove(text, e.target.value as ImportList)} data-testid="import-move">
                    {LISTS.map((l) => (
                      <option key={l} value={l}>
                        {t(`import.review.${l}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function ImportReview({ preview, corrections, onChange }: { preview: ImportPreview; corrections: ImportCorrection[]; onChange: (next: ImportCorrection[]) => void }) {
  const t = useT();
  const id = useId();
  const p = correctedPreview(preview, corrections);
  const add = (c: ImportCorrection) => onChange([...corrections, c]);
  return (
    <section className="section" aria-labelledby={`${id}-title`} data-testid="import-review">
      <h3 id={`${id}-title`}>{t('import.review.title')}</h3>
      <p className="hint">{t('import.review.intro')}</p>
      {corrections.length > 0 && (
        <p role="status" data-testid="import-corrections">
          {t('import.review.corrections', { n: corrections.length })}{' '}
          <button type="button" className="button secondary" onClick={() => onChange([])}>
            {t('import.review.undo')}
          </button>
        </p>
      )}
      {p.areas.map((a) => (
        <details key={a.number} open={a.unsorted.length > 0 || a.review.length > 0} data-testid={`import-area-${a.number}`}>
          <summary>
            <h4 style={{ display: 'inline' }}>{t('import.review.area', { n: a.number, title: a.title })}</h4>
          </summary>
          <div className="grid-3">
            {LISTS.map((l) => (
              <ItemList key={l} area={a} list={l} onMove={(text, to) => to !== l && add({ kind: 'move-item', area: a.number, text, from: l, to })} />
            ))}
          </div>
          <h5>{t('import.review.texts')}</h5>
          {Object.keys(a.texts).length === 0 ? (
            <p className="muted small">{t('import.review.noTexts')}</p>
          ) : (
            <dl data-testid={`import-texts-${a.number}`}>
              {a.subareas
                .filter((s) => a.texts[s.id] !== undefined)
                .map((s) => {
                  const selectId = `${id}-${a.number}-${s.id}`;
                  return (
                    <div key={s.id} data-testid="import-text">
                      <dt>
                        {s.id} {s.title}
                      </dt>
                      <dd>
                        <p className="small" style={{ whiteSpace: 'pre-wrap' }}>
                          {(a.texts[s.id] ?? '').slice(0, 600)}
                          {(a.texts[s.id] ?? '').length > 600 ? ' …' : ''}
                        </p>
                        <label htmlFor={selectId}>{t('import.review.textBelongsTo', { id: s.id })}</label>{' '}
                        <select id={selectId} value={s.id} onChange={(e) => add({ kind: 'move-text', area: a.number, from: s.id, to: e.target.value })} data-testid="import-text-move">
                          {a.subareas.map((o) => (
                            <option key={o.id} value={o.id}>
                              {o.id}
                            </option>
                          ))}
                        </select>
                      </dd>
                    </div>
                  );
                })}
            </dl>
          )}
          <h5>{t('import.review.scores')}</h5>
          <div className="grid-3">
            {a.subareas.map((s) => {
              const inputId = `${id}-score-${s.id}`;
              return (
                <div className="field" key={s.id}>
                  <label htmlFor={inputId}>{t('import.review.scoreFor', { id: s.id, max: s.max ?? '–' })}</label>
                  <input
                    id={inputId}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={s.max ?? 100}
                    step="0.1"
                    defaultValue={s.achieved ?? ''}
                    onBlur={(e) => {
                      const raw = e.target.value.trim();
                      const value = raw === '' ? null : Number(raw.replace(',', '.'));
                      if (value !== s.achieved && (value === null || Number.isFinite(value))) add({ kind: 'set-score', subarea: s.id, value });
                    }}
                    data-testid={`import-score-${s.id}`}
                  />
                </div>
              );
            })}
          </div>
        </details>
      ))}
    </section>
  );
}
