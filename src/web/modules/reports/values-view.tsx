import { useTranslation } from 'react-i18next';
import type { FieldView, SubmissionDetail } from '../../../shared/reports.schema.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { formatViNumber } from './report-values.ts';
import { submissionFileUrl } from './reports-api.ts';

/**
 * Fields in the form's order, grouped in runs by section: a section's fields together under its
 * title, fields without a section (or with an unknown one) in untitled groups between them.
 */
export function groupBySection(detail: Pick<SubmissionDetail, 'form'>) {
  const { sections, fields } = detail.form;
  const sorted = [...fields].sort((a, b) => a.seq - b.seq);
  const groups: { key: string; title: string | null; help: string | null; fields: FieldView[] }[] = [];
  for (const f of sorted) {
    const section = sections.find((s) => s.code === f.section) ?? null;
    const last = groups.at(-1);
    const code = section?.code ?? null;
    if (last && (last.title === null ? code === null : last.key.startsWith(`${code}:`))) {
      last.fields.push(f);
      continue;
    }
    groups.push({
      key: `${code ?? ''}:${groups.length}`,
      title: section?.title ?? null,
      help: section?.help ?? null,
      fields: [f],
    });
  }
  return groups;
}

/** A stored value as text: grouped numbers with their unit, choice labels, Có/Không, dd/mm/yyyy. */
function ValueText({ field, detail }: { field: FieldView; detail: SubmissionDetail }) {
  const { t } = useTranslation();
  const v = detail.values[field.code];
  if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return <span className="muted">—</span>;
  switch (field.type) {
    case 'integer':
    case 'decimal':
      return (
        <span className="rp-num">
          {typeof v === 'number' ? formatViNumber(v) : String(v)}
          {field.unitLabel ? ` ${field.unitLabel}` : ''}
        </span>
      );
    case 'yes_no':
      return <>{v === true ? t('reports.entry.yes') : t('reports.entry.no')}</>;
    case 'single_choice':
      return <>{field.options.find((o) => o.code === v)?.label ?? String(v)}</>;
    case 'multiple_choice':
      return (
        <>
          {(Array.isArray(v) ? v : [String(v)])
            .map((c) => field.options.find((o) => o.code === c)?.label ?? c)
            .join('; ')}
        </>
      );
    case 'date':
      return <>{formatDate(String(v))}</>;
    case 'file': {
      const file = detail.files.find((f) => f.id === v);
      return <a href={submissionFileUrl(detail.id, String(v))}>{file?.filename ?? t('reports.entry.fileAttached')}</a>;
    }
    default:
      return <>{String(v)}</>;
  }
}

/** A report's values, read only, section by section. */
export function ValuesView({ detail }: { detail: SubmissionDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {groupBySection(detail).map((g) => (
        <section key={g.key} className="rp-section" aria-label={g.title ?? t('reports.entry.values')}>
          {g.title && <h2>{g.title}</h2>}
          <dl className="rp-values">
            {g.fields.map((f) => (
              <div key={f.code} style={{ display: 'contents' }}>
                <dt>{f.label}</dt>
                <dd>
                  <ValueText field={f} detail={detail} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}

/** Who did what to the report, newest last. */
export function HistoryList({ detail }: { detail: SubmissionDetail }) {
  const { t } = useTranslation();
  if (detail.history.length === 0) return null;
  return (
    <section aria-labelledby="rp-history">
      <h2 id="rp-history">{t('reports.history.title')}</h2>
      <ul className="events">
        {detail.history.map((e) => (
          <li key={`${e.action}-${e.at}`}>
            {formatDateTime(e.at)} — {t(`reports.history.${e.action}`)}
            {e.actorName ? ` (${e.actorName})` : ''}
            {e.reason ? `: ${e.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
