import { sql } from 'kysely';
import { type DxChoice, dxScore } from '../../../shared/dx-index.schema.ts';
import { todayInVietnam } from '../../modules/archive/archive-access.ts';
import { QD_4725_2022 } from '../../modules/dx-index/criteria/qd-4725-2022.ts';
import { DX_LEVELS } from '../../modules/dx-index/dx.repository.ts';
import { dt } from '../../modules/dx-index/dx.tables.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Platform } from '../../platform/platform.ts';
import { createRandom, type Random } from '../data/prng.ts';

/**
 * Demo data of the DX index (QĐ 4725/QĐ-BGDĐT). SYNTHETIC: every score, evidence text and
 * date is invented. The 2025 campaign is published with recognised results for about three
 * quarters of the schools (a level per commune drawn around a commune mean, so that rankings
 * differ); the 2026 campaign is open (dates relative to the day the demo is loaded) with a few
 * drafts and submissions waiting for the communes and the Sở. The demo principal of Trường Tiểu
 * học số 1 Tịnh Khê finds a half-filled draft. Idempotent: nothing when a campaign exists.
 */
export async function loadDemoDxIndex(p: Platform): Promise<void> {
  const exists = await dt(p.db).selectFrom('dx_campaigns').select('id').limit(1).executeTakeFirst();
  if (exists) return;
  const set = await dt(p.db)
    .selectFrom('dx_criteria_sets')
    .select('id')
    .where('code', '=', QD_4725_2022.code)
    .executeTakeFirst();
  if (!set) return;
  const actor = systemActor('demo');
  const schools = await sql<{ id: string; code: string; commune: string; thpt: boolean }>`
    SELECT u.id, u.code, c.code AS commune, s.levels && ARRAY['thpt', 'gdtx']::text[] AS thpt
    FROM schools s JOIN org_units u ON u.id = s.unit_id JOIN org_units c ON c.id = s.commune_id
    WHERE u.valid_to IS NULL AND s.levels && ${sql.val(DX_LEVELS)}::text[]
    ORDER BY u.code
  `.execute(p.db);
  const today = todayInVietnam();
  await p.db.transaction().execute(async (trx) => {
    const c2025 = await insertCampaign(
      trx,
      2025,
      set.id,
      ['2025-04-01', '2025-05-31', '2025-06-20'],
      '2025-06-19T09:00:00+07:00',
    );
    const c2026 = await insertCampaign(
      trx,
      2026,
      set.id,
      [addDays(today, -14), addDays(today, 21), addDays(today, 40)],
      null,
    );
    for (const [id, year] of [
      [c2025, 2025],
      [c2026, 2026],
    ] as const)
      await p.audit.record(trx, actor, {
        action: 'dx.campaign.create',
        entityType: 'dx_campaign',
        entityId: id,
        after: { year, demo: true },
      });
    await p.audit.record(trx, actor, {
      action: 'dx.campaign.publish',
      entityType: 'dx_campaign',
      entityId: c2025,
      after: { year: 2025, demo: true },
    });

    // 2025: about 75% of the schools recognised, scores around a per-commune mean.
    const rnd = createRandom(4725);
    const communeMean = new Map<string, number>();
    for (const s of schools.rows) {
      if (!communeMean.has(s.commune)) communeMean.set(s.commune, 45 + rnd() * 35);
      if (rnd() > 0.75) continue;
      const mean = communeMean.get(s.commune)!;
      const teaching = clamp(mean + (rnd() - 0.5) * 30);
      const governance = clamp(mean + 5 + (rnd() - 0.5) * 30);
      const met = rnd() > 0.06;
      const day = `2025-05-${String(10 + Math.floor(rnd() * 21)).padStart(2, '0')}`;
      await insertAssessment(trx, c2025, s.id, answersFor(teaching, governance, met, rnd), {
        state: 'recognised',
        submittedAt: `${day}T10:00:00+07:00`,
        recognisedAt: `2025-06-${String(5 + Math.floor(rnd() * 12)).padStart(2, '0')}T15:00:00+07:00`,
      });
    }

    // 2026: a half-filled draft for the demo principal, drafts and submissions elsewhere.
    const byCode = new Map(schools.rows.map((s) => [s.code, s]));
    const draft = byCode.get('51000578'); // Trường Tiểu học số 1 Tịnh Khê
    if (draft) {
      const half = answersFor(62, 58, true, rnd).filter((_, i) => i % 2 === 0);
      await insertAssessment(trx, c2026, draft.id, half, { state: 'draft' });
    }
    const r26 = createRandom(2026);
    const submitted = schools.rows.filter(
      (s) => s.code !== '51000578' && ['QNG.X001', 'QNG.X052', 'QNG.P007'].includes(s.commune),
    );
    const thpt = byCode.get('51000138'); // Trường THPT Trần Quốc Tuấn: for the Sở's queue
    if (thpt) submitted.unshift(thpt);
    for (const [i, s] of submitted.slice(0, 9).entries()) {
      const answers = answersFor(clamp(50 + r26() * 40), clamp(48 + r26() * 40), true, r26);
      if (i % 3 === 2) await insertAssessment(trx, c2026, s.id, answers.slice(0, 12), { state: 'draft' });
      else
        await insertAssessment(trx, c2026, s.id, answers, {
          state: 'submitted',
          submittedAt: `${addDays(today, -(i + 1))}T09:30:00+07:00`,
        });
    }
  });
}

