import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { type ChildIdentity, codePath, publicBlob } from './public-api.ts';

/**
 * The PDF receipt (GET …/applications/:code/receipt.pdf, the child's ID and date of birth in
 * headers). Fetched by script and saved from a blob URL, so the child's ID is never in an
 * address, the address bar or the browser history.
 */
export function ReceiptDownload({ code, child }: { code: string; child: ChildIdentity }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  async function download() {
    setState({ busy: true, error: null });
    try {
      const blob = await publicBlob(`${codePath(code)}/receipt.pdf`, child);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `bien-nhan-${code}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch (error) {
      const message = error instanceof ApiError ? error.messageFor(i18n.resolvedLanguage) : t('error.generic');
      setState({ busy: false, error: message });
    }
  }
  return (
    <>
      <button type="button" className="button" disabled={state.busy} onClick={() => void download()}>
        {state.busy ? t('status.loading') : t('admissionsPublic.receipt.pdf')}
      </button>
      <span role="status" className="small">
        {state.error ?? ''}
      </span>
    </>
  );
}
