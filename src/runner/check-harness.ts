import type { CheckResult, SerializedError } from './protocol';
import { ExpectationError } from './expect';

type CheckBody = () => unknown;

/**
 * Collects the `check(name, fn)` calls of an exercise's check code, then runs them one after the
 * other (each may be async). Registration and running are separate so that, when the learner's code
 * threw, every check can still be listed — as failed with that error.
 */
export class CheckHarness {
  private readonly registered: { name: string; body: CheckBody }[] = [];

  /** The `check` global of check code. */
  readonly check = (name: string, body: CheckBody): void => {
    if (typeof name !== 'string' || typeof body !== 'function') {
      throw new TypeError('check(name, fn) needs a name (string) and a function');
    }
    this.registered.push({ name, body });
  };

  get names(): string[] {
    return this.registered.map((r) => r.name);
  }

  /** Runs every registered check, each with `timeoutMs` to settle. */
  async run(timeoutMs: number): Promise<CheckResult[]> {
    const results: CheckResult[] = [];
    for (const { name, body } of this.registered) results.push(await runOne(name, body, timeoutMs));
    return results;
  }

  /** Every registered check, failed because the exercise code itself failed. */
  failAll(cause: SerializedError): CheckResult[] {
    const message = `Your code threw before the checks could run: ${cause.name}: ${cause.message}`;
    return this.registered.map(({ name }) => ({ name, passed: false, message }));
  }
}

async function runOne(name: string, body: CheckBody, timeoutMs: number): Promise<CheckResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`check did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([Promise.resolve().then(body), timedOut]);
    return { name, passed: true };
  } catch (error) {
    if (error instanceof ExpectationError) {
      return { name, passed: false, message: error.message, ...(error.diff ? { diff: error.diff } : {}) };
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { name, passed: false, message };
  } finally {
    clearTimeout(timer);
  }
}
