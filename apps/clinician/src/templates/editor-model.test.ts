import type { TTemplateDefinition } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import {
  editedUids,
  editorReducer,
  elementsFor,
  fromDefinition,
  keyFromLabel,
  moveItem,
  toDefinition,
  type EditorAction,
  type EditorState,
} from './editor-model';

const DEF: TTemplateDefinition = {
  sections: [
    {
      key: 'data',
      title: 'Data',
      scope: 'note',
      optional: false,
      fields: [
        { key: 'subjective', label: 'Subjective', type: 'long_text', required: true },
        { key: 'mood', label: 'Mood', type: 'single_choice', required: false, options: [{ value: 'good', label: 'Good' }, { value: 'low', label: 'Low' }] },
      ],
    },
    {
      key: 'plan',
      title: 'Plan',
      help: 'What happens next',
      scope: 'note',
      optional: true,
      fields: [{ key: 'plan', label: 'Plan', type: 'long_text', required: true, element: 'plan', maxLength: 4000 }],
    },
  ],
};

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const keys = (s: EditorState) => s.sections.map((x) => x.key);

describe('keyFromLabel', () => {
  it('makes a lower-case key with underscores', () => {
    expect(keyFromLabel("Client's response to treatment")).toBe('client_s_response_to_treatment');
    expect(keyFromLabel('  Plan / next steps!  ')).toBe('plan_next_steps');
    expect(keyFromLabel('Évaluation café')).toBe('evaluation_cafe');
  });
  it('starts with a letter and falls back when the label has no letters or digits', () => {
    expect(keyFromLabel('2nd session')).toBe('field_2nd_session');
    expect(keyFromLabel('—', [], 'section')).toBe('section');
    expect(keyFromLabel('')).toBe('field');
  });
  it('keeps to 40 characters', () => {
    const k = keyFromLabel('a very long label that goes on and on well beyond forty characters');
    expect(k.length).toBeLessThanOrEqual(40);
    expect(k).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
    expect(k.endsWith('_')).toBe(false);
  });
  it('adds a number when the key is taken', () => {
    expect(keyFromLabel('Plan', ['plan'])).toBe('plan_2');
    expect(keyFromLabel('Plan', ['plan', 'plan_2'])).toBe('plan_3');
    const long = 'x'.repeat(40);
    const next = keyFromLabel(long, [long]);
    expect(next).toBe(`${'x'.repeat(38)}_2`);
  });
});

describe('moveItem', () => {
  it('moves up and down and clamps at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    const same = ['a', 'b'];
    expect(moveItem(same, 0, -1)).toBe(same);
    expect(moveItem(same, 1, 1)).toBe(same);
  });
});

describe('fromDefinition / toDefinition', () => {
  it('round-trips a definition', () => {
    const s = fromDefinition('DAP (ours)', DEF);
    expect(s.dirty).toBe(false);
    expect(s.name).toBe('DAP (ours)');
    expect(toDefinition(s)).toEqual(DEF);
  });
  it('gives every section, field and option a distinct uid', () => {
    const s = fromDefinition('x', DEF);
    const uids = s.sections.flatMap((x) => [x.uid, ...x.fields.flatMap((f) => [f.uid, ...f.options.map((o) => o.uid)])]);
    expect(new Set(uids).size).toBe(uids.length);
    const added = run(s, { type: 'addSection' });
    const all = added.sections.flatMap((x) => [x.uid, ...x.fields.map((f) => f.uid)]);
    expect(new Set(all).size).toBe(all.length);
  });
  it('saves only the settings the field type uses', () => {
    const s = run(
      fromDefinition('x', DEF),
      { type: 'updateField', section: 0, field: 1, patch: { type: 'short_text', maxLength: 50 } },
      { type: 'updateField', section: 0, field: 0, patch: { type: 'number', min: 0, max: 10, maxLength: 9 } },
    );
    const [f0, f1] = toDefinition(s).sections[0]!.fields;
    expect(f1).toEqual({ key: 'mood', label: 'Mood', type: 'short_text', required: false, maxLength: 50 });
    expect(f0).toEqual({ key: 'subjective', label: 'Subjective', type: 'number', required: true, min: 0, max: 10 });
    // Switching back restores the choices kept in the editor.
    const back = run(s, { type: 'updateField', section: 0, field: 1, patch: { type: 'single_choice' } });
    expect(toDefinition(back).sections[0]!.fields[1]!.options).toHaveLength(2);
  });
  it('leaves out blank help and trims text', () => {
    const s = run(fromDefinition('x', DEF), { type: 'updateSection', section: 1, patch: { help: '   ', title: ' Plan ' } });
    expect(toDefinition(s).sections[1]).not.toHaveProperty('help');
    expect(toDefinition(s).sections[1]!.title).toBe('Plan');
  });
});

