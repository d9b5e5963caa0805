import { Value } from '../../../components/Value.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import type { EvaluationScore } from '../../../../../src/domain/scoring.ts';
import type { FrameworkDef } from '../../../lib/types.ts';
import { fieldIdForScore } from '../draft.ts';
import { TableRegion } from '../../../components/TableRegion.tsx';

export interface ScoreGridProps {
  framework: FrameworkDef;
  scores: Record<string, string>;
  errors: Record<string, string>;
  live: EvaluationScore;
  onChange: (id: string, text: string) => void;
}

/** One table per area: subarea, max, points input validated as you type, percent; totals update live. */
export function ScoreGrid({ framework, scores, errors, live, onChange }: ScoreGridProps) {
  const t = useT();
  return (
    <div data-testid="score-grid">
      <p>{t('edit.scoresIntro')}</p>
      <div className="grand-total" role="status" aria-live="polite" aria-atomic="true">
        <span>{t('edit.grandTotal')}</span>
        <strong data-testid="live-total">
          <Value value={live.total} />
        </strong>
        <span className="muted">
          {t('chart.of')} {live.max} {t('common.points')}
        </span>
      </div>
      {framework.areas.map((area) => {
        const result = live.areas.find((a) => a.number === area.number);
        return (
          <section key={area.number} className="section" aria-labelledby={`poang-omrade-${area.number}`}>
            <h3 id={`poang-omrade-${area.number}`}>
              <span className="area-number">{area.number}</span>
              {area.title}
            </h3>
            <TableRegion label={t('eval.subareaTable', { n: area.number })}>
              <table className="score-grid">
                <caption className="sr-only">{t('eval.subareaTable', { n: area.number })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('common.subarea')}</th>
                    <th scope="col" className="num">
                      {t('common.max')}
                    </th>
                    <th scope="col" className="num">
                      {t('common.achieved')}
                    </th>
                    <th scope="col" className="num">
                      {t('common.percent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {area.subareas.map((s) => {
                    const id = fieldIdForScore(s.id);
                    const error = errors[s.id];
                    const sub = result?.subareas.find((x) => x.id === s.id);
                    return (
                      <tr key={s.id}>
                        <th scope="row">
                          <label htmlFor={id}>
                            <span className="muted">{s.id}</span> {s.title}
                          </label>
                        </th>
                        <td className="num">
                          <Value value={s.max} />
                        </td>
                        <td className="num">
                          <input
                            id={id}
                            type="text"
                            inputMode="decimal"
                            autoComplete="off"
                            value={scores[s.id] ?? ''}
                            onChange={(e) => onChange(s.id, e.target.value)}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${id}-fel` : undefined}
                            data-subarea={s.id}
                          />
                          {error && (
                            <p className="field-error" id={`${id}-fel`} role="alert">
                              {error}
                            </p>
                          )}
                        </td>
                        <td className="num">
                          <Value value={error ? null : (sub?.percent ?? null)} kind="percent" />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('edit.areaTotal', { n: area.number })}</th>
                    <td className="num">100</td>
                    <td className="num" data-testid={`live-area-${area.number}`}>
                      <Value value={result?.score ?? null} />
                    </td>
                    <td className="num">
                      <Value value={result?.percent ?? null} kind="percent" />
                    </td>
                  </tr>
                </tfoot>
              </table>
            </TableRegion>
          </section>
        );
      })}
    </div>
  );
}
