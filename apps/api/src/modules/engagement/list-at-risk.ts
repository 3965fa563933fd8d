import type { TAtRiskPatient, TAtRiskQuery } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { caseloadFilter } from '../patients/access.js';
import { practiceToday } from '../patients/index.js';
import { nextAppointment, RECENT_DAYS } from './domain/attendance.js';
import { daysBetween } from './domain/dates.js';
import { engagementScore, SCORE_WINDOW_DAYS, type RiskLevel } from './domain/engagement-score.js';
import { audit } from './engagement-audit.js';
import { activePatients, lastAttendedDates, lastOutreach, recentHistory, remindedAppointments } from './engagement.repo.js';
import { toOutreach } from './outreach-view.js';

const DAY_MS = 86_400_000;
const RANK: Record<RiskLevel, number> = { low: 0, moderate: 1, high: 2 };

/**
 * Active patients at moderate or high dropout risk, most at risk first, limited to the actor's
 * caseload unless they may see every patient. One audit row names the patients listed on the page.
 */
export async function listAtRisk(deps: Deps, actor: Actor, query: TAtRiskQuery, ip: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const today = await practiceToday(db, now);
  const minLevel: RiskLevel = query.level ?? 'moderate';
  const candidates = await activePatients(db, (n) => caseloadFilter(actor, n), query.clinicianId);
  const ids = candidates.map((c) => c.id);
  // Instants a little wider than the windows: the domain cuts them on local dates exactly.
  const histories = await recentHistory(db, ids, new Date(now.getTime() - (SCORE_WINDOW_DAYS + 2) * DAY_MS), now);
  const reminders = await remindedAppointments(db, ids, new Date(now.getTime() - (RECENT_DAYS + 2) * DAY_MS));
  const lastAttended = await lastAttendedDates(db, ids);

  const scored = candidates
    .map((c) => {
      const history = histories.get(c.id) ?? [];
      const engagement = engagementScore({ today, patientStatus: 'active', history, reminders: reminders.get(c.id) ?? [] });
      const last = lastAttended.get(c.id) ?? null;
      return {
        c,
        engagement,
        last,
        daysSince: last ? Math.max(0, daysBetween(last, today)) : null,
        next: nextAppointment(history, today),
      };
    })
    .filter((s) => RANK[s.engagement.level] >= RANK[minLevel])
    // Most at risk first; among equals, the longest without a visit (never attended counts as longest).
    .sort((a, b) => b.engagement.score - a.engagement.score || (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || a.c.name.localeCompare(b.c.name) || a.c.id.localeCompare(b.c.id));

  const page = scored.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const outreach = await lastOutreach(db, page.map((s) => s.c.id));
  await audit(db, actor, ip, now, {
    action: 'engagement.at_risk.list', resourceType: 'Patient',
    detail: { count: scored.length, level: minLevel, clinicianId: query.clinicianId ?? null, patientIds: page.map((s) => s.c.id) },
  });
  const items: TAtRiskPatient[] = page.map((s) => {
    const o = outreach.get(s.c.id);
    return {
      patient: { id: s.c.id, name: s.c.name, mrn: s.c.mrn },
      score: s.engagement.score,
      level: s.engagement.level,
      reasons: s.engagement.reasons,
      lastAttendedDate: s.last,
      daysSinceLastAttended: s.daysSince,
      nextAppointment: s.next,
      lastOutreach: o ? toOutreach(o) : null,
    };
  });
  return { items, page: query.page, pageSize: query.pageSize, total: scored.length };
}
