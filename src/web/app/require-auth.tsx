import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { hasPermission, type PermissionNeed, useSession } from '../lib/session.ts';
import { LOGIN_PATH, PASSWORD_PATH } from '../modules/auth/routes.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { ForbiddenPage } from '../ui/status-pages.tsx';

/**
 * Layout route of every private page: signed-out users go to /login and come back after;
 * a user who must change their password is held on /password.
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${LOGIN_PATH}?next=${next}`} replace />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${PASSWORD_PATH}?next=${next}`} replace />;
  }
  return <Outlet />;
}

/** Renders children only for users holding `permission`; others see a "no access" page. */
export function RequirePermission({ permission, children }: { permission: PermissionNeed; children: ReactNode }) {
  const { data } = useSession();
  return hasPermission(data?.user, permission) ? children : <ForbiddenPage />;
}
