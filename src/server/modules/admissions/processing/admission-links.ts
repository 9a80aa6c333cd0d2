import type { Notification } from '../../../platform/notify/notify.ts';

/**
 * Dossier codes of the admission procedures (TS_LOP1, TS_LOP6, TS_LOP10 in 0004_dossiers.sql,
 * prefixes TS1, TS6, TS10). A procedure's prefix never changes once codes are issued
 * (ProcedureUpdate has no codePrefix), so the codes can be recognised by it.
 */
const ADMISSION_CODE = /^TS(?:1|6|10)-\d{4}-\d+$/;

/** Where a parent follows an application: the status, supplement and result page. */
export function applicationLink(publicUrl: string, code: string): string {
  return `${publicUrl}/tuyen-sinh/ho-so/${encodeURIComponent(code)}`;
}

/** Where staff open an application. */
export function staffApplicationLink(publicUrl: string, dossierId: string): string {
  return `${publicUrl}/admissions/applications/${dossierId}`;
}

/**
 * The engine's messages link to its generic look-up; a parent of an admission application
 * follows it on /tuyen-sinh/ho-so/<code> (what to supplement and why, the upload, the result).
 * Registered on the outbox notifier by admissions.module.ts; messages to staff are left alone.
 */
export function admissionLinkRewrite(publicUrl: string) {
  return (n: Notification): Notification => {
    const code = n.data.code;
    if (!code || !ADMISSION_CODE.test(code) || !n.data.link.includes('/tra-cuu-ho-so')) return n;
    return { ...n, data: { ...n.data, link: applicationLink(publicUrl, code) } };
  };
}
