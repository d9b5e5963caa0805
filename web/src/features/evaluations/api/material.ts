import type { EvidenceItemContract, QuestionnaireContract } from '../../../../../src/contracts/conduct.ts';
import { apiFetch } from '../../../lib/api.ts';

export interface SubareaMaterial {
  answers: Array<{ question: string; text: string; links: string[]; files: Array<{ id: string; fileName: string }> }>;
  evidence: EvidenceItemContract[];
}

/** The municipality's answers and the team's evidence, per subarea, for the scoring view (what a score rests on). */
export async function fetchScoringMaterial(id: string, signal?: AbortSignal): Promise<Record<string, SubareaMaterial>> {
  const base = `/api/evaluations/${encodeURIComponent(id)}`;
  const [q, ev] = await Promise.all([
    apiFetch<QuestionnaireContract>(`${base}/questionnaire`, { signal }),
    apiFetch<{ items: EvidenceItemContract[] }>(`${base}/evidence`, { signal }),
  ]);
  const out: Record<string, SubareaMaterial> = {};
  for (const a of q.areas) {
    for (const s of a.subareas) {
      out[s.id] = {
        answers: s.questions.flatMap((x) => (x.answer ? [{ question: x.text, text: x.answer.text, links: x.answer.links, files: x.answer.files }] : [])),
        evidence: ev.items.filter((i) => i.subareaIds.includes(s.id)),
      };
    }
  }
  return out;
}
