import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';

const ORIGIN_KEYS: Record<string, MessageKey> = {
  catalog: 'fwadmin.origin.catalog',
  'derived-import': 'fwadmin.origin.derived',
  custom: 'fwadmin.origin.custom',
};

/** Where a version comes from, and whether it waits for review. */
export function OriginLabel({ origin, needsReview }: { origin: string; needsReview: boolean }) {
  const t = useT();
  return (
    <>
      <span className="tag">{ORIGIN_KEYS[origin] ? t(ORIGIN_KEYS[origin]) : origin}</span>
      {needsReview && (
        <>
          {' '}
          <span className="badge badge-review">{t('fwadmin.needsReview')}</span>
        </>
      )}
    </>
  );
}
