import { describe, expect, it } from 'vitest';
import { snippetRuns } from './snippet';

describe('snippetRuns', () => {
  it('splits a snippet into plain and matched runs', () => {
    expect(snippetRuns('Reported «insomnia» and «panic» at night')).toEqual([
      { text: 'Reported ', match: false },
      { text: 'insomnia', match: true },
      { text: ' and ', match: false },
      { text: 'panic', match: true },
      { text: ' at night', match: false },
    ]);
  });

  it('handles a match at either end, no match, and an unbalanced marker as plain text', () => {
    expect(snippetRuns('«Sleep» better')).toEqual([{ text: 'Sleep', match: true }, { text: ' better', match: false }]);
    expect(snippetRuns('nothing matched')).toEqual([{ text: 'nothing matched', match: false }]);
    expect(snippetRuns('a « b')).toEqual([{ text: 'a « b', match: false }]);
    expect(snippetRuns('')).toEqual([]);
  });

  it('keeps markup as text (it is rendered as text, never as HTML)', () => {
    expect(snippetRuns('<b>«x»</b>')).toEqual([{ text: '<b>', match: false }, { text: 'x', match: true }, { text: '</b>', match: false }]);
  });
});
