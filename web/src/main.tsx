import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { I18nProvider, loadLang, storedLang } from './i18n/i18n.tsx';
import { AuthProvider } from './lib/auth.tsx';
import { preloadPage, router } from './router.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');
const lang = storedLang();
// English and Norwegian are loaded before the first render, so the page never starts in Swedish; the
// page's own module too (already fetched: the HTML preloads it), so the first render shows the page.
await Promise.all([loadLang(lang).catch(() => undefined), preloadPage(window.location.pathname).catch(() => undefined)]);
createRoot(root).render(
  <StrictMode>
    <I18nProvider initial={lang}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </I18nProvider>
  </StrictMode>,
);
