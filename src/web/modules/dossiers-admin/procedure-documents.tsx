import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileKind } from '../../../shared/dossiers.schema.ts';
import type { FieldErrors } from '../../ui/error-summary.tsx';
import { FieldError, TextField } from '../../ui/form-fields.tsx';
import { type DocumentDraft, FILE_KINDS, newDocument } from './procedure-draft.ts';

interface Props {
  documents: DocumentDraft[];
  errors: FieldErrors;
  editable: boolean;
  onChange: (documents: DocumentDraft[]) => void;
}

const KIND_LABELS: Record<FileKind, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' };

/**
 * The documents a procedure asks for, in the order the applicant sees them: add, remove and
 * move up or down. After a move, focus stays on the button pressed, at the row's new place.
 */
export function ProcedureDocuments({ documents, errors, editable, onChange }: Props) {
  const { t } = useTranslation();
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const update = (i: number, change: Partial<DocumentDraft>) =>
    onChange(documents.map((d, j) => (j === i ? { ...d, ...change } : d)));

  function move(i: number, by: -1 | 1, button: 'up' | 'down') {
    const j = i + by;
    const next = [...documents];
    [next[i], next[j]] = [next[j] as DocumentDraft, next[i] as DocumentDraft];
    onChange(next);
    const edge = (button === 'up' && j === 0) || (button === 'down' && j === documents.length - 1);
    setFocusId(edge ? `doc-${j}-${button === 'up' ? 'down' : 'up'}` : `doc-${j}-${button}`);
  }

  function remove(i: number) {
    onChange(documents.filter((_, j) => j !== i));
    setFocusId(documents.length > 1 ? `doc-${Math.min(i, documents.length - 2)}-code` : 'proc-documents');
  }

  function add() {
    onChange([...documents, newDocument()]);
    setFocusId(`doc-${documents.length}-code`);
  }

  return (
    <>
      {documents.length === 0 && <p className="empty">{t('dossiersAdmin.documents.none')}</p>}
      <ol className="doc-list">
        {documents.map((d, i) => {
          const n = i + 1;
          const label = d.nameVi || d.code || t('dossiersAdmin.documents.new');
          const id = (k: string) => `doc-${i}-${k}`;
          return (
            <li key={d.key}>
              <fieldset className="fieldset">
                <legend>{t('dossiersAdmin.documents.legend', { n, name: label })}</legend>
                <div className="filters">
                  <TextField
                    id={id('code')}
                    label={t('dossiersAdmin.field.docCode')}
                    value={d.code}
                    spellCheck={false}
                    autoCapitalize="characters"
                    error={errors[id('code')]}
                    onChange={(e) => update(i, { code: e.target.value.toUpperCase() })}
                  />
                  <TextField
                    id={id('maxSizeMb')}
                    label={t('dossiersAdmin.field.maxSizeMb')}
                    hint={t('dossiersAdmin.hint.maxSizeMb')}
                    inputMode="decimal"
                    value={d.maxSizeMb}
                    error={errors[id('maxSizeMb')]}
                    onChange={(e) => update(i, { maxSizeMb: e.target.value })}
                  />
                  <TextField
                    id={id('nameVi')}
                    label={t('dossiersAdmin.field.nameVi')}
                    lang="vi"
                    value={d.nameVi}
                    error={errors[id('nameVi')]}
                    onChange={(e) => update(i, { nameVi: e.target.value })}
                  />
                  <TextField
                    id={id('nameEn')}
                    label={t('dossiersAdmin.field.nameEn')}
                    lang="en"
                    value={d.nameEn}
                    error={errors[id('nameEn')]}
                    onChange={(e) => update(i, { nameEn: e.target.value })}
                  />
                </div>
                <div className="checkbox">
                  <input
                    type="checkbox"
                    id={id('required')}
                    checked={d.required}
                    onChange={(e) => update(i, { required: e.target.checked })}
                  />
                  <label htmlFor={id('required')}>{t('dossiersAdmin.field.required')}</label>
                </div>
                <fieldset
                  className="fieldset-plain doc-kinds"
                  aria-describedby={errors[id('accepted')] ? `${id('accepted')}-error` : undefined}
                >
                  <legend>{t('dossiersAdmin.field.accepted')}</legend>
                  <div className="row-actions">
                    {FILE_KINDS.map((k, ki) => {
                      const boxId = ki === 0 ? id('accepted') : id(`accepted-${k}`);
                      return (
                        <div className="checkbox" key={k}>
                          <input
                            type="checkbox"
                            id={boxId}
                            checked={d.accepted.includes(k)}
                            onChange={(e) =>
                              update(i, {
                                accepted: FILE_KINDS.filter((x) =>
                                  x === k ? e.target.checked : d.accepted.includes(x),
                                ),
                              })
                            }
                          />
                          <label htmlFor={boxId}>{KIND_LABELS[k]}</label>
                        </div>
                      );
                    })}
                  </div>
                  <FieldError id={id('accepted')} error={errors[id('accepted')]} />
                </fieldset>
                {editable && (
                  <div className="row-actions">
                    {i > 0 && (
                      <button
                        type="button"
                        id={id('up')}
                        className="button secondary"
                        onClick={() => move(i, -1, 'up')}
                      >
                        {t('dossiersAdmin.documents.up')}
                        <span className="visually-hidden">: {label}</span>
                      </button>
                    )}
                    {i < documents.length - 1 && (
                      <button
                        type="button"
                        id={id('down')}
                        className="button secondary"
                        onClick={() => move(i, 1, 'down')}
                      >
                        {t('dossiersAdmin.documents.down')}
                        <span className="visually-hidden">: {label}</span>
                      </button>
                    )}
                    <button type="button" className="link-button" onClick={() => remove(i)}>
                      {t('dossiersAdmin.documents.remove')}
                      <span className="visually-hidden">: {label}</span>
                    </button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <FieldError id="proc-documents" error={errors['proc-documents']} />
      {editable && (
        <div className="actions">
          <button
            type="button"
            id="proc-documents"
            className="button secondary"
            aria-describedby={errors['proc-documents'] ? 'proc-documents-error' : undefined}
            onClick={add}
          >
            {t('dossiersAdmin.documents.add')}
          </button>
        </div>
      )}
    </>
  );
}
