import { apiFetch } from '../../../lib/api.ts';
import type { WorkItem } from '../../../../../src/contracts/stages.ts';

export type { WorkItem };

export function fetchWorklist(signal?: AbortSignal): Promise<{ items: WorkItem[] }> {
  return apiFetch('/api/worklist', { contract: 'worklist', signal });
}

/** The municipality tells the evaluators that the questionnaire is answered (one stage forward). */
export async function markQuestionnaireAnswered(evaluationId: string): Promise<void> {
  const url = `/api/evaluations/${encodeURIComponent(evaluationId)}/stage`;
  const stage = await apiFetch(url, { contract: 'stages.stage' });
  await apiFetch(url, { contract: 'stages.stage', method: 'POST', json: { expectedVersion: stage.version, to: 'questionnaire_answered' } });
}
