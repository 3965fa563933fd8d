import type { TSchedulingSettings } from '@hearth/contracts';
import type { z } from 'zod';
import type { ZUpdateSchedulingSettingsRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { DomainError, invalid } from '../../platform/errors.js';
import { loadPolicy } from './scheduling.repo.js';

async function read(q: Queryable): Promise<TSchedulingSettings> {
  const p = await loadPolicy(q);
  const fees = await q.query<{ payer_id: string; no_show_fee_cents: number | null; late_cancel_fee_cents: number | null; exempt: boolean }>(
    'SELECT f.* FROM payer_attendance_fees f JOIN payers p ON p.id = f.payer_id ORDER BY p.name',
  );
  return {
    lateCancelWindowHours: p.late_cancel_window_hours, maxSeriesDays: p.max_series_days, seriesHorizonDays: p.series_horizon_days,
    noShowFeeCents: p.no_show_fee_cents, lateCancelFeeCents: p.late_cancel_fee_cents, medicaidFeeExempt: p.medicaid_fee_exempt,
    payerFees: fees.rows.map((f) => ({ payerId: f.payer_id, noShowFeeCents: f.no_show_fee_cents, lateCancelFeeCents: f.late_cancel_fee_cents, exempt: f.exempt })),
  };
}

export const getSchedulingSettings = (deps: Deps) => read(deps.db);

const COLS: Record<string, string> = {
  lateCancelWindowHours: 'late_cancel_window_hours', maxSeriesDays: 'max_series_days', seriesHorizonDays: 'series_horizon_days',
  noShowFeeCents: 'no_show_fee_cents', lateCancelFeeCents: 'late_cancel_fee_cents', medicaidFeeExempt: 'medicaid_fee_exempt',
};

export async function updateSchedulingSettings(deps: Deps, actor: Actor, b: z.infer<typeof ZUpdateSchedulingSettingsRequest>, ip: string): Promise<TSchedulingSettings> {
  return deps.db.tx(async (q) => {
    const practice = await q.query<{ id: string }>('SELECT id FROM practice ORDER BY created_at LIMIT 1 FOR UPDATE');
    if (!practice.rows[0]) throw new DomainError('conflict', 'Set up the practice first.');
    const sets: string[] = [];
    const params: unknown[] = [practice.rows[0].id];
    for (const [k, col] of Object.entries(COLS)) {
      const v = (b as Record<string, unknown>)[k];
      if (v === undefined) continue;
      params.push(v);
      sets.push(`${col} = $${params.length}`);
    }
    if (sets.length) await q.query(`UPDATE practice SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
    if (b.payerFees) {
      const ids = b.payerFees.map((f) => f.payerId);
      if (new Set(ids).size !== ids.length) throw invalid('payerFees', 'lists a payer more than once');
      const known = await q.query<{ id: string }>('SELECT id FROM payers WHERE id = ANY($1::uuid[])', [ids]);
      const have = new Set(known.rows.map((r) => r.id));
      b.payerFees.forEach((f, i) => {
        if (!have.has(f.payerId)) throw invalid(`payerFees.${i}.payerId`, 'is not a known payer');
      });
      await q.query('DELETE FROM payer_attendance_fees');
      for (const f of b.payerFees) {
        await q.query('INSERT INTO payer_attendance_fees(payer_id, no_show_fee_cents, late_cancel_fee_cents, exempt) VALUES ($1,$2,$3,$4)', [f.payerId, f.noShowFeeCents, f.lateCancelFeeCents, f.exempt]);
      }
    }
    await appendAudit(q, {
      at: deps.clock.now(), actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), action: 'scheduling_settings.update',
      resourceType: 'Practice', resourceId: practice.rows[0].id, clientIp: ip, outcome: 'success', detail: { fields: Object.keys(b) },
    });
    return read(q);
  });
}
