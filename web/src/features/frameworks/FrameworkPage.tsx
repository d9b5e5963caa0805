import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { FrameworkAdmin, FrameworkMergeResult } from '../../../../src/contracts/frameworks.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { replaceTitleTranslations } from '../../lib/titleTranslations.ts';
import { acceptVariant, mergeVariant, renameFramework, updateFramework, useFrameworkAdmin, useFrameworkAdminList, useFrameworkDef } from './api/frameworks.ts';
import { OriginLabel } from './OriginLabel.tsx';
import { RefusalPanel } from './RefusalPanel.tsx';

type Framework = FrameworkAdmin['framework'];
type Area = Framework['areas'][number];
type Translations = NonNullable<Framework['translations']>;
type TitleLang = 'en' | 'nb';
const TITLE_LANGS: readonly TitleLang[] = ['en', 'nb'];

/** Administrators: one framework version, the evaluations made with it, its texts and maxima, and the review of a variant. */
export default function FrameworkPage() {
  const { id = '' } = useParams();
  const t = useT();
  const res = useFrameworkAdmin(id);
  // Which form saved last: its confirmation survives the form being rebuilt from the stored version.
  const [lastSaved, setLastSaved] = useState<'edit' | 'name' | 'accept' | null>(null);
  usePageTitle(res.data?.framework.name ?? t('fwadmin.title'));
  if (res.error) return <ErrorPanel error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const { framework, evaluations } = res.data;
  const savedBy = (form: 'edit' | 'name' | 'accept') => (f: Framework) => {
    setLastSaved(form);
    res.setData({ framework: f, evaluations });
  };
  return (
    <div className="page" data-testid="framework-page">
      <Breadcrumbs trail={[{ label: t('fwadmin.title'), to: paths.frameworks() }, { label: framework.name }]} />
      <header className="page-header">
        <h1>{framework.name}</h1>
        <p>
          <OriginLabel origin={framework.origin} needsReview={framework.needsReview} /> <span className="muted">{t('fwadmin.idVersion', { id: framework.id, year: framework.year, version: framework.version ?? 1 })}</span>
        </p>
        <p>
          <Link to={paths.questionBank(framework.id)}>{t('bank.edit')}</Link>
        </p>
      </header>
      {framework.origin === 'derived-import' && <VariantReview key={`review:${framework.version ?? 0}`} framework={framework} evaluationCount={evaluations.length} accepted={lastSaved === 'accept'} onSaved={savedBy('accept')} />}
      <NameForm key={`name:${framework.version ?? 0}`} framework={framework} saved={lastSaved === 'name'} onSaved={savedBy('name')} />
      <EvaluationsUsing evaluations={evaluations} />
      <EditForm key={`edit:${framework.version ?? 0}`} framework={framework} saved={lastSaved === 'edit'} onSaved={savedBy('edit')} onReload={res.reload} />
    </div>
  );
}

