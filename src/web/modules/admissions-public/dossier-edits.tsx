import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../lib/api.ts';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { blankGuardian, type GuardianDraft, guardianProblems, guardiansBody } from './apply-state.ts';
import { OtpGate, useOtpAction } from './dossier-shared.tsx';
import { GuardiansFields } from './guardians-fields.tsx';
import {
  type ApplicationPatchBody,
  type ApplicationStatus,
  type ChildIdentity,
  editApplication,
  type PublicRound,
} from './public-api.ts';

interface EditProps {
  code: string;
  child: ChildIdentity;
  status: ApplicationStatus;
  round: PublicRound;
  onDone: (next: ApplicationStatus) => void;
}

/**
 * One edit of the application (PATCH, allowed until the end of registration; the server keeps
 * the previous version): open/closed, the OTP gate, the error summary and the call.
 */
function useEdit(
  { code, child, onDone }: Pick<EditProps, 'code' | 'child' | 'onDone'>,
  fieldOf: (path: string) => string | null,
) {
  const { t, i18n } = useTranslation();
  const gate = useOtpAction();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  async function save(body: Omit<ApplicationPatchBody, keyof ChildIdentity>, problems: Record<string, string> = {}) {
    if (!gate.otp) return gate.ask();
    if (Object.keys(problems).length)
      return errors.show(
        Object.fromEntries(Object.entries(problems).map(([id, key]) => [id, t(`admissionsPublic.errors.${key}`)])),
      );
    setBusy(true);
    try {
      const next = await editApplication(code, gate.otp.token, { ...child, ...body });
      errors.clear();
      setOpen(false);
      onDone(next);
    } catch (error) {
      if (gate.expired(error)) return;
      const e = apiErrors(error, i18n.resolvedLanguage, fieldOf, t('error.generic'));
      errors.show(e.fields, e.general);
    } finally {
      setBusy(false);
    }
  }
  const close = () => {
    errors.clear();
    setOpen(false);
  };
  return { gate, open, setOpen, close, busy, errors, save };
}

/** The open button, or the card with its form (save and cancel). */
function EditCard({
  edit,
  id,
  openLabel,
  title,
  saveLabel,
  onSubmit,
  children,
}: {
  edit: ReturnType<typeof useEdit>;
  id: string;
  openLabel: string;
  title: string;
  saveLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (!edit.open)
    return (
      <button type="button" className="button secondary" onClick={() => edit.setOpen(true)}>
        {openLabel}
      </button>
    );
  return (
    <section aria-labelledby={`${id}-title`} className="card ap-edit">
      <h2 id={`${id}-title`}>{title}</h2>
      <OtpGate gate={edit.gate} idPrefix={`${id}-otp`}>
        <form
          className="form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            onSubmit();
          }}
          noValidate
        >
          <ErrorSummary {...edit.errors} />
          {children}
          <div className="ap-actions">
            <button type="submit" className="button" disabled={edit.busy}>
              {edit.busy ? t('admissionsPublic.apply.working') : saveLabel}
            </button>
            <button type="button" className="button secondary" onClick={edit.close}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      </OtpGate>
    </section>
  );
}

/**
 * Changes the wishes. The first wish names the handling school: it may change (the dossier moves
 * to the new school) only while that school has not started its review.
 */
