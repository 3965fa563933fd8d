import type { Queryable } from '../../../platform/db/db.js';
import { newId } from '../../../platform/ids.js';
import type { SmsProvider } from './sms-provider.js';

/**
 * Records messages in sms_sandbox_messages instead of sending them: nothing leaves the machine.
 * The app lists them on the "SMS sandbox" page, labelled as not sent.
 */
export function sandboxSms(q: Queryable): SmsProvider {
  return {
    kind: 'sandbox',
    async send(to, body) {
      const id = newId();
      await q.query('INSERT INTO sms_sandbox_messages(id, to_phone, body) VALUES ($1,$2,$3)', [id, to, body]);
      return { id };
    },
  };
}
