import type { Page } from 'playwright-core';
import { generate } from 'otplib';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, expect } from 'vitest';
import { screenshot } from './browser.js';
import { demoTotpSecret } from '../../apps/api/src/seed/seed-demo.js';

export const DEMO_PASSWORD = 'Riverbend-Demo-2026';
export const demoEmail = (name: string) => `${name}@riverbend.example`;

/** The current six-digit code from the demo account's authenticator. */
export async function totpFor(email: string): Promise<string> {
  return await generate({ secret: demoTotpSecret(email) });
}

// The server accepts each TOTP code once (a replayed code is refused), and journeys in different
// files may sign in as the same person within one 30-second step. The steps already used are
// shared through a small file, and a second sign-in in the same step waits for the next code.
const USED_STEPS = path.join(os.tmpdir(), 'hearth-e2e-totp-steps.json');
const STEP_MS = 30_000;

function readUsedSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(USED_STEPS, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/** A code the server has not seen yet (waits up to 30 s when this step's code was used). */
export async function unusedTotpFor(email: string): Promise<string> {
  const used = readUsedSteps()[email] ?? -1;
  if (Math.floor(Date.now() / STEP_MS) <= used) {
    await new Promise((r) => setTimeout(r, (used + 1) * STEP_MS - Date.now() + 300));
  }
  const code = await totpFor(email);
  writeFileSync(
    USED_STEPS,
    JSON.stringify({ ...readUsedSteps(), [email]: Math.floor(Date.now() / STEP_MS) }),
  );
  return code;
}

/** A code that is certainly not the current one. */
export async function wrongTotpFor(email: string): Promise<string> {
  const right = await totpFor(email);
  return String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
}

/** Polls until `fn` returns a truthy value (for things outside the page, e.g. the API). */
export async function waitFor<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Types the e-mail and password on the sign-in page and submits. */
export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/**
 * Signs in through the real sign-in page (and the MFA page for accounts that have it) and waits
 * for the signed-in frame. Starts from `baseUrl/sign-in` unless `from` names a protected path.
 * Any earlier session cookie is dropped first, so a failed journey cannot leak its user into the next.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  opts: { mfa?: boolean; from?: string } = {},
) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}${opts.from ?? '/sign-in'}`);
  await page.getByTestId('sign-in-email').waitFor();
  await fillSignIn(page, email);
  if (opts.mfa) {
    await page.getByTestId('mfa-code').fill(await unusedTotpFor(email));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.getByTestId('user-menu').waitFor();
}

/** Signs out through the account menu and waits for the sign-in page. */
export async function signOutViaMenu(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-email').waitFor();
}

/** No horizontal scrolling at the current viewport. */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(
    innerWidth + 1,
  );
}

/** Saves `e2e/screenshots/FAILED-<test name>.png` when a test of this file fails. */
export function screenshotOnFailure(getPage: () => Page | undefined) {
  beforeEach((ctx) => {
    ctx.onTestFailed(async () => {
      const page = getPage();
      if (!page || page.isClosed()) return;
      const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    });
  });
}
