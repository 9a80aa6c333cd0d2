import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { OtpStep } from './otp-step.tsx';
import type { ApplicationStatus } from './public-api.ts';
import { currentOtp, type OtpSession, rememberOtp } from './storage.ts';

/** What the dossier page's actions share: the one-time-code gate, document names, the file picker. */
export type TimelineEvent = ApplicationStatus['timeline']['events'][number];

/**
 * Runs an action that needs a verified contact: with a live token it runs at once; otherwise
 * the OTP step appears first and the action runs right after. An expired token (401) asks again.
 */
export function useOtpAction() {
  const [session, setOtp] = useState<OtpSession | null>(() => currentOtp());
  const [asking, setAsking] = useState(false);
  // A code verified in another section of the page (or on the receipt) counts here too.
  const otp = session ?? currentOtp();
  const verified = (s: OtpSession) => {
    rememberOtp(s);
    setOtp(s);
    setAsking(false);
  };
  const expired = (error: unknown) => {
    if (!(error instanceof ApiError && error.code === 'auth.required')) return false;
    rememberOtp(null);
    setOtp(null);
    setAsking(true);
    return true;
  };
  return { otp, asking, ask: () => setAsking(true), verified, expired };
}

export function OtpGate({
  gate,
  idPrefix,
  children,
}: {
  gate: ReturnType<typeof useOtpAction>;
  idPrefix: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (gate.otp && !gate.asking) return <>{children}</>;
  return (
    <div className="ap-otp-gate">
      <p>{t('admissionsPublic.dossier.verifyFirst')}</p>
      <OtpStep idPrefix={idPrefix} onVerified={gate.verified} />
    </div>
  );
}

/** Names of the procedure's documents (seeded in 0004_dossiers.sql); unknown codes show as such. */
export function useDocName() {
  const { t } = useTranslation();
  return (code: string) => t(`admissionsPublic.documents.${code}`, { defaultValue: code });
}

/** A file from the phone's storage, or a photo taken now (the camera opens on phones). */
export function FileChoice({ id, onFile }: { id: string; onFile: (file: File | null) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={`${id}-file`}>{t('admissionsPublic.supplement.file')}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept="image/*,application/pdf"
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      <label htmlFor={`${id}-camera`}>{t('admissionsPublic.supplement.camera')}</label>
      <input
        id={`${id}-camera`}
        type="file"
        accept="image/*"
        capture="environment"
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      <p className="hint">{t('admissionsPublic.supplement.fileHint')}</p>
    </>
  );
}

/** What the school asked for and why; upload (camera on phones) and send back. */
