/**
 * `npm run mock-server [-- --port 4010 --host 127.0.0.1 --pacing fast|realistic|instant --seed <text>]`
 * (env: PORT, HOST, EMULATOR_PACING, EMULATOR_SEED). Then:
 *   ANTHROPIC_BASE_URL=http://127.0.0.1:4010 ANTHROPIC_API_KEY=sk-ant-local-test node app.js
 */
import { parseArgs } from 'node:util';
import { FAST_PACING, REALISTIC_PACING, type Pacing } from '../pacing';
import { startMockServer } from './node-server';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let flags: { port?: string; host?: string; pacing?: string; seed?: string };
try {
  flags = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, pacing: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\nusage: npm run mock-server -- [--port 4010] [--host 127.0.0.1] [--pacing fast|realistic|instant] [--seed <text>]`);
}

const portText = flags.port ?? process.env.PORT ?? '4010';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`--port must be an integer 0-65535, got "${portText}"`);
const host = flags.host ?? process.env.HOST ?? '127.0.0.1';
const PACINGS: Record<string, Pacing> = { fast: FAST_PACING, realistic: REALISTIC_PACING, instant: 'instant' };
const pacingName = flags.pacing ?? process.env.EMULATOR_PACING ?? 'fast';
const pacing = PACINGS[pacingName];
if (pacing === undefined) fail(`--pacing must be one of ${Object.keys(PACINGS).join(', ')}, got "${pacingName}"`);
const seed = flags.seed ?? process.env.EMULATOR_SEED;

const server = await startMockServer({ port, host, emulatorOptions: { pacing, ...(seed === undefined ? {} : { seed }) } });
console.log(`Claude API emulator listening on ${server.url}`);
if (!isLoopback(host)) {
  // Bound beyond this machine (a workshop room, issue 13): say plainly who can now reach it.
  console.warn(
    `  warning: --host ${host} lets every machine that can reach this one use the emulator and its /_emulator/* ` +
      'controls (no key is checked, any web page may call it). Use it on a network you trust, only while needed.',
  );
}
console.log(`  pacing: ${pacingName}${seed === undefined ? '' : `, seed: ${seed}`}`);
console.log('  faults: POST /_emulator/faults (FaultScenario JSON), POST /_emulator/reset, or header x-emulator-fault');

function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || /^127\./.test(address);
}

const shutdown = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
