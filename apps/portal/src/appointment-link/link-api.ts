import type { TAppointmentLinkView } from '@hearth/contracts';

// The public reminder-link API: no sign-in, the token in the path is the only credential.

export type LinkFailure = 'invalid' | 'expired' | 'used' | 'conflict' | 'rate_limited' | 'network';

export class LinkError extends Error {
  constructor(
    readonly kind: LinkFailure,
    readonly detail: string | null,
    readonly usedFor: 'confirm' | 'cancel' | null = null,
  ) {
    super(detail ?? kind);
  }
}

async function call(path: string, method: 'GET' | 'POST'): Promise<TAppointmentLinkView> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'omit',
      headers: method === 'POST' ? { accept: 'application/json', 'content-type': 'application/json' } : { accept: 'application/json' },
      body: method === 'POST' ? '{}' : undefined,
    });
  } catch {
    throw new LinkError('network', null);
  }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok && body) return body as unknown as TAppointmentLinkView;
  const detail = typeof body?.detail === 'string' ? body.detail : null;
  if (res.status === 410) {
    const usedFor = body?.usedFor === 'confirm' || body?.usedFor === 'cancel' ? body.usedFor : null;
    throw new LinkError(body?.reason === 'used' ? 'used' : 'expired', detail, usedFor);
  }
  if (res.status === 404 || res.status === 400) throw new LinkError('invalid', detail);
  if (res.status === 409) throw new LinkError('conflict', detail);
  if (res.status === 429) throw new LinkError('rate_limited', detail);
  throw new LinkError('network', detail);
}

const base = (token: string) => `/api/public/appointment-links/${encodeURIComponent(token)}`;
export const openLink = (token: string) => call(base(token), 'GET');
export const respond = (token: string, action: 'confirm' | 'cancel') => call(`${base(token)}/${action}`, 'POST');
