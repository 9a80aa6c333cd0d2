import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiGet } from '../../lib/api.ts';
import { apiErrors, ErrorSummary, useFormErrors } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { blankGuardian, type GuardianDraft, guardianProblems, guardiansBody } from './apply-state.ts';
import { GuardiansFields } from './guardians-fields.tsx';
import { OtpStep } from './otp-step.tsx';
import {
  type ApplicationPatchBody,
  type ApplicationStatus,
  type ChildIdentity,
  confirmEnrolment,
  editApplication,
  type PublicResult,
  type PublicRound,
  resubmitApplication,
  uploadSupplement,
  withdrawApplication,
} from './public-api.ts';
import { currentOtp, type OtpSession, rememberOtp } from './storage.ts';

type TimelineEvent = ApplicationStatus['timeline']['events'][number];

/**
 * Runs an action that needs a verified contact: with a live token it runs at once; otherwise
 * the OTP step appears first and the action runs right after. An expired token (401) asks again.
 */
function useOtpAction() {
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

function OtpGate({
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
function useDocName() {
  const { t } = useTranslation();
  return (code: string) => t(`admissionsPublic.documents.${code}`, { defaultValue: code });
}

/** A file from the phone's storage, or a photo taken now (the camera opens on phones). */
function FileChoice({ id, onFile }: { id: string; onFile: (file: File | null) => void }) {
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
export function SupplementForm({
  code,
  child,
  request,
  onDone,
}: {
  code: string;
  child: ChildIdentity;
  request: TimelineEvent;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const gate = useOtpAction();
  const docName = useDocName();
  const documents = request.details?.documents ?? [];
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!gate.otp) return gate.ask();
    const missing = documents.filter((d) => !files[d] && !uploaded[d]);
    if (missing.length)
      return errors.show(
        Object.fromEntries(
          missing.map((d) => [`sp-${d}`, t('admissionsPublic.supplement.missing', { doc: docName(d) })]),
        ),
      );
    setBusy(true);
    try {
      for (const d of documents) {
        const file = files[d];
        if (!file || uploaded[d]) continue;
        const a = await uploadSupplement(code, gate.otp.token, child, d, file);
        setUploaded((u) => ({ ...u, [d]: a.filename }));
      }
      await resubmitApplication(code, gate.otp.token, { ...child, note: note.trim() });
      errors.clear();
      onDone();
    } catch (error) {
      if (gate.expired(error)) return;
      const e = apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic'));
      errors.show({}, e.general);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sp-title" className="card ap-supplement">
      <h2 id="sp-title">{t('admissionsPublic.supplement.title')}</h2>
      {request.reason && (
        <p>
          <strong>{t('admissionsPublic.supplement.why')}:</strong> {request.reason}
        </p>
      )}
      {request.details?.note && <p>{request.details.note}</p>}
      <OtpGate gate={gate} idPrefix="sp-otp">
        <form className="form" onSubmit={(e) => void send(e)} noValidate>
          <ErrorSummary {...errors} />
          {documents.map((d) => (
            <fieldset key={d} className="fieldset" id={`sp-${d}`} tabIndex={-1}>
              <legend>{docName(d)}</legend>
              {uploaded[d] ? (
                <p>{t('admissionsPublic.supplement.uploaded', { name: uploaded[d] })}</p>
              ) : (
                <FileChoice id={`sp-${d}`} onFile={(file) => setFiles((f) => ({ ...f, [d]: file }))} />
              )}
              <FieldError id={`sp-${d}`} error={errors.fields[`sp-${d}`]} />
            </fieldset>
          ))}
          <div className="field">
            <label htmlFor="sp-note">{t('admissionsPublic.supplement.note')}</label>
            <textarea id="sp-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('admissionsPublic.apply.working') : t('admissionsPublic.supplement.send')}
          </button>
        </form>
      </OtpGate>
    </section>
  );
}

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
export function EvidenceUpload({
  code,
  child,
  documents,
  headingLevel = 2,
}: {
  code: string;
  child: ChildIdentity;
  documents: string[];
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const gate = useOtpAction();
  const docName = useDocName();
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [uploaded, setUploaded] = useState<{ doc: string; name: string }[]>([]);
  // Remounts the file inputs once their files are sent, so that the same document can be added again.
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!gate.otp) return gate.ask();
    const chosen = documents.filter((d) => files[d]);
    if (!chosen.length) return errors.show({ [`ev-${documents[0]}`]: t('admissionsPublic.evidence.none') });
    setBusy(true);
    try {
      for (const d of chosen) {
        const a = await uploadSupplement(code, gate.otp.token, child, d, files[d]!);
        setUploaded((u) => [...u, { doc: d, name: a.filename }]);
        setFiles((f) => ({ ...f, [d]: null }));
      }
      errors.clear();
      setRound((r) => r + 1);
    } catch (error) {
      if (gate.expired(error)) return;
      errors.show({}, apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic')).general);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="ev-title" className="card ap-evidence">
      <Heading id="ev-title">{t('admissionsPublic.evidence.title')}</Heading>
      <p>{t('admissionsPublic.evidence.intro')}</p>
      <div role="status">
        {uploaded.length > 0 && (
          <>
            <p className="ap-evidence-done">{t('admissionsPublic.evidence.uploaded')}</p>
            <ul>
              {uploaded.map((u, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be sent twice
                <li key={i}>
                  {docName(u.doc)}: {u.name}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <OtpGate gate={gate} idPrefix="ev-otp">
        <form className="form" onSubmit={(e) => void send(e)} noValidate>
          <ErrorSummary {...errors} />
          {documents.map((d) => (
            <fieldset key={`${d}-${round}`} className="fieldset" id={`ev-${d}`} tabIndex={-1}>
              <legend>
                {docName(d)}
                {d === 'KHUYEN_KHICH' && ` (${t('admissionsPublic.wishes.optional')})`}
              </legend>
              <FileChoice id={`ev-${d}`} onFile={(file) => setFiles((f) => ({ ...f, [d]: file }))} />
              <FieldError id={`ev-${d}`} error={errors.fields[`ev-${d}`]} />
            </fieldset>
          ))}
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('admissionsPublic.apply.working') : t('admissionsPublic.evidence.send')}
          </button>
        </form>
      </OtpGate>
    </section>
  );
}

/** Withdrawal, behind a second, explicit confirmation and a reason. */
export function Withdraw({
  code,
  child,
  onDone,
}: {
  code: string;
  child: ChildIdentity;
  onDone: (next: ApplicationStatus) => void;
}) {
  const { t, i18n } = useTranslation();
  const gate = useOtpAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function withdraw(event: FormEvent) {
    event.preventDefault();
    if (!gate.otp) return gate.ask();
    if (!reason.trim()) return errors.show({ 'wd-reason': t('admissionsPublic.errors.withdrawReason') });
    setBusy(true);
    try {
      const next = await withdrawApplication(code, gate.otp.token, { ...child, reason: reason.trim() });
      setOpen(false);
      onDone(next);
    } catch (error) {
      if (gate.expired(error)) return;
      errors.show({}, apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic')).general);
    } finally {
      setBusy(false);
    }
  }

  if (!open)
    return (
      <p>
        <button type="button" className="link-button ap-danger" onClick={() => setOpen(true)}>
          {t('admissionsPublic.withdraw.open')}
        </button>
      </p>
    );
  return (
    <section aria-labelledby="wd-title" className="card ap-withdraw">
      <h2 id="wd-title">{t('admissionsPublic.withdraw.title')}</h2>
      <p>{t('admissionsPublic.withdraw.warning')}</p>
      <OtpGate gate={gate} idPrefix="wd-otp">
        <form className="form" onSubmit={(e) => void withdraw(e)} noValidate>
          <ErrorSummary {...errors} />
          <div className="field">
            <label htmlFor="wd-reason">{t('admissionsPublic.withdraw.reason')}</label>
            <textarea
              id="wd-reason"
              rows={3}
              maxLength={2000}
              value={reason}
              aria-invalid={errors.fields['wd-reason'] ? true : undefined}
              aria-describedby={errors.fields['wd-reason'] ? 'wd-reason-error' : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            <FieldError id="wd-reason" error={errors.fields['wd-reason']} />
          </div>
          <div className="ap-actions">
            <button type="submit" className="button ap-button-danger" disabled={busy}>
              {t('admissionsPublic.withdraw.confirm')}
            </button>
            <button type="button" className="button secondary" onClick={() => setOpen(false)}>
              {t('admissionsPublic.withdraw.keep')}
            </button>
          </div>
        </form>
      </OtpGate>
    </section>
  );
}

/** "Xác nhận nhập học" before the deadline (engineer B's endpoint). */
export function ConfirmEnrolment({
  code,
  child,
  result,
  onDone,
}: {
  code: string;
  child: ChildIdentity;
  result: PublicResult;
  onDone: (next: PublicResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const gate = useOtpAction();
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!gate.otp) return gate.ask();
    setBusy(true);
    try {
      onDone(await confirmEnrolment(code, gate.otp.token, child));
    } catch (error) {
      if (gate.expired(error)) return;
      errors.show({}, apiErrors(error, i18n.resolvedLanguage, () => null, t('error.generic')).general);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="ce-title" className="card">
      <h2 id="ce-title">{t('admissionsPublic.result.confirmTitle')}</h2>
      <p>
        {t('admissionsPublic.result.confirmIntro', { school: result.school?.name ?? '', date: result.confirmToText })}
      </p>
      <OtpGate gate={gate} idPrefix="ce-otp">
        <form onSubmit={(e) => void confirm(e)} noValidate>
          <ErrorSummary {...errors} />
          <button type="submit" className="button" disabled={busy}>
            {t('admissionsPublic.result.confirmButton')}
          </button>
        </form>
      </OtpGate>
    </section>
  );
}
