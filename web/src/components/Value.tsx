import { useT } from '../i18n/i18n.tsx';
import { UNKNOWN, useFormat } from '../lib/format.ts';

type Kind = 'number' | 'points' | 'percent' | 'delta';

/** A number in Swedish format; unknown values render as "–" with the word "okänt" for screen readers. */
export function Value({ value, kind = 'number', decimals }: { value: number | null | undefined; kind?: Kind; decimals?: number }) {
  const t = useT();
  const f = useFormat();
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return (
      <span className="unknown" title={t('common.unknown')}>
        <span aria-hidden="true">{UNKNOWN}</span>
        <span className="sr-only">{t('common.unknown')}</span>
      </span>
    );
  }
  const text = kind === 'points' ? f.points(value) : kind === 'percent' ? f.percent(value) : kind === 'delta' ? f.delta(value) : f.number(value, decimals);
  const cls = kind === 'delta' ? (value > 0 ? 'delta up' : value < 0 ? 'delta down' : 'delta') : undefined;
  return <span className={cls}>{text}</span>;
}
