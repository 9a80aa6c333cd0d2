import type { ComponentType } from 'react';

/** One entry of the main navigation (and, with a description, a tile on the home page). */
export interface NavItem {
  path: string;
  /** i18n key of the label, e.g. 'nav.schools'. */
  labelKey: string;
  /** i18n key of a one-line description; items with one get a home-page tile. */
  descriptionKey?: string;
  /** Shown only to users holding this permission. */
  permission?: string;
  /** Shown to everyone, signed in or not. Otherwise only to signed-in users. */
  public?: boolean;
  /** Position in the navigation, ascending. */
  order: number;
}

/** A page of a module. The page's code is only loaded when the route is visited. */
export interface ModuleRoute {
  path: string;
  load: () => Promise<ComponentType>;
  /** Needs this permission (checked after sign-in; the server checks again). */
  permission?: string;
  /** Reachable without signing in. */
  public?: boolean;
}

/** What a module folder contributes to the shell, exported from its index.ts. */
export interface WebModule {
  nav: NavItem[];
  routes: ModuleRoute[];
}