const clamp = (x: number) => Math.max(20, Math.min(98, Math.round(x)));

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function insertCampaign(
  trx: Executor,
  year: number,
  setId: string,
  [opensOn, submitBy, evaluateBy]: string[],
  publishedAt: string | null,
): Promise<string> {
  const r = await dt(trx)
    .insertInto('dx_campaigns')
    .values({
      year,
      criteria_set_id: setId,
      opens_on: opensOn!,
      submit_by: submitBy!,
      evaluate_by: evaluateBy!,
      published_at: publishedAt,
      published_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

type Answer = { code: string; option: string | null; points: number | null; text: string };

/** Answers reaching the group totals: options greedily from the largest, the rest as points. */
function answersFor(teaching: number, governance: number, met: boolean, rnd: Random): Answer[] {
  const out: Answer[] = [];
  for (const [g, target, pointsCode] of [
    ['teaching', teaching, 'DH4'],
    ['governance', governance, 'QT10'],
  ] as const) {
    const group = QD_4725_2022.definition.groups.find((x) => x.code === g)!;
    const pc = group.criteria.find((c) => c.code === pointsCode)!;
    let left = target;
    for (const c of [...group.criteria].sort(() => rnd() - 0.5)) {
      if (c.kind === 'mandatory') {
        // An unmet condition falls on the first one of the group, for a plausible story.
        const unmet = !met && (c.code === 'DH2' || c.code === 'QT1');
        out.push({
          code: c.code,
          option: unmet ? 'not_met' : 'met',
          points: null,
          text: 'Văn bản ban hành (dữ liệu mẫu)',
        });
      } else if (c.kind === 'options') {
        const o = [...c.options].sort((a, b) => b.points - a.points).find((x) => x.points <= left)!;
        left -= o.points;
        out.push({ code: c.code, option: o.code, points: null, text: 'Báo cáo thống kê của nhà trường (dữ liệu mẫu)' });
      }
    }
    out.push({
      code: pointsCode,
      option: null,
      points: Math.min(pc.maxPoints, Math.max(0, left)),
      text: 'Minh chứng (dữ liệu mẫu)',
    });
  }
  return out;
}

async function insertAssessment(
  trx: Executor,
  campaignId: string,
  schoolId: string,
  answers: Answer[],
  s: { state: 'draft' | 'submitted' | 'recognised'; submittedAt?: string; recognisedAt?: string },
) {
  const choices = new Map<string, DxChoice>(answers.map((a) => [a.code, { option: a.option, points: a.points }]));
  const score = dxScore(QD_4725_2022, choices);
  const r = await dt(trx)
    .insertInto('dx_assessments')
    .values({
      campaign_id: campaignId,
      school_id: schoolId,
      state: s.state,
      reopened_until: null,
      self_teaching: score.teaching.total,
      self_governance: score.governance.total,
      final_teaching: score.teaching.total,
      final_governance: score.governance.total,
      level_teaching: score.teaching.level,
      level_governance: score.governance.level,
      answered: answers.length,
      return_reason: null,
      submitted_at: s.submittedAt ?? null,
      submitted_by: null,
      evaluated_at: s.recognisedAt ?? null,
      evaluated_by: null,
      recognised_at: s.recognisedAt ?? null,
      recognised_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await dt(trx)
    .insertInto('dx_answers')
    .values(
      answers.map((a) => ({
        assessment_id: r.id,
        criterion_code: a.code,
        self_option: a.option,
        self_points: a.points,
        evidence_text: a.text,
        eval_option: null,
        eval_points: null,
        eval_comment: null,
        evidence_request: null,
      })),
    )
    .execute();
}
