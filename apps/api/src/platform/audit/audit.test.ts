import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GENESIS_HASH, canonicalJson, hashAuditRow } from './audit.js';

const ROW = {
  seq: 1,
  id: '0190a5e0-0000-7000-8000-000000000001',
  at: new Date('2026-01-02T03:04:05.678Z'),
  actor_id: '0190a5e0-0000-7000-8000-0000000000aa',
  actor_kind: 'user',
  actor_role: 'therapist',
  patient_id: '0190a5e0-0000-7000-8000-0000000000bb',
  action: 'patient.read',
  resource_type: 'Patient',
  resource_id: '0190a5e0-0000-7000-8000-0000000000bb',
  client_ip: '127.0.0.1',
  outcome: 'success',
  detail: { b: 2, a: [1, { d: null, c: 'x' }] } as unknown,
};

describe('canonicalJson', () => {
  it.each([
    [null, 'null'],
    [undefined, 'null'],
    [1.5, '1.5'],
    ['a"b', '"a\\"b"'],
    [true, 'true'],
    [[], '[]'],
    [{}, '{}'],
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [3, { q: 1, p: 2 }] } }, '{"z":{"x":[3,{"p":2,"q":1}],"y":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [[undefined, 1], '[null,1]'],
    [{ 'é': 1, e: 2 }, '{"e":2,"é":1}'],
  ])('%j -> %s', (v, out) => {
    expect(canonicalJson(v)).toBe(out);
  });

  it('is independent of key insertion order and survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const round = JSON.parse(JSON.stringify(v));
        expect(canonicalJson(round)).toBe(canonicalJson(v));
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const reversed = Object.fromEntries(Object.entries(v).reverse());
          expect(canonicalJson(reversed)).toBe(canonicalJson(v));
        }
        // Always valid JSON.
        expect(() => JSON.parse(canonicalJson(v))).not.toThrow();
      }),
    );
  });
});

describe('hashAuditRow', () => {
  // Golden values: sha256(prev_hash + "\n" + canonical JSON of the row fields). Pinned so a code
  // change that would make existing chains unverifiable fails here first.
  it('matches the pinned golden hash', () => {
    const h1 = hashAuditRow(GENESIS_HASH, ROW);
    expect(h1).toBe('0e440434ac7f02395a7ae7bb0e04189e2eccaba6f234ecf5775051b8d1b771a1');
    expect(hashAuditRow(h1, { ...ROW, seq: 2, detail: {} })).toBe('87a2beba1e820e35fd7b0c02b29c80e703fcc3f5b844a975add523e9e347452a');
  });

  it('accepts the timestamp as a Date or as a string from the driver', () => {
    expect(hashAuditRow(GENESIS_HASH, { ...ROW, at: '2026-01-02T03:04:05.678Z' as unknown as Date })).toBe(hashAuditRow(GENESIS_HASH, ROW));
  });

  it('treats missing detail as {}', () => {
    expect(hashAuditRow(GENESIS_HASH, { ...ROW, detail: null })).toBe(hashAuditRow(GENESIS_HASH, { ...ROW, detail: {} }));
  });

  it('ignores key order inside detail (jsonb reorders keys)', () => {
    expect(hashAuditRow(GENESIS_HASH, { ...ROW, detail: { a: [1, { c: 'x', d: null }], b: 2 } })).toBe(hashAuditRow(GENESIS_HASH, ROW));
  });

  const changes: [string, Partial<typeof ROW>][] = [
    ['seq', { seq: 2 }],
    ['id', { id: '0190a5e0-0000-7000-8000-000000000002' }],
    ['at', { at: new Date('2026-01-02T03:04:05.679Z') }],
    ['actor_id', { actor_id: null as unknown as string }],
    ['actor_kind', { actor_kind: 'token' }],
    ['actor_role', { actor_role: 'admin' }],
    ['patient_id', { patient_id: '0190a5e0-0000-7000-8000-0000000000cc' }],
    ['action', { action: 'patient.update' }],
    ['resource_type', { resource_type: 'Practitioner' }],
    ['resource_id', { resource_id: 'x' }],
    ['client_ip', { client_ip: '10.0.0.1' }],
    ['outcome', { outcome: 'denied' }],
    ['detail', { detail: { b: 3, a: [1, { d: null, c: 'x' }] } }],
  ];
  it.each(changes)('changes when %s changes', (_f, patch) => {
    expect(hashAuditRow(GENESIS_HASH, { ...ROW, ...patch })).not.toBe(hashAuditRow(GENESIS_HASH, ROW));
  });

  it('chains: a different previous hash gives a different hash', () => {
    expect(hashAuditRow('f'.repeat(64), ROW)).not.toBe(hashAuditRow(GENESIS_HASH, ROW));
  });

  it('cannot be fooled by moving text between adjacent fields', () => {
    const a = hashAuditRow(GENESIS_HASH, { ...ROW, resource_type: 'Pat', resource_id: 'ient' });
    const b = hashAuditRow(GENESIS_HASH, { ...ROW, resource_type: 'Patient', resource_id: '' });
    expect(a).not.toBe(b);
  });
});
