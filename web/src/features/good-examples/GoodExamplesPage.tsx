import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { AREA_DIGIT, SUBAREA_ID } from '../../../../src/domain/framework.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorPanel, Loading } from '../../components/Status.tsx';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { localizeFramework, localTitleOf } from '../../lib/frameworkTitles.ts';
import { useFormat } from '../../lib/format.ts';
import type { FrameworkDef } from '../../lib/types.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { ALL_VERSIONS, EXAMPLE_KINDS, isExampleKind, useCounties, useFramework, useFrameworkList, useGoodExampleSearch, type ExampleKind, type GoodExampleFilters, type GoodExampleHit } from './api/goodExamples.ts';

const PAGE = 20;
const AREA = new RegExp(`^${AREA_DIGIT}$`);
const YEAR = /^(19|20)\d\d$/;
const COUNTY = /^\d{2}$/;
const PERCENT = /^(100|[1-9]?\d)$/;

const numberParam = (v: string | null, re: RegExp): number | undefined => (v !== null && re.test(v) ? Number(v) : undefined);

/** The filters as they stand in the address, so that a search can be shared. */
function readParams(params: URLSearchParams) {
  const subareaParam = params.get('subarea');
  const subarea = subareaParam && SUBAREA_ID.test(subareaParam) ? subareaParam : undefined;
  const areaParam = params.get('area');
  const area = subarea ? Number(subarea.split('.')[0]) : areaParam && AREA.test(areaParam) ? Number(areaParam) : undefined;
  const kindParam = params.get('kind');
  const q = (params.get('q') ?? '').trim();
  const county = params.get('county');
  return {
    framework: params.get('framework') ?? undefined,
    area,
    subarea,
    kind: isExampleKind(kindParam) ? kindParam : undefined,
    q: q || undefined,
    yearFrom: numberParam(params.get('yearFrom'), YEAR),
    yearTo: numberParam(params.get('yearTo'), YEAR),
    county: county && COUNTY.test(county) ? county : undefined,
    minPercent: subarea ? numberParam(params.get('minPercent'), PERCENT) : undefined,
  };
}

