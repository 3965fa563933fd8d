// The waitlist module's public API: entries, and suggestions when a slot opens.
export { waitlistRoutes } from './waitlist.routes.js';
export { rankWaitlist, matchEntry, type OpenSlot, type WaitlistCandidate } from './domain/match.js';
