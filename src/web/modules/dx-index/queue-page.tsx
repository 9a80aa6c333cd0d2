import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DX_STATES } from '../../../shared/dx-index.schema.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Select } from '../../ui/form-fields.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination, pageFromParams } from '../../ui/pagination.tsx';
import { CampaignForm } from './campaign-form.tsx';
import { type DxCampaign, listCampaigns, listQueue, PAGE_SIZE, publishCampaign } from './dx-api.ts';
import { LevelBadge } from './dx-ui.tsx';
import './dx.css';

/** /chuyen-doi-so/danh-gia — the evaluator's queue (submitted first); the Sở publishes the year. */
export function DxQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('dx.queue.title'));
  const [params, setParams] = useSearchParams();
  const campaigns = useQuery({ queryKey: ['dx-campaigns'], queryFn: ({ signal }) => listCampaigns(signal) });
  const year = Number(params.get('nam')) || campaigns.data?.items[0]?.year || null;
  const state = params.get('trang-thai') ?? 'submitted';
  const page = pageFromParams(params);
  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    next.delete('page');
    setParams(next);
  };
  const list = useQuery({
    queryKey: ['dx-queue', year, state, page],
    queryFn: ({ signal }) => listQueue(year!, { page, state }, signal),
    enabled: year !== null,
  });
  const campaign = campaigns.data?.items.find((c) => c.year === year);
  return (
    <div className="dx-page">
      <h1>{t('dx.queue.title')}</h1>
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.isError ? (
        <ErrorAlert error={campaigns.error} />
      ) : year === null ? (
        <p>{t('dx.noCampaign')}</p>
      ) : (
        <>
          <div className="dx-bar">
            <Select
              id="dx-q-year"
              label={t('dx.year')}
              value={String(year)}
              error={undefined}
              onChange={(v) => setParam('nam', v)}
            >
              {campaigns.data.items.map((c) => (
                <option key={c.year} value={c.year}>
                  {c.year}
                </option>
              ))}
            </Select>
            <Select
              id="dx-q-state"
              label={t('dx.stateLabel')}
              value={state}
              error={undefined}
              onChange={(v) => setParam('trang-thai', v)}
            >
              {DX_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`dx.state.${s}`)}
                </option>
              ))}
            </Select>
          </div>
          {campaign && <CampaignBox campaign={campaign} canManage={campaigns.data.canManage} />}
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          ) : list.data.items.length === 0 ? (
            <p>{t('dx.queue.empty')}</p>
          ) : (
            <>
              <p className="dx-meta" aria-live="polite">
                {t('dx.count', { count: list.data.total })}
              </p>
              <ul className="dx-list">
                {list.data.items.map((r) => (
                  <li key={r.schoolId} className="dx-card">
                    <h2>
                      <Link to={`/chuyen-doi-so/danh-gia/${year}/${r.schoolId}`}>{r.schoolName}</Link>
                    </h2>
                    <p className="dx-meta">
                      {r.communeName} · {r.state ? t(`dx.state.${r.state}`) : t('dx.state.none')}
                      {r.submittedAt && ` · ${t('dx.submittedAt', { at: formatDateTime(r.submittedAt) })}`}
                    </p>
                    {r.teaching !== null && (
                      <p className="dx-meta">
                        {t('dx.group.teachingShort')}: {formatNumber(r.teaching)} <LevelBadge level={r.levelTeaching} />{' '}
                        · {t('dx.group.governanceShort')}: {formatNumber(r.governance)}{' '}
                        <LevelBadge level={r.levelGovernance} />
                      </p>
                    )}
                  </li>
                ))}
              </ul>
              <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} />
            </>
          )}
        </>
      )}
      {campaigns.data?.canManage && (
        <section aria-labelledby="dx-manage" className="dx-manage">
          <h2 id="dx-manage">{t('dx.campaign.manage')}</h2>
          {campaign && !campaign.publishedAt && (
            <CampaignForm key={`${campaign.year}:${campaign.version}`} campaign={campaign} />
          )}
          <CampaignForm key="new" campaign={null} />
        </section>
      )}
    </div>
  );
}

/** The year's dates; the Sở publishes the recognised results once (after confirming). */
function CampaignBox({ campaign, canManage }: { campaign: DxCampaign; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const publish = useMutation({
    mutationFn: () => publishCampaign(campaign.year, campaign.version),
    onSuccess: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['dx-campaigns'] });
    },
  });
  return (
    <div className="dx-card">
      <p className="dx-meta">
        {t('dx.campaign.dates', {
          submitBy: formatDate(campaign.submitBy),
          evaluateBy: formatDate(campaign.evaluateBy),
        })}
      </p>
      {campaign.publishedAt ? (
        <p className="dx-meta">{t('dx.campaign.published', { at: formatDateTime(campaign.publishedAt) })}</p>
      ) : (
        canManage && (
          <>
            <button type="button" className="button" onClick={() => setOpen(true)}>
              {t('dx.campaign.publish')}
            </button>
            {publish.isError && <ErrorAlert error={publish.error} />}
            <ConfirmDialog
              open={open}
              title={t('dx.campaign.publishTitle', { year: campaign.year })}
              confirmLabel={t('dx.campaign.publish')}
              busy={publish.isPending}
              onConfirm={() => publish.mutate()}
              onCancel={() => setOpen(false)}
            >
              <p lang={i18n.resolvedLanguage}>{t('dx.campaign.publishText')}</p>
            </ConfirmDialog>
          </>
        )
      )}
    </div>
  );
}
