/** Route table: pages are loaded lazily so charts and the editor stay out of the first bundle. */
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { NotFound } from './components/NotFound.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { patterns } from './paths.ts';

const StartPage = lazy(() => import('./features/start/StartPage.tsx'));
const MunicipalityPage = lazy(() => import('./features/municipalities/MunicipalityPage.tsx'));
const EvaluationPage = lazy(() => import('./features/evaluations/EvaluationPage.tsx'));
const ComparePage = lazy(() => import('./features/compare/ComparePage.tsx'));
const GoodExamplesPage = lazy(() => import('./features/good-examples/GoodExamplesPage.tsx'));
const EditPage = lazy(() => import('./features/edit/EditPage.tsx'));
const NewEvaluationPage = lazy(() => import('./features/edit/NewEvaluationPage.tsx'));
const ImportPage = lazy(() => import('./features/import/ImportPage.tsx'));
const SignInPage = lazy(() => import('./features/account/SignInPage.tsx'));
const ChangePasswordPage = lazy(() => import('./features/account/ChangePasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('./features/account/ResetPasswordPage.tsx'));
const ActionPlanPage = lazy(() => import('./features/follow-up/ActionPlanPage.tsx'));
const AssociationsPage = lazy(() => import('./features/follow-up/AssociationsPage.tsx'));
const UsersPage = lazy(() => import('./features/users/UsersPage.tsx'));
const BenchmarksPage = lazy(() => import('./features/benchmarks/BenchmarksPage.tsx'));
const ConcordancePage = lazy(() => import('./features/concordance/ConcordancePage.tsx'));
const QuestionnairesPage = lazy(() => import('./features/conduct/QuestionnairesPage.tsx'));
const QuestionnairePage = lazy(() => import('./features/conduct/QuestionnairePage.tsx'));
const EvidencePage = lazy(() => import('./features/conduct/EvidencePage.tsx'));
const NotificationsPage = lazy(() => import('./features/notifications/NotificationsPage.tsx'));
const InterviewsPage = lazy(() => import('./features/conduct/InterviewsPage.tsx'));
const QuestionBankPage = lazy(() => import('./features/conduct/QuestionBankPage.tsx'));
const FrameworksPage = lazy(() => import('./features/frameworks/FrameworksPage.tsx'));
const FrameworkPage = lazy(() => import('./features/frameworks/FrameworkPage.tsx'));

const EDITORS = ['admin', 'evaluator'] as const;

export const router = createBrowserRouter([
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
]);
