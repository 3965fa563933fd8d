import type { TGroupNote, TNote, TTemplateDefinition } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import { errorsAsMissing, followMembers, placeErrors, sharedSectionKeys, splitMissing } from './group-note-model';

const DEF: TTemplateDefinition = {
  sections: [
    { key: 'session', title: 'Session', scope: 'shared', optional: false, fields: [{ key: 'topic', label: 'Topic', type: 'long_text', required: true }] },
    { key: 'member', title: 'Member', scope: 'member', optional: false, fields: [{ key: 'response', label: 'Response', type: 'long_text', required: true }] },
  ],
};

const member = (id: string, missing: TNote['missing']) => ({ id, patientName: id, missing }) as unknown as TNote;

describe('sharedSectionKeys', () => {
  it('lists the sections written once', () => {
    expect([...sharedSectionKeys(DEF)]).toEqual(['session']);
  });
});

describe('splitMissing', () => {
  it('names a shared gap once and keeps the rest per member', () => {
    const group = {
      definition: DEF,
      members: [
        member('a', [
          { field: 'content.session.topic', message: 'Topic is required' },
          { field: 'encounter.diagnoses', message: 'Add at least one diagnosis' },
        ]),
        member('b', [
          { field: 'content.session.topic', message: 'Topic is required' },
          { field: 'content.member.response', message: 'Response is required' },
        ]),
        member('c', []),
      ],
    } as Pick<TGroupNote, 'definition' | 'members'>;
    const s = splitMissing(group);
    expect(s.shared).toEqual([{ field: 'content.session.topic', message: 'Topic is required' }]);
    expect(s.byMember).toEqual({
      a: [{ field: 'encounter.diagnoses', message: 'Add at least one diagnosis' }],
      b: [{ field: 'content.member.response', message: 'Response is required' }],
      c: [],
    });
  });
});

describe('placeErrors', () => {
  it('puts shared, per-member and other errors where they belong', () => {
    const p = placeErrors(
      [
        { field: 'sharedContent.session.topic', message: 'is required' },
        { field: 'members[1].encounter.diagnoses', message: 'Add at least one diagnosis' },
        { field: 'members.0.content.member.response', message: 'is too long' },
        { field: 'members[1].encounter.diagnoses', message: 'second message' },
        { field: 'supervisor', message: 'You have no supervisor to co-sign your notes' },
        { field: 'members[7].version', message: 'is stale' },
        { field: 'version', message: 'is stale' },
      ],
      ['a', 'b'],
    );
    expect(p.shared).toEqual({ 'content.session.topic': 'is required' });
    expect(p.members).toEqual({
      b: { 'encounter.diagnoses': 'Add at least one diagnosis' },
      a: { 'content.member.response': 'is too long' },
    });
    expect(p.general).toEqual(['You have no supervisor to co-sign your notes', 'members[7].version: is stale', 'version: is stale']);
  });
  it('gives the same places as missing-element lists', () => {
    const m = errorsAsMissing([{ field: 'members[0].encounter.startTime', message: 'Add the start time' }], ['a']);
    expect(m).toEqual({ shared: [], byMember: { a: [{ field: 'encounter.startTime', message: 'Add the start time' }] }, general: [] });
  });
});

describe('followMembers', () => {
  it('keeps drafts being typed, adds members who joined and drops those who left', () => {
    const draft = (t: string) => ({ encounter: {}, content: { member: { response: t } } });
    const next = followMembers(
      { a: draft('typed a'), gone: draft('x') },
      [member('a', []), member('new', [])],
      () => draft('from server'),
    );
    expect(next).toEqual({ a: draft('typed a'), new: draft('from server') });
  });
});
