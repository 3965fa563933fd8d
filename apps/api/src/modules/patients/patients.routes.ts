import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCreatePatientRequest, ZIdParams, ZPage, ZPatient, ZPatientListQuery, ZPatientSearchRequest, ZPatientSummary, ZUpdatePatientRequest,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { createPatient } from './create-patient.js';
import { getPatient } from './get-patient.js';
import { updatePatient } from './update-patient.js';
import { searchPatients } from './search-patients.js';

export function patientRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['patients'];
    app.get('/api/patients', {
      config: { permission: 'patients.read' },
      schema: { tags, summary: 'List patients (optionally by status), alphabetically', querystring: ZPatientListQuery, response: { 200: ZPage(ZPatientSummary) } },
    }, async (req) => searchPatients(deps, req.actor!, req.query, req.ip));

    app.post('/api/patients/search', {
      config: { permission: 'patients.read' },
      schema: { tags, summary: 'Search patients by name (partial, legal or preferred), date of birth, phone or MRN', body: ZPatientSearchRequest, response: { 200: ZPage(ZPatientSummary) } },
    }, async (req) => searchPatients(deps, req.actor!, req.body, req.ip));

    app.post('/api/patients', {
      config: { permission: 'patients.write' },
      schema: { tags, summary: 'Register a patient', body: ZCreatePatientRequest, response: { 201: ZPatient } },
    }, async (req, reply) => reply.status(201).send(await createPatient(deps, req.actor!, req.body, req.ip)));

    app.get('/api/patients/:id', {
      config: { permission: 'patients.read' },
      schema: { tags, summary: 'Open a patient chart (audited)', params: ZIdParams, response: { 200: ZPatient } },
    }, async (req) => getPatient(deps, req.actor!, req.params.id, req.ip));

    app.patch('/api/patients/:id', {
      config: { permission: 'patients.write' },
      schema: { tags, summary: 'Edit demographics, contacts, coverage or care team', params: ZIdParams, body: ZUpdatePatientRequest, response: { 200: ZPatient } },
    }, async (req) => updatePatient(deps, req.actor!, req.params.id, req.body, req.ip));
  };
}
