import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Loading } from '../ui/loading.tsx';
import { PageErrorBoundary } from './error-boundary.tsx';
import { Header } from './header.tsx';
import { MainNav } from './main-nav.tsx';

/** The app shell: skip link, header, navigation, main content and footer landmarks. */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After a client-side navigation, move focus to the new content so that keyboard and
  // screen-reader users start reading there (as after a full page load).
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Header />
      <div className="shell">
        <MainNav />
        <main id="main" className="main" tabIndex={-1} ref={mainRef}>
          <PageErrorBoundary key={pathname}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </main>
      </div>
      <footer className="footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </>
  );
}
