/**
 * Printable documents of an evaluation in progress — the questionnaire with its answers and the
 * interview schedule — as one plain view model (headings, paragraphs, questions, tables), rendered
 * to PDF (Typst, conduct-document-pdf.ts) and DOCX (conduct-document-docx.ts). Pure.
 */
import { foldName } from '../domain/text.ts';
import { INTERVIEW_ROLE_LABELS, groupByDay, intervieweeCount, type InterviewRole } from '../domain/evidence.ts';
import { cleanReportText } from './view-model.ts';

export type DocBlock =
  | { kind: 'paragraph'; text: string; muted: boolean }
  | { kind: 'question'; number: string; text: string; help: string; answer: string[]; attachments: string[] }
  | { kind: 'table'; columns: string[]; widths: number[]; rows: string[][] };

export interface ConductDocument {
  meta: { title: string; author: string; date: string; keywords: string[]; fileBase: string };
  kicker: string;
  title: string;
  facts: Array<{ label: string; value: string }>;
  sections: Array<{ heading: string; blocks: DocBlock[] }>;
}

const clean = (s: string): string => cleanReportText(s);

function cleanDocument(doc: ConductDocument): ConductDocument {
  const block = (b: DocBlock): DocBlock => {
    if (b.kind === 'paragraph') return { ...b, text: clean(b.text) };
    if (b.kind === 'question') return { ...b, text: clean(b.text), help: clean(b.help), answer: b.answer.map(clean), attachments: b.attachments.map(clean) };
    return { ...b, rows: b.rows.map((r) => r.map(clean)) };
  };
  return {
    ...doc,
    meta: { ...doc.meta, title: clean(doc.meta.title) },
    title: clean(doc.title),
    facts: doc.facts.map((f) => ({ label: f.label, value: clean(f.value) })),
    sections: doc.sections.map((s) => ({ heading: clean(s.heading), blocks: s.blocks.map(block) })),
  };
}

/** "Burlöv 2024" → "burlov-2024" for file names. */
export const fileSlug = (s: string): string =>
  foldName(s, { separator: '-' }) || 'dokument';

const swedishDate = (iso: string): string => {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
};

export interface QuestionnaireInput {
  municipality: string;
  year: number;
  framework: string;
  status: 'not_started' | 'in_progress' | 'submitted';
  submittedAt: string | null;
  submittedBy: string | null;
  today: string;
  areas: Array<{
    number: number;
    title: string;
    subareas: Array<{ id: string; title: string; questions: Array<{ text: string; help: string; answer: { text: string; links: string[]; files: string[] } | null }> }>;
  }>;
}

const STATUS: Record<QuestionnaireInput['status'], string> = { not_started: 'Inte påbörjat', in_progress: 'Påbörjat, inte inlämnat', submitted: 'Inlämnat' };

export function buildQuestionnaireDocument(q: QuestionnaireInput): ConductDocument {
  const name = `${q.municipality} ${q.year}`;
  const total = q.areas.reduce((n, a) => n + a.subareas.reduce((m, s) => m + s.questions.length, 0), 0);
  const answered = q.areas.reduce((n, a) => n + a.subareas.reduce((m, s) => m + s.questions.filter((x) => x.answer && (x.answer.text.trim() || x.answer.links.length || x.answer.files.length)).length, 0), 0);
  return cleanDocument({
    meta: { title: `Frågeunderlag – ${name}`, author: q.municipality, date: q.today, keywords: ['Kommunkompassen', 'frågeunderlag', q.municipality], fileBase: `fragunderlag-${fileSlug(name)}` },
    kicker: 'Kommunkompassen · frågeunderlag',
    title: `Frågeunderlag – ${name}`,
    facts: [
      { label: 'Kommun', value: q.municipality },
      { label: 'Ramverksversion', value: q.framework },
      { label: 'Status', value: q.status === 'submitted' && q.submittedAt ? `${STATUS.submitted} ${q.submittedAt.slice(0, 10)}${q.submittedBy ? ` av ${q.submittedBy}` : ''}` : STATUS[q.status] },
      { label: 'Besvarade frågor', value: `${answered} av ${total}` },
    ],
    sections: q.areas.map((a) => ({
      heading: `${a.number} ${a.title}`,
      blocks: a.subareas.flatMap((s): DocBlock[] => [
        { kind: 'paragraph', text: `${s.id} ${s.title}`, muted: false },
        ...s.questions.map((x, i): DocBlock => ({
          kind: 'question',
          number: `${s.id}.${i + 1}`,
          text: x.text,
          help: x.help,
          answer: x.answer && x.answer.text.trim() ? x.answer.text.trim().split(/\n{2,}/) : ['(inte besvarad)'],
          attachments: [...(x.answer?.links ?? []), ...(x.answer?.files ?? []).map((f) => `Bilaga: ${f}`)],
        })),
      ]),
    })),
  });
}

export interface ScheduleInput {
  municipality: string;
  year: number;
  today: string;
  sessions: Array<{ day: string; startsAt: string; endsAt: string; place: string; groupName: string; roles: string[]; people: number }>;
}

export function buildScheduleDocument(s: ScheduleInput): ConductDocument {
  const name = `${s.municipality} ${s.year}`;
  const days = groupByDay(s.sessions);
  const roleLabel = (r: string): string => INTERVIEW_ROLE_LABELS[r as InterviewRole] ?? r;
  return cleanDocument({
    meta: { title: `Intervjuschema – ${name}`, author: s.municipality, date: s.today, keywords: ['Kommunkompassen', 'intervjuer', s.municipality], fileBase: `intervjuschema-${fileSlug(name)}` },
    kicker: 'Kommunkompassen · intervjuschema',
    title: `Intervjuschema – ${name}`,
    facts: [
      { label: 'Kommun', value: s.municipality },
      { label: 'Intervjudagar', value: String(days.length) },
      { label: 'Intervjupass', value: String(s.sessions.length) },
      { label: 'Intervjuade personer', value: String(intervieweeCount(s.sessions)) },
    ],
    sections:
      days.length === 0
        ? [{ heading: 'Schema', blocks: [{ kind: 'paragraph', text: 'Inga intervjupass är planerade än.', muted: true }] }]
        : days.map((d) => ({
            heading: swedishDate(d.day),
            blocks: [
              {
                kind: 'table',
                columns: ['Tid', 'Grupp', 'Roller', 'Antal', 'Plats'],
                widths: [14, 30, 30, 8, 18],
                rows: d.sessions.map((x) => [`${x.startsAt}–${x.endsAt}`, x.groupName, x.roles.map(roleLabel).join(', ') || '–', String(x.people), x.place || '–']),
              },
            ],
          })),
  });
}
