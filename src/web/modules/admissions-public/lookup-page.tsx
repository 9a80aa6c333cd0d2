import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../lib/hooks.ts';
import { DateInput } from '../../ui/date-input.tsx';
import './admissions-public.css';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { cleanId } from './apply-state.ts';
import { applicationStatus, type ChildIdentity } from './public-api.ts';
import { rememberChild } from './storage.ts';

/**
 * Dossier code + the child's personal ID + date of birth. The ID and date stay in this tab's
 * sessionStorage and travel in API calls only, never in the page URL (which is kept in the
 * history, in shared links and in server logs).
 */
export function LookupForm({
  code: fixedCode,
  onFound,
}: {
  code?: string;
  onFound: (code: string, child: ChildIdentity) => void;
}) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState(fixedCode ?? '');
  const [personalId, setPersonalId] = useState('');
  const [dob, setDob] = useState<string | null>('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const c = code.trim().toUpperCase();
    if (c.length < 3) problems['lk-code'] = t('admissionsPublic.errors.code');
    if (!/^\d{12}$/.test(cleanId(personalId))) problems['lk-personal-id'] = t('admissionsPublic.errors.personalId');
    if (!dob) problems['lk-dob'] = t('admissionsPublic.errors.dateOfBirth');
    if (Object.keys(problems).length) return errors.show(problems);
    const child = { personalId: cleanId(personalId), dateOfBirth: dob as string };
    setBusy(true);
    try {
      await applicationStatus(c, child);
      rememberChild(c, child);
      onFound(c, child);
    } catch (error) {
      const e = apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic'));
      errors.show({}, e.general);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary {...errors} />
      {fixedCode === undefined && (
        <TextField
          id="lk-code"
          label={t('admissionsPublic.lookup.code')}
          hint={t('admissionsPublic.lookup.codeHint')}
          error={errors.fields['lk-code']}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      )}
      <TextField
        id="lk-personal-id"
        label={t('admissionsPublic.child.personalId')}
        hint={t('admissionsPublic.child.personalIdHint')}
        error={errors.fields['lk-personal-id']}
        inputMode="numeric"
        autoComplete="off"
        maxLength={15}
        value={personalId}
        onChange={(e) => setPersonalId(e.target.value)}
      />
      <DateInput id="lk-dob" label={t('admissionsPublic.child.dateOfBirth')} onValueChange={setDob} />
      {errors.fields['lk-dob'] && dob === '' && <p className="field-error">{errors.fields['lk-dob']}</p>}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('status.loading') : t('admissionsPublic.lookup.submit')}
      </button>
    </form>
  );
}

/** /tuyen-sinh/tra-cuu */
export function LookupPage() {
  const { t } = useTranslation();
  usePageTitle(t('admissionsPublic.lookup.title'));
  const navigate = useNavigate();
  return (
    <div className="narrow ap-page">
      <h1>{t('admissionsPublic.lookup.title')}</h1>
      <p>{t('admissionsPublic.lookup.intro')}</p>
      <LookupForm onFound={(code) => void navigate(`/tuyen-sinh/ho-so/${encodeURIComponent(code)}`)} />
    </div>
  );
}
