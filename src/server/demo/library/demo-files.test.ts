import { describe, expect, it } from 'vitest';
import { inspectSimulationZip } from '../../platform/packages/simulation-zip.ts';
import { sniffHead } from '../../platform/uploads/sniff.ts';
import { DEMO_MODERATORS, DEMO_RESOURCES } from './catalogue.ts';
import { diagramPng, onePagePdf, simulationZip } from './demo-files.ts';

describe('library demo files', () => {
  it('draws a valid PNG', () => {
    const png = diagramPng([11, 83, 148]);
    expect(sniffHead(png)).toBe('png');
    expect(png.readUInt32BE(16)).toBe(160);
  });

  it('makes a simulation zip the sandbox accepts', () => {
    const r = inspectSimulationZip(simulationZip('Thí nghiệm ảo', 'Chú thích'));
    expect(r.problems).toEqual([]);
  });

  it('renders a one-page PDF', async () => {
    const pdf = await onePagePdf('Phiếu học tập', ['Nội dung.']);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('ascii')).toBe('%PDF-');
  });
});

describe('library demo catalogue', () => {
  it('is synthetic, says so, and every resource has a moderator for its subject and level', () => {
    expect(DEMO_RESOURCES.length).toBeGreaterThanOrEqual(20);
    for (const r of DEMO_RESOURCES) {
      expect(r.description, r.title).toContain('(dữ liệu mẫu)');
      expect(r.title.normalize('NFC')).toBe(r.title);
      const ok = DEMO_MODERATORS.some((m) =>
        m.assignments.some((a) => r.subjects.includes(a.subjectCode) && r.levels.includes(a.level)),
      );
      expect(ok, r.title).toBe(true);
    }
  });
});
