import type { TPatientAttendance } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { practiceToday } from '../patients/index.js';
import { attendanceStats, RECENT_DAYS } from './domain/attendance.js';
import { engagementScore } from './domain/engagement-score.js';
import { accessiblePatient, audit } from './engagement-audit.js';
import { fullHistory, remindedAppointments } from './engagement.repo.js';

/** A patient's attendance figures and engagement (dropout-risk) score, for the chart. Audited. */
export async function getPatientAttendance(deps: Deps, actor: Actor, patientId: string, ip: string): Promise<TPatientAttendance> {
  const { db, clock } = deps;
  const now = clock.now();
  const patient = await accessiblePatient(db, actor, ip, now, patientId, 'patient.attendance.read');
  // The audit row is written before anything leaves: if it cannot be written, the read fails.
  await audit(db, actor, ip, now, { action: 'patient.attendance.read', resourceType: 'Patient', resourceId: patientId, patientId });
  const today = await practiceToday(db, now);
  const history = await fullHistory(db, patientId);
  // A couple of days' margin: the domain cuts the 90 days on local dates exactly.
  const reminders = (await remindedAppointments(db, [patientId], new Date(now.getTime() - (RECENT_DAYS + 2) * 86_400_000))).get(patientId) ?? [];
  return {
    patientId,
    asOf: today,
    patientStatus: patient.status,
    stats: attendanceStats(history, today),
    engagement: engagementScore({ today, patientStatus: patient.status, history, reminders }),
  };
}
