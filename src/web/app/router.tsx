import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { moduleRoutes } from '../modules/registry.ts';
import { NotFoundPage } from '../ui/status-pages.tsx';
import { Layout } from './layout.tsx';
import { RequireAuth, RequirePermission } from './require-auth.tsx';

/*
 * Declarative routes (BrowserRouter + Routes) rather than a data router: react-router's data
 * router adds ~16 KB gzipped to the first load, and the shell needs none of its loaders.
 * Each page is a React.lazy chunk fetched on first visit; Layout shows a status meanwhile.
 */

/** Each page's component, fetched on first visit. */
const pages = moduleRoutes.map((route) => ({
  route,
  Page: lazy(() => route.load().then((Component) => ({ default: Component }))),
}));

/** The page, behind its permission when it has one (the server checks again). */
function element({ route, Page }: (typeof pages)[number]) {
  if (!route.permission) return <Page />;
  return (
    <RequirePermission permission={route.permission}>
      <Page />
    </RequirePermission>
  );
}

/** All routes: public pages, private pages behind RequireAuth, and a not-found page. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        {pages
          .filter(({ route }) => route.public)
          .map((page) => (
            <Route key={page.route.path} path={page.route.path} element={element(page)} />
          ))}
        <Route element={<RequireAuth />}>
          {pages
            .filter(({ route }) => !route.public)
            .map((page) => (
              <Route key={page.route.path} path={page.route.path} element={element(page)} />
            ))}
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
