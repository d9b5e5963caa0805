/** Shapes produced by the importer. Pure data, serialisable as JSON. */
import type { EvaluationInput } from '../domain/evaluation.ts';
import type { FrameworkDef } from '../domain/framework.ts';

export type ProblemSeverity = 'error' | 'warning' | 'info';

/**
 * One problem found while reading a report. `code` is stable for programs (e.g. "missing-part",
 * "check-item", "score-mismatch"); `message` is Swedish for people. `at` is a position in the text read
 * (after line ends were normalised), 1-based; `confidence` (0..1) for guesses the user should check.
 */
export interface ImportProblem {
  severity: ProblemSeverity;
  code: string;
  message: string;
  area?: number;
  subarea?: string;
  at?: { line: number; column: number };
  confidence?: number;
}

/** An item the importer sorted from its wording, not from the layout: shown with "kontrollera". */
export interface PreviewReviewItem {
  text: string;
  /** Where the importer put it: strengths, improvements, or unsorted (null). */
  column: 'strength' | 'improvement' | null;
  /** The importer's best guess for an unsorted item (from its place in the run), or null. */
  suggestion: 'strength' | 'improvement' | null;
  confidence: number;
  reason: 'opener' | 'cue' | 'position' | 'none' | 'columns';
}

/** One part of the method's report and whether it was found (the preview is never silent about a part). */
export interface PreviewPart {
  part: string;
  area?: number;
  found: boolean;
  /** Items or subareas found, where countable. */
  count?: number;
}

export interface PreviewSubarea {
  id: string;
  title: string;
  achieved: number | null;
  max: number | null;
  percent: number | null;
}

export interface PreviewGoodExample {
  municipalityCode: string | null;
  name: string;
  subareaId: string | null;
  text: string;
}

export interface PreviewArea {
  number: number;
  title: string;
  /** Area score as printed (section heading, score table or text); null when the report does not give it. */
  score: number | null;
  subareas: PreviewSubarea[];
  /** Subarea headings as listed at the start of the area section. */
  headings: string[];
  strengths: string[];
  improvements: string[];
  /** List items whose column (strength or improvement) the text does not tell. */
  unsorted: string[];
  goodExamples: PreviewGoodExample[];
  /** Subarea ids that have narrative text. */
  narratives: string[];
  /** The evaluators' text per subarea id. */
  texts: Record<string, string>;
  /** Items sorted by their wording (two-column table flattened into one run); each to be checked. */
  review: PreviewReviewItem[];
}

export interface PreviewEarlier {
  year: number;
  total: number | null;
  areas: Array<number | null>;
}

export interface ImportPreview {
  fileName: string;
  municipality: { code: string; name: string } | null;
  year: number | null;
  month: number | null;
  reportDate: string | null;
  ordinal: number | null;
  interviews: number | null;
  interviewsApprox: boolean;
  evaluators: Array<{ name: string; organisation: string; isLead: boolean }>;
  framework: { id: string; name: string; derived: boolean } | null;
  /** Total as printed, or the sum of the printed area scores when the report prints no total. */
  total: number | null;
  totalSource: 'printed' | 'sum-of-areas' | null;
  areas: PreviewArea[];
  earlier: PreviewEarlier[];
  summary: string;
  /** Which parts of the report were found (e.g. "poängtabell", "styrkor"). */
  found: string[];
  /** Every part of the method's report, found or not. */
  parts: PreviewPart[];
  problems: ImportProblem[];
  sourceHash: string;
}

export interface ImportResult {
  /** True when an evaluation was found; false when the document was refused (see problems). */
  ok: boolean;
  preview: ImportPreview;
  /** The evaluation to save as a draft; null when refused. */
  input: EvaluationInput | null;
  /** Earlier evaluations printed in the report (area totals only). */
  earlierInputs: EvaluationInput[];
  /** A framework variant derived from the report's score table, to register before saving. */
  derivedFramework: FrameworkDef | null;
}

export type ReportFormat = 'txt' | 'pdf' | 'docx';
