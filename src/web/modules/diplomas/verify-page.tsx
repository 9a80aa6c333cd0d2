import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { VerifyAnswer } from '../../../shared/diplomas.schema.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { CopyCheck } from './copy-check.tsx';
import { verifyDiploma } from './diplomas-api.ts';
import './diplomas.css';

const DATE = /^(\d{4}|\d{1,2}\/\d{4}|\d{1,2}\/\d{1,2}\/\d{4})$/;

/**
 * /van-bang/tra-cuu — anyone checks a diploma by its serial number and the holder's full name
 * (optionally the date of birth). The serial may come in the address (`?so-hieu=…`), so that
 * the QR code on a certified copy opens this page ready to check. The answer is match or no
 * match, with only the public fields.
 */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('diplomas.verify.title'));
  const [params] = useSearchParams();
  const [serial, setSerial] = useState(params.get('so-hieu') ?? params.get('serial') ?? '');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<VerifyAnswer | null>(null);
  const errors = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!serial.trim()) problems['vf-serial'] = t('diplomas.verify.errors.serial');
    if (name.trim().length < 2) problems['vf-name'] = t('diplomas.verify.errors.name');
    if (birthDate.trim() && !DATE.test(birthDate.trim())) problems['vf-dob'] = t('diplomas.verify.errors.birthDate');
    if (Object.keys(problems).length) {
      setAnswer(null);
      return errors.show(problems);
    }
    setBusy(true);
    try {
      errors.show({});
      setAnswer(
        await verifyDiploma({ serial: serial.trim(), name: name.trim(), birthDate: birthDate.trim() || undefined }),
      );
    } catch (error) {
      setAnswer(null);
      const e = apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic'));
      errors.show({}, e.general);
    } finally {
      setBusy(false);
    }
  }

  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const d = answer?.diploma;
  return (
    <div className="narrow dp-page">
      <h1>{t('diplomas.verify.title')}</h1>
      {params.get('ban-sao') && (
        <CopyCheck copyNumber={params.get('ban-sao') ?? ''} checkCode={params.get('ma') ?? ''} />
      )}
      <p>{t('diplomas.verify.intro')}</p>
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary {...errors} />
        <TextField
          id="vf-serial"
          label={t('diplomas.verify.serial')}
          hint={t('diplomas.verify.serialHint')}
          error={errors.fields['vf-serial']}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={50}
          value={serial}
          onChange={(e) => setSerial(e.target.value)}
        />
        <TextField
          id="vf-name"
          label={t('diplomas.verify.name')}
          hint={t('diplomas.verify.nameHint')}
          error={errors.fields['vf-name']}
          autoComplete="off"
          maxLength={150}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id="vf-dob"
          label={t('diplomas.verify.birthDate')}
          hint={t('diplomas.verify.birthDateHint')}
          error={errors.fields['vf-dob']}
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          value={birthDate}
          onChange={(e) => setBirthDate(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('status.loading') : t('diplomas.verify.submit')}
        </button>
      </form>
      <div aria-live="polite" className="dp-answer">
        {answer && d && (
          <section className="card dp-match" aria-labelledby="vf-result">
            <h2 id="vf-result">{t('diplomas.verify.match')}</h2>
            <dl className="dp-facts">
              <dt>{t('diplomas.fields.fullName')}</dt>
              <dd>{d.fullName}</dd>
              <dt>{t('diplomas.fields.type')}</dt>
              <dd>{d.typeName[lang]}</dd>
              <dt>{t('diplomas.fields.year')}</dt>
              <dd>{d.year}</dd>
              <dt>{t('diplomas.fields.serial')}</dt>
              <dd>{d.serial}</dd>
              <dt>{t('diplomas.fields.issuingUnit')}</dt>
              <dd>{d.issuingUnitName}</dd>
              {d.classification && (
                <>
                  <dt>{t('diplomas.fields.classification')}</dt>
                  <dd>{d.classification}</dd>
                </>
              )}
            </dl>
          </section>
        )}
        {answer && !d && (
          <section className="card dp-nomatch" aria-labelledby="vf-result">
            <h2 id="vf-result">{t('diplomas.verify.noMatch')}</h2>
            <p>{t('diplomas.verify.noMatchHelp')}</p>
          </section>
        )}
      </div>
    </div>
  );
}