export default function GoodExamplesPage() {
  const t = useT();
  usePageTitle(t('goodExamples.title'));
  const id = useId();
  const [params, setParams] = useSearchParams();
  const filters = readParams(params);
  const frameworks = useFrameworkList();
  const newest = useMemo(() => [...(frameworks.data?.items ?? [])].sort((a, b) => b.year - a.year)[0]?.id, [frameworks.data]);
  const frameworkId = filters.framework ?? newest ?? null;
  const allVersions = frameworkId === ALL_VERSIONS;
  const fetched = useFramework(allVersions ? null : frameworkId);
  const [lang] = useLang();
  // Area and subarea titles in the interface language (unofficial translations as data).
  const localized = useMemo(() => (fetched.data ? localizeFramework(fetched.data, lang) : undefined), [fetched.data, lang]);
  const framework = { ...fetched, data: localized };
  const counties = useCounties();

  const [text, setText] = useState(filters.q ?? '');
  const debounced = useDebounced(text.trim(), 300);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  // The debounced search text goes into the address (and from there into the search).
  const urlQ = filters.q ?? '';
  useEffect(() => {
    if (debounced === urlQ) return;
    const next = new URLSearchParams(window.location.search);
    if (debounced) next.set('q', debounced);
    else next.delete('q');
    setParams(next, { replace: true });
    // Only a change of the typed text writes the address; the address itself is read above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const query: GoodExampleFilters | null = frameworkId
    ? {
        framework: frameworkId,
        area: allVersions ? undefined : filters.area,
        subarea: allVersions ? undefined : filters.subarea,
        kind: filters.kind,
        q: filters.q,
        yearFrom: filters.yearFrom,
        yearTo: filters.yearTo,
        county: filters.county,
        minPercent: allVersions ? undefined : filters.minPercent,
      }
    : null;
  const search = useGoodExampleSearch(query, PAGE);
  const filtered = filters.area !== undefined || filters.kind !== undefined || filters.q !== undefined || filters.yearFrom !== undefined || filters.yearTo !== undefined || filters.county !== undefined;
  const reset = () => {
    setText('');
    const next = new URLSearchParams();
    if (filters.framework) next.set('framework', filters.framework);
    setParams(next, { replace: true });
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('goodExamples.title')}</h1>
        <p className="lead">{t('goodExamples.intro')}</p>
      </header>

      <search className="search-panel example-search" aria-labelledby={`${id}-filters`}>
        <h2 id={`${id}-filters`} className="sr-only">
          {t('goodExamples.filters')}
        </h2>
        {frameworks.error !== undefined && <ErrorPanel error={frameworks.error} onRetry={frameworks.reload} />}
        <form className="example-filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field example-q">
            <label htmlFor={`${id}-q`}>{t('goodExamples.q')}</label>
            <p className="hint" id={`${id}-q-hint`}>
              {t('goodExamples.qHint')}
            </p>
            <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-q-hint`} autoComplete="off" />
          </div>
          <SelectField
            id={`${id}-fw`}
            label={t('common.framework')}
            value={frameworkId ?? ''}
            onChange={(v) => update({ framework: v, subarea: undefined, area: undefined, minPercent: undefined })}
            options={[
              { value: ALL_VERSIONS, label: t('goodExamples.allVersions') },
              ...(frameworkId !== null && !allVersions && !(frameworks.data?.items ?? []).some((fw) => fw.id === frameworkId) ? [{ value: frameworkId, label: frameworkId }] : []),
              ...(frameworks.data?.items ?? []).map((fw) => ({ value: fw.id, label: fw.name })),
            ]}
          />
          {allVersions ? (
            <p className="hint example-all-versions">{t('goodExamples.allVersionsAreas')}</p>
          ) : (
            <AreaSelects id={id} framework={framework.data} area={filters.area} subarea={filters.subarea} onChange={(area, subarea) => update({ area, subarea, ...(subarea ? {} : { minPercent: undefined }) })} />
          )}
          {!allVersions && filters.subarea !== undefined && (
            <div className="field example-min-percent">
              <label htmlFor={`${id}-min`}>{t('goodExamples.minPercent')}</label>
              <input id={`${id}-min`} type="number" inputMode="numeric" min={0} max={100} step={5} value={filters.minPercent ?? ''} onChange={(e) => update({ minPercent: PERCENT.test(e.target.value) ? e.target.value : undefined })} />
            </div>
          )}
          <div className="field example-years">
            <label htmlFor={`${id}-from`}>{t('goodExamples.yearFrom')}</label>
            <input id={`${id}-from`} type="number" inputMode="numeric" min={1990} max={2100} value={filters.yearFrom ?? ''} onChange={(e) => update({ yearFrom: YEAR.test(e.target.value) ? e.target.value : undefined })} />
          </div>
          <div className="field example-years">
            <label htmlFor={`${id}-to`}>{t('goodExamples.yearTo')}</label>
            <input id={`${id}-to`} type="number" inputMode="numeric" min={1990} max={2100} value={filters.yearTo ?? ''} onChange={(e) => update({ yearTo: YEAR.test(e.target.value) ? e.target.value : undefined })} />
          </div>
          <SelectField
            id={`${id}-county`}
            label={t('goodExamples.county')}
            value={filters.county ?? ''}
            onChange={(v) => update({ county: v || undefined })}
            empty={t('goodExamples.allCounties')}
            options={[...(counties.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((c) => ({ value: c.countyCode, label: c.name }))}
          />
          <SelectField id={`${id}-kind`} label={t('goodExamples.kind')} value={filters.kind ?? ''} onChange={(v) => update({ kind: v })} empty={t('goodExamples.kind.all')} options={EXAMPLE_KINDS.map((k) => ({ value: k, label: t(`goodExamples.kinds.${k}`) }))} />
          {filtered && (
            <div className="field example-reset">
              <button type="button" className="button secondary" onClick={reset}>
                {t('goodExamples.reset')}
              </button>
            </div>
          )}
        </form>
        {framework.error !== undefined && <ErrorPanel error={framework.error} onRetry={framework.reload} />}
      </search>

      <Results id={id} search={search} subareaChosen={filters.subarea !== undefined} kind={filters.kind} onReset={filtered ? reset : undefined} />
    </div>
  );
}

function AreaSelects({ id, framework, area, subarea, onChange }: { id: string; framework: FrameworkDef | undefined; area: number | undefined; subarea: string | undefined; onChange: (area: string | undefined, subarea: string | undefined) => void }) {
  const t = useT();
  const areas = framework?.areas ?? [];
  const shown = area === undefined ? areas : areas.filter((a) => a.number === area);
  const knownSubarea = subarea === undefined || areas.length === 0 || areas.some((a) => a.subareas.some((s) => s.id === subarea));
  return (
    <>
      <SelectField
        id={`${id}-area`}
        label={t('common.area')}
        value={area ?? ''}
        onChange={(v) => onChange(v || undefined, undefined)}
        empty={t('goodExamples.allAreas')}
        options={area !== undefined && areas.length === 0 ? [{ value: area, label: t('common.areaN', { n: area }) }] : areas.map((a) => ({ value: a.number, label: `${a.number}. ${a.title}` }))}
      />
      <div className="field">
        <label htmlFor={`${id}-sub`}>{t('common.subarea')}</label>
        <select
          id={`${id}-sub`}
          value={subarea ?? ''}
          onChange={(e) => {
            const next = e.target.value || undefined;
            onChange(next ? next.split('.')[0] : area === undefined ? undefined : String(area), next);
          }}
        >
          <option value="">{t('goodExamples.allSubareas')}</option>
          {shown.map((a) => (
            <optgroup key={a.number} label={`${a.number}. ${a.title}`}>
              {a.subareas.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.id} {s.title}
                </option>
              ))}
            </optgroup>
          ))}
          {subarea !== undefined && (!knownSubarea || areas.length === 0) && <option value={subarea}>{subarea}</option>}
        </select>
      </div>
    </>
  );
}

interface ResultsProps {
  id: string;
  search: ReturnType<typeof useGoodExampleSearch>;
  subareaChosen: boolean;
  kind: ExampleKind | undefined;
  onReset: (() => void) | undefined;
}

function Results({ id, search, subareaChosen, kind, onReset }: ResultsProps) {
  const t = useT();
  const { items, count, countIsLowerBound } = search;
  const listRef = useRef<HTMLOListElement>(null);
  const focusFrom = useRef<number | null>(null);

  // After "show more", keyboard focus moves to the first added example.
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || items.length <= from) return;
    focusFrom.current = null;
    listRef.current?.querySelectorAll<HTMLElement>('.example-card')[from]?.focus();
  }, [items.length]);

  const countText =
    count === undefined
      ? ''
      : count === 0
        ? t('goodExamples.count.none')
        : countIsLowerBound
          ? t('goodExamples.count.many', { shown: items.length })
          : items.length < count
            ? t('goodExamples.count.partial', { shown: items.length, n: count })
            : t(count === 1 ? 'goodExamples.count.one' : 'goodExamples.count.other', { n: count });
  const initialLoading = search.loading && count === undefined;
  const strengthsHidden = subareaChosen && (kind === undefined || kind === 'strength');

  return (
    <section className="example-results" aria-labelledby={`${id}-results`} aria-busy={search.loading}>
      <div className="list-toolbar">
        <h2 id={`${id}-results`} className="example-results-title">
          {t('goodExamples.results')}
        </h2>
        <p className="muted example-count" role="status" aria-live="polite" data-testid="example-count">
          {initialLoading ? '' : countText}
        </p>
      </div>
      {strengthsHidden && <p className="muted small example-note">{t('goodExamples.strengthsHidden')}</p>}
      {search.error !== undefined && <ErrorPanel error={search.error} onRetry={search.reload} />}
      {initialLoading && <Loading />}
      {count === 0 && (
        <div className="example-empty">
          <p className="example-empty-title">{t('goodExamples.empty.title')}</p>
          <p>{kind === 'strength' && subareaChosen ? t('goodExamples.empty.strengthSubarea') : t('goodExamples.empty.text')}</p>
          {onReset && (
            <button type="button" className="button secondary" onClick={onReset}>
              {t('goodExamples.reset')}
            </button>
          )}
        </div>
      )}
      {items.length > 0 && (
        <ol className="example-list" ref={listRef} data-testid="example-list">
          {items.map((hit, i) => (
            <li key={`${hit.evaluationId}:${hit.kind}:${hit.areaNumber}:${hit.subareaId ?? ''}:${i}`}>
              <ExampleCard hit={hit} headingId={`${id}-hit-${i}`} />
            </li>
          ))}
        </ol>
      )}
      {count !== undefined && items.length < count && (
        <p className="example-more">
          <button
            type="button"
            className="button secondary"
            disabled={search.loading}
            onClick={() => {
              focusFrom.current = items.length;
              search.more();
            }}
          >
            {search.loading ? t('common.loading') : t('goodExamples.more')}
          </button>
        </p>
      )}
    </section>
  );
}

function ExampleCard({ hit, headingId }: { hit: GoodExampleHit; headingId: string }) {
  const t = useT();
  const f = useFormat();
  const [lang] = useLang();
  // Titles in the interface language (unofficial translations per version); untranslated ones stay Swedish, marked so.
  const area = hit.areaTitle !== null && hit.areaNumber !== null ? localTitleOf(hit.frameworkId, lang, hit.areaNumber, hit.areaTitle) : null;
  const subarea = hit.subareaId && hit.subareaTitle ? localTitleOf(hit.frameworkId, lang, hit.subareaId, hit.subareaTitle) : null;
  const where = hit.subareaId ? (
    <>
      {hit.subareaId} <span lang={subarea?.lang}>{subarea?.text ?? ''}</span>
    </>
  ) : hit.areaNumber === null ? (
    t('goodExamples.wholeEvaluation')
  ) : (
    <>
      {t('common.areaN', { n: hit.areaNumber })}: <span lang={area?.lang}>{area?.text ?? ''}</span>
    </>
  );
  const showExample = hit.kind === 'good-example' && hit.example !== null && hit.example.name !== hit.municipality.name;
  return (
    <article className={`example-card example-${hit.kind}`} aria-labelledby={headingId} tabIndex={-1} data-kind={hit.kind}>
      <div className="example-card-head">
        <h3 id={headingId} className="example-title">
          <Link to={`${paths.evaluation(hit.evaluationId)}#${hit.anchor}`}>
            {hit.municipality.name} {hit.year}
          </Link>
        </h3>
        <span className={`badge example-kind example-kind-${hit.kind}`}>{t(`goodExamples.badge.${hit.kind}`)}</span>
      </div>
      <div className="example-where">
        <span className="example-subarea">{where}</span>
        {hit.percent !== null && (
          <span className="example-percent">
            <span className="inline-meter" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(100, hit.percent))}%` }} />
            </span>
            <span>{t(hit.subareaId ? 'goodExamples.percentSubarea' : hit.areaNumber === null ? 'goodExamples.percentTotal' : 'goodExamples.percentArea', { percent: f.percent(hit.percent) })}</span>
          </span>
        )}
      </div>
      <blockquote className="example-text" lang="sv">
        {/* Plain text parts from the server; matched words in <mark>, never HTML from the texts. */}
        <p data-testid="example-excerpt">
          {hit.excerpt.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
        </p>
      </blockquote>
      {showExample && hit.example && <p className="example-named">{t('goodExamples.exampleFrom', { name: hit.example.name })}</p>}
    </article>
  );
}
