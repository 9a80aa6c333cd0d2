import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormStatus } from '../../ui/error-alert.tsx';
import { type LessonPlanDetail, type Reference, type SendOptions, useSendPlan } from './lesson-plans-api.ts';

const VISIBILITIES = ['public', 'province', 'school'] as const;

/**
 * "Gửi lên kho học liệu": who may read it once published, its licence, and whether to submit it
 * for review now. The server renders the PDF; the library's moderators then review it.
 */
export function SendToLibrary({
  plan,
  reference,
  dirty,
  gaps,
}: {
  plan: LessonPlanDetail;
  reference: Reference | undefined;
  dirty: boolean;
  gaps: number;
}) {
  const { t } = useTranslation();
  const send = useSendPlan(plan.id);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<{ resourceId: string; status: string } | null>(null);

  function confirm(form: HTMLFormElement) {
    const data = new FormData(form);
    const body: SendOptions = {
      expectedVersion: plan.version,
      visibility: String(data.get('visibility')) as SendOptions['visibility'],
      licenceCode: String(data.get('licenceCode')),
      submit: data.get('submit') === 'on',
    };
    send.mutate(body, {
      onSuccess: (sent) => {
        setOpen(false);
        setDone({ resourceId: sent.resource.id, status: sent.resource.status });
      },
    });
  }

  return (
    <section className="lp-section" aria-labelledby="lp-send-title">
      <h2 id="lp-send-title">{t('lessonPlans.send.title')}</h2>
      <p className="hint">{t('lessonPlans.send.intro')}</p>
      {plan.publications.length > 0 && (
        <p>
          {t('lessonPlans.send.sentBefore', { count: plan.publications.length })}{' '}
          {plan.resourceId && <Link to={`/hoc-lieu/${plan.resourceId}`}>{t('lessonPlans.send.openResource')}</Link>}
        </p>
      )}
      {dirty && <p className="notice">{t('lessonPlans.send.needSave')}</p>}
      <button
        type="button"
        className="button"
        disabled={dirty}
        onClick={() => {
          send.reset();
          setOpen(true);
        }}
      >
        {t('lessonPlans.send.open')}
      </button>
      <div aria-live="polite" className="form-status">
        {done && (
          <div className="alert alert-success">
            <p>
              {t('lessonPlans.send.done', { status: t(`lessonPlans.send.statuses.${done.status}`) })}{' '}
              <Link to={`/hoc-lieu/${done.resourceId}`}>{t('lessonPlans.send.openResource')}</Link>
            </p>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={open}
        title={t('lessonPlans.send.title')}
        confirmLabel={t('lessonPlans.send.confirm')}
        busy={send.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={confirm}
      >
        <fieldset className="fieldset">
          <legend>{t('lessonPlans.send.visibility')}</legend>
          {VISIBILITIES.map((v) => (
            <div className="checkbox" key={v}>
              <input type="radio" id={`lp-send-${v}`} name="visibility" value={v} defaultChecked={v === 'province'} />
              <label htmlFor={`lp-send-${v}`}>{t(`lessonPlans.send.visibilities.${v}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="lp-send-licence">{t('lessonPlans.send.licence')}</label>
          <select id="lp-send-licence" name="licenceCode" defaultValue="cc_by_sa">
            {(reference?.licences ?? [{ code: 'cc_by_sa', nameVi: 'CC BY-SA 4.0' }]).map((l) => (
              <option key={l.code} value={l.code}>
                {l.nameVi}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input type="checkbox" id="lp-send-submit" name="submit" defaultChecked={gaps === 0} />
          <label htmlFor="lp-send-submit">{t('lessonPlans.send.submit')}</label>
        </div>
        {gaps > 0 && <p className="hint">{t('lessonPlans.send.gapsHint', { count: gaps })}</p>}
        <FormStatus error={send.error} />
      </ConfirmDialog>
    </section>
  );
}
