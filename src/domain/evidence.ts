/**
 * Conducting an evaluation: the rules of uploaded files (type by content, size, names), the
 * questionnaire's state and counts, the interview plan's days and totals. Pure: no I/O, no clock.
 */

/** Largest file that may be attached to a questionnaire answer or to the evidence register. */
export const MAX_EVIDENCE_FILE_BYTES = 20 * 1024 * 1024;

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg' | 'text';

export const FILE_KINDS: Record<FileKind, { mediaType: string; extension: string; label: string }> = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'Word (DOCX)' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', label: 'Excel (XLSX)' },
  png: { mediaType: 'image/png', extension: 'png', label: 'PNG-bild' },
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg', label: 'JPEG-bild' },
  text: { mediaType: 'text/plain; charset=utf-8', extension: 'txt', label: 'text' },
};

export const ALLOWED_FILE_LABELS = Object.values(FILE_KINDS).map((k) => k.label).join(', ');

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Whether the ASCII name occurs among the zip's entry names (local file headers carry them in clear). */
function zipHasEntry(bytes: Uint8Array, prefix: string): boolean {
  const needle = Buffer.from(prefix, 'latin1');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Valid UTF-8 without NUL or control characters other than tab, line feed, carriage return and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * The type of a file judged by its content alone (the name and the browser's claimed type are not
 * trusted): PDF, DOCX, XLSX, PNG, JPEG or plain UTF-8 text; anything else is null.
 */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (!zipHasEntry(bytes, '[Content_Types].xml')) return null;
    if (zipHasEntry(bytes, 'word/')) return 'docx';
    if (zipHasEntry(bytes, 'xl/')) return 'xlsx';
    return null;
  }
  return isPlainText(bytes) ? 'text' : null;
}

/**
 * The name a file is shown and downloaded under: the last part of what the client sent (no folders),
 * without control characters or characters that are unsafe in file names, at most 120 characters,
 * and with the extension of its real type. The file itself is stored under a generated name.
 */
export function displayFileName(clientName: string, kind: FileKind): string {
  const last = clientName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^[.\s]+/, '').trim();
  const ext = FILE_KINDS[kind].extension;
  const stem = cleaned.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 110).trim() || 'fil';
  return `${stem}.${ext}`;
}

// ---------- questionnaire ----------

export interface Answer {
  text: string;
  links: string[];
  fileIds: string[];
}

export type QuestionnaireStatus = 'not_started' | 'in_progress' | 'submitted';

export const isAnswered = (a: Answer | undefined): boolean => Boolean(a && (a.text.trim() !== '' || a.links.length > 0 || a.fileIds.length > 0));

/** Where the questionnaire stands: submitted, begun (any answer saved) or not started. */
export function questionnaireStatus(q: { submittedAt: string | null; answers: Readonly<Record<string, Answer>> } | null): QuestionnaireStatus {
  if (!q) return 'not_started';
  if (q.submittedAt) return 'submitted';
  return Object.values(q.answers).some(isAnswered) ? 'in_progress' : 'not_started';
}

/** How many of the current questions have an answer. */
export function answeredCount(questionIds: readonly string[], answers: Readonly<Record<string, Answer>>): number {
  return questionIds.filter((id) => isAnswered(answers[id])).length;
}

/**
 * Checks answers against the questions of the bank and the files of the evaluation: every key must
 * be a current question, every attached file one uploaded for this evaluation's questionnaire.
 * Returns Swedish messages (empty when all is well).
 */
export function checkAnswers(args: { questionIds: ReadonlySet<string>; fileIds: ReadonlySet<string>; answers: Readonly<Record<string, Answer>> }): string[] {
  const out: string[] = [];
  for (const [qid, a] of Object.entries(args.answers)) {
    if (!args.questionIds.has(qid)) out.push(`Frågan ${qid} finns inte i frågeunderlaget.`);
    for (const f of a.fileIds) if (!args.fileIds.has(f)) out.push(`Bilagan ${f} finns inte bland frågeunderlagets uppladdade filer.`);
  }
  return out;
}

// ---------- interview plan ----------

export const INTERVIEW_ROLES = ['politicians', 'seniorOfficials', 'managers', 'staff', 'unions', 'companyBoards', 'users', 'other'] as const;
export type InterviewRole = (typeof INTERVIEW_ROLES)[number];

export const INTERVIEW_ROLE_LABELS: Record<InterviewRole, string> = {
  politicians: 'Förtroendevalda',
  seniorOfficials: 'Ledande tjänstepersoner',
  managers: 'Chefer',
  staff: 'Medarbetare',
  unions: 'Fackliga företrädare',
  companyBoards: 'Bolagsstyrelser',
  users: 'Brukare och medborgare',
  other: 'Övriga',
};

export interface SessionLike {
  day: string;
  startsAt: string;
  endsAt: string;
  people: number;
}

/** "09:30" → minutes after midnight. */
const minutes = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** A session ends after it starts. */
export function checkSessionTimes(s: Pick<SessionLike, 'startsAt' | 'endsAt'>): string | null {
  return minutes(s.endsAt) > minutes(s.startsAt) ? null : `Passet slutar (${s.endsAt}) innan eller när det börjar (${s.startsAt}).`;
}

/** Sessions in order of day and start time, grouped per day. */
export function groupByDay<S extends SessionLike>(sessions: readonly S[]): Array<{ day: string; sessions: S[] }> {
  const sorted = [...sessions].sort((a, b) => a.day.localeCompare(b.day) || minutes(a.startsAt) - minutes(b.startsAt));
  const out: Array<{ day: string; sessions: S[] }> = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && last.day === s.day) last.sessions.push(s);
    else out.push({ day: s.day, sessions: [s] });
  }
  return out;
}

/** The number of people interviewed: the sum over every session (what the evaluation's facts show as interviews). */
export const intervieweeCount = (sessions: readonly Pick<SessionLike, 'people'>[]): number => sessions.reduce((n, s) => n + s.people, 0);

/**
 * A score needs an evidence link: the subareas with an agreed score that no evidence item supports.
 * Applies to evaluations made in kompass (`source.kind` manual); a record of a report published
 * elsewhere (import, demo) has its evidence in that report, not in the register, and gets none.
 */
export function subareasLackingEvidence(sourceKind: 'manual' | 'import' | 'demo', agreed: readonly string[], bySubarea: Readonly<Record<string, number>>): string[] {
  if (sourceKind !== 'manual') return [];
  return agreed.filter((id) => (bySubarea[id] ?? 0) === 0);
}

/** The Swedish sentence naming the subareas whose agreed score rests on no evidence (at most 12 listed). */
export function lackingEvidenceMessage(lacking: readonly string[]): string {
  const shown = lacking.slice(0, 12);
  const named = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} och ${shown[shown.length - 1]}`;
  return `Underlag saknas för delområde ${named}${lacking.length > 12 ? ` (${lacking.length} delområden)` : ''}: en överenskommen poäng ska bygga på minst ett underlag kopplat till delområdet.`;
}
