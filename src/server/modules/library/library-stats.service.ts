import { RESOURCE_STATUSES } from '../../../shared/library.schema.ts';
import type {
  ContributionCounts,
  Overview,
  OverviewQuery,
  ResourceStats,
  SchoolReportRow,
  StatsPeriod,
  Usage,
} from '../../../shared/library-reports.schema.ts';
import type { SchoolProfile } from '../../../shared/org.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { OrgService } from '../org/org.service.ts';
import type { LibraryReference } from './library-reference.ts';
import { ReportScopes } from './library-report-scope.ts';
import * as repo from './library-stats.repository.ts';
import { type StatsWorkbook, statsWorkbook } from './library-stats-xlsx.ts';
import { viewerOf } from './library-viewer.ts';
import { findForViewer } from './resources.repository.ts';

const NONE: Usage = { views: 0, downloads: 0 };
const emptyCounts = (): ContributionCounts =>
  Object.fromEntries(RESOURCE_STATUSES.map((s) => [s, 0])) as ContributionCounts;

/** Schools of a level; upper-secondary resources serve continuing-education centres too. Preschools: none. */
function teaches(school: SchoolProfile, level: string | null): boolean {
  if (level === null) return school.levels.some((l) => l !== 'mam_non');
  return school.levels.includes(level as never) || (level === 'thpt' && school.levels.includes('gdtx'));
}

/** Contributions and use per subject, side by side (a subject with either). */
function subjectRows(made: repo.SubjectContributionRow[], used: repo.SubjectUsageRow[]) {
  const rows = new Map<string, { code: string; contributed: number; published: number } & Usage>();
  const row = (code: string) => {
    const r = rows.get(code) ?? { code, contributed: 0, published: 0, ...NONE };
    rows.set(code, r);
    return r;
  };
  for (const m of made) Object.assign(row(m.code), { contributed: m.contributed, published: m.published });
  for (const u of used) Object.assign(row(u.code), { views: u.views, downloads: u.downloads });
  return [...rows.values()];
}

/**
 * Library usage statistics (issue 4 item 5): one resource's views and downloads per month and
 * per school of its readers, for whoever may see the resource's history or reports on its
 * school; and the report of which schools contribute and which use, per school and subject,
 * for the Sở (the province) and commune officers (the commune's schools), with its Excel
 * export (audited: the report names schools).
 */
export class LibraryStatsService {
  readonly #p: Platform;
  readonly #ref: LibraryReference;
  readonly #scopes: ReportScopes;

  constructor(platform: Platform, ref: LibraryReference) {
    this.#p = platform;
    this.#ref = ref;
    this.#scopes = new ReportScopes(platform, new OrgService(platform));
  }

