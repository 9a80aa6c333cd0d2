import type { ModuleRoute } from '../types.ts';

export const LOGIN_PATH = '/login';
/** The only page a user with `mustChangePassword` may open. */
export const PASSWORD_PATH = '/password';

export const routes: ModuleRoute[] = [
  { path: LOGIN_PATH, public: true, load: () => import('./login-page.tsx').then((m) => m.LoginPage) },
  { path: PASSWORD_PATH, load: () => import('./password-page.tsx').then((m) => m.PasswordPage) },
];
