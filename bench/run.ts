/**
 * `npm run bench`: performance numbers of the production build (dist/, from `npm run build:subpath`),
 * served under /claude-playground/ and loaded in Debian's Chromium. Builds nothing; prints numbers and
 * whether each meets its target (see BENCHMARKS.md). Exits non-zero only when it could not measure.
 *
 * Env: BENCH_RUNS (measured runs, default 30), BENCH_WARMUP (default 5), BENCH_COLD_LOADS (default 5),
 * BENCH_ONLY (comma-separated probe names, e.g. `completion`; default all: see PROBES), BENCH_DIST (the build
 * folder to serve, default dist/).
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchSite } from './bench-site';
import { measureCompletionLatency, type EditorOpening } from './completion-latency';
import { firstLesson } from './first-lesson';
import { measureInitialJs } from './initial-js';
import { measureColdLcp } from './lcp';
import { measureRunLatency } from './run-latency';
import { summarize } from './stats';
import { measureStopLatency } from './stop-latency';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TARGETS = {
  initialJsKb: 100,
  runMedianMs: 15,
  runP95Ms: 40,
  firstRunMs: 300,
  lcpMs: 1500,
  stopMs: 100,
};

/** The probes, in the order they run; BENCH_ONLY picks some of them. */
const PROBES = ['initial-js', 'lcp', 'run', 'stop', 'completion'] as const;
type ProbeName = (typeof PROBES)[number];

function selectedProbes(): Set<ProbeName> {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return new Set(PROBES);
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(PROBES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown probe ${unknown.join(', ')}; known: ${PROBES.join(', ')}`);
  return new Set(names as ProbeName[]);
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (value: number, limit: number) => (value <= limit ? 'meets target' : 'MISSES target');

function line(label: string, value: string, target: string, ok: string): void {
  console.log(`${label.padEnd(34)} ${value.padStart(12)}   target ${target.padEnd(10)} ${ok}`);
}

function printChunks(opening: EditorOpening): void {
  const chunks = Object.entries(opening.chunksMs).sort(([, a], [, b]) => a - b);
  console.log(`  chunks downloaded after the click (last byte): ${chunks.map(([name, at]) => `${name} +${at.toFixed(0)}`).join(', ') || 'none'}`);
}

async function main(): Promise<void> {
  const only = selectedProbes();
  const runs = positiveInt('BENCH_RUNS', 30);
  const warmUp = positiveInt('BENCH_WARMUP', 5);
  const coldLoads = positiveInt('BENCH_COLD_LOADS', 5);
  const lesson = firstLesson();
  const site = await openBenchSite(PROJECT_ROOT);
  const lessonUrl = `${site.url}#/${lesson.slug}`;
  try {
    console.log(`Claude playground benchmarks — ${new Date().toISOString()}`);
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ` +
        `Chromium ${site.browser.version()}, load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`,
    );
    console.log(`page: ${lessonUrl}\n`);

    if (only.has('initial-js')) {
      const initial = await measureInitialJs(site.browser, lessonUrl);
      line('Initial JS (gzip -9)', kb(initial.totalGzipBytes), `≤ ${TARGETS.initialJsKb} KB`, verdict(initial.totalGzipBytes / 1024, TARGETS.initialJsKb));
      console.log(`  ${initial.scripts.length} scripts, ${kb(initial.totalBytes)} uncompressed; largest:`);
      console.log(`  of which before the load event: ${kb(initial.beforeLoadGzipBytes)}; after it (idle-time sandbox prefetch): ${kb(initial.totalGzipBytes - initial.beforeLoadGzipBytes)}`);
      for (const script of initial.scripts.slice(0, 5)) {
        console.log(`    ${kb(script.gzipBytes).padStart(9)}  ${script.name}${script.afterLoad ? '  (after load)' : ''}`);
      }
      if (initial.editorScriptsSkipped.length > 0) {
        console.log(`  (an editor opened before network idle; not counted: ${initial.editorScriptsSkipped.join(', ')})`);
      }
    }

    if (only.has('lcp')) {
      const lcps: number[] = [];
      for (let i = 0; i < coldLoads; i++) lcps.push(await measureColdLcp(site.browser, lessonUrl));
      const lcp = summarize(lcps);
      line(`LCP, cold load (median of ${coldLoads})`, ms(lcp.median), `≤ ${TARGETS.lcpMs} ms`, verdict(lcp.median, TARGETS.lcpMs));
      console.log(`  each: ${lcps.map((value) => value.toFixed(0)).join(', ')} ms`);
    }

    if (only.has('run')) {
      const latency = await measureRunLatency(site.browser, lessonUrl, lesson, { warmUp, runs });
      const run = summarize(latency.runsMs);
      line(`Run latency, median (${run.count} runs)`, ms(run.median), `≤ ${TARGETS.runMedianMs} ms`, verdict(run.median, TARGETS.runMedianMs));
      line('Run latency, p95', ms(run.p95), `≤ ${TARGETS.runP95Ms} ms`, verdict(run.p95, TARGETS.runP95Ms));
      line('Run latency, first run after load', ms(latency.firstRunMs), `≤ ${TARGETS.firstRunMs} ms`, verdict(latency.firstRunMs, TARGETS.firstRunMs));
      console.log(`  min ${ms(run.min)}, max ${ms(run.max)}`);
    }

    if (only.has('stop')) {
      const stops = summarize(await measureStopLatency(site.browser, lessonUrl, lesson, 5));
      line(`Stop latency, median (${stops.count} stops)`, ms(stops.median), `≤ ${TARGETS.stopMs} ms`, verdict(stops.median, TARGETS.stopMs));
      console.log(`  max ${ms(stops.max)}`);
    }

    if (only.has('completion')) {
      const completion = await measureCompletionLatency(site.browser, lessonUrl, lesson, coldLoads);
      const cold = (pick: (opening: EditorOpening) => number) => summarize(completion.cold.map(pick));
      const each = (pick: (opening: EditorOpening) => number) => completion.cold.map((opening) => pick(opening).toFixed(0)).join(', ');
      const editor = cold((opening) => opening.editorMs);
      const first = cold((opening) => opening.completionMs);
      line(`Editor open, cold (median of ${coldLoads})`, ms(editor.median), '—', '(no target)');
      console.log(`  each: ${each((opening) => opening.editorMs)} ms`);
      line(`First completion, cold (median of ${coldLoads})`, ms(first.median), '—', '(no target)');
      console.log(`  each: ${each((opening) => opening.completionMs)} ms; of which after Ctrl+Space: ${each((opening) => opening.afterCtrlSpaceMs)} ms`);
      line('First red squiggle, cold (median)', ms(cold((opening) => opening.squiggleMs).median), '—', '(no target)');
      console.log(`  each: ${each((opening) => opening.squiggleMs)} ms`);
      const lastCold = completion.cold.at(-1);
      if (lastCold) printChunks(lastCold);
      line('Editor open, warm (second editor)', ms(completion.warm.editorMs), '—', '(no target)');
      line('First completion, warm', ms(completion.warm.completionMs), '—', '(no target)');
      console.log(`  of which after Ctrl+Space: ${ms(completion.warm.afterCtrlSpaceMs)}; red squiggle ${ms(completion.warm.squiggleMs)}`);
    }
  } finally {
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
