// Sign-out (idle timeout, revoked session) must never be held up by an "unsaved changes" prompt.
let bypassUntil = 0;

export function bypassNavigationGuards(ms = 2000) {
  bypassUntil = Date.now() + ms;
}

export function navigationGuardsBypassed() {
  return Date.now() < bypassUntil;
}
