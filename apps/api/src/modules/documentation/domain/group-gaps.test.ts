import { describe, expect, it } from 'vitest';
import type { TTemplateDefinition } from '@hearth/contracts';
import { nameGroupGaps } from './group-gaps.js';

const definition = {
  sections: [
    { key: 'session', title: 'Session', scope: 'shared', optional: false, fields: [{ key: 'topic', label: 'Topic', type: 'long_text', required: true }] },
    { key: 'member', title: 'Member', scope: 'member', optional: false, fields: [{ key: 'participation', label: 'Participation', type: 'long_text', required: true }] },
  ],
} as TTemplateDefinition;

describe('nameGroupGaps', () => {
  it('names shared-section gaps and the supervisor once, everything else per member', () => {
    const topic = { field: 'content.session.topic', message: 'Topic is required' };
    const supervisor = { field: 'supervisor', message: 'Your notes need a co-signature: ask an admin to name your supervisor' };
    const gaps = nameGroupGaps({ definition }, [
      [topic, { field: 'encounter.diagnoses', message: 'Add at least one diagnosis' }, supervisor],
      [],
      [topic, { field: 'content.member.participation', message: 'Participation is required' }, supervisor],
    ]);
    expect(gaps).toEqual([
      { field: 'sharedContent.session.topic', message: 'Topic is required' },
      { field: 'members[0].encounter.diagnoses', message: 'Add at least one diagnosis' },
      supervisor,
      { field: 'members[2].content.member.participation', message: 'Participation is required' },
    ]);
  });

  it('is empty when no member has a gap', () => {
    expect(nameGroupGaps({ definition }, [[], []])).toEqual([]);
  });
});
