import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/errors.js';

const ZMessage = z.object({ id: z.string(), to: z.string(), subject: z.string(), date: z.string(), text: z.string(), html: z.string().nullable() });

/**
 * The demo mailbox, only registered when Hearth runs without a real SMTP server. It holds
 * staff mail (invitations, password resets); patient messages never go here in production.
 */
export function devMailboxRoutes(dir: string) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['demo'];
    app.get('/api/dev/mailbox', { config: { public: true }, schema: { tags, summary: 'Demo mailbox: messages sent by Hearth', response: { 200: z.array(ZMessage.omit({ text: true, html: true })) } } },
      async () => (await (await import('../../platform/mail/demo-mailbox.js')).readMailbox(dir)).map(({ text: _t, html: _h, ...m }) => m));
    app.get('/api/dev/mailbox/:id', { config: { public: true }, schema: { tags, summary: 'Demo mailbox: one message', params: z.strictObject({ id: z.string().regex(/^[\w.-]{1,120}$/) }), response: { 200: ZMessage } } },
      async (req) => {
        const m = (await (await import('../../platform/mail/demo-mailbox.js')).readMailbox(dir)).find((x) => x.id === req.params.id);
        if (!m) throw notFound('Message');
        return m;
      });
  };
}
