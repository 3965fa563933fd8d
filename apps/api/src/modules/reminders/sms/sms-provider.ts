import type { Config } from '../../../config.js';
import type { Db } from '../../../platform/db/db.js';
import { sandboxSms } from './sandbox-sms.js';
import { twilioSms } from './twilio-sms.js';

/** The port every SMS adapter implements. `to` is E.164 (+15551234567). */
export interface SmsProvider {
  readonly kind: 'sandbox' | 'twilio';
  send(to: string, body: string): Promise<{ id: string }>;
}

/**
 * A failed send. The message names the provider's status and error code only, never the number or
 * the text, because the worker records it. `retryable` is false for answers that will not change on
 * a retry (an invalid number, a refused sender); those fail the reminder at once.
 */
export class SmsSendError extends Error {
  constructor(
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(`SMS provider refused the message (${code})`);
    this.name = 'SmsSendError';
  }
}

/** The provider chosen by SMS_PROVIDER: the sandbox (default) or Twilio. */
export function smsProviderFor(config: Config, db: Db): SmsProvider {
  if (config.SMS_PROVIDER === 'twilio') {
    return twilioSms({
      accountSid: config.TWILIO_ACCOUNT_SID!,
      authToken: config.TWILIO_AUTH_TOKEN!,
      from: config.TWILIO_FROM!,
      baseUrl: config.TWILIO_BASE_URL,
    });
  }
  return sandboxSms(db);
}
