import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApplicationReceipt, AssistedSubmit } from '../../../shared/admission-applications.schema.ts';
import type { ErrorBody } from '../../../shared/errors.ts';
import { ApiError } from '../../lib/api.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { useSession } from '../../lib/session.ts';

/** The JSON body of POST …/applications/assisted, before the server's normalisation. */
export type AssistedBody = Omit<z.input<typeof AssistedSubmit>, 'consent'> & { consent: true };

/**
 * POST /api/admissions/rounds/:roundId/applications/assisted with its `idempotency-key`: the
 * same key for every press of "Nộp hồ sơ" on one filled-in form, so that a double click or a
 * retry after a dropped connection files once and shows the same receipt. The shared API client
 * sends no custom headers, hence this small call (same CSRF header and error shape).
 */
export function useAssistedSubmit(roundId: string) {
  const session = useSession();
  return useMutation({
    mutationFn: async ({ body, key }: { body: AssistedBody; key: string }) => {
      const lang = currentLanguage();
      let response: Response;
      try {
        response = await fetch(`/api/admissions/rounds/${encodeURIComponent(roundId)}/applications/assisted`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            accept: 'application/json',
            'accept-language': lang === 'vi' ? 'vi' : `${lang}, vi;q=0.8`,
            'content-type': 'application/json',
            'idempotency-key': key,
            'x-csrf-token': session.data?.csrfToken ?? '',
          },
          body: JSON.stringify(body),
        });
      } catch {
        const messages = {
          vi: 'Không kết nối được máy chủ. Vui lòng thử lại.',
          en: 'Cannot reach the server. Please try again.',
        };
        throw new ApiError(0, { code: 'network', message: messages.vi, messages });
      }
      const data: unknown = await response.json().catch(() => undefined);
      if (response.ok) return data as ApplicationReceipt;
      const payload = (data as Partial<ErrorBody> | undefined)?.error;
      if (payload?.code) throw new ApiError(response.status, payload);
      const messages = { vi: 'Máy chủ trả lời không như mong đợi.', en: 'The server sent an unexpected answer.' };
      throw new ApiError(response.status, { code: 'unexpected', message: messages.vi, messages });
    },
  });
}
