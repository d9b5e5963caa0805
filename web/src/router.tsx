/** Route table: pages are loaded lazily so charts and the editor stay out of the first bundle. */
import { lazy, useState, type ComponentType, type JSX } from 'react';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { NotFound } from './components/NotFound.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { patterns } from './paths.ts';

type PageModule = { default: ComponentType };
interface LazyPage {
  (): JSX.Element;
  load: () => Promise<PageModule>;
}

/**
 * A page loaded on demand. Once its module is loaded (`load`, before the first render: `preloadPage`), it
 * renders at once instead of suspending: React shows a suspended page's content only after a pause.
 */
function lazyPage(load: () => Promise<PageModule>): LazyPage {
  let loaded: ComponentType | undefined;
  let pending: Promise<PageModule> | undefined;
  const loadOnce = () =>
    (pending ??= load().then(
      (m) => {
        loaded = m.default;
        return m;
      },
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
  const Lazy = lazy(loadOnce);
  function Page() {
    // Fixed for the page's lifetime, so it is never remounted when the module arrives.
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded /> : <Lazy />;
  }
  Page.load = loadOnce;
  return Page;
}

const StartPage = lazyPage(() => import('./features/start/StartPage.tsx'));
const MunicipalityPage = lazyPage(() => import('./features/municipalities/MunicipalityPage.tsx'));
const EvaluationPage = lazyPage(() => import('./features/evaluations/EvaluationPage.tsx'));
const ComparePage = lazyPage(() => import('./features/compare/ComparePage.tsx'));
const GoodExamplesPage = lazyPage(() => import('./features/good-examples/GoodExamplesPage.tsx'));
const EditPage = lazyPage(() => import('./features/edit/EditPage.tsx'));
const NewEvaluationPage = lazyPage(() => import('./features/edit/NewEvaluationPage.tsx'));
const ImportPage = lazyPage(() => import('./features/import/ImportPage.tsx'));
const SignInPage = lazyPage(() => import('./features/account/SignInPage.tsx'));
const ChangePasswordPage = lazyPage(() => import('./features/account/ChangePasswordPage.tsx'));
const ResetPasswordPage = lazyPage(() => import('./features/account/ResetPasswordPage.tsx'));
const ActionPlanPage = lazyPage(() => import('./features/follow-up/ActionPlanPage.tsx'));
const AssociationsPage = lazyPage(() => import('./features/follow-up/AssociationsPage.tsx'));
const UsersPage = lazyPage(() => import('./features/users/UsersPage.tsx'));
const BenchmarksPage = lazyPage(() => import('./features/benchmarks/BenchmarksPage.tsx'));
const ConcordancePage = lazyPage(() => import('./features/concordance/ConcordancePage.tsx'));
const QuestionnairesPage = lazyPage(() => import('./features/conduct/QuestionnairesPage.tsx'));
const QuestionnairePage = lazyPage(() => import('./features/conduct/QuestionnairePage.tsx'));
const EvidencePage = lazyPage(() => import('./features/conduct/EvidencePage.tsx'));
const NotificationsPage = lazyPage(() => import('./features/notifications/NotificationsPage.tsx'));
const InterviewsPage = lazyPage(() => import('./features/conduct/InterviewsPage.tsx'));
const QuestionBankPage = lazyPage(() => import('./features/conduct/QuestionBankPage.tsx'));
const FrameworksPage = lazyPage(() => import('./features/frameworks/FrameworksPage.tsx'));
const FrameworkPage = lazyPage(() => import('./features/frameworks/FrameworkPage.tsx'));

const EDITORS = ['admin', 'evaluator'] as const;

const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: patterns.start, element: <StartPage /> },
      { path: patterns.municipality, element: <MunicipalityPage /> },
      {
        path: patterns.newEvaluation,
        element: (
          <RequireAuth roles={EDITORS}>
            <NewEvaluationPage />
          </RequireAuth>
        ),
      },
      { path: patterns.evaluation, element: <EvaluationPage /> },
      {
        path: patterns.editEvaluation,
        element: (
          <RequireAuth roles={EDITORS}>
            <EditPage />
          </RequireAuth>
        ),
      },
      { path: patterns.actionPlan, element: <ActionPlanPage /> },
      { path: patterns.followUpAssociations, element: <AssociationsPage /> },
      { path: patterns.compare, element: <ComparePage /> },
      { path: patterns.goodExamples, element: <GoodExamplesPage /> },
      { path: patterns.benchmarks, element: <BenchmarksPage /> },
      {
        path: patterns.concordance,
        element: (
          <RequireAuth roles={['admin']}>
            <ConcordancePage />
          </RequireAuth>
        ),
      },
      {
        path: patterns.import,
        element: (
          <RequireAuth roles={EDITORS}>
            <ImportPage />
          </RequireAuth>
        ),
      },
      { path: patterns.signIn, element: <SignInPage /> },
      {
        path: patterns.notifications,
        element: (
          <RequireAuth>
            <NotificationsPage />
          </RequireAuth>
        ),
      },
      {
        path: patterns.changePassword,
        element: (
          <RequireAuth>
            <ChangePasswordPage />
          </RequireAuth>
        ),
      },
      { path: patterns.resetPassword, element: <ResetPasswordPage /> },
      {
        path: patterns.users,
        element: (
          <RequireAuth roles={['admin']}>
            <UsersPage />
          </RequireAuth>
        ),
      },
      { path: patterns.questionnaires, element: <RequireAuth><QuestionnairesPage /></RequireAuth> },
      { path: patterns.questionnaire, element: <RequireAuth><QuestionnairePage /></RequireAuth> },
      { path: patterns.evidence, element: <RequireAuth roles={EDITORS}><EvidencePage /></RequireAuth> },
      { path: patterns.interviews, element: <RequireAuth><InterviewsPage /></RequireAuth> },
      { path: patterns.questionBank, element: <RequireAuth roles={['admin']}><QuestionBankPage /></RequireAuth> },
      { path: patterns.frameworks, element: <RequireAuth roles={['admin']}><FrameworksPage /></RequireAuth> },
      { path: patterns.framework, element: <RequireAuth roles={['admin']}><FrameworkPage /></RequireAuth> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);

/** Loads the module of the page at `pathname` (before the first render, so it does not suspend). */
export async function preloadPage(pathname: string): Promise<void> {
  const match = matchRoutes(routes, pathname)?.at(-1);
  const element = match?.route.element;
  const type = element && typeof element === 'object' && 'type' in element ? (element.type as Partial<LazyPage>) : undefined;
  if (typeof type?.load === 'function') await type.load();
}
