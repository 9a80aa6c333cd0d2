import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * UI strings live in /public/locales/<code>.json and the list of languages in
 * /public/locales/index.json, fetched at run time so that a new language pack (Ba Na, Gia Rai,
 * Xơ Đăng…) needs no code change (see ../locales-README.md). Vietnamese is the default and
 * the fallback for any missing string.
 */
export interface LanguageInfo {
  code: string;
  name: string;
}

export const FALLBACK_LANGUAGE = 'vi';
const STORAGE_KEY = 'giaoducso.lang';
const LOCALES_URL = '/locales/';

let languages: LanguageInfo[] = [{ code: 'vi', name: 'Tiếng Việt' }];

/** Languages listed in /locales/index.json (at least Vietnamese). */
export function availableLanguages(): LanguageInfo[] {
  return languages;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** A minimal i18next backend: one JSON file per language, one namespace. */
const fetchBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    fetchJson<ResourceKey>(`${LOCALES_URL}${encodeURIComponent(language)}.json`).then(
      (data) => callback(null, data),
      (error: Error) => callback(error, false),
    );
  },
};

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function rememberLanguage(code: string): void {
  document.documentElement.lang = code;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this visit only.
  }
}

function isLanguageList(value: unknown): value is LanguageInfo[] {
  return Array.isArray(value) && value.every((l) => typeof l?.code === 'string' && typeof l?.name === 'string');
}

/** Loads the language list and the chosen language's strings; resolves when the UI can render. */
export async function initI18n(): Promise<void> {
  const list = await fetchJson<unknown>(`${LOCALES_URL}index.json`).catch(() => null);
  if (isLanguageList(list) && list.length > 0) languages = list;
  const stored = readStoredLanguage();
  const lng = languages.some((l) => l.code === stored) ? (stored as string) : FALLBACK_LANGUAGE;
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (code) => {
    if (languages.some((l) => l.code === code)) rememberLanguage(code);
  });
  await i18next
    .use(fetchBackend)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: FALLBACK_LANGUAGE,
      supportedLngs: languages.map((l) => l.code),
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
}

/** The language currently shown (used for accept-language and API messages). */
export function currentLanguage(): string {
  return i18next.resolvedLanguage ?? i18next.language ?? FALLBACK_LANGUAGE;
}
