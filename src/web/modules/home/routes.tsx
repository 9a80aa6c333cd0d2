import type { ModuleRoute } from '../types.ts';

export const routes: ModuleRoute[] = [{ path: '/', load: () => import('./home-page.tsx').then((m) => m.HomePage) }];
