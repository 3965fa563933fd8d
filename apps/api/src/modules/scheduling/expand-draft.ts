import type { TConflict } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import { DomainError, invalid } from '../../platform/errors.js';
import {
  addDays, assertTimeZone, daysBetween, describeRule, expandLocal, formatRule, lastOccurrenceDate, localToInstant, parseLocal, parseRule,
  type LocalDateTime, type ParsedRule,
} from './domain/recurrence.js';
import { findConflicts } from './conflicts.js';
import type { PracticePolicyRow } from './scheduling.repo.js';

/** What to book, after defaults: one appointment, or a series when `recurrence` is set. */
export interface BookingDraft {
  patientId: string | null;
  groupId: string | null;
  clinicianId: string;
  locationId: string;
  roomId: string | null;
  appointmentTypeId: string;
  telehealth: boolean;
  timeZone: string;
  start: LocalDateTime;
  durationMinutes: number;
  recurrence: string | null;
  skip: LocalDateTime[];
  moves: { occurrence: LocalDateTime; start: LocalDateTime }[];
}

export interface PlannedOccurrence {
  occurrence: LocalDateTime;
  start: LocalDateTime;
  startsAt: Date;
  endsAt: Date;
  conflicts: TConflict[];
}

export interface ExpandedDraft {
  rule: ParsedRule | null;
  ruleText: string | null;
  description: string | null;
  openEnded: boolean;
  throughDate: string;
  occurrences: PlannedOccurrence[];
}

/**
 * Expands a draft into its occurrences and checks each one for conflicts, without writing. Enforces the
 * practice's limits: a bounded series may not run longer than max_series_days, and an open-ended one
 * is created over the rolling horizon and extended later.
 */
export async function expandDraft(q: Queryable, policy: PracticePolicyRow, d: BookingDraft, excludeIds: string[] = []): Promise<ExpandedDraft> {
  assertTimeZone(d.timeZone);
  const start = parseLocal(d.start, 'start');
  const startDate = start.toPlainDate().toString();
  let rule: ParsedRule | null = null;
  let locals: LocalDateTime[];
  let openEnded = false;
  let throughDate = startDate;
  if (d.recurrence) {
    rule = parseRule(d.recurrence);
    if (rule.untilDate && rule.untilDate < startDate) throw invalid('recurrence', 'ends (UNTIL) before the first appointment');
    const last = lastOccurrenceDate(rule, d.start);
    if (last === null) {
      openEnded = true;
      throughDate = addDays(startDate, policy.series_horizon_days);
    } else {
      if (daysBetween(startDate, last) > policy.max_series_days) {
        throw invalid('recurrence', `runs longer than the practice's limit of ${policy.max_series_days} days; shorten it or leave it open-ended`);
      }
      throughDate = last;
    }
    locals = expandLocal(rule, d.start, startDate, throughDate);
    if (!locals.length) throw invalid('recurrence', 'produces no appointments');
  } else {
    if (d.skip.length || d.moves.length) throw invalid(d.skip.length ? 'skip' : 'moves', 'applies only to a recurring booking');
    locals = [start.toString({ smallestUnit: 'minute' })];
  }
  const known = new Set(locals);
  d.skip.forEach((s, i) => {
    if (!known.has(s)) throw invalid(`skip.${i}`, 'is not one of the series\u2019 occurrences');
  });
  const moved = new Map<string, string>();
  d.moves.forEach((m, i) => {
    if (!known.has(m.occurrence)) throw invalid(`moves.${i}.occurrence`, 'is not one of the series\u2019 occurrences');
    parseLocal(m.start, `moves.${i}.start`);
    moved.set(m.occurrence, m.start);
  });
  const skipped = new Set(d.skip);
  const planned = locals
    .filter((o) => !skipped.has(o))
    .map((occurrence) => {
      const startLocal = moved.get(occurrence) ?? occurrence;
      const startsAt = localToInstant(startLocal, d.timeZone);
      return { occurrence, start: startLocal, startsAt, endsAt: new Date(startsAt.getTime() + d.durationMinutes * 60_000), conflicts: [] as TConflict[] };
    });
  if (!planned.length) throw invalid('skip', 'leaves no appointments to book');
  const conflicts = await findConflicts(q, { clinicianId: d.clinicianId, locationId: d.locationId, roomId: d.roomId, patientId: d.patientId, excludeIds }, planned);
  planned.forEach((p, i) => (p.conflicts = conflicts[i]!));
  // Two occurrences of the same booking may collide with each other after a move.
  const sorted = [...planned].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.startsAt < sorted[i - 1]!.endsAt) {
      sorted[i]!.conflicts.push({ kind: 'clinician', blocking: true, message: 'Overlaps another appointment of this booking', appointmentId: null });
    }
  }
  return {
    rule,
    ruleText: rule ? formatRule(rule) : null,
    description: rule ? describeRule(rule, d.start) : null,
    openEnded,
    throughDate,
    occurrences: planned,
  };
}

/** The 409 for a booking with blocking conflicts: every conflicting date, so the person can skip or move it. */
export function conflictError(occurrences: PlannedOccurrence[], message?: string): DomainError {
  const conflicting = occurrences.filter((o) => o.conflicts.some((c) => c.blocking));
  return new DomainError(
    'conflict',
    message ?? `${conflicting.length} of the ${occurrences.length} appointments conflict with existing bookings or time off. Skip or move them and try again.`,
    [],
    { conflicts: conflicting.map((o) => ({ occurrence: o.occurrence, start: o.start, conflicts: o.conflicts.filter((c) => c.blocking) })) },
  );
}
