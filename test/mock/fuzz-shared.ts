/**
 * Generated requests for the emulator's fuzz test (test/mock/emulator-fuzz.test.ts) and its longer run in bench/:
 * valid requests with one part replaced by generated JSON, pathological strings and schemas, odd methods, paths and
 * headers. And the one check every answer must pass: the API's status codes and error shape, and no message that
 * names JavaScript internals.
 */
import fc from 'fast-check';

const MODEL = 'claude-sonnet-5-5';
export const FUZZ_KEY = 'sk-ant-test-0123456789';

const hello = { model: MODEL, max_tokens: 64, messages: [{ role: 'user', content: 'What is 17 * 23?' }] };
const weatherTool = { name: 'get_weather', description: 'Weather in a city', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
const templates: Array<Record<string, unknown>> = [
  hello,
  { ...hello, stream: true },
  { ...hello, tools: [weatherTool], tool_choice: { type: 'any' } },
  { ...hello, output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] } } } },
  { ...hello, thinking: { type: 'adaptive' }, system: 'Be brief.' },
  {
    ...hello,
    messages: [{ role: 'user', content: [
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'The sky is blue. Grass is green.' }, citations: { enabled: true } },
      { type: 'text', text: 'What colour is the sky?' },
    ] }],
  },
];

/** A readable document (text, or an uncompressed PDF page) whose text is `text`, asked about with citations. */
const askDocument = (source: Record<string, unknown>) => ({
  ...hello,
  messages: [{ role: 'user', content: [{ type: 'document', source, citations: { enabled: true } }, { type: 'text', text: 'Summarize this document.' }] }],
});
const pdfWith = (content: string) =>
  Buffer.from(`%PDF-1.4\n${'<< /Length 1 >>'}\nstream\nBT ${content}\nendstream\n%%EOF`).toString('base64');

/** Strings that once made the emulator slow: long runs of one character kind. */
const pathological = fc.oneof(
  fc.constantFrom('(', ')', '7', 'a', '1+', 'é', '😀', ' ', '.', '@', 'x', '<<', '[', '!'),
  fc.string({ maxLength: 4 }),
).chain((unit) => fc.integer({ min: 1, max: 40_000 }).map((count) => unit.repeat(count)))
  .map((run) => fc.sample(fc.constantFrom('What is ', 'convert ', 'bmi ', 'Search for ', ''), 1)[0] + run);

const number = fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 1e9, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 0.5));
const json: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: number },
  { weight: 1, arbitrary: pathological },
);

/** A schema with keywords of the right names but any values (`minItems: 1e9`, `required: 0`, …). */
const schema: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.record(
    {
      type: fc.oneof(fc.constantFrom('object', 'array', 'string', 'number', 'integer', 'boolean', 'null'), json),
      properties: fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), tie('node'), { maxKeys: 3 }), json),
      required: fc.oneof(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), json),
      items: fc.oneof(tie('node'), json),
      minItems: number,
      enum: fc.oneof(fc.array(json, { maxLength: 3 }), json),
      anyOf: fc.oneof(fc.array(tie('node'), { maxLength: 2 }), json),
    },
    { requiredKeys: [] },
  ),
})).node;

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function replaced(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = replaced(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

/** A Messages body: a template with one part (or a schema) replaced. */
export const messagesBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(fc.constantFrom(...templates), fc.nat(), json).map(([template, pick, value]) => {
    const paths = pathsOf(template);
    return replaced(template, paths[pick % paths.length]!, value);
  }),
  fc.tuple(schema, fc.boolean()).map(([s, asTool]) =>
    asTool
      ? { ...hello, tools: [{ name: 'f', description: 'd', input_schema: s }], tool_choice: { type: 'any' } }
      : { ...hello, output_config: { format: { type: 'json_schema', schema: s } } }),
  pathological.map((content) => ({ ...hello, messages: [{ role: 'user', content }] })),
  pathological.map((content) => ({ ...hello, tools: [weatherTool], messages: [{ role: 'user', content }] })),
  pathological.map((data) => askDocument({ type: 'text', media_type: 'text/plain', data })),
  pathological.map((run) => askDocument({ type: 'base64', media_type: 'application/pdf', data: pdfWith(run) })),
  pathological.map((run) => askDocument({ type: 'base64', media_type: 'application/pdf', data: Buffer.from(`%PDF-1.4 ${run}`).toString('base64') })),
);

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const paths = fc.oneof(
  { weight: 6, arbitrary: fc.constant('/v1/messages') },
  { weight: 2, arbitrary: fc.constantFrom('/v1/messages/count_tokens', '/v1/messages/batches', '/v1/models', '/v1/models/claude-haiku-5-5') },
  { weight: 1, arbitrary: fc.webPath().map((p) => `/v1${p.startsWith('/') ? p : `/${p}`}`) },
  { weight: 1, arbitrary: fc.constantFrom('/v1/messages/batches/msgbatch_x', '/v1/messages/batches/msgbatch_x/results', '/v1/models/%E0%A4%A', '/') },
);

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 2, arbitrary: fc.constantFrom('GET', 'DELETE', 'PUT', 'PATCH') }),
  path: paths,
  headers: fc.record({
    'x-api-key': fc.oneof({ weight: 8, arbitrary: fc.constant(FUZZ_KEY) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }),
    'anthropic-version': fc.oneof({ weight: 8, arbitrary: fc.constant('2023-06-01') }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
    'content-type': fc.constant('application/json'),
  }),
  body: fc.oneof(
    { weight: 8, arbitrary: messagesBody.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
}).map((r) => {
  // Header values must be ByteStrings to build a Request; a generated one that is not is sent as-is but ASCII.
  const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, v.replace(/[^\x20-\x7e]/g, '?')]));
  return { ...r, headers, body: r.method === 'GET' ? undefined : r.body };
});

/** Statuses the API answers with (REF §3, docs: …/api/errors). */
export const API_STATUSES = new Set([200, 400, 401, 403, 404, 413, 429, 500, 529]);
/** Words of JavaScript's own error messages, which must never reach a learner. */
export const INTERNALS = /is not iterable|Cannot read prop|Cannot convert|is not a function|undefined is not|null is not|Invalid time value|Maximum call stack|TypeError|RangeError|ReferenceError|Invalid array length|\bat .*\.[jt]s:\d+/;

/** Problems with one answer, empty when it is well formed. Reads the whole body. */
export async function problemsWith(response: Response): Promise<string[]> {
  const problems: string[] = [];
  if (!API_STATUSES.has(response.status)) problems.push(`status ${response.status} is not one the API uses`);
  if (!response.headers.get('request-id')) problems.push('no request-id header');
  const text = await response.text();
  if (INTERNALS.test(text)) problems.push(`names JavaScript internals: ${text.slice(0, 300)}`);
  if (response.status >= 500 && response.status !== 529) problems.push(`server error for a client request: ${text.slice(0, 300)}`);
  if (response.status !== 200) {
    type ErrorBody = { type?: unknown; error?: { type?: unknown; message?: unknown }; request_id?: unknown };
    let body: ErrorBody | undefined;
    try {
      body = JSON.parse(text) as ErrorBody;
    } catch {
      problems.push(`error body is not JSON: ${text.slice(0, 200)}`);
    }
    if (body !== undefined && !(body.type === 'error' && typeof body.error?.type === 'string' && typeof body.error.message === 'string' && body.request_id === response.headers.get('request-id'))) {
      problems.push(`error body is not in the API's shape: ${text.slice(0, 200)}`);
    }
  }
  return problems;
}
