/**
 * What live mode lets a cell do with the learner's key: the course's endpoints only, and no request that
 * makes the API reach another host on the learner's behalf unless the learner agreed to that host.
 *
 * A cell is code the learner may have pasted from anywhere. With the key swapped in on the page, any request
 * a cell sends acts with the full power of that key (the Admin API, deleting files, MCP servers that receive
 * the conversation). The course needs a handful of endpoints; everything else is refused here, before the
 * key is attached.
 */

/** One endpoint the course uses. `path` segments written `{id}` match one path segment. */
export interface CourseEndpoint {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Why the course needs it (shown when something else is refused). */
  use: string;
}

/**
 * Every endpoint live mode forwards: the Messages API, token counting, the models list and Message Batches
 * (SDK: resources/messages/messages.ts, resources/messages/batches.ts, resources/models.ts).
 */
export const COURSE_ENDPOINTS: readonly CourseEndpoint[] = [
  { method: 'POST', path: '/v1/messages', use: 'send a message' },
  { method: 'POST', path: '/v1/messages/count_tokens', use: 'count tokens' },
  { method: 'GET', path: '/v1/models', use: 'list models' },
  { method: 'GET', path: '/v1/models/{id}', use: 'read a model' },
  { method: 'POST', path: '/v1/messages/batches', use: 'create a batch' },
  { method: 'GET', path: '/v1/messages/batches', use: 'list batches' },
  { method: 'GET', path: '/v1/messages/batches/{id}', use: 'read a batch' },
  { method: 'GET', path: '/v1/messages/batches/{id}/results', use: 'read batch results' },
  { method: 'POST', path: '/v1/messages/batches/{id}/cancel', use: 'cancel a batch' },
  { method: 'DELETE', path: '/v1/messages/batches/{id}', use: 'delete a batch' },
];

/** Endpoints whose JSON body is a Messages request (or, for batches, a list of them). */
const MESSAGE_BODIES = new Set(['/v1/messages', '/v1/messages/count_tokens']);
const BATCH_CREATE = '/v1/messages/batches';

export type PolicyDecision =
  | { kind: 'allow' }
  /** Allowed only if the learner agrees that the API may contact these hosts for them. */
  | { kind: 'confirm'; hosts: string[]; fields: string[] }
  | { kind: 'refuse'; reason: string };

function matches(template: string, path: string): boolean {
  const want = template.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((part, i) => (part === '{id}' ? /^[\w.-]+$/.test(got[i]!) : part === got[i]));
}

export function findCourseEndpoint(method: string, path: string): CourseEndpoint | undefined {
  return COURSE_ENDPOINTS.find((endpoint) => endpoint.method === method && matches(endpoint.path, path));
}

function describeEndpoints(): string {
  return COURSE_ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`).join(', ');
}

/** Decides about one request before the key is attached. `body` is the request's text (empty for GET). */
export function decideLiveRequest(method: string, url: URL, body: string): PolicyDecision {
  const endpoint = findCourseEndpoint(method, url.pathname);
  if (!endpoint) {
    return {
      kind: 'refuse',
      reason:
        `${method} ${url.pathname} is not an endpoint this course uses, so your key was not sent. ` +
        `Live mode forwards only: ${describeEndpoints()}. Other endpoints can act on your whole account ` +
        '(its files, keys and members); call them from your own code outside the playground if you need them.',
    };
  }
  if (method !== 'POST') return { kind: 'allow' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'allow' }; // Not JSON: the API answers with its own 400, and nothing can name a host.
  }
  const reach: OutsideReach = { hosts: new Set(), fields: new Set() };
  if (MESSAGE_BODIES.has(endpoint.path)) collectOutsideReach(json, '', reach);
  if (endpoint.path === BATCH_CREATE && isObject(json) && Array.isArray(json.requests)) {
    json.requests.slice(0, MAX_BATCH_REQUESTS_SCANNED).forEach((request, i) => {
      if (isObject(request)) collectOutsideReach(request.params, `requests.${i}.params.`, reach);
    });
    if (json.requests.length > MAX_BATCH_REQUESTS_SCANNED) {
      return { kind: 'refuse', reason: `A batch of more than ${MAX_BATCH_REQUESTS_SCANNED} requests is more than this course sends; your key was not sent.` };
    }
  }
  if (reach.hosts.size === 0) return { kind: 'allow' };
  return { kind: 'confirm', hosts: [...reach.hosts].sort(), fields: [...reach.fields].sort() };
}

/** The course's batches are small; scanning is bounded so a huge body cannot stall the page. */
const MAX_BATCH_REQUESTS_SCANNED = 1000;
/** How deep a Messages body is searched for URL sources (tool results nest content two levels down). */
const MAX_DEPTH = 12;

interface OutsideReach {
  hosts: Set<string>;
  fields: Set<string>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hostOf(url: unknown): string {
  if (typeof url !== 'string') return 'an unnamed host';
  try {
    return new URL(url).host || url;
  } catch {
    return url.slice(0, 200);
  }
}

/**
 * The fields of a Messages request that make the API contact other hosts: `mcp_servers` (the API connects to
 * each server's URL and sends it the tool calls), URL sources of images and documents (the API downloads
 * them), and the web fetch tool (the model may fetch any page, or those in its `allowed_domains`).
 */
function collectOutsideReach(params: unknown, prefix: string, reach: OutsideReach): void {
  if (!isObject(params)) return;
  if (Array.isArray(params.mcp_servers)) {
    for (const server of params.mcp_servers) {
      reach.hosts.add(hostOf(isObject(server) ? server.url : undefined));
      reach.fields.add(`${prefix}mcp_servers`);
    }
  }
  if (Array.isArray(params.tools)) {
    params.tools.forEach((tool, i) => {
      if (!isObject(tool) || typeof tool.type !== 'string' || !tool.type.startsWith('web_fetch')) return;
      const domains = Array.isArray(tool.allowed_domains) ? tool.allowed_domains.filter((d) => typeof d === 'string') : [];
      if (domains.length === 0) reach.hosts.add('any web page the model chooses to fetch');
      for (const domain of domains) reach.hosts.add(String(domain));
      reach.fields.add(`${prefix}tools.${i} (${tool.type})`);
    });
  }
  const walk = (value: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}.${i}`, depth + 1));
      return;
    }
    if (!isObject(value)) return;
    const source = value.source;
    if (isObject(source) && source.type === 'url') {
      reach.hosts.add(hostOf(source.url));
      reach.fields.add(`${path}.source`);
    }
    for (const key of ['content', 'messages']) if (key in value) walk(value[key], `${path}.${key}`, depth + 1);
  };
  walk(params.messages, `${prefix}messages`, 0);
}
