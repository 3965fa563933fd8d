import { SmsSendError, type SmsProvider } from './sms-provider.js';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** An E.164 sender number, or a Messaging Service SID (MG...). */
  from: string;
  /** https://api.twilio.com, or a local server that speaks the same API in tests. */
  baseUrl: string;
  timeoutMs?: number;
}

/**
 * Twilio's Programmable Messaging REST API: POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json
 * with a form-encoded To, From (or MessagingServiceSid) and Body, HTTP basic auth (Account SID and
 * auth token). A 201 answer carries the message's sid. Errors carry Twilio's numeric code.
 */
export function twilioSms(o: TwilioOptions): SmsProvider {
  const url = `${o.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(o.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${o.accountSid}:${o.authToken}`).toString('base64')}`;
  return {
    kind: 'twilio',
    async send(to, body) {
      const form = new URLSearchParams({ To: to, Body: body });
      form.set(o.from.startsWith('MG') ? 'MessagingServiceSid' : 'From', o.from);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form.toString(),
          signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
        });
      } catch (e) {
        // Network trouble or a timeout: worth retrying later.
        throw new SmsSendError(e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'network', true);
      }
      const json = (await res.json().catch(() => null)) as { sid?: unknown; code?: unknown } | null;
      if (res.status === 201 || res.status === 200) {
        if (typeof json?.sid !== 'string') throw new SmsSendError('no_sid', true);
        return { id: json.sid };
      }
      const code = `http_${res.status}${typeof json?.code === 'number' ? `_${json.code}` : ''}`;
      // Retry what can pass later: throttling, Twilio's own errors, and credentials an admin can fix
      // (401/403). Other 4xx answers (an invalid or unreachable number) will not change.
      throw new SmsSendError(code, res.status === 429 || res.status >= 500 || res.status === 401 || res.status === 403);
    },
  };
}
