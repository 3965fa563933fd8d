import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Serves the built clinician app at / and the patient portal at /portal/, with the SPA
 * fallback to each app's index.html for client-side routes. API 404s stay problem+json.
 */
export async function registerWebApps(app: FastifyInstance, dist: { clinician?: string; portal?: string }) {
  const clinician = dist.clinician && existsSync(path.join(dist.clinician, 'index.html')) ? dist.clinician : null;
  const portal = dist.portal && existsSync(path.join(dist.portal, 'index.html')) ? dist.portal : null;
  if (clinician) {
    await app.register(fastifyStatic, { root: clinician, prefix: '/', wildcard: false, index: false, decorateReply: true });
  }
  if (portal) {
    await app.register(fastifyStatic, { root: portal, prefix: '/portal/', wildcard: false, index: false, decorateReply: !clinician });
  }
  const html = (reply: import('fastify').FastifyReply, root: string) =>
    reply.header('cache-control', 'no-store').sendFile('index.html', root);
  if (clinician) app.get('/', { config: { public: true }, schema: { hide: true } }, (_req, reply) => html(reply, clinician));
  if (portal) app.get('/portal', { config: { public: true }, schema: { hide: true } }, (_req, reply) => html(reply, portal));
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    const wantsHtml = req.method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/fhir/') && !path.extname(url);
    if (wantsHtml && portal && url.startsWith('/portal')) return html(reply, portal);
    if (wantsHtml && clinician) return html(reply, clinician);
    return reply
      .status(404)
      .type('application/problem+json')
      .send({ type: 'https://hearth.dev/problems/route_not_found', title: 'Not found', status: 404, detail: 'There is nothing at this address.', code: 'route_not_found' });
  });
}
