import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DxAssessmentView,
  DxCampaign,
  DxCampaignInput,
  DxCampaignList,
  DxCampaignPatch,
  DxCriteriaSet,
  DxCriteriaSetList,
  DxEvaluationInput,
  DxEvidenceAdd,
  DxListQuery,
  DxMySchools,
  DxPublicYears,
  DxRanking,
  DxReopenInput,
  DxResultPage,
  DxReturnInput,
  DxSaveInput,
  DxVersionInput,
  EvidenceParams,
  SchoolParams,
  YearParams,
} from '../../../shared/dx-index.schema.ts';
import { AppError } from '../../platform/errors.ts';
import { dispositionHeader, sendStoredFile } from '../../platform/files/send-stored-file.ts';
import type { Platform } from '../../platform/platform.ts';
import { presentSet } from './dx.presenter.ts';
import * as repo from './dx.repository.ts';
import type { DxServices } from './dx-index.module.ts';
import { loadSet } from './dx-rules.ts';
import { XLSX_MIME } from './dx-xlsx.ts';

const SetParams = z.object({ code: z.string().min(1).max(40) });
const RankingQuery = z.object({ recognisedOnly: z.enum(['true', 'false']).default('false') });

/** The DX index's API (QĐ 4725/QĐ-BGDĐT; issue 6, item 5). */
export function dxRoutes(app: FastifyInstance, platform: Platform, s: DxServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dx-index'];
  const base = '/api/dx/campaigns/:year/schools/:schoolId/assessment';

  r.get(
    '/api/dx/criteria-sets',
    { schema: { tags, summary: 'Criteria sets (newest first)', response: { 200: DxCriteriaSetList } } },
    async () => ({ items: await repo.listSets(platform.db) }),
  );
  r.get(
    '/api/dx/criteria-sets/:code',
    {
      schema: {
        tags,
        summary: 'A criteria set (bộ chỉ số) with its groups and criteria',
        params: SetParams,
        response: { 200: DxCriteriaSet },
      },
    },
    async (req) => {
      const row = await repo.findSetByCode(platform.db, req.params.code);
      if (!row) throw new AppError('resource.not_found');
      return presentSet(loadSet(row));
    },
  );
  r.get(
    '/api/dx/campaigns',
    { schema: { tags, summary: 'Yearly campaigns', response: { 200: DxCampaignList } } },
    (req) => s.campaigns.list(req.actor),
  );
  r.post(
    '/api/dx/campaigns',
    { schema: { tags, summary: 'Open a year (the Sở)', body: DxCampaignInput, response: { 201: DxCampaign } } },
    async (req, reply) => reply.code(201).send(await s.campaigns.create(req.actor, req.body)),
  );
  r.patch(
    '/api/dx/campaigns/:year',
    {
      schema: {
        tags,
        summary: "Change a year's dates (the Sở)",
        params: YearParams,
        body: DxCampaignPatch,
        response: { 200: DxCampaign },
      },
    },
    (req) => s.campaigns.update(req.actor, req.params.year, req.body),
  );
  r.post(
    '/api/dx/campaigns/:year/publish',
    {
      schema: {
        tags,
        summary: "Publish the year's recognised results (the Sở)",
        params: YearParams,
        body: DxVersionInput,
        response: { 200: DxCampaign },
      },
    },
    (req) => s.campaigns.publish(req.actor, req.params.year, req.body.version),
  );
  r.get(
    '/api/dx/my-schools',
    { schema: { tags, summary: 'Schools the caller self-assesses for', response: { 200: DxMySchools } } },
    (req) => s.campaigns.mySchools(req.actor),
  );
  r.get(
    '/api/dx/campaigns/:year/queue',
    {
      schema: {
        tags,
        summary: "The evaluator's queue (submitted by default)",
        params: YearParams,
        querystring: DxListQuery,
        response: { 200: DxResultPage },
      },
    },
    (req) => s.campaigns.results(req.actor, req.params.year, req.query, 'queue'),
  );
  r.get(
    '/api/dx/campaigns/:year/results',
    {
      schema: {
        tags,
        summary: 'Results of the schools in scope, ranked in the province',
        params: YearParams,
        querystring: DxListQuery,
        response: { 200: DxResultPage },
      },
    },
    (req) => s.campaigns.results(req.actor, req.params.year, req.query, 'results'),
  );
  r.get(
    '/api/dx/campaigns/:year/results.xlsx',
    {
      schema: {
        tags,
        summary: 'Results of the schools in scope and the communes, as Excel; audited',
        params: YearParams,
      },
    },
    async (req, reply) => {
      const file = await s.campaigns.resultsWorkbook(req.actor, req.params.year);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', dispositionHeader('attachment', file.filename))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
  r.get(
    '/api/dx/campaigns/:year/ranking',
    {
      schema: {
        tags,
        summary: 'Communes ranked, levels distributed (scope)',
        params: YearParams,
        querystring: RankingQuery,
        response: { 200: DxRanking },
      },
    },
    (req) => s.campaigns.ranking(req.actor, req.params.year, req.query.recognisedOnly === 'true'),
  );

  r.get(
    base,
    { schema: { tags, summary: "A school's assessment", params: SchoolParams, response: { 200: DxAssessmentView } } },
    (req) => s.assessments.get(req.actor, req.params.year, req.params.schoolId),
  );
  r.put(
    base,
    {
      schema: {
        tags,
        summary: 'Save the self-assessment as a draft',
        params: SchoolParams,
        body: DxSaveInput,
        response: { 200: DxAssessmentView },
      },
    },
    (req) => s.assessments.save(req.actor, req.params.year, req.params.schoolId, req.body),
  );
  r.post(
    `${base}/submit`,
    {
      schema: {
        tags,
        summary: 'The principal approves and submits',
        params: SchoolParams,
        body: DxVersionInput,
        response: { 200: DxAssessmentView },
      },
    },
    (req) => s.assessments.submit(req.actor, req.params.year, req.params.schoolId, req.body.version),
  );
  r.post(
    `${base}/evidence`,
    {
      schema: {
        tags,
        summary: 'Attach an uploaded file (purpose dx) to a criterion',
        params: SchoolParams,
        body: DxEvidenceAdd,
        response: { 200: DxAssessmentView },
      },
    },
    (req) =>
      s.assessments.addEvidence(
        req.actor,
        req.params.year,
        req.params.schoolId,
        req.body.criterionCode,
        req.body.storedFileId,
      ),
  );
  r.delete(
    `${base}/evidence/:fileId`,
    {
      schema: { tags, summary: 'Remove an evidence file', params: EvidenceParams, response: { 200: DxAssessmentView } },
    },
    (req) => s.assessments.removeEvidence(req.actor, req.params.year, req.params.schoolId, req.params.fileId),
  );
  r.get(
    `${base}/evidence/:fileId`,
    { schema: { tags, summary: 'An evidence file', params: EvidenceParams } },
    async (req, reply) => {
      const f = await s.assessments.evidenceFile(req.actor, req.params.year, req.params.schoolId, req.params.fileId);
      return sendStoredFile(req, reply, platform.storage, f);
    },
  );
  r.put(
    `${base}/evaluation`,
    {
      schema: {
        tags,
        summary: "The evaluator's scores and comments",
        params: SchoolParams,
        body: DxEvaluationInput,
        response: { 200: DxAssessmentView },
      },
    },
    (req) => s.assessments.evaluate(req.actor, req.params.year, req.params.schoolId, req.body),
  );
  r.post(
    `${base}/return`,
    {
      schema: {
        tags,
        summary: 'Ask the school for more evidence',
        params: SchoolParams,
        body: DxReturnInput,
        response: { 200: DxAssessmentView },
      },
    },
    (req) => s.assessments.requestEvidence(req.actor, req.params.year, req.params.schoolId, req.body),
  );
  r.post(
    `${base}/recognise`,
    {
      schema: {
        tags,
        summary: 'Recognise (công nhận) the result',
        params: SchoolParams,
        body: DxVersionInput,
        response: { 200: DxAssessmentView },
      },
    },
    (req) => s.assessments.recognise(req.actor, req.params.year, req.params.schoolId, req.body.version),
  );
  r.post(
    `${base}/reopen`,
    {
      schema: {
        tags,
        summary: 'Let the school submit after the deadline',
        params: SchoolParams,
        body: DxReopenInput,
        response: { 200: DxAssessmentView },
      },
    },
    (req) => s.assessments.reopen(req.actor, req.params.year, req.params.schoolId, req.body.until, req.body.version),
  );

  // Public: only what the Sở has published.
  r.get(
    '/api/public/dx/years',
    { schema: { tags, summary: 'Published years (public)', response: { 200: DxPublicYears } } },
    () => s.campaigns.publicYears(),
  );
  r.get(
    '/api/public/dx/:year/results',
    {
      schema: {
        tags,
        summary: 'Published, recognised results (public)',
        params: YearParams,
        querystring: DxListQuery,
        response: { 200: DxResultPage },
      },
    },
    (req) => s.campaigns.publicResults(req.params.year, req.query),
  );
  r.get(
    '/api/public/dx/:year/ranking',
    {
      schema: { tags, summary: 'Published commune ranking (public)', params: YearParams, response: { 200: DxRanking } },
    },
    (req) => s.campaigns.publicRanking(req.params.year),
  );
}
