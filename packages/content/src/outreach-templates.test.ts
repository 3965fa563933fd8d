import { describe, expect, it } from 'vitest';
import { OUTREACH_TEMPLATES, OUTREACH_TEMPLATE_KEYS, outreachTemplate, renderOutreach } from './index.js';

describe('outreach templates', () => {
  it('lists exactly the keys the API accepts, each once', () => {
    expect(OUTREACH_TEMPLATES.map((t) => t.key).sort()).toEqual([...OUTREACH_TEMPLATE_KEYS].sort());
  });

  it('fills every placeholder, with the practice phone when there is one', () => {
    for (const t of OUTREACH_TEMPLATES) {
      const r = renderOutreach(t, { firstName: 'Ana', practiceName: 'Riverbend Behavioral Health', practicePhone: '(555) 010-2000' });
      expect(r.subject).toContain('Riverbend Behavioral Health');
      expect(r.text).toMatch(/^Hello Ana,/);
      expect(r.text).toContain('You can reach us at (555) 010-2000.');
      expect(r.text).toContain('Riverbend Behavioral Health');
      expect(`${r.subject}${r.text}`).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('falls back to a plain contact line without a phone and a greeting without a name', () => {
    const r = renderOutreach(outreachTemplate('missed-you')!, { firstName: ' ', practiceName: 'Clinic', practicePhone: null });
    expect(r.text).toMatch(/^Hello there,/);
    expect(r.text).toContain('Reply to this message or call the office.');
  });

  it('keeps the subject on one line', () => {
    const r = renderOutreach(outreachTemplate('checking-in')!, { firstName: 'Bo', practiceName: 'Evil\r\nBcc: x@example.com', practicePhone: null });
    expect(r.subject).not.toMatch(/[\r\n]/);
  });

  it('says nothing clinical', () => {
    const words = /therap|diagnos|depress|anxi|medicat|treatment|counsel|psych|mental|session|clinic(al|ian)/i;
    for (const t of OUTREACH_TEMPLATES) expect(`${t.subject} ${t.body}`, t.key).not.toMatch(words);
  });
});
