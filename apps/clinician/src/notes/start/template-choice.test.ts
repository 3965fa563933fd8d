import type { TTemplateSummary } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import { defaultTemplate, isGroupSession, kindForAppointment, usableTemplates } from './template-choice';

let n = 0;
const t = (name: string, kind: TTemplateSummary['kind'], extra: Partial<TTemplateSummary> = {}): TTemplateSummary => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  name,
  kind,
  billable: true,
  builtin: true,
  active: true,
  publishedVersion: 1,
  draftVersion: null,
  duplicatedFrom: null,
  ...extra,
});

const intake = t('Intake / diagnostic assessment', 'intake');
const dap = t('Progress note (DAP)', 'progress');
const soap = t('Progress note (SOAP)', 'progress');
const birp = t('Progress note (BIRP)', 'progress');
const meds = t('Medication management', 'medication_management');
const crisis = t('Crisis note', 'crisis');
const missed = t('Missed appointment', 'missed_appointment', { billable: false });
const group = t('Group therapy', 'group');
const ownSoap = t('Our SOAP', 'progress', { builtin: false });
const draftOnly = t('Family (draft)', 'family', { publishedVersion: null, draftVersion: 1, builtin: false });
const inactive = t('Old collateral', 'collateral', { active: false });
const all = [intake, dap, soap, birp, meds, crisis, missed, group, ownSoap, draftOnly, inactive];

describe('defaultTemplate', () => {
  it('picks the kind of the appointment type', () => {
    expect(defaultTemplate({ templates: all, remembered: {}, hint: 'intake' })?.id).toBe(intake.id);
    expect(defaultTemplate({ templates: all, remembered: {}, hint: 'medication_management' })?.id).toBe(meds.id);
    expect(defaultTemplate({ templates: all, remembered: {}, hint: 'crisis' })?.id).toBe(crisis.id);
  });

  it('uses the clinician’s last progress template, else a built-in first by name', () => {
    expect(defaultTemplate({ templates: all, remembered: {}, hint: 'psychotherapy' })?.id).toBe(birp.id);
    expect(defaultTemplate({ templates: all, remembered: { progress: soap.id }, hint: 'psychotherapy' })?.id).toBe(soap.id);
    expect(defaultTemplate({ templates: all, remembered: { progress: ownSoap.id }, hint: 'psychotherapy' })?.id).toBe(ownSoap.id);
  });

  it('ignores a remembered template that is gone or inactive', () => {
    expect(defaultTemplate({ templates: all, remembered: { progress: 'gone' }, hint: 'psychotherapy' })?.id).toBe(birp.id);
    expect(defaultTemplate({ templates: [dap, { ...soap, active: false }], remembered: { progress: soap.id }, hint: 'psychotherapy' })?.id).toBe(dap.id);
  });

  it('offers the missed-appointment note for a no-show or late cancel', () => {
    expect(defaultTemplate({ templates: all, remembered: {}, hint: 'psychotherapy', status: 'no_show' })?.id).toBe(missed.id);
    expect(defaultTemplate({ templates: all, remembered: {}, hint: 'intake', status: 'late_cancel' })?.id).toBe(missed.id);
  });

  it('falls back to a progress note when the kind has no usable template or the hint names none', () => {
    expect(defaultTemplate({ templates: all, remembered: {}, hint: 'family' })?.kind).toBe('progress');
    expect(defaultTemplate({ templates: all, remembered: {}, hint: 'collateral' })?.kind).toBe('progress');
    expect(defaultTemplate({ templates: all, remembered: {}, hint: 'testing' })?.kind).toBe('progress');
    expect(defaultTemplate({ templates: all, remembered: {} })?.kind).toBe('progress');
  });

  it('never offers the group template for a single note, and answers null when nothing is usable', () => {
    expect(defaultTemplate({ templates: [group], remembered: {}, hint: 'group' })).toBeNull();
    expect(defaultTemplate({ templates: [], remembered: {}, hint: 'psychotherapy' })).toBeNull();
  });
});

describe('helpers', () => {
  it('lists only active, published templates', () => {
    const ids = usableTemplates(all).map((x) => x.id);
    expect(ids).not.toContain(draftOnly.id);
    expect(ids).not.toContain(inactive.id);
    expect(ids).toContain(dap.id);
  });

  it('maps hints to kinds and spots group sessions', () => {
    expect(kindForAppointment('psychotherapy')).toBe('progress');
    expect(kindForAppointment('other')).toBeNull();
    expect(isGroupSession('group')).toBe(true);
    expect(isGroupSession('psychotherapy')).toBe(false);
  });
});
