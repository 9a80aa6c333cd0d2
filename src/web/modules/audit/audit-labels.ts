import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * Words for the codes an audit entry carries. Labels live in the language packs under
 * `auditAction.<code with '.' as '_'>` (`auth.login` → `auditAction.auth_login`) and
 * `auditEntity.<type>`; a code without a label stays as it is.
 */
const CODE = /^[a-z0-9_.]+$/i;

export function auditActionKey(code: string): string | null {
  return CODE.test(code) ? `auditAction.${code.replaceAll('.', '_')}` : null;
}

export function auditEntityKey(type: string): string | null {
  return CODE.test(type) ? `auditEntity.${type.replaceAll('.', '_')}` : null;
}

/**
 * Who acted, in words: a username; `system:<task>` (the CLI, start-up, jobs) as "Hệ thống
 * (<task>)"; no name at all is a request made before signing in (sign-in, failed sign-in).
 */
export function actorText(t: TFunction, actorName: string | null): string {
  if (actorName == null) return t('audit.anonymous');
  if (actorName.startsWith('system:')) return t('audit.systemTask', { task: actorName.slice('system:'.length) });
  return actorName;
}

export interface AuditLabels {
  /** 'Đăng nhập' for `auth.login`; null when the action has no label (show the code). */
  action: (code: string) => string | null;
  /** 'Tài khoản' for `user`; the type itself when it has no label. */
  entity: (type: string) => string;
  /** See actorText. */
  actor: (actorName: string | null) => string;
}

export function useAuditLabels(): AuditLabels {
  const { t, i18n } = useTranslation();
  const lookup = (key: string | null) => (key && i18n.exists(key) ? t(key) : null);
  return {
    action: (code) => lookup(auditActionKey(code)),
    entity: (type) => lookup(auditEntityKey(type)) ?? type,
    actor: (actorName) => actorText(t, actorName),
  };
}
