// The groups module's public API for other modules.
export { groupRoutes } from './groups.routes.js';
