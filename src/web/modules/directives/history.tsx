import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { fileUrl, getHistory } from './directives-api.ts';

/** Every version of a unit's answer, newest first, loaded when opened. */
export function AnswerHistory({ directiveId, unitId }: { directiveId: string; unitId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: ['directive-history', directiveId, unitId],
    queryFn: ({ signal }) => getHistory(directiveId, unitId, signal),
    enabled: open,
  });
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('directives.history.title')}</summary>
      {!open ? null : q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <ol className="dir-files">
          {q.data.items.map((v) => (
            <li key={v.version}>
              <p className="dir-meta">
                {t('directives.version', { n: v.version })} · {formatDateTime(v.answeredAt)} · {v.answeredByName}
              </p>
              <p className="dir-answer">{v.text || t('directives.confirmed')}</p>
              {v.files.map((f) => (
                <a key={f.id} className="block small" href={fileUrl(directiveId, f.id)}>
                  {f.filename}
                </a>
              ))}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
