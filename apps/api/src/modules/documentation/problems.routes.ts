import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAddProblemRequest, ZIdParams, ZPatientProblem, ZPatientProblemParams, ZUpdateProblemRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { listProblems } from './list-problems.js';
import { addProblem } from './add-problem.js';
import { updateProblem } from './update-problem.js';

// The patient's problem list: diagnoses with onset, status and one primary. Caseload only.
export function problemsRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['problems'];

    app.get('/api/patients/:id/problems', {
      config: { permission: 'clinical.read' },
      schema: { tags, summary: "The patient's problem list, primary first, then active, in remission, resolved, ruled out (audited)", params: ZIdParams, response: { 200: z.array(ZPatientProblem) } },
    }, async (req) => listProblems(deps, req.actor!, req.params.id, req.ip));

    app.post('/api/patients/:id/problems', {
      config: { permission: 'clinical.write' },
      schema: { tags, summary: 'Add a current ICD-10-CM diagnosis to the problem list (making it primary takes the flag off the others)', params: ZIdParams, body: ZAddProblemRequest, response: { 201: ZPatientProblem } },
    }, async (req, reply) => reply.status(201).send(await addProblem(deps, req.actor!, req.params.id, req.body, req.ip)));

    app.patch('/api/patients/:id/problems/:problemId', {
      config: { permission: 'clinical.write' },
      schema: { tags, summary: "Change a problem's status, onset, primary flag or comment (optimistic concurrency on version)", params: ZPatientProblemParams, body: ZUpdateProblemRequest, response: { 200: ZPatientProblem } },
    }, async (req) => updateProblem(deps, req.actor!, req.params.id, req.params.problemId, req.body, req.ip));
  };
}
