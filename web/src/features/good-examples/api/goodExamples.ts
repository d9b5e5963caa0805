import { useEffect, useState } from 'react';
import type { GoodExampleHit, GoodExampleResult } from '../../../../../src/contracts/good-examples.ts';
import { SEARCH_KINDS, type SearchKind } from '../../../../../src/domain/search.ts';
import { apiFetch } from '../../../lib/api.ts';
import type { FrameworkDef, FrameworkListItem, ListResponse } from '../../../lib/types.ts';
import { useResource } from '../../../lib/useResource.ts';

export type ExampleKind = SearchKind;
export type { GoodExampleHit };

export const EXAMPLE_KINDS: readonly ExampleKind[] = SEARCH_KINDS;
/** The value of the version filter that searches every version. */
export const ALL_VERSIONS = 'all';

export function isExampleKind(v: string | null): v is ExampleKind {
  return v !== null && (EXAMPLE_KINDS as readonly string[]).includes(v);
}

export interface GoodExampleFilters {
  framework: string;
  area?: number | undefined;
  subarea?: string | undefined;
  kind?: ExampleKind | undefined;
  q?: string | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  county?: string | undefined;
  minPercent?: number | undefined;
}

export interface County {
  code: string;
  countyCode: string;
  name: string;
}

/** The 21 regions: one per county (länskod), for the county filter. */
export function useCounties() {
  return useResource('counties', (signal) => apiFetch<ListResponse<County>>('/api/municipalities', { query: { kind: 'region', limit: 400 }, signal }));
}

export function useFrameworkList() {
  return useResource('frameworks', (signal) => apiFetch<ListResponse<FrameworkListItem>>('/api/frameworks', { signal }));
}

export function useFramework(id: string | null) {
  return useResource(id ? `framework:${id}` : null, (signal) => apiFetch<FrameworkDef>(`/api/frameworks/${encodeURIComponent(id ?? '')}`, { signal }));
}

type Page = GoodExampleResult;

interface Loaded extends Page {
  key: string;
  /** How many pages of this key the items hold. */
  pages: number;
}

export interface GoodExampleSearch {
  items: GoodExampleHit[];
  count: number | undefined;
  /** The count is a lower bound (a word found in nearly every evaluation). */
  countIsLowerBound: boolean;
  loading: boolean;
  error: unknown;
  /** Appends the next page to the items. */
  more: () => void;
  reload: () => void;
}

/**
 * Paged search: "show more" appends the next page and keeps what is shown; a new filter starts over.
 * `null` filters (framework not yet known) fetch nothing.
 */
export function useGoodExampleSearch(filters: GoodExampleFilters | null, pageSize: number): GoodExampleSearch {
  const key = filters ? JSON.stringify([filters.framework, filters.area, filters.subarea, filters.kind, filters.q, filters.yearFrom, filters.yearTo, filters.county, filters.minPercent]) : null;
  const [wanted, setWanted] = useState<{ key: string | null; pages: number }>({ key, pages: 1 });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<{ key: string; pages: number; error: unknown } | null>(null);
  const [nonce, setNonce] = useState(0);
  const pages = wanted.key === key ? wanted.pages : 1;

  useEffect(() => {
    if (key === null || filters === null) return;
    const have = loaded?.key === key ? loaded.pages : 0;
    if (have >= pages) return;
    const ctrl = new AbortController();
    const offset = have * pageSize;
    apiFetch<Page>('/api/good-examples', {
      query: {
        framework: filters.framework,
        area: filters.area,
        subarea: filters.subarea,
        kind: filters.kind,
        q: filters.q,
        yearFrom: filters.yearFrom,
        yearTo: filters.yearTo,
        county: filters.county,
        minPercent: filters.subarea ? filters.minPercent : undefined,
        limit: (pages - have) * pageSize,
        offset,
      },
      signal: ctrl.signal,
    }).then(
      (page) => {
        if (ctrl.signal.aborted) return;
        setFailed(null);
        setLoaded((prev) => ({ key, pages, count: page.count, countIsLowerBound: page.countIsLowerBound, items: prev?.key === key && have > 0 ? [...prev.items, ...page.items] : page.items }));
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setFailed({ key, pages, error });
      },
    );
    return () => ctrl.abort();
    // `filters` is represented by `key`; `loaded` is read for the offset only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pages, pageSize, nonce]);

  const current = loaded?.key === key ? loaded : null;
  const error = failed?.key === key && failed.pages === pages ? failed.error : undefined;
  return {
    items: current?.items ?? [],
    count: current?.count,
    countIsLowerBound: current?.countIsLowerBound ?? false,
    loading: key !== null && error === undefined && (current?.pages ?? 0) < pages,
    error,
    more: () => setWanted({ key, pages: pages + 1 }),
    reload: () => {
      setFailed(null);
      setNonce((n) => n + 1);
    },
  };
}
