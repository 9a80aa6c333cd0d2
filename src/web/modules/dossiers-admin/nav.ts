import type { NavItem } from '../types.ts';

/** Who may read procedures and the holiday calendar (ProceduresService, HolidaysService). */
export const DOSSIER_CONFIG_READERS = ['dossiers.configure', 'dossiers.read'] as const;

/** Configuration of the dossier engine: procedure definitions and the working-day calendar. */
export const nav: NavItem[] = [
  {
    path: '/dossiers/procedures',
    labelKey: 'dossiersAdmin.nav.procedures',
    descriptionKey: 'dossiersAdmin.nav.proceduresDesc',
    permission: DOSSIER_CONFIG_READERS,
    also: ['/dossiers/procedures/:code'],
    order: 86,
  },
  {
    path: '/dossiers/holidays',
    labelKey: 'dossiersAdmin.nav.holidays',
    descriptionKey: 'dossiersAdmin.nav.holidaysDesc',
    permission: DOSSIER_CONFIG_READERS,
    order: 87,
  },
];
