// Hostile strings (security-and-reliability Part B) in every string field of the note-template
// administration, intervention and problem-list routes.
import { describe } from 'vitest';
import { hostileSuite } from './bad-input-payloads.js';

describe('hostile strings in templates, interventions and the problem list', () => {
  hostileSuite([
    'POST /api/admin/note-templates/:id/duplicate', 'PUT /api/admin/note-templates/:id/draft', 'POST /api/admin/interventions',
    'POST /api/patients/:id/problems', 'PATCH /api/patients/:id/problems/:problemId',
  ]);
});
