import { describe, expect, it } from 'vitest';
import { attendanceFee } from './fees.js';

const policy = { noShowFeeCents: 7500, lateCancelFeeCents: 5000, medicaidFeeExempt: true };
const commercial = { kind: 'commercial', override: null };

describe('attendance fees', () => {
  it('charges the practice fee for no-shows and late cancels only', () => {
    expect(attendanceFee({ status: 'no_show', policy, payer: commercial, waived: false })).toEqual({ feeCents: 7500, reason: null });
    expect(attendanceFee({ status: 'late_cancel', policy, payer: null, waived: false })).toEqual({ feeCents: 5000, reason: null });
    for (const status of ['completed', 'cancelled_patient', 'cancelled_practice', 'scheduled']) {
      expect(attendanceFee({ status, policy, payer: commercial, waived: false }).feeCents).toBeNull();
    }
  });
  it('exempts Medicaid by default, unless the practice turns it off or sets a payer fee', () => {
    const medicaid = { kind: 'medicaid', override: null };
    expect(attendanceFee({ status: 'no_show', policy, payer: medicaid, waived: false })).toEqual({ feeCents: 0, reason: 'medicaid_exempt' });
    expect(attendanceFee({ status: 'no_show', policy: { ...policy, medicaidFeeExempt: false }, payer: medicaid, waived: false }).feeCents).toBe(7500);
    const explicit = { kind: 'medicaid', override: { noShowFeeCents: 1000, lateCancelFeeCents: null, exempt: false } };
    expect(attendanceFee({ status: 'no_show', policy, payer: explicit, waived: false }).feeCents).toBe(1000);
    // No explicit late-cancel fee: the Medicaid exemption still applies.
    expect(attendanceFee({ status: 'late_cancel', policy, payer: explicit, waived: false })).toEqual({ feeCents: 0, reason: 'medicaid_exempt' });
  });
  it('applies payer overrides, payer exemptions and waivers', () => {
    const override = { kind: 'commercial', override: { noShowFeeCents: 2000, lateCancelFeeCents: null, exempt: false } };
    expect(attendanceFee({ status: 'no_show', policy, payer: override, waived: false }).feeCents).toBe(2000);
    expect(attendanceFee({ status: 'late_cancel', policy, payer: override, waived: false }).feeCents).toBe(5000);
    const exempt = { kind: 'commercial', override: { noShowFeeCents: 2000, lateCancelFeeCents: null, exempt: true } };
    expect(attendanceFee({ status: 'no_show', policy, payer: exempt, waived: false })).toEqual({ feeCents: 0, reason: 'payer_exempt' });
    expect(attendanceFee({ status: 'no_show', policy, payer: commercial, waived: true })).toEqual({ feeCents: 0, reason: 'waived' });
    expect(attendanceFee({ status: 'no_show', policy: { ...policy, noShowFeeCents: 0 }, payer: commercial, waived: false })).toEqual({ feeCents: 0, reason: 'no_fee_set' });
  });
});