export function EditWishes(props: EditProps) {
  const { t } = useTranslation();
  const { status, round } = props;
  const firstMovable = status.state === 'submitted';
  const edit = useEdit(props, (p) =>
    p.includes('wishes') ? (p.includes('wishes.0') ? 'ew-wish-0' : 'ew-wish-1') : null,
  );
  const [wishes, setWishes] = useState<string[]>(status.schoolWishes.map((w) => w.id));
  const first = status.schoolWishes[0];
  function submit() {
    const chosen = wishes.filter(Boolean);
    const problems: Record<string, string> = {};
    if (new Set(chosen).size !== chosen.length) problems[firstMovable ? 'ew-wish-0' : 'ew-wish-1'] = 'wishesDuplicate';
    void edit.save({ wishes: chosen }, problems);
  }
  return (
    <EditCard
      edit={edit}
      id="ew"
      openLabel={t('admissionsPublic.edit.open')}
      title={t('admissionsPublic.edit.title')}
      saveLabel={t('admissionsPublic.edit.save')}
      onSubmit={submit}
    >
      <p className="alert alert-info">
        {firstMovable
          ? t('admissionsPublic.edit.firstWishMovable')
          : t('admissionsPublic.edit.firstWish', { school: first?.name ?? '' })}
      </p>
      {Array.from({ length: round.rules.wishCount }, (_, i) => i)
        .slice(firstMovable ? 0 : 1)
        .map((i) => {
          const id = `ew-wish-${i}`;
          return (
            <div className="field" key={id}>
              <label htmlFor={id}>
                {t('admissionsPublic.wishes.wish', { n: i + 1 })}
                {i > 0 && ` (${t('admissionsPublic.wishes.optional')})`}
              </label>
              <select
                id={id}
                value={wishes[i] ?? ''}
                aria-invalid={edit.errors.fields[id] ? true : undefined}
                aria-describedby={edit.errors.fields[id] ? `${id}-error` : undefined}
                onChange={(e) => {
                  const next = [...wishes];
                  next[i] = e.target.value;
                  setWishes(next);
                }}
              >
                <option value="">{t('admissionsPublic.wishes.choose')}</option>
                {round.schools.map((s) => (
                  <option key={s.schoolId} value={s.schoolId}>
                    {s.name}
                  </option>
                ))}
              </select>
              <FieldError id={id} error={edit.errors.fields[id]} />
            </div>
          );
        })}
    </EditCard>
  );
}

/** Changes the parents or guardians (1–4). */
export function EditGuardians(props: EditProps) {
  const { t } = useTranslation();
  const edit = useEdit(props, (p) => {
    const m = /guardians\.(\d+)\.(\w+)/.exec(p);
    if (!m) return p.includes('guardians') ? 'eg-guardian-0-name' : null;
    return `eg-guardian-${m[1]}-${m[2] === 'fullName' ? 'name' : m[2] === 'relation' ? 'relation' : 'phone'}`;
  });
  const [rows, setRows] = useState<GuardianDraft[]>(() =>
    props.status.guardians.length
      ? props.status.guardians.map((g) => ({ fullName: g.fullName, relation: g.relation, phone: g.phone ?? '' }))
      : [blankGuardian()],
  );
  return (
    <EditCard
      edit={edit}
      id="eg"
      openLabel={t('admissionsPublic.edit.guardiansOpen')}
      title={t('admissionsPublic.edit.guardiansOpen')}
      saveLabel={t('admissionsPublic.edit.saveChanges')}
      onSubmit={() => void edit.save({ guardians: guardiansBody(rows) }, guardianProblems(rows, 'eg-guardian'))}
    >
      <GuardiansFields rows={rows} onChange={setRows} errors={edit.errors.fields} prefix="eg-guardian" />
    </EditCard>
  );
}

/** Changes the priority group claimed (one of the round's, or none). */
export function EditPriority(props: EditProps) {
  const { t, i18n } = useTranslation();
  const edit = useEdit(props, (p) => (p.includes('priorityGroup') ? 'epr-group' : null));
  const [group, setGroup] = useState<string | null>(props.status.priorityGroup);
  const lang = i18n.resolvedLanguage;
  return (
    <EditCard
      edit={edit}
      id="epr"
      openLabel={t('admissionsPublic.edit.priorityOpen')}
      title={t('admissionsPublic.edit.priorityOpen')}
      saveLabel={t('admissionsPublic.edit.saveChanges')}
      onSubmit={() => void edit.save({ priorityGroup: group })}
    >
      <fieldset className="fieldset" id="epr-group" tabIndex={-1}>
        <legend>{t('admissionsPublic.priority.question')}</legend>
        <div className="radio-list">
          {[null, ...props.round.priorityGroups.map((g) => g.code)].map((code) => {
            const g = props.round.priorityGroups.find((x) => x.code === code);
            return (
              <label key={code ?? 'none'} className="ap-radio">
                <input type="radio" name="epr-group" checked={group === code} onChange={() => setGroup(code)} />
                {g ? (lang === 'en' && g.nameEn ? g.nameEn : g.nameVi) : t('admissionsPublic.priority.none')}
              </label>
            );
          })}
        </div>
        <FieldError id="epr-group" error={edit.errors.fields['epr-group']} />
      </fieldset>
      <p className="hint">{t('admissionsPublic.edit.priorityHint')}</p>
    </EditCard>
  );
}

