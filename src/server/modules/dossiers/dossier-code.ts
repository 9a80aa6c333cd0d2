/**
 * The human dossier code: `<procedure prefix>-<year>-<number, 6 digits>`, e.g. TS1-2026-000123.
 * The number counts per procedure and year (dossier_counters); it grows past 6 digits if needed.
 */
export function formatDossierCode(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}
