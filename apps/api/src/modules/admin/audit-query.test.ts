import { describe, expect, it } from 'vitest';
import { auditCsv, auditWhere, toAuditEvent, type AuditListRow } from './audit-query.js';

const row = (o: Partial<AuditListRow> = {}): AuditListRow => ({
  seq: 7, id: '0190a5e0-0000-7000-8000-000000000001', at: new Date('2026-01-02T03:04:05.678Z'), actor_id: null, actor_name: 'Ana Lopez',
  actor_kind: 'user', actor_role: 'therapist', patient_id: null, action: 'patient.read', resource_type: 'Patient', resource_id: 'r1',
  client_ip: '127.0.0.1', outcome: 'success', ...o,
});

describe('auditCsv', () => {
  it('writes a header row and quoted CRLF rows', () => {
    const csv = auditCsv([toAuditEvent(row())]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('seq,at,actorId,actorName,actorKind,actorRole,patientId,action,resourceType,resourceId,clientIp,outcome');
    expect(lines[1]).toBe('"7","2026-01-02T03:04:05.678Z","","Ana Lopez","user","therapist","","patient.read","Patient","r1","127.0.0.1","success"');
    expect(lines[2]).toBe('');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")'])('neutralises a formula-like cell %j', (name) => {
    const line = auditCsv([toAuditEvent(row({ actor_name: name }))]).split('\r\n')[1]!;
    const cell = line.split('","')[3]!;
    expect(cell.startsWith("'")).toBe(true);
    expect(cell).toBe(`'${name}`.replace(/"/g, '""'));
  });

  it('doubles quotes and keeps commas and newlines inside the quoted cell', () => {
    const line = auditCsv([toAuditEvent(row({ actor_name: 'A "B", C\nD' }))]);
    expect(line).toContain('"A ""B"", C\nD"');
  });

  it('leaves ordinary values alone', () => {
    const line = auditCsv([toAuditEvent(row({ actor_name: 'Zoë 3-4' }))]);
    expect(line).toContain('"Zoë 3-4"');
  });
});

describe('auditWhere', () => {
  it('has no condition without filters', () => {
    expect(auditWhere({})).toEqual({ sql: '', params: [] });
  });

  it('numbers parameters in order and never inlines values', () => {
    const w = auditWhere({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', actorId: 'a', patientId: 'p', action: 'patient.', outcome: 'denied' });
    expect(w.sql).toBe('WHERE a.at >= $1 AND a.at < $2 AND a.actor_id = $3 AND a.patient_id = $4 AND a.action LIKE $5 AND a.outcome = $6');
    expect(w.params).toEqual(['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 'a', 'p', 'patient.%', 'denied']);
  });

  it('escapes LIKE wildcards in the action prefix', () => {
    expect(auditWhere({ action: 'a_b%c\\' }).params).toEqual(['a\\_b\\%c\\\\%']);
  });
});
