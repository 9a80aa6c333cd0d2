import type {
  CorrectionCreate,
  Entry,
  EntrySearchPage,
  ImportJob,
  ImportMapping,
  ImportReport,
  IssuingUnitList,
  PageScanList,
  RegisterList,
  VerifyAnswer,
} from '../../../shared/diplomas.schema.ts';
import { apiFetch, apiGet, apiSend, type Query } from '../../lib/api.ts';

/** The diploma registry's API, for the staff pages and the public verification page. */

export const verifyDiploma = (q: { serial: string; name: string; birthDate?: string }) =>
  apiGet<VerifyAnswer>('/api/public/diplomas/verify', q);

export const fetchRegisters = () => apiGet<RegisterList>('/api/diplomas/registers');
export const searchEntries = (q: Query) => apiGet<EntrySearchPage>('/api/diplomas/entries', q);
export const fetchEntry = (id: string) => apiGet<Entry>(`/api/diplomas/entries/${id}`);
export const correctEntry = (id: string, body: CorrectionCreate) =>
  apiSend<Entry>('POST', `/api/diplomas/entries/${id}/corrections`, body);

export const fetchIssuingUnits = () => apiGet<IssuingUnitList>('/api/diplomas/issuing-units');
export const fetchPages = (id: string) => apiGet<PageScanList>(`/api/diplomas/entries/${id}/pages`);
/** The address of one scanned page (served inline; the view is audited). */
export const attachPages = (id: string, fileIds: string[]) =>
  apiSend<PageScanList>('POST', `/api/diplomas/entries/${id}/pages`, { fileIds });

/** Attaches finished scan uploads to every entry of a register numbered fromNo…toNo, with the page's label. */
export const attachRegisterPages = (
  registerId: string,
  body: { fileIds: string[]; fromNo: number; toNo: number; label: string | null },
) => apiSend<{ entries: number }>('POST', `/api/diplomas/registers/${registerId}/pages`, body);

export const pageUrl = (id: string, fileId: string) => `/api/diplomas/entries/${id}/pages/${fileId}`;

export const fetchImport = (id: string) => apiGet<ImportJob>(`/api/diplomas/imports/${id}`);
export const validateImport = (id: string, mapping: ImportMapping, defaults: { typeCode?: string; year?: number }) =>
  apiSend<ImportJob>('POST', `/api/diplomas/imports/${id}/validate`, { mapping, defaults });
export const runImport = (id: string) => apiSend<ImportJob>('POST', `/api/diplomas/imports/${id}/run`);
export const fetchReport = (id: string, page: number) =>
  apiGet<ImportReport>(`/api/diplomas/imports/${id}/report`, { page, pageSize: 50 });

export function uploadList(issuingUnitId: string, file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file);
  return apiFetch<ImportJob>(`/api/diplomas/imports?issuingUnitId=${encodeURIComponent(issuingUnitId)}`, {
    method: 'POST',
    body: form,
  });
}
