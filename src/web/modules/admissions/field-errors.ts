import { ApiError } from '../../lib/api.ts';

/**
 * The API's validation details by field path, without the `body.` prefix of request
 * validation: `{ 'schools.0.pupilsPerClass': '…' }`. Messages of one path are joined.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details) {
    const path = d.path.replace(/^body\./, '');
    out[path] = out[path] ? `${out[path]}; ${d.message}` : d.message;
  }
  return out;
}
