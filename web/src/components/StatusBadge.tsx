import { useT } from '../i18n/i18n.tsx';
import type { EvaluationStatus } from '../lib/types.ts';

export function StatusBadge({ status }: { status: EvaluationStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
