import type { TClinicianHours, TReplaceHoursRequest } from '@hearth/contracts';
import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { primaryRole } from '../../../platform/auth/actor.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { weeklyHoursIssues, type WeeklyHours } from '../domain/availability.js';
import { hoursOf, lockSchedule, replaceHours as writeHours } from './availability.repo.js';
import { loadPlaces, requireActiveClinician, toWeeklyHoursView } from './availability-view.js';

/**
 * Replaces a clinician's whole weekly schedule. Anyone with scheduling.write may do it for any
 * clinician: the front desk keeps schedules for the clinicians. Audited with the entry count.
 */
export async function replaceHours(deps: Deps, actor: Actor, clinicianId: string, body: TReplaceHoursRequest, ip: string): Promise<TClinicianHours> {
  return deps.db.tx(async (q) => {
    const c = await requireActiveClinician(q, clinicianId);
    await lockSchedule(q, clinicianId);
    const places = await loadPlaces(q);
    const issues: { field: string; message: string }[] = [];
    body.hours.forEach((h, i) => {
      const loc = places.byId.get(h.locationId);
      if (!loc || !loc.active) issues.push({ field: `hours.${i}.locationId`, message: 'is not an active location' });
    });
    const entries: WeeklyHours[] = body.hours.map((h) => ({
      locationId: h.locationId, weekday: h.weekday, start: h.start, end: h.end, effectiveFrom: h.effectiveFrom ?? null, effectiveTo: h.effectiveTo ?? null,
    }));
    issues.push(...weeklyHoursIssues(entries, places.zoneOf));
    if (issues.length) throw new DomainError('validation', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);

    await writeHours(q, clinicianId, entries.map((e) => ({
      id: newId(), location_id: e.locationId, weekday: e.weekday, start_time: e.start, end_time: e.end, effective_from: e.effectiveFrom, effective_to: e.effectiveTo,
    })));
    await appendAudit(q, {
      at: deps.clock.now(), actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor),
      action: 'clinician_hours.replace', resourceType: 'ClinicianHours', resourceId: clinicianId, clientIp: ip, outcome: 'success',
      detail: { entries: entries.length, locations: [...new Set(entries.map((e) => e.locationId))].length },
    });
    const rows = await hoursOf(q, [clinicianId]);
    return { clinicianId, clinicianName: c.name, hours: rows.map((r) => toWeeklyHoursView(r, places)) };
  });
}