/**
 * Changes the residence: a child known to the registry asks for a correction (with a reason,
 * proof through CU_TRU); a child it does not know just gives the new place.
 */
export function EditResidence(props: EditProps) {
  const { t } = useTranslation();
  const edit = useEdit(props, (p) =>
    p.includes('correctionReason') ? 'er-reason' : p.includes('residence') ? 'er-commune' : null,
  );
  const [communeId, setCommuneId] = useState('');
  const [village, setVillage] = useState('');
  const [reason, setReason] = useState('');
  const needsReason = props.status.registryMatch;
  const communes = useQuery({
    queryKey: ['org-communes'],
    queryFn: ({ signal }) => apiGet<{ id: string; name: string }[]>('/api/org/communes', undefined, signal),
    enabled: edit.open,
    staleTime: 60 * 60_000,
  });
  function submit() {
    const problems: Record<string, string> = {};
    if (!communeId) problems['er-commune'] = 'commune';
    if (needsReason && !reason.trim()) problems['er-reason'] = 'correctionReason';
    void edit.save(
      {
        residence: {
          communeId,
          village: village.trim() || null,
          ...(needsReason ? { correctionReason: reason.trim() } : {}),
        },
      },
      problems,
    );
  }
  const err = edit.errors.fields;
  return (
    <EditCard
      edit={edit}
      id="er"
      openLabel={t('admissionsPublic.edit.residenceOpen')}
      title={t('admissionsPublic.edit.residenceOpen')}
      saveLabel={t('admissionsPublic.edit.saveChanges')}
      onSubmit={submit}
    >
      <p>{t(needsReason ? 'admissionsPublic.edit.residenceCorrection' : 'admissionsPublic.residence.manualIntro')}</p>
      <div className="field">
        <label htmlFor="er-commune">{t('admissionsPublic.residence.commune')}</label>
        <select
          id="er-commune"
          value={communeId}
          aria-invalid={err['er-commune'] ? true : undefined}
          aria-describedby={err['er-commune'] ? 'er-commune-error' : undefined}
          onChange={(e) => setCommuneId(e.target.value)}
        >
          <option value="">{communes.isLoading ? t('status.loading') : t('admissionsPublic.residence.choose')}</option>
          {(communes.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError id="er-commune" error={err['er-commune']} />
      </div>
      <TextField
        id="er-village"
        label={t('admissionsPublic.residence.village')}
        hint={t('admissionsPublic.residence.villageHint')}
        autoComplete="off"
        maxLength={120}
        value={village}
        onChange={(e) => setVillage(e.target.value)}
      />
      {needsReason && (
        <div className="field">
          <label htmlFor="er-reason">{t('admissionsPublic.residence.reason')}</label>
          <textarea
            id="er-reason"
            rows={3}
            maxLength={2000}
            value={reason}
            aria-invalid={err['er-reason'] ? true : undefined}
            aria-describedby={err['er-reason'] ? 'er-reason-error' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <FieldError id="er-reason" error={err['er-reason']} />
        </div>
      )}
    </EditCard>
  );
}

/**
 * "Tải lên giấy tờ chứng minh": proof of what the family claimed (priority, residence, bonus
 * points), which it may add on its own until the decision. Each upload is confirmed here (the
 * public status does not list documents).
 */
