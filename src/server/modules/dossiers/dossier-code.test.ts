import { describe, expect, it } from 'vitest';
import { formatDossierCode } from './dossier-code.ts';

describe('formatDossierCode', () => {
  it('pads the yearly number to six digits', () => {
    expect(formatDossierCode('TS1', 2026, 123)).toBe('TS1-2026-000123');
  });
  it('keeps counting past a million', () => {
    expect(formatDossierCode('TS10', 2027, 1_234_567)).toBe('TS10-2027-1234567');
  });
});
