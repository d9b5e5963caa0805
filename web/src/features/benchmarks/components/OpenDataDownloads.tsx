import { useT } from '../../../i18n/i18n.tsx';
import { downloads } from '../../../paths.ts';

const LEVELS = ['evaluation', 'area', 'subarea'] as const;
const FORMATS = ['csv', 'xlsx', 'json'] as const;

/** Bulk downloads of every published score, with the licence. */
export function OpenDataDownloads() {
  const t = useT();
  return (
    <section className="section card" aria-labelledby="open-data-h" data-testid="open-data">
      <h2 id="open-data-h">{t('bench.openData')}</h2>
      <p>{t('bench.openDataText')}</p>
      <ul className="plain-list">
        {LEVELS.map((level) => (
          <li key={level}>
            <strong>{t(`bench.level.${level}`)}</strong>:{' '}
            {FORMATS.map((f, i) => (
              <span key={f}>
                {i > 0 && ' · '}
                <a href={downloads.openData(level, f)} download aria-label={t('bench.downloadAs', { level: t(`bench.level.${level}`), format: f.toUpperCase() })}>
                  {f.toUpperCase()}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
      <p className="small">
        {t('bench.licence')}{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/deed.sv" rel="license">
          CC BY 4.0
        </a>
        . {t('bench.licenceAttribution')}
      </p>
      <p className="small muted">{t('bench.openDataFormat')}</p>
    </section>
  );
}
