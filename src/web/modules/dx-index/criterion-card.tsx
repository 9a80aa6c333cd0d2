import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DxAssessmentView, DxCriterion } from '../../../shared/dx-index.schema.ts';
import { ApiError } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { tusUpload } from '../../lib/tus-client.ts';
import { TextArea } from '../../ui/form-fields.tsx';
import { addEvidence, evidenceUrl, removeEvidence } from './dx-api.ts';
import { type Choice, ChoiceInput } from './dx-ui.tsx';

/** What the school is typing for a criterion (points as text until sent). */
export interface Draft extends Choice {
  evidenceText: string;
  links: string;
}

/** One criterion: its description, the evidence asked, the evaluator's notes, the school's answer and evidence. */
export function CriterionCard(props: {
  year: number;
  schoolId: string;
  criterion: DxCriterion;
  view: DxAssessmentView;
  draft: Draft;
  editable: boolean;
  error: string | undefined;
  linksError: string | undefined;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const { t } = useTranslation();
  const { criterion: c, view, draft, editable, year, schoolId } = props;
  const a = view.answers.find((x) => x.criterionCode === c.code);
  const idBase = `dx-${c.code}`;
  return (
    <>
      <h3>
        {c.code}. {c.title}
        {c.kind === 'mandatory' ? (
          <span className="dx-tag">{t('dx.mandatory')}</span>
        ) : (
          <span className="dx-tag">{t('dx.maxPoints', { max: c.maxPoints })}</span>
        )}
        {c.unconfirmed && <span className="dx-tag">{t('dx.unconfirmed')}</span>}
      </h3>
      <p className="dx-meta">{c.description}</p>
      <p className="dx-meta">
        <strong>{t('dx.evidenceAsked')}</strong> {c.evidence}
      </p>
      {a?.evidenceRequest && (
        <div className="dx-request">
          <strong>{t('dx.evidenceRequest')}</strong> {a.evidenceRequest}
        </div>
      )}
      {a?.evalComment && (
        <p className="dx-meta">
          <strong>{t('dx.evalComment')}</strong> {a.evalComment}
        </p>
      )}
      <ChoiceInput
        criterion={c}
        idBase={idBase}
        legend={t('dx.assess.choice')}
        value={draft}
        disabled={!editable}
        error={props.error}
        onChange={(ch) => props.onChange(ch)}
      />
      <TextArea
        id={`${idBase}-text`}
        label={t('dx.evidenceText')}
        value={draft.evidenceText}
        disabled={!editable}
        maxLength={4000}
        onChange={(e) => props.onChange({ evidenceText: e.target.value })}
      />
      <div className="field">
        <label htmlFor={`${idBase}-links`}>{t('dx.evidenceLinks')}</label>
        <textarea
          id={`${idBase}-links`}
          value={draft.links}
          disabled={!editable}
          rows={2}
          aria-invalid={props.linksError ? true : undefined}
          aria-describedby={`${idBase}-links-hint${props.linksError ? ` ${idBase}-links-error` : ''}`}
          onChange={(e) => props.onChange({ links: e.target.value })}
        />
        <p id={`${idBase}-links-hint`} className="hint">
          {t('dx.evidenceLinksHint')}
        </p>
        {props.linksError && (
          <p id={`${idBase}-links-error`} className="field-error">
            {props.linksError}
          </p>
        )}
      </div>
      <EvidenceFiles
        year={year}
        schoolId={schoolId}
        criterionCode={c.code}
        files={a?.files ?? []}
        editable={editable}
      />
    </>
  );
}

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.doc,.xls';

/** The criterion's evidence files: a resumable upload (purpose dx) attached when it completes. */
function EvidenceFiles(props: {
  year: number;
  schoolId: string;
  criterionCode: string;
  files: { id: string; filename: string }[];
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { year, schoolId, criterionCode } = props;
  const key = ['dx-assessment', year, schoolId];
  const id = `dx-${criterionCode}-file`;

  async function upload(f: File | null) {
    if (!f) return;
    setFailed(null);
    setStatus(t('dx.uploading', { percent: 0 }));
    try {
      const csrf = session.data?.csrfToken;
      const r = await tusUpload({
        endpoint: '/api/uploads',
        file: f,
        metadata: { purpose: 'dx', filename: f.name, filetype: f.type },
        headers: () => ({
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          'accept-language': i18n.resolvedLanguage ?? 'vi',
        }),
        onProgress: (sent, total) =>
          setStatus(t('dx.uploading', { percent: Math.floor((sent / Math.max(1, total)) * 100) })),
      });
      const v = await addEvidence(year, schoolId, criterionCode, r.fileId);
      qc.setQueryData(key, v);
      setStatus(t('dx.uploaded', { name: f.name }));
    } catch (err) {
      setStatus(null);
      setFailed(err instanceof ApiError ? err.messageFor(i18n.resolvedLanguage) : t('error.generic'));
    }
  }
  const remove = useMutation({
    mutationFn: (fileId: string) => removeEvidence(year, schoolId, fileId),
    onSuccess: (v) => qc.setQueryData(key, v),
  });

  return (
    <div className="field">
      {props.files.length > 0 && (
        <ul className="dx-files" aria-label={t('dx.files')}>
          {props.files.map((f) => (
            <li key={f.id}>
              <a href={evidenceUrl(year, schoolId, f.id)} target="_blank" rel="noreferrer">
                {f.filename}
              </a>
              {props.editable && (
                <button
                  type="button"
                  className="button secondary"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(f.id)}
                  aria-label={t('dx.removeFile', { name: f.filename })}
                >
                  {t('dx.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editable && (
        <>
          <label htmlFor={id}>{t('dx.addFile')}</label>
          <input
            id={id}
            type="file"
            accept={ACCEPT}
            aria-describedby={`${id}-status`}
            onChange={(e) => void upload(e.target.files?.[0] ?? null)}
          />
          <p id={`${id}-status`} className="hint" aria-live="polite">
            {status}
            {failed && <span className="field-error">{failed}</span>}
          </p>
        </>
      )}
    </div>
  );
}
