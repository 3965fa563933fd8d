import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreateGroupRequest, ZDischargeMemberRequest, ZEndGroupRequest, ZEnrolMemberRequest, ZGroup, ZGroupAttendanceSheet, ZGroupAttendanceUpdate,
  ZGroupListQuery, ZGroupMember, ZGroupSummary, ZIdParams, ZUpdateGroupRequest,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { createGroup } from './create-group.js';
import { getGroup, listGroups } from './get-group.js';
import { updateGroup } from './update-group.js';
import { endGroup } from './end-group.js';
import { enrolMember } from './enrol-member.js';
import { dischargeMember } from './discharge-member.js';
import { getAttendance } from './get-attendance.js';
import { recordAttendance } from './record-attendance.js';

export function groupRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['groups'];

    app.get('/api/groups', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'List group programs with their schedule, facilitators and how many members they have today', querystring: ZGroupListQuery, response: { 200: z.array(ZGroupSummary) } },
    }, async (req) => listGroups(deps, req.query));

    app.post('/api/groups', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Create a group program and book its recurring sessions (all or none; 409 lists conflicting dates)', body: ZCreateGroupRequest, response: { 201: ZGroup } },
    }, async (req, reply) => reply.status(201).send(await createGroup(deps, req.actor!, req.body, req.ip)));

    app.get('/api/groups/:id', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'A group with its roster (names only for those who may see them; audited) and recent and coming sessions', params: ZIdParams, response: { 200: ZGroup } },
    }, async (req) => getGroup(deps, req.actor!, req.params.id, req.ip));

    app.patch('/api/groups/:id', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Edit a group; a new room or lead takes over the sessions not yet started', params: ZIdParams, body: ZUpdateGroupRequest, response: { 200: ZGroup } },
    }, async (req) => updateGroup(deps, req.actor!, req.params.id, req.body, req.ip));

    app.post('/api/groups/:id/end', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'End a group: later sessions come off the calendar and remaining members are discharged', params: ZIdParams, body: ZEndGroupRequest, response: { 200: ZGroup } },
    }, async (req) => endGroup(deps, req.actor!, req.params.id, req.body, req.ip));

    app.post('/api/groups/:id/members', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Enrol a patient from a date (also into a running group); capacity is enforced', params: ZIdParams, body: ZEnrolMemberRequest, response: { 201: ZGroupMember } },
    }, async (req, reply) => reply.status(201).send(await enrolMember(deps, req.actor!, req.params.id, req.body, req.ip)));

    app.post('/api/group-members/:id/discharge', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Discharge a member from a group after their last day', params: ZIdParams, body: ZDischargeMemberRequest, response: { 200: ZGroupMember } },
    }, async (req) => dischargeMember(deps, req.actor!, req.params.id, req.body, req.ip));

    app.get('/api/appointments/:id/group-attendance', {
      config: { permission: 'scheduling.read' },
      schema: { tags, summary: 'The attendance sheet of a group session: each member on the roster that day and their status', params: ZIdParams, response: { 200: ZGroupAttendanceSheet } },
    }, async (req) => getAttendance(deps, req.actor!, req.params.id, req.ip));

    app.put('/api/appointments/:id/group-attendance', {
      config: { permission: 'scheduling.write' },
      schema: { tags, summary: 'Record members\u2019 attendance at a group session (per member; fees as for individual appointments)', params: ZIdParams, body: ZGroupAttendanceUpdate, response: { 200: ZGroupAttendanceSheet } },
    }, async (req) => recordAttendance(deps, req.actor!, req.params.id, req.body, req.ip));
  };
}
