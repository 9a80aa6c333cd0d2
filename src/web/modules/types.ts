import type { ComponentType } from 'react';

/** One entry of the main navigation (and, with a description, a tile on the home page). */
export interface NavItem {
  path: string;
  /** i18n key of the label, e.g. 'nav.schools'. */
  labelKey: string;
  /** i18n key of a one-line description; items with one get a home-page tile. */
  descriptionKey?: string;
  /** Shown only to users holding this permission (or, for a list, any one of them). */
  permission?: string | readonly string[];
  /**
   * Further pages the entry stands for, as route patterns (`/admissions/rounds/:roundId/applications`);
   * the entry is highlighted on its path, on these and below them. Where several entries match,
   * the most specific pattern wins (see activeNavPath).
   */
  also?: readonly string[];
  /** Shown to everyone, signed in or not. Otherwise only to signed-in users. */
  public?: boolean;
  /** Position in the navigation, ascending. */
  order: number;
}

/** A page of a module. The page's code is only loaded when the route is visited. */
export interface ModuleRoute {
  path: string;
  load: () => Promise<ComponentType>;
  /** Needs this permission, or any one of a list (checked after sign-in; the server checks again). */
  permission?: string | readonly string[];
  /** Reachable without signing in. */
  public?: boolean;
}

/** What a module folder contributes to the shell, exported from its index.ts. */
export interface WebModule {
  nav: NavItem[];
  routes: ModuleRoute[];
}
