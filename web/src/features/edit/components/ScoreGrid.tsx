import { Value } from '../../../components/Value.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import type { EvaluationScore } from '../../../../../src/domain/scoring.ts';
import type { FrameworkDef } from '../../../lib/types.ts';
import { fieldIdForScore } from '../draft.ts';
import { ScoreTable } from '../../../components/ScoreTable.tsx';
import { AREA_MAX } from '../../../../../src/domain/framework.ts';

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
            <ScoreTable
              caption={t('eval.subareaTable', { n: area.number })}
              className="score-grid"
              rowHeaderTitle={t('common.subarea')}
              rows={area.subareas}
              rowKey={(s) => s.id}
              rowHeader={(s) => (
                <label htmlFor={fieldIdForScore(s.id)}>
                  <span className="muted">{s.id}</span> {s.title}
                </label>
              )}
              totalHeader={t('edit.areaTotal', { n: area.number })}
              columns={[
                { key: 'max', header: t('common.max'), cell: (s) => <Value value={s.max} />, total: AREA_MAX },
                {
                  key: 'achieved',
                  header: t('common.achieved'),
                  cell: (s) => <PointsInput id={fieldIdForScore(s.id)} subareaId={s.id} value={scores[s.id] ?? ''} error={errors[s.id]} onChange={onChange} />,
                  total: <Value value={result?.score ?? null} />,
                  totalProps: { 'data-testid': `live-area-${area.number}` },
                },
                {
                  key: 'percent',
                  header: t('common.percent'),
                  cell: (s) => <Value value={errors[s.id] ? null : (result?.subareas.find((x) => x.id === s.id)?.percent ?? null)} kind="percent" />,
                  total: <Value value={result?.percent ?? null} kind="percent" />,
                },
              ]}
            />
          </section>
        );
      })}
    </div>
  );
}

/** The points of one subarea as typed, with its error (validated as you type). */
function PointsInput({ id, subareaId, value, error, onChange }: { id: string; subareaId: string; value: string; error: string | undefined; onChange: (id: string, text: string) => void }) {
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(subareaId, e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-fel` : undefined}
        data-subarea={subareaId}
      />
      {error && (
        <p className="field-error" id={`${id}-fel`} role="alert">
          {error}
        </p>
      )}
    </>
  );
}
