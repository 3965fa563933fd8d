import type { RouteFixture, World } from '../bad-input-payloads.js';
import { schedulingFixtures, schedulingPermissions, schedulingSetup } from './scheduling.js';
import { availabilityFixtures, availabilityPermissions, availabilitySetup } from './availability.js';
import { groupsFixtures, groupsPermissions, groupsSetup } from './groups.js';
import { engagementFixtures, engagementPermissions, engagementSetup } from './engagement.js';
import { remindersFixtures, remindersPermissions, remindersSetup } from './reminders.js';
import { psychotherapyFixtures, psychotherapyPermissions, psychotherapySetup } from './psychotherapy.js';
import { notesExtraFixtures, notesExtraPermissions, notesExtraSetup } from './notes-extra.js';
import { notesFixtures, notesPermissions, notesSetup } from './notes.js';
import { templatesFixtures, templatesPermissions, templatesSetup } from './templates.js';
import { diagnosesFixtures, diagnosesPermissions, diagnosesSetup } from './diagnoses.js';

// Each module lists its routes here twice: the permission each needs (roles-matrix test) and a
// fixture with a valid call for every mutating one (bad-input tests). A route missing from either
// fails the inventory tests, so a new route forces both decisions. A module's setup runs once when
// the bad-input world is built, to create the records its fixtures change.
export const MODULE_PERMISSIONS: Record<string, string> = {
  ...schedulingPermissions,
  ...availabilityPermissions,
  ...groupsPermissions,
  ...engagementPermissions,
  ...remindersPermissions,
  ...notesPermissions,
  ...notesExtraPermissions,
  ...psychotherapyPermissions,
  ...templatesPermissions,
  ...diagnosesPermissions,
};

export const MODULE_FIXTURES: Record<string, RouteFixture> = {
  ...schedulingFixtures,
  ...availabilityFixtures,
  ...groupsFixtures,
  ...engagementFixtures,
  ...remindersFixtures,
  ...notesFixtures,
  ...notesExtraFixtures,
  ...psychotherapyFixtures,
  ...templatesFixtures,
  ...diagnosesFixtures,
};

export const MODULE_SETUP: ((w: World) => Promise<void>)[] = [
  schedulingSetup,
  availabilitySetup,
  groupsSetup,
  engagementSetup,
  remindersSetup,
  notesSetup,
  notesExtraSetup,
  psychotherapySetup,
  templatesSetup,
  diagnosesSetup,
];
