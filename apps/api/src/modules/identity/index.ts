// The identity module's public API for other modules.
export { issuePasswordToken } from './password-reset.js';
export { identityRoutes } from './identity.routes.js';
