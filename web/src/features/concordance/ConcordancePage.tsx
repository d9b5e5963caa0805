import { useId, useState, type FormEvent } from 'react';
import { Field } from '../../components/FormField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { DataTable } from '../../components/TableRegion.tsx';
import { useT } from '../../i18n/i18n.tsx';
import type { ConcordanceReply, FrameworkDef } from '../../lib/types.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSubmit } from '../../lib/useSubmit.ts';
import { saveConcordance, useConcordances, useFrameworkDef, useFrameworkList } from './api/concordance.ts';

type Pair = ConcordanceReply['pairs'][number];

/** Administrators: which areas and subareas of one framework version correspond to which of another. */
export default function ConcordancePage() {
  const t = useT();
  usePageTitle(t('conc.title'));
  const fid = useId();
  const list = useConcordances();
  const frameworks = useFrameworkList();
  const [from, setFrom] = useState('kk2010');
  const [to, setTo] = useState('kk2020');
  const fws = (frameworks.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.id})` }));
  const existing = (list.data?.items ?? []).find((c) => c.fromFrameworkId === from && c.toFrameworkId === to) ?? null;
  const reversed = (list.data?.items ?? []).find((c) => c.fromFrameworkId === to && c.toFrameworkId === from) ?? null;
  return (
    <div className="page" data-testid="concordance-page">
      <header className="page-header">
        <h1>{t('conc.title')}</h1>
        <p className="lead">{t('conc.intro')}</p>
      </header>
      {(list.error ?? frameworks.error) !== undefined && <ErrorPanel error={list.error ?? frameworks.error} onRetry={list.reload} />}
      {list.data && (
        <section className="section" aria-labelledby={`${fid}-list`}>
          <h2 id={`${fid}-list`}>{t('conc.existing')}</h2>
          {list.data.items.length === 0 ? (
            <p>{t('conc.none')}</p>
          ) : (
            <ul className="plain-list">
              {list.data.items.map((c) => (
                <li key={`${c.fromFrameworkId}:${c.toFrameworkId}`}>
                  <button type="button" className="button secondary small" onClick={() => { setFrom(c.fromFrameworkId); setTo(c.toFrameworkId); }}>
                    {c.fromFrameworkId} → {c.toFrameworkId}
                  </button>{' '}
                  {t('conc.pairCount', { areas: c.pairs.filter((p) => p.level === 'area').length, subareas: c.pairs.filter((p) => p.level === 'subarea').length })}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {fws.length > 0 && (
        <div className="filters">
          <SelectField id={`${fid}-from`} label={t('conc.from')} value={from} onChange={setFrom} options={fws} />
          <SelectField id={`${fid}-to`} label={t('conc.to')} value={to} onChange={setTo} options={fws} />
        </div>
      )}
      {reversed && !existing && <Notice>{t('conc.reversed', { from: to, to: from })}</Notice>}
      {list.data && from !== to && !reversed && <Editor key={`${from}:${to}:${existing?.version ?? 0}`} from={from} to={to} existing={existing} onSaved={list.reload} />}
    </div>
  );
}

function keysOf(fw: FrameworkDef | undefined, level: Pair['level']): Array<{ key: string; title: string }> {
  if (!fw) return [];
  return level === 'area' ? fw.areas.map((a) => ({ key: String(a.number), title: a.title })) : fw.areas.flatMap((a) => a.subareas.map((s) => ({ key: s.id, title: s.heading ?? s.title })));
}

function Editor({ from, to, existing, onSaved }: { from: string; to: string; existing: ConcordanceReply | null; onSaved: () => void }) {
  const t = useT();
  const fid = useId();
  const fromFw = useFrameworkDef(from);
  const toFw = useFrameworkDef(to);
  const [pairs, setPairs] = useState<Pair[]>(existing?.pairs ?? []);
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const { busy, error, run } = useSubmit();
  const [status, setStatus] = useState('');
  if (!fromFw.data || !toFw.data) return fromFw.error || toFw.error ? <ErrorPanel error={fromFw.error ?? toFw.error} /> : <Loading />;
  const set = (i: number, patch: Partial<Pair>) => setPairs(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return run(async () => {
      await saveConcordance(from, to, { pairs, notes, ...(existing ? { expectedVersion: existing.version } : {}) });
      setStatus(t('conc.saved'));
      onSaved();
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={`${fid}-h`} data-testid="concordance-editor">
      <h2 id={`${fid}-h`}>{t('conc.editing', { from: fromFw.data.name, to: toFw.data.name })}</h2>
      <DataTable
        label={t('conc.pairs')}
        caption
        className="table-compact"
        columns={[t('conc.level'), fromFw.data.name, toFw.data.name, t('conc.relation'), <span className="sr-only">{t('common.remove')}</span>]}
      >
        {pairs.map((p, i) => (
          <tr key={i}>
            <td>
              <select aria-label={t('conc.levelOf', { n: i + 1 })} value={p.level} onChange={(e) => set(i, { level: e.target.value as Pair['level'], from: '', to: '' })}>
                <option value="area">{t('conc.level.area')}</option>
                <option value="subarea">{t('conc.level.subarea')}</option>
              </select>
            </td>
            <td>
              <KeySelect label={t('conc.fromOf', { n: i + 1 })} value={p.from} keys={keysOf(fromFw.data, p.level)} onChange={(from) => set(i, { from })} />
            </td>
            <td>
              <KeySelect label={t('conc.toOf', { n: i + 1 })} value={p.to} keys={keysOf(toFw.data, p.level)} onChange={(to) => set(i, { to })} />
            </td>
            <td>
              <select aria-label={t('conc.relationOf', { n: i + 1 })} value={p.relation} onChange={(e) => set(i, { relation: e.target.value as Pair['relation'] })}>
                <option value="same">{t('conc.relation.same')}</option>
                <option value="partial">{t('conc.relation.partial')}</option>
              </select>
            </td>
            <td>
              <button type="button" className="icon-button" aria-label={t('conc.removePair', { n: i + 1 })} onClick={() => setPairs(pairs.filter((_, j) => j !== i))}>
                ×
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <p>
        <button type="button" className="button secondary" onClick={() => setPairs([...pairs, { level: 'area', from: '', to: '', relation: 'partial' }])}>
          {t('conc.addPair')}
        </button>
      </p>
      <Field id={`${fid}-notes`} label={t('conc.notes')}>
        {(control) => <textarea {...control} value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />}
      </Field>
      {error !== null && <ErrorPanel error={error} />}
      <p role="status" aria-live="polite" className="small">
        {status}
      </p>
      <button type="submit" className="button" disabled={busy}>
        {t('common.save')}
      </button>
    </form>
  );
}

/** The area or subarea of one side of a pair ("–" until chosen). */
function KeySelect({ label, value, keys, onChange }: { label: string; value: string; keys: ReadonlyArray<{ key: string; title: string }>; onChange: (key: string) => void }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">–</option>
      {keys.map((k) => (
        <option key={k.key} value={k.key}>
          {k.key} {k.title}
        </option>
      ))}
    </select>
  );
}
