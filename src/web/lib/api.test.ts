import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, configureApi, setCsrfToken, withQuery } from './api.ts';

function reply(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

const errorBody = (code: string) => ({
  error: {
    code,
    message: 'Vui lòng đăng nhập.',
    messages: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
    requestId: 'r1',
  },
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('withQuery', () => {
  it('leaves out empty values', () => {
    expect(withQuery('/api/org/schools', { q: 'trần', level: '', page: 2, communeId: undefined })).toBe(
      '/api/org/schools?q=tr%E1%BA%A7n&page=2',
    );
  });
});

describe('apiFetch', () => {
  it('sends the csrf token and JSON content type on writes only', async () => {
    const fetchMock = vi.fn(async () => reply(204));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    await apiFetch('/api/auth/logout', { method: 'POST' });
    await apiFetch('/api/auth/me');
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0]?.[1].headers).toMatchObject({ 'x-csrf-token': 'tok', 'content-type': 'application/json' });
    expect(calls[1]?.[1].headers).not.toHaveProperty('x-csrf-token');
  });

  it('parses the error shape and picks the message in the UI language', async () => {
    vi.stubGlobal('fetch', async () => reply(401, errorBody('auth.invalid_credentials')));
    const error = await apiFetch('/api/auth/login', { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('auth.invalid_credentials');
    expect((error as ApiError).messageFor('en')).toBe('Please sign in.');
    expect((error as ApiError).requestId).toBe('r1');
  });

  it('runs the auth hook on auth.required unless told to stay quiet', async () => {
    const onAuthRequired = vi.fn();
    configureApi({ onAuthRequired });
    vi.stubGlobal('fetch', async () => reply(401, errorBody('auth.required')));
    await apiFetch('/api/org/units').catch(() => undefined);
    await apiFetch('/api/auth/me', { quietAuth: true }).catch(() => undefined);
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
  });

  it('runs the password hook on auth.password_change_required', async () => {
    const onPasswordChangeRequired = vi.fn();
    configureApi({ onPasswordChangeRequired });
    vi.stubGlobal('fetch', async () => reply(403, errorBody('auth.password_change_required')));
    await apiFetch('/api/org/units').catch(() => undefined);
    expect(onPasswordChangeRequired).toHaveBeenCalledOnce();
  });

  it('turns a network failure into an ApiError with code network', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiFetch('/api/org/units')).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});
