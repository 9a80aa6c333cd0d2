import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { renderPdf } from '../../platform/pdf/pdf-writer.ts';
import type { Platform } from '../../platform/platform.ts';
import { OrgService } from '../org/org.service.ts';
import * as files from './files.repository.ts';
import type { ArchiveFilesService } from './files.service.ts';
import {
  type DecidedDossier,
  findAttachments,
  findDecidedNotArchived,
  findTransitions,
  insertStoredFile,
} from './intake.repository.ts';
import { resultDocumentsOf } from './result-documents.ts';

/**
 * Results of procedures flow into the archive (issue 5, item 7): every decided dossier
 * (approved or rejected) becomes one archive file in the fonds of its handling unit (or the
 * nearest ancestor's open fonds), with a generated PDF summary, the documents the procedure
 * produced (result-documents.ts: e.g. the signed certified copy) and the dossier's attachments
 * as its documents. Idempotent by dossier: archive_files.source_dossier_id is UNIQUE, and the
 * sweep only picks dossiers without a file, so re-running (or two nodes at once) never
 * archives one dossier twice.
 *
 * Files of procedures hold personal data, so they are restricted (Luật Lưu trữ 2024, art. 31);
 * kept 10 years (the usual period for results of administrative procedures in the retention
 * tables of Thông tư 10/2022/TT-BNV; an archivist can change it on the file).
 */
export class ArchiveIntakeService {
  readonly #p: Platform;
  readonly #files: ArchiveFilesService;
  readonly #org: OrgService;

  constructor(p: Platform, filesService: ArchiveFilesService) {
    this.#p = p;
    this.#files = filesService;
    this.#org = new OrgService(p);
  }

