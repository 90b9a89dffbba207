import type {TestContext} from 'node:test';

/**
 * Skips a test that cannot run on this machine, saying why. Under CI=true a
 * skip would hide a missing install step, so it fails instead.
 */
export function skipOrFail(t: TestContext, reason: string): void {
  if (process.env.CI === 'true') throw new Error(`Cannot run under CI: ${reason}`);
  t.skip(reason);
}