describe('editorReducer: sections', () => {
  it('adds a section with one empty field and a unique key', () => {
    const s = run(fromDefinition('x', DEF), { type: 'addSection' }, { type: 'addSection' });
    expect(s.dirty).toBe(true);
    expect(keys(s)).toEqual(['data', 'plan', 'section', 'section_2']);
    expect(s.sections[2]!.fields).toHaveLength(1);
    expect(s.sections[2]!.fields[0]!.type).toBe('short_text');
  });
  it('makes a new section key from its title until the key is typed', () => {
    let s = run(fromDefinition('x', DEF), { type: 'addSection' }, { type: 'updateSection', section: 2, patch: { title: 'Risk review' } });
    expect(s.sections[2]!.key).toBe('risk_review');
    s = run(s, { type: 'updateSection', section: 2, patch: { title: 'Plan' } });
    expect(s.sections[2]!.key).toBe('plan_2');
    s = run(s, { type: 'updateSection', section: 2, patch: { key: 'safety' } }, { type: 'updateSection', section: 2, patch: { title: 'Safety review' } });
    expect(s.sections[2]!.key).toBe('safety');
  });
  it('keeps the saved key of an existing section when its title changes', () => {
    const s = run(fromDefinition('x', DEF), { type: 'updateSection', section: 0, patch: { title: 'Data gathered' } });
    expect(s.sections[0]!.key).toBe('data');
  });
  it('moves and removes sections', () => {
    let s = run(fromDefinition('x', DEF), { type: 'moveSection', section: 0, delta: 1 });
    expect(keys(s)).toEqual(['plan', 'data']);
    s = run(s, { type: 'removeSection', section: 0 });
    expect(keys(s)).toEqual(['data']);
    const same = run(s, { type: 'moveSection', section: 0, delta: -1 });
    expect(same).toBe(s);
    expect(run(s, { type: 'removeSection', section: 5 })).toBe(s);
  });
  it('sets scope and optional', () => {
    const s = run(fromDefinition('x', DEF), { type: 'updateSection', section: 0, patch: { scope: 'shared', optional: true } });
    expect(toDefinition(s).sections[0]).toMatchObject({ scope: 'shared', optional: true });
  });
});

describe('editorReducer: fields', () => {
  it('adds a field whose key follows its label until edited, unique in the section', () => {
    let s = run(fromDefinition('x', DEF), { type: 'addField', section: 0 });
    expect(s.sections[0]!.fields).toHaveLength(3);
    s = run(s, { type: 'updateField', section: 0, field: 2, patch: { label: 'Mood' } });
    expect(s.sections[0]!.fields[2]!.key).toBe('mood_2');
    s = run(s, { type: 'updateField', section: 0, field: 2, patch: { label: 'Affect' } });
    expect(s.sections[0]!.fields[2]!.key).toBe('affect');
    s = run(s, { type: 'updateField', section: 0, field: 2, patch: { key: 'affect_obs' } }, { type: 'updateField', section: 0, field: 2, patch: { label: 'Observed affect' } });
    expect(s.sections[0]!.fields[2]!.key).toBe('affect_obs');
  });
  it('moves and removes fields within their section', () => {
    let s = run(fromDefinition('x', DEF), { type: 'moveField', section: 0, field: 1, delta: -1 });
    expect(s.sections[0]!.fields.map((f) => f.key)).toEqual(['mood', 'subjective']);
    s = run(s, { type: 'removeField', section: 0, field: 0 });
    expect(s.sections[0]!.fields.map((f) => f.key)).toEqual(['subjective']);
    expect(s.sections[1]!.fields.map((f) => f.key)).toEqual(['plan']);
  });
  it('gives a field changed to a choice type two empty choices', () => {
    const s = run(fromDefinition('x', DEF), { type: 'updateField', section: 0, field: 0, patch: { type: 'checklist' } });
    const f = s.sections[0]!.fields[0]!;
    expect(f.options).toHaveLength(2);
    expect(f.options.map((o) => o.value)).toEqual(['option', 'option_2']);
    expect(new Set([f.uid, ...f.options.map((o) => o.uid)]).size).toBe(3);
  });
  it('sets required, help, bounds and the payer element', () => {
    const s = run(fromDefinition('x', DEF), {
      type: 'updateField',
      section: 1,
      field: 0,
      patch: { required: false, help: 'Next steps', element: null },
    });
    expect(toDefinition(s).sections[1]!.fields[0]).toEqual({
      key: 'plan',
      label: 'Plan',
      type: 'long_text',
      required: false,
      help: 'Next steps',
      maxLength: 4000,
    });
  });
});

