import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIcd10Code, ZIcd10CodeParams, ZIcd10SearchQuery } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { getIcd10Code, searchIcd10 } from './search-icd10.js';

// ICD-10-CM codes for the diagnosis picker and the problem list (clinical writers only).
export function diagnosesRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['diagnoses'];

    app.get('/api/icd10/codes', {
      config: { permission: 'clinical.read' },
      schema: {
        tags,
        summary: 'Search ICD-10-CM codes by code prefix ("F43", "f43.1"), words of the title or common clinical names ("PTSD"), typos forgiven; only codes valid on `on` (default today)',
        querystring: ZIcd10SearchQuery,
        response: { 200: z.array(ZIcd10Code) },
      },
    }, async (req) => searchIcd10(deps, req.query));

    app.get('/api/icd10/codes/:code', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: 'One ICD-10-CM code, current or retired, with its effective dates', params: ZIcd10CodeParams, response: { 200: ZIcd10Code } },
    }, async (req) => getIcd10Code(deps, req.params.code));
  };
}
