// Attendance fees: a patient-responsibility charge for a no-show or a late cancel. Never billed to
// insurance. Medicaid forbids charging its members for missed appointments in most states, so Medicaid
// patients are exempt unless the practice turns that off or sets an explicit per-payer fee.

export interface PracticeFeePolicy {
  noShowFeeCents: number;
  lateCancelFeeCents: number;
  medicaidFeeExempt: boolean;
}

export interface PayerFeeOverride {
  noShowFeeCents: number | null;
  lateCancelFeeCents: number | null;
  exempt: boolean;
}

export interface FeeInput {
  status: string;
  policy: PracticeFeePolicy;
  /** The patient's primary payer today, if any. */
  payer: { kind: string; override: PayerFeeOverride | null } | null;
  waived: boolean;
}

export interface FeeDecision {
  feeCents: number | null;
  /** Why there is no fee, for the history: 'waived', 'payer_exempt', 'medicaid_exempt', 'no_fee_set'. */
  reason: string | null;
}

/** The fee for moving an appointment into `status`; null when the status carries no fee. */
export function attendanceFee(i: FeeInput): FeeDecision {
  if (i.status !== 'no_show' && i.status !== 'late_cancel') return { feeCents: null, reason: null };
  if (i.waived) return { feeCents: 0, reason: 'waived' };
  const o = i.payer?.override ?? null;
  if (o?.exempt) return { feeCents: 0, reason: 'payer_exempt' };
  const explicit = o ? (i.status === 'no_show' ? o.noShowFeeCents : o.lateCancelFeeCents) : null;
  if (explicit !== null && explicit !== undefined) return { feeCents: explicit, reason: explicit === 0 ? 'no_fee_set' : null };
  if (i.payer?.kind === 'medicaid' && i.policy.medicaidFeeExempt) return { feeCents: 0, reason: 'medicaid_exempt' };
  const fee = i.status === 'no_show' ? i.policy.noShowFeeCents : i.policy.lateCancelFeeCents;
  return { feeCents: fee, reason: fee === 0 ? 'no_fee_set' : null };
}
