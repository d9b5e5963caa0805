/**
 * The server's response contracts (src/contracts), by name. `apiFetch` checks replies against them
 * in development (and in builds made with VITE_KOMPASS_CONTRACT_CHECK=true); production builds only
 * use the types, so zod stays out of the bundle. Load this module with a dynamic import only.
 */
import { z } from 'zod';
import { MeOut, SessionOut } from '../../../src/contracts/auth.ts';
import { EvaluationListOut, EvaluationOut, SameYearListOut } from '../../../src/contracts/evaluations.ts';
import { FrameworkAdminListOut, FrameworkAdminOut, FrameworkListOut, FrameworkMergeOut, FrameworkOut, FrameworkTitlesOut } from '../../../src/contracts/frameworks.ts';
import { GoodExampleResultSchema as GoodExampleListOut } from '../../../src/contracts/good-examples.ts';
import { ImportCreatedOut } from '../../../src/contracts/imports.ts';
import { ComparisonOut } from '../../../src/contracts/open-data.ts';
import { BenchmarksOut, BenchmarkVersionsOut, MunicipalityBenchmarkOut, PeerGroupListOut, PeerGroupOut } from '../../../src/contracts/benchmarks.ts';
import { ConcordanceListOut, ConcordanceOut } from '../../../src/contracts/concordances.ts';
import { MunicipalityListOut, MunicipalityOut } from '../../../src/contracts/municipalities.ts';
import { PublicUserOut, ResetLinkOut, UserListOut } from '../../../src/contracts/users.ts';
import { AssignmentListOut, CommentListOut, CommentOut, HistoryListOut } from '../../../src/contracts/workflow.ts';
import { NotificationListOut, NotificationsReadOut, StageOut, WorklistOut } from '../../../src/contracts/stages.ts';
import { ActionPlanOut, AssociationsOut, IndicatorImportOut, IndicatorListOut, IndicatorOut, PlanEffectOut, ReportBackListOut, ReportBackOut } from '../../../src/contracts/follow-up.ts';
import { ChartSvgOut } from '../../../src/contracts/charts.ts';

export const CONTRACTS = {
  'auth.me': MeOut,
  'auth.session': SessionOut,
  'evaluations.list': EvaluationListOut,
  evaluation: EvaluationOut,
  'evaluations.sameYear': SameYearListOut,
  'frameworks.list': FrameworkListOut,
  framework: FrameworkOut,
  'frameworks.admin.list': FrameworkAdminListOut,
  'frameworks.admin': FrameworkAdminOut,
  'frameworks.merge': FrameworkMergeOut,
  'frameworks.titles': FrameworkTitlesOut,
  'goodExamples.list': GoodExampleListOut,
  'imports.created': ImportCreatedOut,
  'municipalities.list': MunicipalityListOut,
  municipality: MunicipalityOut,
  'users.list': UserListOut,
  user: PublicUserOut,
  'users.resetLink': ResetLinkOut,
  'workflow.history': HistoryListOut,
  'workflow.comments': CommentListOut,
  'workflow.comment': CommentOut,
  'workflow.assignments': AssignmentListOut,
  'stages.stage': StageOut,
  worklist: WorklistOut,
  'notifications.list': NotificationListOut,
  'notifications.read': NotificationsReadOut,
  comparison: ComparisonOut,
  benchmarks: BenchmarksOut,
  'benchmarks.versions': BenchmarkVersionsOut,
  'benchmarks.municipality': MunicipalityBenchmarkOut,
  'peerGroups.list': PeerGroupListOut,
  peerGroup: PeerGroupOut,
  'concordances.list': ConcordanceListOut,
  concordance: ConcordanceOut,
  actionPlan: ActionPlanOut,
  'actionPlans.effect': PlanEffectOut,
  'followUp.associations': AssociationsOut,
  reportBack: ReportBackOut,
  'reportBacks.list': ReportBackListOut,
  indicator: IndicatorOut,
  'indicators.list': IndicatorListOut,
  'indicators.imported': IndicatorImportOut,
  'charts.svg': ChartSvgOut,
} satisfies Record<string, z.ZodType>;

export type ContractName = keyof typeof CONTRACTS;
export type ContractOf<K extends ContractName> = z.output<(typeof CONTRACTS)[K]>;

/** Parses a reply with its contract; a mismatch names the path and every wrong field. */
export function checkReply(name: ContractName, path: string, body: unknown): unknown {
  const result = CONTRACTS[name].safeParse(body);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => `${i.path.join('.') || '(svaret)'}: ${i.message}`).join('; ');
  throw new Error(`Svaret från ${path} följer inte kontraktet ${name}: ${fields}`);
}
