import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail, RoundStatus } from '../../../shared/admissions.schema.ts';
import { formatDateTime } from '../../lib/format.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/form-fields.tsx';
import { useRoundWrites } from './admissions-api.ts';
import { fieldErrors } from './field-errors.ts';
import { TRANSITIONS } from './round-labels.ts';

/**
 * Where the round stands and the moves it allows (open registration, close for review,
 * allocate, publish, close, back to review), each offered to users holding its permission. The
 * server checks its guards (seats set, registration over, a final run…) and says what is missing.
 */
export function StatusPanel({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { status, publish } = useRoundWrites(round);
  const moves = TRANSITIONS[round.status].filter((m) => hasPermission(me, m.permission));

  function move(to: RoundStatus) {
    if (to === 'draft') return;
    if (to === 'published' || to === 'closed') {
      if (!window.confirm(t(`admissions.statusConfirm.${to}`, { name: round.name }))) return;
    }
    if (to === 'published') publish.mutate();
    else status.mutate(to);
  }

  return (
    <section aria-labelledby="round-status-title" className="card">
      <h2 id="round-status-title">{t('admissions.section.status')}</h2>
      <p>
        {t('admissions.statusNow')} <strong>{t(`admissions.status.${round.status}`)}</strong>
      </p>
      <p className="hint">{t(`admissions.statusHelp.${round.status}`)}</p>
      <FormStatus
        error={status.error ?? publish.error}
        success={
          status.isSuccess || publish.isSuccess
            ? t('admissions.statusMoved', { status: t(`admissions.status.${round.status}`) })
            : null
        }
      />
      {moves.length > 0 && (
        <div className="actions">
          {moves.map((m, i) => (
            <button
              key={m.to}
              type="button"
              className={i === 0 ? 'button' : 'button secondary'}
              disabled={status.isPending || publish.isPending}
              onClick={() => move(m.to)}
            >
              {t(`admissions.move.${round.status}.${m.to}`)}
            </button>
          ))}
        </div>
      )}
      {round.rules.method === 'catchment' && round.rules.lotteryForOutOfCatchment && <LotterySeed round={round} />}
    </section>
  );
}

/** The lottery seed: published once, after registration closes and before the allocation. */
function LotterySeed({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { seed } = useRoundWrites(round);
  const [value, setValue] = useState('');
  const errors = fieldErrors(seed.error);

  if (round.lotterySeed)
    return (
      <div className="notice">
        <h3>{t('admissions.seed.title')}</h3>
        <p>
          {t('admissions.seed.published', { at: formatDateTime(round.lotterySeedPublishedAt) })}{' '}
          <code className="id">{round.lotterySeed}</code>
        </p>
      </div>
    );
  if (round.status !== 'closed_for_review' || !hasPermission(me, 'admissions.allocate'))
    return <p className="hint">{t('admissions.seed.notYet')}</p>;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        seed.mutate(value.trim() || undefined);
      }}
    >
      <h3>{t('admissions.seed.title')}</h3>
      <TextField
        id="seed"
        label={t('admissions.seed.label')}
        hint={t('admissions.seed.hint')}
        value={value}
        error={errors.seed}
        onChange={(e) => setValue(e.target.value)}
      />
      <FormStatus error={seed.error} />
      <button type="submit" className="button secondary" disabled={seed.isPending}>
        {t('admissions.seed.publish')}
      </button>
    </form>
  );
}
