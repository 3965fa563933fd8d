import { describe, expect, it } from 'vitest';
import { addendumHash, contentHash } from './content-hash.js';

const note = {
  encounter: { serviceDate: '2027-03-15', startTime: '15:00', diagnoses: [{ code: 'F41.1', title: 'Generalized anxiety disorder' }] },
  content: { data: { subjective: 'Better', interventions: ['mi'] } },
  enabledSections: [], templateId: '0190d7c0-0000-7000-8000-000000000001', templateVersion: 2,
  patientId: '0190d7c0-0000-7000-8000-000000000002', authorId: '0190d7c0-0000-7000-8000-000000000003',
};

describe('content hash', () => {
  it('is a sha256 that ignores key order (a jsonb round trip) but not values', () => {
    const h = contentHash(note);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { ...note, content: { data: { interventions: ['mi'], subjective: 'Better' } }, encounter: { diagnoses: note.encounter.diagnoses, startTime: '15:00', serviceDate: '2027-03-15' } };
    expect(contentHash(reordered)).toBe(h);
    expect(contentHash({ ...note, content: { data: { subjective: 'Better.', interventions: ['mi'] } } })).not.toBe(h);
    expect(contentHash({ ...note, templateVersion: 3 })).not.toBe(h);
    expect(contentHash({ ...note, authorId: note.patientId })).not.toBe(h);
    expect(contentHash({ ...note, enabledSections: ['psychotherapy'] })).not.toBe(h);
  });

  it('an addendum hash binds its text to the note and its time', () => {
    const a = { noteId: 'n1', noteContentHash: 'abc', authorId: 'u1', reason: 'correction', body: 'Dose was 50 mg', signedAt: '2027-03-16T10:00:00.000Z' };
    expect(addendumHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(addendumHash({ ...a, body: 'Dose was 25 mg' })).not.toBe(addendumHash(a));
    expect(addendumHash({ ...a, noteContentHash: 'abd' })).not.toBe(addendumHash(a));
  });
});
