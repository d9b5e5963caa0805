/** Framework versions are reference data: administrators add, edit and review them. */
import type { Viewer } from '../domain/access.ts';
import { adminOnly, type Decision } from './policy.ts';

export function canCreateFramework(viewer: Viewer): Decision {
  return adminOnly(viewer, 'Bara en administratör kan lägga till ramverksversioner.');
}

/** Texts, titles and maxima, and the review flag of a version registered from an imported report. */
export function canUpdateFramework(viewer: Viewer): Decision {
  return adminOnly(viewer, 'Bara en administratör kan ändra ramverksversioner.');
}

/** The administration pages: every version with the evaluations that use it (drafts included). */
export function canAdministerFrameworks(viewer: Viewer): Decision {
  return adminOnly(viewer, 'Bara en administratör kan se ramverksadministrationen.');
}

/** Accept, rename or merge a variant derived from an imported report into a known version. */
export function canReviewFrameworkVariant(viewer: Viewer): Decision {
  return adminOnly(viewer, 'Bara en administratör kan granska härledda ramverksvarianter.');
}
