/**
 * Local-server throughput and p99 latency at 1, 16, 64 and 256 concurrent connections, side by side with a bare
 * Node HTTP server that returns a fixed body of the same size, in the same run:
 * `npx tsx bench/server-throughput.ts` (env BENCH_SECONDS per level, default 5). Each server runs in its own child
 * process; this process is the load generator (keep-alive connections, each sending its next request as soon as
 * the previous answer has been read). The request is a non-streaming `POST /v1/messages` ("What is 17 * 23?",
 * pacing instant), so the figure is the emulator's own cost per request plus HTTP, not simulated generation time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats';

const BODY = JSON.stringify({ model: 'claude-haiku-5-5', max_tokens: 64, messages: [{ role: 'user', content: 'What is 17 * 23?' }] });
const HEADERS = { 'x-api-key': 'sk-ant-bench-0123456789', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };
const LEVELS = [1, 16, 64, 256];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

async function serve(kind: string, fixedBody: string): Promise<void> {
  if (kind === 'emulator') {
    const { startMockServer } = await import('../src/mock/server/node-server');
    const server = await startMockServer({ port: 0, emulatorOptions: { pacing: 'instant', seed: 'bench' } });
    process.send?.({ port: server.port });
    return;
  }
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(fixedBody) });
      res.end(fixedBody);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as { port: number }).port }));
}

function start(kind: string, fixedBody = ''): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['serve', kind, fixedBody], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, port: (message as { port: number }).port }));
    child.once('error', reject);
  });
}

function post(agent: Agent, port: number): Promise<{ ms: number; body: string; status: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/v1/messages', method: 'POST', agent, headers: HEADERS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ ms: performance.now() - started, body: Buffer.concat(chunks).toString(), status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end(BODY);
  });
}

async function load(port: number, connections: number): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < until) {
      const { ms, status } = await post(agent, port);
      if (status !== 200) errors += 1;
      latencies.push(ms);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

if (process.argv[2] === 'serve') {
  await serve(process.argv[3]!, process.argv[4] ?? '');
} else {
  const emulator = await start('emulator');
  const sample = await post(new Agent(), emulator.port);
  if (sample.status !== 200) throw new Error(`the emulator answered ${sample.status}: ${sample.body}`);
  const bare = await start('bare', sample.body);
  console.log(`body ${Buffer.byteLength(sample.body)} bytes; ${SECONDS} s per level; ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('connections | emulator req/s | p50 ms | p99 ms | bare req/s | p50 ms | p99 ms | req/s ratio | p99 ratio');
  for (const connections of LEVELS) {
    const e = await load(emulator.port, connections);
    const b = await load(bare.port, connections);
    console.log([
      connections, e.rps.toFixed(0), e.p50.toFixed(1), e.p99.toFixed(1), b.rps.toFixed(0), b.p50.toFixed(1), b.p99.toFixed(1),
      (e.rps / b.rps).toFixed(2), (e.p99 / b.p99).toFixed(1),
    ].join(' | ') + (e.errors + b.errors > 0 ? ` (errors: ${e.errors} emulator, ${b.errors} bare)` : ''));
  }
  emulator.child.kill();
  bare.child.kill();
}
