// The patients module's public API for other modules.
export { canAccessPatient, onCareTeam, type AccessLevel } from './access.js';
export { practiceToday } from './practice-today.js';
export { patientRoutes } from './patients.routes.js';
