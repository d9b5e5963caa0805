/**
 * A chart with its accessible alternative: a text label for the graphic (every value in words) and
 * the same data as a table.
 *
 * A chart given as a `spec` (the public pages) is drawn by the server with the shared definitions and
 * shown as SVG, so no chart library is loaded to read a page; ECharts is fetched only when the pointer
 * enters the chart (tooltips), or when the drawing cannot be had (an error, or no answer within 8 s). A chart given as an `option` is
 * drawn by ECharts at once (pages for signed-in users).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EChartsCoreOption } from '../../../src/charts/definitions.ts';
import type { ChartSpec } from '../../../src/charts/specs.ts';
import { apiFetch } from '../lib/api.ts';
import { useLang, useT } from '../i18n/i18n.tsx';
import { useNarrow } from '../lib/useNarrow.ts';
import { TableRegion } from './TableRegion.tsx';

const LiveChart = lazy(() => import('./LiveChart.tsx'));
/** How long the page waits for the server's drawing before it draws the chart itself. */
const DRAWING_WAIT_MS = 8000;
const specOption = async (spec: ChartSpec) => (await import('../../../src/charts/specs.ts')).chartOption(spec);

/** The words of a server drawing's `<desc>` (every value), for the chart's text alternative. */
function svgDescription(svg: string): string {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return doc.querySelector('desc')?.textContent ?? '';
}

export interface ChartProps {
  /** Drawn by the server first (public pages), from the spec sent or, with `src`, from the stored data. */
  spec?: ChartSpec;
  /**
   * The address of the server's drawing of this chart from its stored data (`…/charts/{kind}.svg`): asked
   * with the language and the box's size, instead of sending the spec. `spec` still builds the live chart.
   */
  src?: string;
  /** Drawn in the browser at once. */
  option?: EChartsCoreOption;
  /** Text alternative for the graphic, used until the chart's own description (every value) is known. */
  label: string;
  /** The same data as a table (rendered in a disclosure under the chart). */
  table: ReactNode;
  height?: number;
  caption?: ReactNode;
  /** Open the data table by default. */
  tableOpen?: boolean;
  testId?: string;
}

/** Width of an element in whole CSS pixels, following its resizes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

export function Chart({ spec, src, option, label, table, height = 320, caption, tableOpen = false, testId }: ChartProps) {
  const t = useT();
  const [lang] = useLang();
  const compact = useNarrow();
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const [live, setLive] = useState(spec === undefined);
  const [drawing, setDrawing] = useState<{ svg: string; description: string } | null>(null);
  // The description (every value in words) of the spec it was made for; a stale one is never shown.
  const [described, setDescribed] = useState<{ key: string; text: string } | null>(null);
  const [builtOption, setBuiltOption] = useState<EChartsCoreOption | null>(null);
  const specKey = useMemo(() => (spec ? JSON.stringify(spec) : ''), [spec]);

  // The server's drawing, again when the spec or the width changes (a resize waits until it settles).
  useEffect(() => {
    if (!spec || live || width === 0) return;
    const abort = new AbortController();
    // A drawing that has not come within DRAWING_WAIT_MS (a busy server) gives way to the live chart.
    const giveUp = drawing ? undefined : window.setTimeout(() => setLive(true), DRAWING_WAIT_MS);
    const timer = window.setTimeout(() => {
      const drawn = src
        ? apiFetch<string>(src, { text: true, query: { lang, width, height, compact }, signal: abort.signal }).then((svg) => ({ svg, description: svgDescription(svg) }))
        : apiFetch('/api/charts/svg', { method: 'POST', json: { spec, width, height }, contract: 'charts.svg', signal: abort.signal });
      drawn.then(
        (reply) => {
          window.clearTimeout(giveUp);
          setDrawing(reply);
          setDescribed({ key: specKey, text: reply.description });
        },
        (err: unknown) => {
          if (!(err instanceof DOMException && err.name === 'AbortError')) setLive(true);
        },
      );
    }, drawing ? 150 : 0);
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(giveUp);
      abort.abort();
    };
    // `spec` is compared by its content (specKey); `drawing` only decides the delay.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [specKey, src, lang, compact, width, height, live]);

  // The live chart's option: given, or built from the spec once the chart goes live.
  useEffect(() => {
    if (option || !spec || !live) return;
    let current = true;
    void specOption(spec).then((o) => current && setBuiltOption(o));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [option, specKey, live]);
  const liveOption = option ?? builtOption;

  const goLive = useCallback(() => setLive(true), []);
  const onDescription = useCallback((text: string) => setDescribed({ key: specKey, text }), [specKey]);
  const description = described?.key === specKey ? described.text : null;
  const staticSvg = drawing ? <div className="chart-svg" dangerouslySetInnerHTML={{ __html: drawing.svg }} /> : null;

  return (
    <figure className="chart-figure" data-testid={testId}>
      <div ref={ref} className="chart" style={{ height }} role="img" aria-label={description ?? label} data-drawn={live ? 'live' : drawing ? 'server' : undefined} onPointerEnter={spec ? goLive : undefined}>
        {live && liveOption ? (
          <Suspense fallback={staticSvg}>
            <LiveChart option={liveOption} onDescription={onDescription} />
          </Suspense>
        ) : (
          staticSvg
        )}
      </div>
      {caption && <figcaption>{caption}</figcaption>}
      <details className="chart-table" open={tableOpen}>
        <summary>{t('common.showTable')}</summary>
        <TableRegion label={t('common.chartTable', { chart: label })}>{table}</TableRegion>
      </details>
    </figure>
  );
}
