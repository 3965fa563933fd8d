import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZIdParams, ZLocation, ZLocationInput, ZPayer, ZPayerInput, ZPractice, ZRoom, ZRoomInput, ZUpdatePracticeRequest,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { auditFor } from '../../platform/http/request-audit.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { getPracticeRow, listLocations, toPractice, updatePracticeRow } from './practice.repo.js';

export function practiceRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['practice'];
    const { db } = deps;

    app.get('/api/public/practice', { config: { public: true }, schema: { tags, summary: 'Practice name for sign-in pages', response: { 200: z.object({ name: z.string() }) } } },
      async () => ({ name: (await getPracticeRow(db))?.name ?? 'Hearth' }));

    app.get('/api/practice', { config: { permission: 'authenticated' }, schema: { tags, summary: 'Practice settings', response: { 200: ZPractice } } },
      async () => toPractice((await getPracticeRow(db))!));

    app.patch('/api/practice', { config: { permission: 'practice.manage' }, schema: { tags, summary: 'Change practice settings', body: ZUpdatePracticeRequest, response: { 200: ZPractice } } },
      async (req) => {
        const p = (await getPracticeRow(db))!;
        await db.tx(async (q) => {
          await updatePracticeRow(q, p.id, req.body);
          await auditFor(req, deps.clock.now())(q, { action: 'practice.update', resourceType: 'Organization', resourceId: p.id, outcome: 'success', detail: { fields: Object.keys(req.body).sort() } });
        });
        return toPractice((await getPracticeRow(db))!);
      });

    app.get('/api/locations', { config: { permission: 'authenticated' }, schema: { tags, summary: 'Locations with their rooms', response: { 200: z.array(ZLocation) } } },
      async () => listLocations(db));

    app.post('/api/locations', { config: { permission: 'practice.manage' }, schema: { tags, summary: 'Add a location', body: ZLocationInput, response: { 201: ZLocation } } },
      async (req, reply) => {
        const id = newId();
        const b = req.body;
        await db.tx(async (q) => {
          await q.query('INSERT INTO locations(id, name, address, phone, time_zone, place_of_service, active) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
            id, b.name, JSON.stringify(b.address ?? {}), b.phone ?? null, b.timeZone, b.placeOfService ?? '11', b.active ?? true,
          ]);
          await auditFor(req, deps.clock.now())(q, { action: 'location.create', resourceType: 'Location', resourceId: id, outcome: 'success' });
        });
        return reply.status(201).send((await listLocations(db)).find((l) => l.id === id)!);
      });

    app.patch('/api/locations/:id', { config: { permission: 'practice.manage' }, schema: { tags, summary: 'Change a location', params: ZIdParams, body: ZLocationInput.partial(), response: { 200: ZLocation } } },
      async (req) => {
        const b = req.body;
        await db.tx(async (q) => {
          const r = await q.query(
            `UPDATE locations SET name = COALESCE($2, name), address = COALESCE($3::jsonb, address), phone = COALESCE($4, phone),
               time_zone = COALESCE($5, time_zone), place_of_service = COALESCE($6, place_of_service), active = COALESCE($7, active) WHERE id = $1`,
            [req.params.id, b.name ?? null, b.address ? JSON.stringify(b.address) : null, b.phone ?? null, b.timeZone ?? null, b.placeOfService ?? null, b.active ?? null],
          );
          if (!r.rowCount) throw notFound('Location');
          await auditFor(req, deps.clock.now())(q, { action: 'location.update', resourceType: 'Location', resourceId: req.params.id, outcome: 'success', detail: { fields: Object.keys(b).sort() } });
        });
        return (await listLocations(db)).find((l) => l.id === req.params.id)!;
      });

    app.post('/api/locations/:id/rooms', { config: { permission: 'practice.manage' }, schema: { tags, summary: 'Add a room', params: ZIdParams, body: ZRoomInput, response: { 201: ZRoom } } },
      async (req, reply) => {
        const id = newId();
        await db.tx(async (q) => {
          const l = await q.query('SELECT 1 FROM locations WHERE id = $1', [req.params.id]);
          if (!l.rows.length) throw notFound('Location');
          await q.query('INSERT INTO rooms(id, location_id, name, capacity, active) VALUES ($1,$2,$3,$4,$5)', [id, req.params.id, req.body.name, req.body.capacity ?? 1, req.body.active ?? true]);
          await auditFor(req, deps.clock.now())(q, { action: 'room.create', resourceType: 'Location', resourceId: id, outcome: 'success' });
        });
        return reply.status(201).send({ id, locationId: req.params.id, name: req.body.name, capacity: req.body.capacity ?? 1, active: req.body.active ?? true });
      });

    app.patch('/api/rooms/:id', { config: { permission: 'practice.manage' }, schema: { tags, summary: 'Change a room', params: ZIdParams, body: ZRoomInput.partial(), response: { 200: ZRoom } } },
      async (req) => {
        const r = await db.tx(async (q) => {
          const u = await q.query<{ id: string; location_id: string; name: string; capacity: number; active: boolean }>(
            'UPDATE rooms SET name = COALESCE($2, name), capacity = COALESCE($3, capacity), active = COALESCE($4, active) WHERE id = $1 RETURNING *',
            [req.params.id, req.body.name ?? null, req.body.capacity ?? null, req.body.active ?? null],
          );
          if (!u.rows[0]) throw notFound('Room');
          await auditFor(req, deps.clock.now())(q, { action: 'room.update', resourceType: 'Location', resourceId: req.params.id, outcome: 'success' });
          return u.rows[0];
        });
        return { id: r.id, locationId: r.location_id, name: r.name, capacity: r.capacity, active: r.active };
      });

    app.get('/api/payers', { config: { permission: 'authenticated' }, schema: { tags, summary: 'Insurance payers', response: { 200: z.array(ZPayer) } } },
      async () =>
        (await db.query<{ id: string; name: string; payer_code: string; kind: z.infer<typeof ZPayer>['kind']; active: boolean }>('SELECT * FROM payers ORDER BY name')).rows.map(
          (p) => ({ id: p.id, name: p.name, payerCode: p.payer_code, kind: p.kind, active: p.active }),
        ));

    app.post('/api/payers', { config: { permission: 'practice.manage' }, schema: { tags, summary: 'Add a payer', body: ZPayerInput, response: { 201: ZPayer } } },
      async (req, reply) => {
        const id = newId();
        await db.tx(async (q) => {
          await q.query('INSERT INTO payers(id, name, payer_code, kind, active) VALUES ($1,$2,$3,$4,$5)', [id, req.body.name, req.body.payerCode, req.body.kind, req.body.active ?? true]);
          await auditFor(req, deps.clock.now())(q, { action: 'payer.create', resourceType: 'Organization', resourceId: id, outcome: 'success' });
        });
        return reply.status(201).send({ id, name: req.body.name, payerCode: req.body.payerCode, kind: req.body.kind, active: req.body.active ?? true });
      });
  };
}
