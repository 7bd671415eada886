/**
 * "Copy as curl / Python / TypeScript" for one recorded exchange: a command or program a learner can paste
 * into a terminal and run as it is, sending the same request with their own key (`$ANTHROPIC_API_KEY`, never
 * the key itself) to `$ANTHROPIC_BASE_URL` when set (the local mock server) or else the real API.
 *
 * Hand-written because each output must be exactly what the official SDKs accept: the Python and TypeScript
 * SDKs read ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL themselves, and their method names follow the endpoint.
 */
import type { ExchangeRecord } from '../runner/protocol';

type ExchangeRequest = ExchangeRecord['request'];

/**
 * Headers a terminal copy leaves out: the credential (written from the environment instead), what curl and
 * the SDKs set themselves, the browser-only opt-in, and the SDK's own telemetry.
 */
const OMITTED_HEADERS =
  /^(x-api-key|authorization|content-length|host|connection|accept-encoding|user-agent|anthropic-dangerous-direct-browser-access|x-stainless-.*)$/i;

/** One endpoint call of the official SDKs. */
interface SdkCall {
  /** e.g. ['messages', 'create'], or ['beta', 'messages', 'create'] */
  python: string[];
  typescript: string[];
  /** Path parameter (a model or batch id). */
  id?: string;
  /** Request body or query as a params object. */
  params: Record<string, unknown>;
  /** The call returns something to iterate (a stream, a page of a list, batch results). */
  iterates: boolean;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A heredoc delimiter that is not a line of `body`. */
function heredocDelimiter(body: string): string {
  let delimiter = 'JSON';
  while (body.split('\n').includes(delimiter)) delimiter += '_END';
  return delimiter;
}

export function copyAsCurl(request: ExchangeRequest): string {
  const url = new URL(request.url);
  const lines = [`curl -sS -X ${request.method} "\${ANTHROPIC_BASE_URL:-https://api.anthropic.com}"${shellQuote(url.pathname + url.search)}`];
  const bearer = Object.keys(request.headers).some((name) => name.toLowerCase() === 'authorization');
  lines.push(bearer ? '-H "authorization: Bearer $ANTHROPIC_API_KEY"' : '-H "x-api-key: $ANTHROPIC_API_KEY"');
  for (const [name, value] of Object.entries(request.headers)) {
    if (!OMITTED_HEADERS.test(name)) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (parseBody(request.body)?.stream === true) lines.push('--no-buffer');
  if (request.body && request.method.toUpperCase() !== 'GET') {
    const delimiter = heredocDelimiter(request.body);
    lines.push(`--data-binary @- <<'${delimiter}'\n${request.body}\n${delimiter}`);
  }
  return `${lines.join(' \\\n  ')}\n`;
}

function parseBody(body: string): Record<string, unknown> | undefined {
  if (!body) return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The SDK method for a request, or undefined for a path the SDKs have no method for (or a body not JSON). */
function sdkCall(request: ExchangeRequest): SdkCall | undefined {
  const url = new URL(request.url);
  const path = url.pathname;
  const body = parseBody(request.body);
  if (body === undefined) return undefined;
  const betas = (request.headers['anthropic-beta'] ?? '').split(',').map((beta) => beta.trim()).filter(Boolean);
  const beta = url.searchParams.get('beta') === 'true' || betas.length > 0;
  const query = Object.fromEntries([...url.searchParams].filter(([name]) => name !== 'beta'));
  const call = (names: [python: string[], typescript: string[]], params: Record<string, unknown>, extra: Partial<SdkCall> = {}): SdkCall => ({
    python: beta ? ['beta', ...names[0]] : names[0],
    typescript: beta ? ['beta', ...names[1]] : names[1],
    params: betas.length > 0 ? { ...params, betas } : params,
    iterates: false,
    ...extra,
  });
  const same = (...names: string[]): [string[], string[]] => [names, names];
  const method = request.method.toUpperCase();
  const model = /^\/v1\/models\/([\w.-]+)$/.exec(path);
  const batch = /^\/v1\/messages\/batches\/([\w.-]+)(\/results|\/cancel)?$/.exec(path);
  if (method === 'POST' && path === '/v1/messages') return call(same('messages', 'create'), body, { iterates: body.stream === true });
  if (method === 'POST' && path === '/v1/messages/count_tokens') {
    return call([['messages', 'count_tokens'], ['messages', 'countTokens']], body);
  }
  if (method === 'GET' && path === '/v1/models') return call(same('models', 'list'), query, { iterates: true });
  if (method === 'GET' && model) return call(same('models', 'retrieve'), {}, { id: model[1]! });
  if (method === 'POST' && path === '/v1/messages/batches') return call(same('messages', 'batches', 'create'), body);
  if (method === 'GET' && path === '/v1/messages/batches') return call(same('messages', 'batches', 'list'), query, { iterates: true });
  if (batch) {
    const [, id, action] = batch;
    if (method === 'GET' && !action) return call(same('messages', 'batches', 'retrieve'), {}, { id: id! });
    if (method === 'GET' && action === '/results') return call(same('messages', 'batches', 'results'), {}, { id: id!, iterates: true });
    if (method === 'POST' && action === '/cancel') return call(same('messages', 'batches', 'cancel'), {}, { id: id! });
    if (method === 'DELETE' && !action) return call(same('messages', 'batches', 'delete'), {}, { id: id! });
  }
  return undefined;
}

/** A JSON value as a Python literal (True/False/None), indented like pretty JSON. */
export function pythonLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  // JSON.stringify writes only escapes Python string literals share (\" \\ \n \t \uXXXX …).
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${pythonLiteral(item, inner)}`).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, inner)}`).join(',\n')},\n${indent}}`;
}

/** The official Python SDK call that sends the same request; undefined where the SDK has no method for it. */
export function copyAsPython(request: ExchangeRequest): string | undefined {
  const call = sdkCall(request);
  if (!call) return undefined;
  const args = [
    ...(call.id !== undefined ? [JSON.stringify(call.id)] : []),
    ...(Object.keys(call.params).length > 0 ? [`**${pythonLiteral(call.params)}`] : []),
  ];
  const invocation = `client.${call.python.join('.')}(${args.join(', ')})`;
  return [
    '# pip install anthropic  (reads ANTHROPIC_API_KEY, and ANTHROPIC_BASE_URL if set, from the environment)',
    'import anthropic',
    '',
    'client = anthropic.Anthropic()',
    call.iterates ? `for item in ${invocation}:\n    print(item)` : `result = ${invocation}\nprint(result)`,
    '',
  ].join('\n');
}

/** The official TypeScript SDK call that sends the same request; undefined where the SDK has no method for it. */
export function copyAsTypeScript(request: ExchangeRequest): string | undefined {
  const call = sdkCall(request);
  if (!call) return undefined;
  const args = [
    ...(call.id !== undefined ? [JSON.stringify(call.id)] : []),
    ...(Object.keys(call.params).length > 0 ? [JSON.stringify(call.params, null, 2)] : []),
  ];
  const invocation = `client.${call.typescript.join('.')}(${args.join(', ')})`;
  return [
    '// npm install @anthropic-ai/sdk  (reads ANTHROPIC_API_KEY, and ANTHROPIC_BASE_URL if set, from the environment)',
    "import Anthropic from '@anthropic-ai/sdk';",
    '',
    'const client = new Anthropic();',
    call.iterates ? `for await (const item of await ${invocation}) {\n  console.log(item);\n}` : `const result = await ${invocation};\nconsole.log(result);`,
    '',
  ].join('\n');
}