  /** Archives the decided dossiers not yet archived, `limit` at a time; counts those another sweep took, or that failed, as skipped. */
  async sweep(
    actor: Actor = systemActor('archive.intake'),
    limit = 200,
  ): Promise<{ archived: number; skipped: number }> {
    let archived = 0;
    let skipped = 0;
    // Batches until none is left (a busy admissions day decides thousands), at most 50 per run.
    for (let round = 0; round < 50; round++) {
      const batch = await findDecidedNotArchived(this.#p.db, limit);
      let progress = 0;
      for (const d of batch) {
        try {
          if (await this.#archiveOne(actor, d)) progress++;
          else skipped++;
        } catch (err) {
          // One dossier that cannot be filed (e.g. its attachment is unreadable) must not stop the others.
          this.#p.log.error({ err, dossierId: d.id }, 'archive intake failed for a dossier');
          skipped++;
        }
      }
      archived += progress;
      if (progress === 0 || batch.length < limit) break;
    }
    return { archived, skipped };
  }

  async #archiveOne(actor: Actor, d: DecidedDossier): Promise<boolean> {
    const fonds = await files.findFondsOfUnit(this.#p.db, d.unit_id);
    if (!fonds) return false;
    const decided = new Date(d.decided_at ?? d.updated_at);
    const start = new Date(d.received_at ?? decided).toISOString().slice(0, 10);
    const end = decided.toISOString().slice(0, 10);
    const year = Number(start.slice(0, 4));
    const unitName = await this.#org.nameAt(d.unit_id, end);
    const attachments = await findAttachments(this.#p.db, d.id);
    const summary = await this.#summary(d, unitName, attachments.length);
    try {
      await this.#p.db.transaction().execute(async (trx) => {
        const n = await files.takeFileNumber(trx, fonds.id, year);
        const code = `${fonds.org_identifier}.${year}.TTHC-${String(n).padStart(4, '0')}`;
        const title = `Hồ sơ giải quyết thủ tục “${d.procedure_name_vi}” số ${d.code ?? d.id} (${d.state === 'approved' ? 'chấp thuận' : 'từ chối'})`;
        const { id } = await files.insertFile(trx, {
          fonds_id: fonds.id,
          code,
          year,
          title: title.slice(0, 1000),
          retention_years: 10,
          access_level: 'restricted',
          language: 'vi',
          start_date: start,
          // yyyy-mm-dd strings sort as dates: the later of the two.
          end_date: [start, end].sort()[1]!,
          keywords: ['thủ tục hành chính', d.procedure_code],
          sheet_count: 0,
          page_count: 0,
          reliability: 'original',
          physical_condition: null,
          paper_code: null,
          backup_status: 'none',
          creator_unit_id: d.unit_id,
          creator_unit_name: unitName,
          source_dossier_id: d.id,
          created_by: null,
        });
        await this.#p.audit.record(trx, actor, {
          action: 'archive.file.intake',
          entityType: 'archive_file',
          entityId: id,
          unitId: fonds.unit_id,
          after: { code, dossierId: d.id, dossierCode: d.code, state: d.state },
        });
        const file = { id, fonds_unit_id: fonds.unit_id };
        const summaryId = await insertStoredFile(trx, summary);
        await this.#files.insertDocument(trx, actor, file, {
          title: `Tóm tắt quá trình giải quyết hồ sơ ${d.code ?? ''}`.trim(),
          docNumber: d.code,
          docDate: end,
          author: unitName,
          pageCount: null,
          storedFileId: summaryId,
        });
        for (const r of await resultDocumentsOf(trx, d.procedure_code, d.id))
          await this.#files.insertDocument(trx, actor, file, {
            title: r.title.slice(0, 1000),
            docNumber: r.docNumber,
            docDate: r.docDate,
            author: r.author,
            pageCount: null,
            storedFileId: r.storedFileId,
          });
        for (const a of attachments)
          await this.#files.insertDocument(trx, actor, file, {
            title: `${a.document_code}: ${a.filename}`.slice(0, 1000),
            docNumber: null,
            docDate: new Date(a.created_at).toISOString().slice(0, 10),
            author: null,
            pageCount: null,
            storedFileId: a.file_id,
          });
      });
      return true;
    } catch (err) {
      // Another sweep archived it meanwhile (source_dossier_id is unique): nothing to do.
      if ((err as { code?: string }).code === '23505') return false;
      throw err;
    }
  }

  /** The summary document: the dossier's steps, as a PDF stored once per content. */
  async #summary(d: DecidedDossier, unitName: string, attachmentCount: number) {
    const steps = await findTransitions(this.#p.db, d.id);
    const pdf = Buffer.from(
      await renderPdf({
        title: `Tóm tắt hồ sơ ${d.code ?? d.id}`,
        author: unitName,
        createdAt: new Date(d.decided_at ?? d.updated_at),
        blocks: [
          { kind: 'title', text: 'TÓM TẮT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ' },
          {
            kind: 'fields',
            rows: [
              { label: 'Thủ tục', value: d.procedure_name_vi },
              { label: 'Mã hồ sơ', value: d.code ?? d.id },
              { label: 'Đơn vị giải quyết', value: unitName },
              { label: 'Kết quả', value: d.state === 'approved' ? 'Chấp thuận' : 'Từ chối' },
              { label: 'Số tệp đính kèm', value: String(attachmentCount) },
            ],
          },
          {
            kind: 'table',
            columns: [
              { header: 'Thời điểm', width: 2 },
              { header: 'Bước', width: 2 },
              { header: 'Người thực hiện', width: 2 },
              { header: 'Lý do', width: 3 },
            ],
            rows: steps.map((s) => [
              new Date(s.at).toISOString().slice(0, 16).replace('T', ' '),
              s.action,
              s.actor_name ?? '',
              s.reason ?? '',
            ]),
          },
        ],
        footer: 'Tạo tự động khi lưu hồ sơ vào kho lưu trữ điện tử',
      }),
    );
    const sha = createHash('sha256').update(pdf).digest('hex');
    const key = `archive/intake/${d.id}/tom-tat-${sha.slice(0, 12)}.pdf`;
    const stored = await this.#p.storage.put(key, pdf, 'application/pdf');
    return {
      key,
      filename: `tom-tat-${d.code ?? d.id}.pdf`,
      contentType: 'application/pdf',
      size: stored.size,
      sha256: stored.sha256,
    };
  }
}
