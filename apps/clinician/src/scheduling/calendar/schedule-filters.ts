import type { TLocation } from '@hearth/contracts';
import type { CalendarView } from './CalendarPane';

export type ScheduleMode = 'clinicians' | 'location' | 'room';

/** The calendar's choices, remembered for the browser tab (ids and dates only). */
export interface ScheduleFilters {
  /** Unused: the remembered-filters helper pages lists. */
  page: number;
  view: CalendarView;
  /** '' follows today. */
  date: string;
  mode: ScheduleMode;
  clinicianIds: string[];
  locationId: string;
  roomId: string;
  showCancelled: boolean;
}

export const SCHEDULE_FILTERS_KEY = 'schedule.filters';
/** More panes than this side by side stop being readable. */
export const MAX_SIDE_BY_SIDE = 6;

export function defaultScheduleFilters(selfIsClinician: boolean, selfId: string): ScheduleFilters {
  return {
    page: 1,
    view: 'week',
    date: '',
    mode: selfIsClinician ? 'clinicians' : 'location',
    clinicianIds: selfIsClinician ? [selfId] : [],
    locationId: '',
    roomId: '',
    showCancelled: false,
  };
}

/** The location whose zone the calendar shows: the chosen one, or the first active one. */
export function displayLocation(locations: TLocation[] | undefined, locationId: string): TLocation | undefined {
  return locations?.find((l) => l.id === locationId) ?? locations?.find((l) => l.active) ?? locations?.[0];
}
