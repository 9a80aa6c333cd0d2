import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/org.schema.ts';
import { apiSend } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { FormStatus } from '../../ui/error-alert.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

/** Upload of an .xlsx school list (optionally a dry run), with the per-row error report. */
export function SchoolImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);

  const upload = useMutation({
    mutationFn: (args: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', args.file);
      return apiSend<ImportReport>('POST', '/api/org/import', form, { dryRun: args.dryRun || undefined });
    },
    onSuccess: (_report, args) => {
      if (!args.dryRun) void queryClient.invalidateQueries({ queryKey: ['org'] });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) upload.mutate({ file, dryRun });
  }

  const report = upload.data;
  return (
    <form className="form" onSubmit={submit}>
      <h3>{t('import.title')}</h3>
      <div className="field">
        <label htmlFor="import-file">{t('import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <div className="checkbox">
        <input id="import-dry" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
        <label htmlFor="import-dry">{t('import.dryRun')}</label>
      </div>
      <button type="submit" className="button" disabled={!file || upload.isPending}>
        {upload.isPending ? t('import.uploading') : t('import.submit')}
      </button>
      <FormStatus
        error={upload.error}
        success={
          report
            ? t(upload.variables?.dryRun ? 'import.checked' : 'import.done', {
                created: formatNumber(report.created),
                updated: formatNumber(report.updated),
                unchanged: formatNumber(report.unchanged),
                errors: formatNumber(report.errors.length),
              })
            : null
        }
      />
      {report && report.errors.length > 0 && (
        <ScrollRegion labelledBy="import-errors">
          <table className="table">
            <caption id="import-errors">{t('import.errorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.message')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e) => (
                <tr key={`${e.row}:${e.column}:${e.message}`}>
                  <th scope="row">{e.row}</th>
                  <td>{e.column}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </form>
  );
}
