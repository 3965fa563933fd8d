import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './platform/deps.js';
import { registerErrorHandling, sendProblem } from './platform/http/problem.js';
import { registerAuth } from './platform/http/auth-hook.js';
import { registerWebApps } from './platform/http/web-apps.js';
import { identityRoutes } from './modules/identity/identity.routes.js';
import { patientRoutes } from './modules/patients/index.js';
import { practiceRoutes } from './modules/practice/practice.routes.js';
import { staffRoutes } from './modules/staff/staff.routes.js';
import { schedulingRoutes } from './modules/scheduling/scheduling.routes.js';
import { availabilityRoutes } from './modules/scheduling/availability/availability.routes.js';
import { groupRoutes } from './modules/groups/index.js';
import { engagementRoutes } from './modules/engagement/index.js';
import { waitlistRoutes } from './modules/waitlist/index.js';
import { reminderRoutes } from './modules/reminders/index.js';
import { notesRoutes, psychotherapyRoutes } from './modules/documentation/index.js';
import { noteQueueRoutes } from './modules/documentation/queue.routes.js';
import { groupNoteRoutes } from './modules/documentation/group-notes.routes.js';
import { templatesRoutes } from './modules/documentation/templates.routes.js';
import { diagnosesRoutes } from './modules/documentation/diagnoses.routes.js';
import { problemsRoutes } from './modules/documentation/problems.routes.js';
import { adminRoutes } from './modules/admin/admin.routes.js';
import { devMailboxRoutes } from './modules/admin/dev-mailbox.routes.js';

export interface AppOptions {
  /** Directories of the built web apps; served when present. */
  webDist?: { clinician?: string; portal?: string };
  /** Where the demo mailbox stores messages, when the demo mailbox is on. */
  mailboxDir?: string;
}

/** Builds the HTTP app from its dependencies. Tests call this directly. */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as unknown as FastifyBaseLogger,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    trustProxy: deps.config.TRUST_PROXY,
    // Request logs carry method, route and status only: URLs hold ids, never PHI.
    logController: new LogController({ disableRequestLogging: deps.config.LOG_LEVEL !== 'debug' && deps.config.LOG_LEVEL !== 'trace' }),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: { customOptions: { removeAdditional: false } },
    // Router-level errors (bad %-encoding, over-long path parameter) as problem+json; Fastify's own
    // answer is plain JSON that echoes the submitted path.
    frameworkErrors: (err, _req, reply) =>
      err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? sendProblem(reply, 414, 'A part of the address is too long.', 'uri_too_long')
        : sendProblem(reply, 400, 'The address is not valid.', 'bad_request'),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // JSON only: Fastify's built-in text/plain parser would let a cross-site form post a body (B19) and
  // turns a wrong content type into a confusing 400; without it the answer is 415.
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: true,
    max: deps.config.RATE_LIMIT_API_PER_MINUTE,
    timeWindow: '1 minute',
    // Per signed-in principal where known, else per client address.
    keyGenerator: (req) => (req.cookies?.hearth_sid ? `s:${req.cookies.hearth_sid.slice(0, 16)}` : (req.headers.authorization?.slice(0, 24) ?? req.ip)),
    allowList: (req) => !req.url.startsWith('/api/') && !req.url.startsWith('/fhir/'),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Hearth API', version: '0.1.0', description: 'REST API of Hearth, the behavioral-health EHR. All routes need a session cookie (with x-csrf-token on changes) or a bearer API token, unless marked public.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'hearth_sid' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  registerAuth(app, deps);

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => {
    await deps.db.query('SELECT 1');
    return { status: 'ok', database: deps.db.kind };
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(identityRoutes(deps));
  await app.register(patientRoutes(deps));
  await app.register(practiceRoutes(deps));
  await app.register(staffRoutes(deps));
  await app.register(schedulingRoutes(deps));
  await app.register(availabilityRoutes(deps));
  await app.register(groupRoutes(deps));
  await app.register(engagementRoutes(deps));
  await app.register(waitlistRoutes(deps));
  await app.register(reminderRoutes(deps));
  await app.register(notesRoutes(deps));
  await app.register(psychotherapyRoutes(deps));
  await app.register(noteQueueRoutes(deps));
  await app.register(groupNoteRoutes(deps));
  await app.register(templatesRoutes(deps));
  await app.register(diagnosesRoutes(deps));
  await app.register(problemsRoutes(deps));
  await app.register(adminRoutes(deps));
  if (opts.mailboxDir) await app.register(devMailboxRoutes(opts.mailboxDir));
  await registerWebApps(app, opts.webDist ?? {});
  return app;
}
