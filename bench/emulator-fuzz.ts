/**
 * The emulator fuzz run, longer than the one in `npm test` (test/mock/emulator-fuzz.test.ts, same generators):
 * `node --expose-gc --import tsx bench/emulator-fuzz.ts` (env FUZZ_RUNS, default 5,000; FUZZ_SEED). Prints the
 * requests sent, the failures (answers not in the API's shape, server errors for client input, internals in a
 * message), the slowest request, and the heap before and after (after a full collection both times).
 */
import fc from 'fast-check';
import { createEmulator } from '../src/mock/emulator';
import { fuzzRequest, problemsWith, type FuzzRequest } from '../test/mock/fuzz-shared';

const runs = Number(process.env.FUZZ_RUNS ?? 5_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261204);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('run with node --expose-gc for heap figures after a collection');

function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const emulator = createEmulator({ pacing: 'instant', seed: 'fuzz-bench' });
/** Requests are generated 100 at a time (seed + chunk number), so the heap figures are the emulator's, not the inputs'. */
function* generated(): Generator<FuzzRequest> {
  for (let chunk = 0; chunk * 100 < runs; chunk++) {
    yield* fc.sample(fuzzRequest, { seed: seed + chunk, numRuns: Math.min(100, runs - chunk * 100) });
  }
}
const heapBefore = heapMb();
const rssBefore = process.memoryUsage().rss / 1024 / 1024;
let failures = 0;
let slowest = { ms: 0, label: '' };
const statuses = new Map<number, number>();
const started = performance.now();
let index = -1;
for (const request of generated()) {
  index += 1;
  const label = `#${index} ${request.method} ${request.path} ${(request.body ?? '').slice(0, 80)} (${request.body?.length ?? 0} chars)`;
  const t = performance.now();
  const response = await emulator.handle(
    new Request(`https://api.anthropic.com${request.path}`, { method: request.method, headers: request.headers, body: request.body }),
  );
  const problems = await problemsWith(response);
  const ms = performance.now() - t;
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  if (ms > slowest.ms) slowest = { ms, label };
  if (problems.length > 0) {
    failures += 1;
    if (failures <= 5) console.log('FAILURE', label, problems);
  }
}
const seconds = (performance.now() - started) / 1000;
const heapAfter = heapMb();
console.log(JSON.stringify({
  requests: index + 1,
  seed,
  failures,
  statuses: Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
  seconds: Number(seconds.toFixed(1)),
  slowestMs: Number(slowest.ms.toFixed(1)),
  slowest: slowest.label,
  heapMb: { before: Number(heapBefore.toFixed(1)), after: Number(heapAfter.toFixed(1)) },
  rssMb: { before: Number(rssBefore.toFixed(0)), after: Number((process.memoryUsage().rss / 1024 / 1024).toFixed(0)) },
}, null, 2));
process.exit(failures > 0 ? 1 : 0);
