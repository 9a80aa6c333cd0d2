import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../shared/common.schema.ts';
import {
  Indicator,
  IndicatorInput,
  IndicatorList,
  IndicatorPatch,
  KpiCodeParams,
  KpiDetail,
  KpiDetailQuery,
  KpiList,
  KpiQuery,
  ManualActualInput,
  TargetInput,
} from '../../../shared/kpis.schema.ts';
import type { KpiServices } from './kpis.module.ts';

const TargetParams = KpiCodeParams.extend({ year: z.coerce.number().int().min(2000).max(2100), unitId: Uuid });

/** The KPIs' API (issue 6, item 4). */
export function kpisRoutes(app: FastifyInstance, s: KpiServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['kpis'];

  r.get(
    '/api/kpis',
    {
      schema: {
        tags,
        summary: 'KPI cards of a unit and year: actual, target, status, trend',
        querystring: KpiQuery,
        response: { 200: KpiList },
      },
    },
    (req) => s.read.list(req.actor, req.query),
  );
  r.get(
    '/api/kpis/public',
    {
      schema: {
        tags,
        summary: 'Published KPIs of the province (no sign-in)',
        querystring: KpiQuery,
        response: { 200: KpiList },
      },
    },
    (req) => s.read.listPublic(req.query),
  );
  r.get(
    '/api/kpis/indicators',
    { schema: { tags, summary: 'Indicator definitions', response: { 200: IndicatorList } } },
    async (req) => ({ items: await s.read.indicators(req.actor) }),
  );
  r.post(
    '/api/kpis/indicators',
    {
      schema: {
        tags,
        summary: 'Define an indicator (kpis.manage)',
        body: IndicatorInput,
        response: { 201: Indicator },
      },
    },
    async (req, reply) => reply.code(201).send(await s.admin.create(req.actor, req.body)),
  );
  r.put(
    '/api/kpis/indicators/:code',
    {
      schema: {
        tags,
        summary: 'Change an indicator (kpis.manage; optimistic version)',
        params: KpiCodeParams,
        body: IndicatorPatch,
        response: { 200: Indicator },
      },
    },
    (req) => s.admin.update(req.actor, req.params.code, req.body),
  );
  r.get(
    '/api/kpis/:code',
    {
      schema: {
        tags,
        summary: 'One indicator for a unit: trend, targets, drill-down by child unit',
        params: KpiCodeParams,
        querystring: KpiDetailQuery,
        response: { 200: KpiDetail },
      },
    },
    (req) => s.read.detail(req.actor, req.params.code, req.query),
  );
  r.put(
    '/api/kpis/:code/targets',
    {
      schema: {
        tags,
        summary: 'Set the target of a year and unit (kpis.manage)',
        params: KpiCodeParams,
        body: TargetInput,
      },
    },
    async (req, reply) => {
      await s.admin.setTarget(req.actor, req.params.code, req.body);
      return reply.code(204).send();
    },
  );
  r.delete(
    '/api/kpis/:code/targets/:year/:unitId',
    { schema: { tags, summary: 'Remove a target (the parent unit’s applies again)', params: TargetParams } },
    async (req, reply) => {
      await s.admin.deleteTarget(req.actor, req.params.code, req.params.year, req.params.unitId);
      return reply.code(204).send();
    },
  );
  r.put(
    '/api/kpis/:code/actuals',
    {
      schema: {
        tags,
        summary: 'Enter the actual of a manual indicator for a year and unit, with its source',
        params: KpiCodeParams,
        body: ManualActualInput,
      },
    },
    async (req, reply) => {
      await s.admin.enterActual(req.actor, req.params.code, req.body);
      return reply.code(204).send();
    },
  );
}
