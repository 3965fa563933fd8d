// Who is making a request. Built once per request by the authentication hook.
export interface Actor {
  kind: 'user' | 'token';
  userId: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  sessionId?: string;
  tokenId?: string;
}

export const primaryRole = (a: Actor | null | undefined): string | null =>
  a ? (a.kind === 'token' ? 'service' : a.roles.join(',') || null) : null;

export const can = (a: Actor | null | undefined, permission: string): boolean => !!a && a.permissions.has(permission);