describe('payer elements', () => {
  it('offers only the elements a type can hold and drops a tag the new type cannot hold', () => {
    expect(elementsFor('long_text').map((e) => e.value)).toEqual(['response', 'plan']);
    expect(elementsFor('interventions').map((e) => e.value)).toEqual(['interventions']);
    expect(elementsFor('date')).toEqual([]);
    const s = run(fromDefinition('x', DEF), { type: 'updateField', section: 1, field: 0, patch: { type: 'single_choice' } });
    expect(s.sections[1]!.fields[0]!.element).toBe('plan');
    const t = run(s, { type: 'updateField', section: 1, field: 0, patch: { type: 'number' } });
    expect(t.sections[1]!.fields[0]!.element).toBeNull();
  });
});

describe('editorReducer: choices', () => {
  it('adds, edits, moves and removes choices; values follow labels until typed', () => {
    let s = run(fromDefinition('x', DEF), { type: 'addOption', section: 0, field: 1 });
    s = run(s, { type: 'updateOption', section: 0, field: 1, option: 2, patch: { label: 'Very low' } });
    expect(s.sections[0]!.fields[1]!.options.map((o) => o.value)).toEqual(['good', 'low', 'very_low']);
    s = run(s, { type: 'updateOption', section: 0, field: 1, option: 2, patch: { label: 'Low' } });
    expect(s.sections[0]!.fields[1]!.options[2]!.value).toBe('low_2');
    s = run(s, { type: 'moveOption', section: 0, field: 1, option: 2, delta: -2 });
    expect(s.sections[0]!.fields[1]!.options.map((o) => o.value)).toEqual(['low_2', 'good', 'low']);
    s = run(s, { type: 'removeOption', section: 0, field: 1, option: 0 });
    expect(s.sections[0]!.fields[1]!.options.map((o) => o.value)).toEqual(['good', 'low']);
    // Saved values stay when the label changes.
    s = run(s, { type: 'updateOption', section: 0, field: 1, option: 0, patch: { label: 'Fine' } });
    expect(s.sections[0]!.fields[1]!.options[0]).toMatchObject({ value: 'good', label: 'Fine' });
  });
});

describe('editorReducer: name and saved', () => {
  it('marks the draft changed and saved', () => {
    const s = run(fromDefinition('x', DEF), { type: 'setName', name: 'DAP (ours)' });
    expect(s.dirty).toBe(true);
    expect(run(s, { type: 'saved' }).dirty).toBe(false);
  });
  it('keeps keys once saved: retitling no longer renames them', () => {
    let s = run(
      fromDefinition('x', DEF),
      { type: 'addSection' },
      { type: 'updateSection', section: 2, patch: { title: 'Homework' } },
      { type: 'updateField', section: 2, field: 0, patch: { label: 'Done?' } },
      { type: 'updateField', section: 2, field: 0, patch: { type: 'single_choice' } },
      { type: 'updateOption', section: 2, field: 0, option: 0, patch: { label: 'Yes' } },
      { type: 'saved' },
    );
    s = run(
      s,
      { type: 'updateSection', section: 2, patch: { title: 'Between sessions' } },
      { type: 'updateField', section: 2, field: 0, patch: { label: 'Completed?' } },
      { type: 'updateOption', section: 2, field: 0, option: 0, patch: { label: 'Fully' } },
    );
    expect(s.sections[2]!.key).toBe('homework');
    expect(s.sections[2]!.fields[0]!.key).toBe('done');
    expect(s.sections[2]!.fields[0]!.options[0]!.value).toBe('yes');
  });
  it('keeps the key while a label is emptied to be retyped', () => {
    let s = run(fromDefinition('x', DEF), { type: 'addField', section: 0 }, { type: 'updateField', section: 0, field: 2, patch: { label: 'Affect' } });
    s = run(s, { type: 'updateField', section: 0, field: 2, patch: { label: '  ' } });
    expect(s.sections[0]!.fields[2]!.key).toBe('affect');
  });
});

describe('editedUids', () => {
  it('names the items an action changes', () => {
    const s = fromDefinition('x', DEF);
    const [s0, s1] = s.sections;
    const mood = s0!.fields[1]!;
    expect(editedUids(s, { type: 'updateField', section: 0, field: 1, patch: { label: 'Mood now' } })).toEqual([mood.uid]);
    expect(editedUids(s, { type: 'updateOption', section: 0, field: 1, option: 1, patch: { label: 'Lower' } })).toEqual([mood.uid, mood.options[1]!.uid]);
    expect(editedUids(s, { type: 'addField', section: 1 })).toEqual([s1!.uid]);
    expect(editedUids(s, { type: 'removeSection', section: 1 })).toEqual([s1!.uid, s1!.fields[0]!.uid]);
    expect(editedUids(s, { type: 'setName', name: 'y' })).toEqual([]);
  });
});
