/**
 * `npm run mock-server [-- --port 4010 --host 127.0.0.1 --pacing fast|realistic|instant --seed <text>]`
 * (env: PORT, HOST, EMULATOR_PACING, EMULATOR_SEED). Then:
 *   ANTHROPIC_BASE_URL=http://127.0.0.1:4010 ANTHROPIC_API_KEY=sk-ant-local-test node app.js
 */
import { FAST_PACING, REALISTIC_PACING, type Pacing } from '../emulator';
import { startMockServer } from './node-server';

function readFlag(args: readonly string[], name: string): string | undefined {
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index === -1) return undefined;
  const arg = args[index];
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = process.argv.slice(2);
const portText = readFlag(args, 'port') ?? process.env.PORT ?? '4010';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer 0-65535, got "${portText}"`);
const host = readFlag(args, 'host') ?? process.env.HOST ?? '127.0.0.1';
const PACINGS: Record<string, Pacing> = { fast: FAST_PACING, realistic: REALISTIC_PACING, instant: 'instant' };
const pacingName = readFlag(args, 'pacing') ?? process.env.EMULATOR_PACING ?? 'fast';
const pacing = PACINGS[pacingName];
if (pacing === undefined) fail(`--pacing must be one of ${Object.keys(PACINGS).join(', ')}, got "${pacingName}"`);
const seed = readFlag(args, 'seed') ?? process.env.EMULATOR_SEED;

const server = await startMockServer({ port, host, emulatorOptions: { pacing, ...(seed === undefined ? {} : { seed }) } });
console.log(`Claude API emulator listening on ${server.url}`);
console.log(`  pacing: ${pacingName}${seed === undefined ? '' : `, seed: ${seed}`}`);
console.log('  faults: POST /_emulator/faults (FaultScenario JSON), POST /_emulator/reset, or header x-emulator-fault');

const shutdown = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
