import { apiFetch } from '../../../lib/api.ts';
import type { StageViewContract } from '../../../../../src/contracts/stages.ts';
import type { Stage } from '../../../../../src/domain/stages.ts';

export type { Stage, StageViewContract as StageView };

const url = (id: string) => `/api/evaluations/${encodeURIComponent(id)}/stage`;

export function fetchStage(id: string, signal?: AbortSignal): Promise<StageViewContract> {
  return apiFetch(url(id), { contract: 'stages.stage', signal });
}

export function moveStage(id: string, expectedVersion: number, to: Stage, reason: string | null): Promise<StageViewContract> {
  return apiFetch(url(id), { contract: 'stages.stage', method: 'POST', json: { expectedVersion, to, reason } });
}

export interface StageDetails {
  agreementDate?: string | null;
  feedbackMeetingDate?: string | null;
  feedbackNotes?: string;
  deadlines?: Partial<Record<Stage, string | null>>;
}

export function updateStageDetails(id: string, expectedVersion: number, patch: StageDetails): Promise<StageViewContract> {
  return apiFetch(url(id), { contract: 'stages.stage', method: 'PATCH', json: { expectedVersion, ...patch } });
}
