/** Route table: pages are loaded lazily so charts and the editor stay out of the first bundle. */
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { NotFound } from './components/NotFound.tsx';
import { patterns } from './paths.ts';

const StartPage = lazy(() => import('./features/start/StartPage.tsx'));
const MunicipalityPage = lazy(() => import('./features/municipalities/MunicipalityPage.tsx'));
const EvaluationPage = lazy(() => import('./features/evaluations/EvaluationPage.tsx'));
const ComparePage = lazy(() => import('./features/compare/ComparePage.tsx'));
const GoodExamplesPage = lazy(() => import('./features/good-examples/GoodExamplesPage.tsx'));
const EditPage = lazy(() => import('./features/edit/EditPage.tsx'));
const NewEvaluationPage = lazy(() => import('./features/edit/NewEvaluationPage.tsx'));
const ImportPage = lazy(() => import('./features/import/ImportPage.tsx'));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: patterns.start, element: <StartPage /> },
      { path: patterns.municipality, element: <MunicipalityPage /> },
      { path: patterns.newEvaluation, element: <NewEvaluationPage /> },
      { path: patterns.evaluation, element: <EvaluationPage /> },
      { path: patterns.editEvaluation, element: <EditPage /> },
      { path: patterns.compare, element: <ComparePage /> },
      { path: patterns.goodExamples, element: <GoodExamplesPage /> },
      { path: patterns.import, element: <ImportPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
