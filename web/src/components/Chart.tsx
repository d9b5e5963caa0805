/**
 * A chart with its accessible alternative: a text label for the graphic (every value in words) and
 * the same data as a table.
 *
 * A chart given as a `spec` (the public pages) is drawn by the server with the shared definitions and
 * shown as SVG, so no chart library is loaded to read a page; ECharts is fetched only when the pointer
 * enters the chart (tooltips), or when the drawing cannot be had. A chart given as an `option` is
 * drawn by ECharts at once (pages for signed-in users).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EChartsCoreOption } from '../../../src/charts/definitions.ts';
import type { ChartSpec } from '../../../src/charts/specs.ts';
import { apiFetch } from '../lib/api.ts';
import { useT } from '../i18n/i18n.tsx';
import { TableRegion } from './TableRegion.tsx';

const LiveChart = lazy(() => import('./LiveChart.tsx'));
const specOption = async (spec: ChartSpec) => (await import('../../../src/charts/specs.ts')).chartOption(spec);

export interface ChartProps {
  /** Drawn by the server first (public pages). */
  spec?: ChartSpec;
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

export function Chart({ spec, option, label, table, height = 320, caption, tableOpen = false, testId }: ChartProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const [live, setLive] = useState(spec === undefined);
  const [drawing, setDrawing] = useState<{ svg: string; description: string } | null>(null);
  const [description, setDescription] = useState<string | null>(null);
  const [builtOption, setBuiltOption] = useState<EChartsCoreOption | null>(null);
  const specKey = useMemo(() => (spec ? JSON.stringify(spec) : ''), [spec]);

  // The server's drawing, again when the spec or the width changes (a resize waits until it settles).
  useEffect(() => {
    if (!spec || live || width === 0) return;
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      apiFetch('/api/charts/svg', { method: 'POST', json: { spec, width, height }, contract: 'charts.svg', signal: abort.signal }).then(
        (reply) => {
          setDrawing(reply);
          setDescription(reply.description);
        },
        (err: unknown) => {
          if (!(err instanceof DOMException && err.name === 'AbortError')) setLive(true);
        },
      );
    }, drawing ? 150 : 0);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
    // `spec` is compared by its content (specKey); `drawing` only decides the delay.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [specKey, width, height, live]);

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
  const staticSvg = drawing ? <div className="chart-svg" dangerouslySetInnerHTML={{ __html: drawing.svg }} /> : null;

  return (
    <figure className="chart-figure" data-testid={testId}>
      <div ref={ref} className="chart" style={{ height }} role="img" aria-label={description ?? label} data-drawn={live ? 'live' : drawing ? 'server' : undefined} onPointerEnter={spec ? goLive : undefined}>
        {live && liveOption ? (
          <Suspense fallback={staticSvg}>
            <LiveChart option={liveOption} onDescription={setDescription} />
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
