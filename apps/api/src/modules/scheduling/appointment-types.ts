import type { TAppointmentType } from '@hearth/contracts';
import { z } from 'zod';
import type { ZCreateAppointmentTypeRequest, ZUpdateAppointmentTypeRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { DomainError, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';

interface Row {
  id: string; code: string; name: string; duration_minutes: number; service_hint: TAppointmentType['serviceHint']; mode: TAppointmentType['mode'];
  color: string; is_group: boolean; active: boolean; sort: number; version: number;
}
const view = (r: Row): TAppointmentType => ({
  id: r.id, code: r.code, name: r.name, durationMinutes: r.duration_minutes, serviceHint: r.service_hint, mode: r.mode,
  color: r.color, isGroup: r.is_group, active: r.active, sort: r.sort, version: r.version,
});

export async function listAppointmentTypes(deps: Deps): Promise<TAppointmentType[]> {
  return (await deps.db.query<Row>('SELECT * FROM appointment_types ORDER BY sort, name')).rows.map(view);
}

export async function createAppointmentType(deps: Deps, actor: Actor, b: z.infer<typeof ZCreateAppointmentTypeRequest>, ip: string): Promise<TAppointmentType> {
  return deps.db.tx(async (q) => {
    const taken = await q.query('SELECT 1 FROM appointment_types WHERE code = $1', [b.code]);
    if (taken.rows.length) throw invalid('code', 'is already used by another appointment type');
    const id = newId();
    const r = await q.query<Row>(
      `INSERT INTO appointment_types(id, code, name, duration_minutes, service_hint, mode, color, is_group, active, sort)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`,
      [id, b.code, b.name, b.durationMinutes, b.serviceHint, b.mode, b.color, b.isGroup ?? b.serviceHint === 'group', b.active ?? true, b.sort ?? 500],
    );
    await appendAudit(q, { at: deps.clock.now(), actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), action: 'appointment_type.create', resourceType: 'AppointmentType', resourceId: id, clientIp: ip, outcome: 'success' });
    return view(r.rows[0]!);
  });
}

const COLS: Record<string, string> = { name: 'name', durationMinutes: 'duration_minutes', serviceHint: 'service_hint', mode: 'mode', color: 'color', isGroup: 'is_group', active: 'active', sort: 'sort' };

export async function updateAppointmentType(deps: Deps, actor: Actor, id: string, b: z.infer<typeof ZUpdateAppointmentTypeRequest>, ip: string): Promise<TAppointmentType> {
  return deps.db.tx(async (q) => {
    const cur = await q.query<Row>('SELECT * FROM appointment_types WHERE id = $1 FOR UPDATE', [id]);
    if (!cur.rows[0]) throw notFound('Appointment type');
    if (cur.rows[0].version !== b.version) throw new DomainError('conflict', 'Someone else changed this appointment type. Reload it and try again.');
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [k, col] of Object.entries(COLS)) {
      const v = (b as Record<string, unknown>)[k];
      if (v === undefined) continue;
      params.push(v);
      sets.push(`${col} = $${params.length}`);
    }
    const r = await q.query<Row>(`UPDATE appointment_types SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = $1 RETURNING *`, params);
    await appendAudit(q, { at: deps.clock.now(), actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), action: 'appointment_type.update', resourceType: 'AppointmentType', resourceId: id, clientIp: ip, outcome: 'success', detail: { fields: sets.map((s) => s.split(' ')[0]) } });
    return view(r.rows[0]!);
  });
}