  async resource(actor: Actor, id: string, period: StatsPeriod): Promise<ResourceStats> {
    const row = await findForViewer(this.#p.db, await viewerOf(this.#p.db, actor), id);
    if (!row?.readable) throw new AppError('resource.not_found');
    // Beyond its author, its school's staff and its moderators: a report on its school (else 401/403).
    if (!row.full && !this.#scopes.covers(await this.#scopes.of(actor), row.school_id))
      throw new AppError('access.denied');
    const f = { from: period.from ?? null, to: period.to ?? null };
    const [months, perSchool, schools] = await Promise.all([
      repo.resourceByMonth(this.#p.db, id, f),
      repo.resourceBySchool(this.#p.db, id, f),
      this.#scopes.schools(),
    ]);
    const byId = new Map(schools.map((s) => [s.unitId, s]));
    const other = perSchool.find((r) => r.school_id === null) ?? NONE;
    return {
      resourceId: id,
      title: row.title,
      schoolId: row.school_id,
      schoolName: byId.get(row.school_id)?.name ?? '',
      from: f.from,
      to: f.to,
      views: months.reduce((n, m) => n + m.views, 0),
      downloads: months.reduce((n, m) => n + m.downloads, 0),
      byMonth: months,
      bySchool: perSchool
        .filter((r): r is repo.UsageRow & { school_id: string } => r.school_id !== null)
        .map((r) => ({
          schoolId: r.school_id,
          name: byId.get(r.school_id)?.name ?? '',
          views: r.views,
          downloads: r.downloads,
        }))
        .sort((a, b) => b.views + b.downloads - (a.views + a.downloads) || a.name.localeCompare(b.name, 'vi')),
      otherReaders: { views: other.views, downloads: other.downloads },
    };
  }

  async overview(actor: Actor, q: OverviewQuery, now = new Date()): Promise<Overview> {
    const scope = await this.#scopes.of(actor);
    const directory = (await this.#scopes.schools()).filter((s) => this.#scopes.covers(scope, s.unitId));
    const f: repo.StatsFilter = {
      from: q.from ?? null,
      to: q.to ?? null,
      level: q.level ?? null,
      subject: q.subject ?? null,
      schools: scope.all ? null : directory.map((s) => s.unitId),
    };
    const db = this.#p.db;
    const [made, used, madeBySubject, ref] = await Promise.all([
      repo.contributionsBySchool(db, f),
      repo.usage(db, f),
      repo.contributionsBySubject(db, f),
      this.#ref.get(),
    ]);
    const rows = new Map<string, SchoolReportRow>();
    const rowOf = (s: SchoolProfile) => {
      let r = rows.get(s.unitId);
      if (!r) {
        r = {
          schoolId: s.unitId,
          code: s.code,
          name: s.name,
          communeName: s.communeName,
          active: s.active,
          contributed: emptyCounts(),
          contributedTotal: 0,
          published: 0,
          views: 0,
          downloads: 0,
          lastActivityAt: null,
          contributes: false,
          uses: false,
        };
        rows.set(s.unitId, r);
      }
      return r;
    };
    for (const s of directory) if (s.active && teaches(s, f.level)) rowOf(s);
    const byId = new Map(directory.map((s) => [s.unitId, s]));
    for (const m of made) {
      const s = byId.get(m.school_id);
      if (!s || (m.created === 0 && m.published === 0)) continue;
      const r = rowOf(s);
      r.contributed[m.status as keyof ContributionCounts] += m.created;
      r.contributedTotal += m.created;
      r.published += m.published;
    }
    let other: Usage | null = scope.all ? { ...NONE } : null;
    for (const u of used.bySchool) {
      const s = u.school_id === null ? undefined : byId.get(u.school_id);
      if (!s) {
        if (other) other = { views: other.views + u.views, downloads: other.downloads + u.downloads };
        continue;
      }
      const r = rowOf(s);
      r.views += u.views;
      r.downloads += u.downloads;
    }
    const list = [...rows.values()];
    const last = await repo.lastActivity(
      db,
      list.map((r) => r.schoolId),
    );
    for (const r of list) {
      r.lastActivityAt = last.get(r.schoolId)?.toISOString() ?? null;
      r.contributes = r.contributedTotal > 0 || r.published > 0;
      r.uses = r.views + r.downloads > 0;
    }
    list.sort(
      (a, b) =>
        Number(a.contributes || a.uses) - Number(b.contributes || b.uses) ||
        a.name.localeCompare(b.name, 'vi') ||
        a.code.localeCompare(b.code),
    );
    const subjectName = (code: string) => ref.subjects.find((s) => s.code === code)?.nameVi ?? code;
    const sum = (k: 'views' | 'downloads' | 'contributedTotal' | 'published') => list.reduce((n, r) => n + r[k], 0);
    return {
      from: f.from,
      to: f.to,
      level: q.level ?? null,
      subject: f.subject,
      scope: scope.units,
      totals: {
        schools: list.length,
        contributing: list.filter((r) => r.contributes).length,
        using: list.filter((r) => r.uses).length,
        neither: list.filter((r) => !r.contributes && !r.uses).length,
        contributed: sum('contributedTotal'),
        published: sum('published'),
        views: sum('views'),
        downloads: sum('downloads'),
      },
      otherReaders: other,
      schools: list,
      subjects: subjectRows(madeBySubject, used.bySubject)
        .map((s) => ({ ...s, name: subjectName(s.code) }))
        .sort(
          (a, b) => ref.subjects.findIndex((s) => s.code === a.code) - ref.subjects.findIndex((s) => s.code === b.code),
        ),
      generatedAt: now.toISOString(),
    };
  }

  /** The report as an .xlsx workbook; who exported which filter is audited. */
  async overviewWorkbook(actor: Actor, q: OverviewQuery): Promise<StatsWorkbook> {
    const report = await this.overview(actor, q);
    const file = await statsWorkbook(report);
    await this.#p.audit.record(this.#p.db, actor, {
      action: 'library.stats.export',
      entityType: 'library_report',
      after: {
        format: 'xlsx',
        filter: { from: report.from, to: report.to, level: report.level, subject: report.subject },
        scope: report.scope.map((u) => u.id),
        schools: report.schools.length,
      },
    });
    return file;
  }
}
