/** The portal shell: skip link, header with navigation and language switcher, and the current page. */
import { lazy, Suspense } from 'react';
import { Header } from './components/layout/Header.js';
import { AdminPage } from './pages/admin/AdminPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ReportPage } from './pages/ReportPage.js';
import { StaffPage } from './pages/StaffPage.js';
import { TrackPage } from './pages/TrackPage.js';
import { useI18n } from './i18n/use-i18n.js';
import { useRoute } from './router/use-route.js';

// The dashboard pages carry the chart library; residents filing a report never download it.
const DashboardPage = lazy(() =>
  import('./pages/DashboardPage.js').then((m) => ({ default: m.DashboardPage })),
);
const TransparencyPage = lazy(() =>
  import('./pages/TransparencyPage.js').then((m) => ({ default: m.TransparencyPage })),
);

export function App() {
  const route = useRoute();
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {route.page === 'report' && <ReportPage />}
        {route.page === 'track' && <TrackPage key={route.id} id={route.id} token={route.token} />}
        {route.page === 'staff' && <StaffPage />}
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          {route.page === 'dashboard' && <DashboardPage />}
          {route.page === 'transparency' && <TransparencyPage />}
        </Suspense>
        {route.page === 'admin' && <AdminPage section={route.section} />}
        {route.page === 'not-found' && <NotFoundPage />}
      </main>
    </>
  );
}