function EvaluationsUsing({ evaluations }: { evaluations: FrameworkAdmin['evaluations'] }) {
  const t = useT();
  const uid = useId();
  return (
    <section className="section" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('fwadmin.evaluations', { n: evaluations.length })}</h2>
      {evaluations.length === 0 ? (
        <p>{t('fwadmin.noEvaluations')}</p>
      ) : (
        <ul className="plain-list" data-testid="framework-evaluations">
          {evaluations.map((e) => (
            <li key={e.id}>
              <Link to={paths.evaluation(e.id)}>
                {e.municipalityName} {e.year}
              </Link>{' '}
              <StatusBadge status={e.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Name and year (the id stays): a variant recognised as, say, the 2015 update gets its name here. */
function NameForm({ framework, saved, onSaved }: { framework: Framework; saved: boolean; onSaved: (f: Framework) => void }) {
  const t = useT();
  const uid = useId();
  const [name, setName] = useState(framework.name);
  const [year, setYear] = useState(String(framework.year));
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      onSaved(await renameFramework(framework.id, { name, year: Number(year), expectedVersion: framework.version ?? 1 }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="section card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('fwadmin.rename')}</h2>
      <form onSubmit={(e) => void submit(e)} className="stack-small">
        <div className="filters">
          <div className="field">
            <label htmlFor={`${uid}-name`}>{t('fwadmin.name')}</label>
            <input id={`${uid}-name`} lang="sv" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-year`}>{t('fwadmin.year')}</label>
            <input id={`${uid}-year`} type="number" min={1990} max={2100} value={year} onChange={(e) => setYear(e.target.value)} required />
          </div>
        </div>
        {error !== null && <RefusalPanel error={error} />}
        {saved && error === null && (
          <Notice tone="success">
            <p role="status">{t('fwadmin.renamed')}</p>
          </Notice>
        )}
        <div className="actions">
          <button type="submit" className="button secondary">
            {t('fwadmin.renameSave')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A variant derived from an import: accept it as a version of its own, or merge it into a known version. */
function VariantReview({ framework, evaluationCount, accepted, onSaved }: { framework: Framework; evaluationCount: number; accepted: boolean; onSaved: (f: Framework) => void }) {
  const t = useT();
  const uid = useId();
  const navigate = useNavigate();
  const list = useFrameworkAdminList();
  const known = (list.data?.items ?? []).filter((f) => f.id !== framework.id && !f.needsReview);
  const [into, setInto] = useState('');
  const target = useFrameworkDef(into || null);
  const [error, setError] = useState<unknown>(null);
  const [merged, setMerged] = useState<FrameworkMergeResult | null>(null);
  const accept = async () => {
    setError(null);
    try {
      onSaved(await acceptVariant(framework.id, framework.version ?? 1));
    } catch (err) {
      setError(err);
    }
  };
  const merge = async () => {
    setError(null);
    try {
      setMerged(await mergeVariant(framework.id, into, framework.version ?? 1));
    } catch (err) {
      setError(err);
    }
  };
  if (merged) {
    return (
      <Notice tone="success" title={t('fwadmin.merged', { n: merged.moved.length, name: merged.framework.name })}>
        <p role="status">
          <button type="button" className="button" onClick={() => void navigate(paths.framework(merged.framework.id))}>
            {t('fwadmin.openMerged', { name: merged.framework.name })}
          </button>
        </p>
      </Notice>
    );
  }
  return (
    <section className="section card" aria-labelledby={`${uid}-h`} data-testid="variant-review">
      <h2 id={`${uid}-h`}>{t('fwadmin.review')}</h2>
      <p>{t('fwadmin.reviewIntro')}</p>
      {framework.notes && (
        <p className="muted" lang="sv">
          {framework.notes}
        </p>
      )}
      {accepted && (
        <Notice tone="success">
          <p role="status">{t('fwadmin.accepted')}</p>
        </Notice>
      )}
      {framework.needsReview && (
        <div className="actions">
          <button type="button" className="button" onClick={() => void accept()}>
            {t('fwadmin.accept')}
          </button>
        </div>
      )}
      <h3>{t('fwadmin.mergeTitle')}</h3>
      <p>{t('fwadmin.mergeIntro', { n: evaluationCount })}</p>
      <SelectField
        id={`${uid}-into`}
        label={t('fwadmin.mergeInto')}
        value={into}
        onChange={setInto}
        empty={t('fwadmin.choose')}
        options={known.map((f) => ({ value: f.id, label: `${f.name} (${f.id})` }))}
      />
      {target.data && <Comparison variant={framework} target={target.data} />}
      {error !== null && <RefusalPanel error={error} />}
      {into && (
        <div className="actions">
          <button type="button" className="button" onClick={() => void merge()}>
            {t('fwadmin.merge', { name: target.data?.name ?? into })}
          </button>
        </div>
      )}
    </section>
  );
}

/** Subarea by subarea: the variant beside the known version, with what differs. */
function Comparison({ variant, target }: { variant: Framework; target: Framework }) {
  const t = useT();
  const targetSubs = new Map(target.areas.flatMap((a) => a.subareas.map((s) => [s.id, s])));
  const rows = variant.areas.flatMap((a) => a.subareas.map((s) => ({ s, other: targetSubs.get(s.id) })));
  const extra = target.areas.flatMap((a) => a.subareas).filter((s) => !variant.areas.some((a) => a.subareas.some((v) => v.id === s.id)));
  const label = t('fwadmin.compareCaption', { from: variant.name, to: target.name });
  return (
    <TableRegion label={label}>
      <table className="table-compact" data-testid="merge-comparison">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fwadmin.col.subarea')}</th>
            <th scope="col">{variant.name}</th>
            <th scope="col">{target.name}</th>
            <th scope="col">{t('fwadmin.col.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ s, other }) => (
            <tr key={s.id}>
              <th scope="row">{s.id}</th>
              <td>
                <span lang="sv">{s.title}</span> ({s.max ?? '–'})
              </td>
              <td>{other ? <><span lang="sv">{other.title}</span> ({other.max ?? '–'})</> : '–'}</td>
              <td>{!other ? t('fwadmin.diff.missing') : other.max !== s.max ? t('fwadmin.diff.max') : other.title !== s.title ? t('fwadmin.diff.title') : t('fwadmin.diff.same')}</td>
            </tr>
          ))}
          {extra.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.id}</th>
              <td>–</td>
              <td>
                <span lang="sv">{s.title}</span> ({s.max ?? '–'})
              </td>
              <td>{t('fwadmin.diff.onlyTarget')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** Texts, titles and maxima of every area; saved as one change (refused whole when it would break a score). */
function EditForm({ framework, saved, onSaved, onReload }: { framework: Framework; saved: boolean; onSaved: (f: Framework) => void; onReload: () => void }) {
  const t = useT();
  const uid = useId();
  const [areas, setAreas] = useState<Area[]>(() => structuredClone(framework.areas));
  const [about, setAbout] = useState(framework.about);
  const [notes, setNotes] = useState(framework.notes);
  const [translations, setTranslations] = useState<Translations>(() => structuredClone(framework.translations ?? {}));
  const [error, setError] = useState<unknown>(null);
  const langName = (lang: TitleLang) => t(lang === 'en' ? 'fwadmin.lang.en' : 'fwadmin.lang.nb');
  const setTranslated = (lang: TitleLang, part: 'areas' | 'subareas' | 'note', key: string, value: string) =>
    setTranslations((old) => {
      const table = old[lang] ?? { note: '', areas: {}, subareas: {} };
      const next = part === 'note' ? { ...table, note: value } : { ...table, [part]: { ...table[part], [key]: value } };
      return { ...old, [lang]: next };
    });
  const translatedFields = (part: 'areas' | 'subareas', key: string, label: (lang: string) => string) =>
    TITLE_LANGS.map((lang) => (
      <div className="field" key={lang}>
        <label htmlFor={`${uid}-${part}-${key}-${lang}`}>{label(langName(lang))}</label>
        <input id={`${uid}-${part}-${key}-${lang}`} lang={lang} value={translations[lang]?.[part][key] ?? ''} maxLength={part === 'areas' ? 300 : 500} onChange={(e) => setTranslated(lang, part, key, e.target.value)} />
      </div>
    ));
  const setArea = (n: number, patch: Partial<Area>) => setAreas((old) => old.map((a) => (a.number === n ? { ...a, ...patch } : a)));
  const setSub = (n: number, sid: string, patch: Partial<Area['subareas'][number]>) =>
    setAreas((old) => old.map((a) => (a.number === n ? { ...a, subareas: a.subareas.map((s) => (s.id === sid ? { ...s, ...patch } : s)) } : a)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const stored = await updateFramework(framework.id, { areas, about, notes, translations, expectedVersion: framework.version ?? 1 });
      replaceTitleTranslations(stored.id, stored.translations);
      onSaved(stored);
    } catch (err) {
      setError(err);
    }
  };
  const sumOf = (a: Area) => a.subareas.reduce((n, s) => n + (s.max ?? 0), 0);
  return (
    <section className="section" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('fwadmin.edit')}</h2>
      <p>{t('fwadmin.editIntro')}</p>
      <form onSubmit={(e) => void submit(e)} className="stack-small" data-testid="framework-edit">
        {areas.map((a) => (
          <details key={a.number} className="card">
            <summary>
              {t('fwadmin.areaSummary', { n: a.number, sum: sumOf(a) })} <span lang="sv">{a.title}</span>
            </summary>
            <div className="field">
              <label htmlFor={`${uid}-a${a.number}`}>{t('fwadmin.areaTitle', { n: a.number })}</label>
              <input id={`${uid}-a${a.number}`} lang="sv" value={a.title} required maxLength={300} onChange={(e) => setArea(a.number, { title: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${uid}-a${a.number}-intro`}>{t('fwadmin.areaIntro', { n: a.number })}</label>
              <textarea id={`${uid}-a${a.number}-intro`} lang="sv" rows={3} value={a.introduction} onChange={(e) => setArea(a.number, { introduction: e.target.value })} />
            </div>
            {translatedFields('areas', String(a.number), (lang) => t('fwadmin.areaTitleIn', { n: a.number, lang }))}
            {a.subareas.map((s) => (
              <fieldset key={s.id} className="stack-small">
                <legend>{t('fwadmin.subarea', { id: s.id })}</legend>
                <div className="field">
                  <label htmlFor={`${uid}-s${s.id}-title`}>{t('fwadmin.subareaTitle', { id: s.id })}</label>
                  <input id={`${uid}-s${s.id}-title`} lang="sv" value={s.title} required maxLength={500} onChange={(e) => setSub(a.number, s.id, { title: e.target.value })} />
                </div>
                {translatedFields('subareas', s.id, (lang) => t('fwadmin.subareaTitleIn', { id: s.id, lang }))}
                <div className="field">
                  <label htmlFor={`${uid}-s${s.id}-heading`}>{t('fwadmin.subareaHeading', { id: s.id })}</label>
                  <input id={`${uid}-s${s.id}-heading`} lang="sv" value={s.heading ?? ''} maxLength={500} onChange={(e) => setSub(a.number, s.id, { heading: e.target.value || undefined })} />
                </div>
                <div className="field">
                  <label htmlFor={`${uid}-s${s.id}-max`}>{t('fwadmin.subareaMax', { id: s.id })}</label>
                  <input
                    id={`${uid}-s${s.id}-max`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    step="any"
                    value={s.max ?? ''}
                    onChange={(e) => setSub(a.number, s.id, { max: e.target.value === '' ? null : Number(e.target.value) })}
                  />
                </div>
              </fieldset>
            ))}
          </details>
        ))}
        <fieldset className="stack-small">
          <legend>{t('fwadmin.translations')}</legend>
          <p className="muted">{t('fwadmin.translationsIntro')}</p>
          {TITLE_LANGS.map((lang) => (
            <div className="field" key={lang}>
              <label htmlFor={`${uid}-note-${lang}`}>{t('fwadmin.translationNote', { lang: langName(lang) })}</label>
              <input id={`${uid}-note-${lang}`} lang={lang} value={translations[lang]?.note ?? ''} maxLength={500} onChange={(e) => setTranslated(lang, 'note', '', e.target.value)} />
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${uid}-about`}>{t('fwadmin.about')}</label>
          <textarea id={`${uid}-about`} lang="sv" rows={5} value={about} onChange={(e) => setAbout(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-notes`}>{t('fwadmin.notes')}</label>
          <textarea id={`${uid}-notes`} lang="sv" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        {error !== null && <RefusalPanel error={error} onReload={onReload} />}
        {saved && error === null && (
          <Notice tone="success">
            <p role="status">{t('fwadmin.saved')}</p>
          </Notice>
        )}
        <div className="actions">
          <button type="submit" className="button">
            {t('fwadmin.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
