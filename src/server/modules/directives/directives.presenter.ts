import type {
  Counts,
  DirectiveDetail,
  FileRef,
  MyRecipient,
  RecipientRow,
  Selection,
  SentItem,
} from '../../../shared/directives.schema.ts';
import { mayAnswer } from './directive-rules.ts';
import type { DirectiveRow } from './directives.repository.ts';
import type { RecipientView } from './recipients.repository.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentFile(f: {
  id: string;
  filename: string;
  content_type: string;
  size_bytes: string | number;
}): FileRef {
  return { id: f.id, filename: f.filename, contentType: f.content_type, size: Number(f.size_bytes) };
}

export function presentDetail(
  d: DirectiveRow,
  extra: { attachments: FileRef[]; isIssuer: boolean; counts: Counts | null; mine: MyRecipient[] },
): DirectiveDetail {
  return {
    id: d.id,
    issuerUnitId: d.issuer_unit_id,
    issuerUnitName: d.issuer_unit_name,
    number: d.number,
    docDate: d.doc_date,
    title: d.title,
    summary: d.summary,
    responseKind: d.response_kind,
    deadline: d.deadline,
    selection: d.selection as Selection,
    state: d.state,
    issuedAt: iso(d.issued_at),
    closedAt: iso(d.closed_at),
    version: d.version,
    ...extra,
  };
}

export function presentMine(
  d: DirectiveRow,
  r: RecipientView,
  files: Map<string, FileRef>,
  today: string,
): MyRecipient {
  return {
    unitId: r.unit_id,
    unitName: r.unit_name,
    status: r.status,
    late: r.late,
    firstReadAt: iso(r.first_read_at),
    firstReadByName: r.first_read_by_name,
    canAnswer: mayAnswer(
      {
        state: d.state,
        responseKind: d.response_kind,
        deadline: d.deadline,
        firstReadAt: r.first_read_at,
        firstAnsweredAt: r.first_answered_at,
      },
      today,
    ),
    response:
      r.response_version > 0
        ? {
            version: r.response_version,
            text: r.response_text ?? '',
            files: (r.response_file_ids ?? []).flatMap((id) => files.get(id) ?? []),
            answeredAt: iso(r.answered_at)!,
            answeredByName: r.answered_by_name ?? '',
          }
        : null,
  };
}

export function presentRecipient(r: RecipientView, files: Map<string, FileRef>): RecipientRow {
  return {
    unitId: r.unit_id,
    unitName: r.unit_name,
    status: r.status,
    late: r.late,
    firstReadAt: iso(r.first_read_at),
    firstReadByName: r.first_read_by_name,
    answeredAt: iso(r.answered_at),
    answeredByName: r.answered_by_name,
    responseVersion: r.response_version,
    responseText: r.response_text,
    responseFiles: (r.response_file_ids ?? []).flatMap((id) => files.get(id) ?? []),
    lastRemindedOn: r.last_reminded_on,
  };
}

export function presentSent(d: DirectiveRow, counts: Counts): SentItem {
  return {
    id: d.id,
    number: d.number,
    docDate: d.doc_date,
    title: d.title,
    issuerUnitName: d.issuer_unit_name,
    responseKind: d.response_kind,
    deadline: d.deadline,
    state: d.state,
    counts,
  };
}
