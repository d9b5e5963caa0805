/** The concordance between framework versions is method data: everyone reads it, administrators edit it. */
import type { Viewer } from '../domain/access.ts';
import { adminOnly, type Decision } from './policy.ts';

export function canEditConcordance(viewer: Viewer): Decision {
  return adminOnly(viewer, 'Bara en administratör kan ändra konkordansen mellan ramverksversioner.');
}
