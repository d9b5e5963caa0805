/**
 * The municipality's indicators on the plan page: per indicator its values against its targets (chart
 * and table), the targets with the plan item each is tied to, and for owners: edit the indicator
 * (name, unit, direction, baseline), add and remove targets, record a value, add an indicator, import a
 * Kolada JSON or CSV file (every problem in a refused file listed with its line).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { indicatorOption } from '../../../../src/charts/definitions.ts';
import { Chart } from '../../components/Chart.tsx';
import { isApiError } from '../../lib/api.ts';
import { isCodedValidation } from '../../lib/validation.ts';
import { useWordProblem } from '../../components/Status.tsx';
import { useFormat } from '../../lib/format.ts';
import { useResource } from '../../lib/useResource.ts';
import { useT } from '../../i18n/i18n.tsx';
import { addTarget, createIndicator, deleteTarget, fetchIndicators, importIndicators, recordValue, updateIndicator, type ActionPlan, type Indicator } from './api/follow-up.ts';

const parseNumber = (s: string): number | null => {
  const v = s.trim().replace(/\s/g, '').replace(',', '.').replace('−', '-');
  return v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
};

function DirectionSelect({ value, onChange }: { value: Indicator['direction']; onChange: (v: Indicator['direction']) => void }) {
  const t = useT();
  return (
    <label>
      {t('plan.direction')}
      <select value={value} onChange={(e) => onChange(e.target.value as Indicator['direction'])}>
        <option value="higher">{t('plan.higherBetter')}</option>
        <option value="lower">{t('plan.lowerBetter')}</option>
      </select>
    </label>
  );
}

type Run = (f: () => Promise<unknown>, ok: string) => Promise<boolean>;

function IndicatorCard({ plan, indicator, run }: { plan: ActionPlan; indicator: Indicator; run: Run }) {
  const t = useT();
  const f = useFormat();
  const edit = plan.canEdit;
  const values = useMemo(() => indicator.values.filter((v) => v.gender === 'T'), [indicator]);
  const key = (k: string) => `ind-${indicator.id}-${k}`;
  const [name, setName] = useState(indicator.name);
  const [unit, setUnit] = useState(indicator.unit);
  const [direction, setDirection] = useState(indicator.direction);
  const [baseValue, setBaseValue] = useState(indicator.baseline ? f.input(indicator.baseline.value) : '');
  const [basePeriod, setBasePeriod] = useState(indicator.baseline ? String(indicator.baseline.period) : '');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [value, setValue] = useState('');
  const [tLabel, setTLabel] = useState('');
  const [tYear, setTYear] = useState(String(new Date().getFullYear() + 1));
  const [tDate, setTDate] = useState('');
  const [tValue, setTValue] = useState('');
  const [tItem, setTItem] = useState('');
  const option = useMemo(
    () => indicatorOption({ name: indicator.name, unit: indicator.unit, values, targets: indicator.targets, words: { measured: t('plan.measured'), target: t('plan.target'), description: t('plan.indicatorChart') } }),
    [indicator, values, t],
  );
  const itemName = (id: string | null) => plan.items.find((i) => i.id === id)?.improvement ?? '';
  const saveDetails = (e: FormEvent) => {
    e.preventDefault();
    const bv = parseNumber(baseValue);
    const bp = basePeriod.trim() ? Number(basePeriod) : null;
    void run(() => updateIndicator(indicator.id, { name, unit, direction, baselineValue: bv, baselinePeriod: bv === null ? null : bp }), t('plan.saved'));
  };
  const saveValue = (e: FormEvent) => {
    e.preventDefault();
    void run(() => recordValue(indicator.id, Number(year), parseNumber(value) ?? Number.NaN), t('plan.valueSaved')).then((ok) => ok && setValue(''));
  };
  const saveTarget = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => addTarget(indicator.id, { label: tLabel, period: Number(tYear), date: tDate || null, value: parseNumber(tValue) ?? Number.NaN, planItemId: tItem || null }),
      t('plan.targetSaved'),
    ).then((ok) => ok && (setTLabel(''), setTValue('')));
  };
  return (
    <section className="indicator" aria-labelledby={key('h')} data-testid="indicator">
      <h3 id={key('h')}>
        {indicator.name} {indicator.unit && <span className="muted">({indicator.unit})</span>}
      </h3>
      <p className="muted">
        {indicator.kpi} · {indicator.direction === 'higher' ? t('plan.higherBetter') : t('plan.lowerBetter')}
        {indicator.baseline && ` · ${t('plan.baseline')}: ${f.number(indicator.baseline.value)} (${indicator.baseline.period})`}
        {indicator.demo && ` · ${t('plan.demoShort')}`}
      </p>
      {(values.length > 0 || indicator.targets.length > 0) && (
        <Chart
          option={option}
          label={t('plan.indicatorChart')}
          height={240}
          table={
            <table>
              <caption>{indicator.name}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plan.year')}</th>
                  <th scope="col">{t('plan.value')}</th>
                </tr>
              </thead>
              <tbody>
                {values.map((v) => (
                  <tr key={v.period}>
                    <td>{v.period}</td>
                    <td>{f.number(v.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
      {values.length === 0 && <p>{t('plan.noValues')}</p>}
      <h4>{t('plan.targets')}</h4>
      {indicator.targets.length === 0 ? (
        <p>{t('plan.noTargets')}</p>
      ) : (
        <ul>
          {indicator.targets.map((x) => (
            <li key={x.id}>
              {x.label && `${x.label}: `}
              {f.number(x.value)} {indicator.unit} {t('plan.byDate', { date: x.date ?? String(x.period) })}
              {x.planItemId && ` · ${t('plan.tiedTo', { item: itemName(x.planItemId) })}`}{' '}
              {edit && (
                <button type="button" className="button secondary small" onClick={() => void run(() => deleteTarget(indicator.id, x.id), t('plan.targetRemoved'))}>
                  {t('plan.removeTarget', { value: f.number(x.value) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {edit && (
        <>
          <form className="inline-form" onSubmit={saveValue} aria-label={t('plan.recordValueFor', { name: indicator.name })}>
            <label>
              {t('plan.year')} <input inputMode="numeric" value={year} required pattern="\d{4}" size={5} onChange={(e) => setYear(e.target.value)} />
            </label>
            <label>
              {t('plan.value')} <input inputMode="decimal" value={value} required size={8} onChange={(e) => setValue(e.target.value)} />
            </label>
            <button type="submit" className="button secondary small">
              {t('plan.recordValue')}
            </button>
          </form>
          <form className="inline-form" onSubmit={saveTarget} aria-label={t('plan.addTargetFor', { name: indicator.name })}>
            <label>
              {t('plan.targetLabel')} <input value={tLabel} size={12} onChange={(e) => setTLabel(e.target.value)} />
            </label>
            <label>
              {t('plan.targetValue')} <input inputMode="decimal" value={tValue} required size={8} onChange={(e) => setTValue(e.target.value)} />
            </label>
            <label>
              {t('plan.targetYear')} <input inputMode="numeric" value={tYear} required pattern="\d{4}" size={5} onChange={(e) => setTYear(e.target.value)} />
            </label>
            <label>
              {t('plan.targetDate')} <input type="date" value={tDate} onChange={(e) => setTDate(e.target.value)} />
            </label>
            <label>
              {t('plan.targetItem')}
              <select value={tItem} onChange={(e) => setTItem(e.target.value)}>
                <option value="">{t('plan.noItem')}</option>
                {plan.items.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.improvement.length > 60 ? `${i.improvement.slice(0, 60)}…` : i.improvement}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button secondary small">
              {t('plan.addTarget')}
            </button>
          </form>
          <details>
            <summary>{t('plan.editIndicator')}</summary>
            <form className="inline-form" onSubmit={saveDetails} aria-label={t('plan.editIndicatorFor', { name: indicator.name })}>
              <label>
                {t('plan.indicatorName')} <input value={name} required onChange={(e) => setName(e.target.value)} />
              </label>
              <label>
                {t('plan.unit')} <input value={unit} size={8} onChange={(e) => setUnit(e.target.value)} />
              </label>
              <DirectionSelect value={direction} onChange={setDirection} />
              <label>
                {t('plan.baselineValue')} <input inputMode="decimal" value={baseValue} size={8} onChange={(e) => setBaseValue(e.target.value)} />
              </label>
              <label>
                {t('plan.baselineYear')} <input inputMode="numeric" pattern="\d{4}" value={basePeriod} size={5} onChange={(e) => setBasePeriod(e.target.value)} />
              </label>
              <button type="submit" className="button secondary small">
                {t('plan.saveIndicator')}
              </button>
            </form>
          </details>
        </>
      )}
    </section>
  );
}

export function IndicatorsSection({ plan }: { plan: ActionPlan }) {
  const t = useT();
  const res = useResource(`ind-${plan.municipality.code}`, (signal) => fetchIndicators(plan.municipality.code, signal));
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [direction, setDirection] = useState<Indicator['direction']>('higher');
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const word = useWordProblem();
  const items = res.data?.items ?? [];
  const run: Run = async (f, ok) => {
    setMessage('');
    setProblems([]);
    try {
      await f();
      setMessage(ok);
      res.reload();
      return true;
    } catch (err) {
      setMessage(isApiError(err) ? (isCodedValidation(err) ? t('validation.title') : err.detail) : t('common.error'));
      if (isApiError(err)) setProblems(err.errors.map((e) => (e.path ? `${e.path}: ${word(e).text}` : word(e).text)));
      return false;
    }
  };
  return (
    <section aria-labelledby="indicators-h">
      <h2 id="indicators-h">{t('plan.indicators')}</h2>
      <p className="muted">{t('plan.indicatorsIntro')}</p>
      {items.length === 0 && !res.loading && <p>{t('plan.noIndicators')}</p>}
      {items.map((i) => (
        <IndicatorCard key={i.id} plan={plan} indicator={i} run={run} />
      ))}
      {plan.canEdit && (
        <>
          <form
            className="inline-form"
            aria-label={t('plan.newIndicator')}
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => createIndicator(plan.municipality.code, { name, unit, direction }), t('plan.saved')).then((ok) => ok && (setName(''), setUnit('')));
            }}
          >
            <label>
              {t('plan.newIndicator')} <input value={name} required onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              {t('plan.unit')} <input value={unit} size={8} onChange={(e) => setUnit(e.target.value)} />
            </label>
            <DirectionSelect value={direction} onChange={setDirection} />
            <button type="submit" className="button secondary small">
              {t('plan.addIndicator')}
            </button>
          </form>
          <label className="inline-form">
            {t('plan.importFile')}
            <input
              type="file"
              accept=".json,.csv,application/json,text/csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                const input = e.target;
                if (file) void run(() => importIndicators(file, plan.municipality.code), t('plan.imported')).then(() => (input.value = ''));
              }}
            />
          </label>
          <p className="muted">{t('plan.importHint')}</p>
        </>
      )}
      <p role="status">{message}</p>
      {problems.length > 0 && (
        <ul className="error" aria-label={t('plan.fileProblems')}>
          {problems.slice(0, 20).map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
