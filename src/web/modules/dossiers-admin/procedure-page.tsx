import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { pickLocalized } from '../../lib/text.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useProcedure } from './dossiers-admin-api.ts';
import { ProcedureForm } from './procedure-form.tsx';
import './dossiers-admin.css';

function Breadcrumb({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('dossiersAdmin.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to="/dossiers/procedures">{t('dossiersAdmin.procedures.title')}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

/** /dossiers/procedures/:code — a procedure's definition; editable with dossiers.configure. */
export function ProcedurePage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const me = useMe();
  const procedure = useProcedure(code);
  const name = procedure.data ? pickLocalized(procedure.data.name, i18n.resolvedLanguage) : code;
  usePageTitle(name);
  const p = procedure.data;
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  return (
    <>
      <Breadcrumb current={code} />
      <h1>{name}</h1>
      {created && (
        <div className="alert alert-success" role="status">
          <p>{t('dossiersAdmin.procedure.created')}</p>
        </div>
      )}
      {procedure.isPending && <Loading />}
      {procedure.isError && <ErrorAlert error={procedure.error} onRetry={() => void procedure.refetch()} />}
      {p && (
        <>
          <dl className="facts card">
            <dt>{t('dossiersAdmin.field.code')}</dt>
            <dd>
              <code>{p.code}</code>
            </dd>
            <dt>{t('dossiersAdmin.field.codePrefix')}</dt>
            <dd>
              <code>{p.codePrefix}</code>
            </dd>
            {p.ownerModule && (
              <>
                <dt>{t('dossiersAdmin.field.ownerModule')}</dt>
                <dd>{t(`dossiersAdmin.owner.${p.ownerModule}`, { defaultValue: p.ownerModule })}</dd>
              </>
            )}
            <dt>{t('dossiersAdmin.field.version')}</dt>
            <dd>
              {t('dossiersAdmin.versionAt', { version: formatNumber(p.version), at: formatDateTime(p.updatedAt) })}
            </dd>
          </dl>
          <p className="notice">{t('dossiersAdmin.procedure.appliesFrom')}</p>
          <ProcedureForm
            key={p.code}
            procedure={p}
            onReload={async () => (await procedure.refetch()).data}
            editable={hasPermission(me, 'dossiers.configure')}
          />
        </>
      )}
    </>
  );
}

/** /dossiers/procedures/new — define a new procedure. */
export function NewProcedurePage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiersAdmin.procedure.newTitle'));
  return (
    <>
      <Breadcrumb current={t('dossiersAdmin.procedure.newTitle')} />
      <h1>{t('dossiersAdmin.procedure.newTitle')}</h1>
      <ProcedureForm editable />
    </>
  );
}
