/**
 * Plain-words explanations of an API error or a failed request, shown beside the raw exchange: what the status
 * and error type mean, the field the message names, the likely cause in this request, the fix, whether a retry
 * can help (and what `retry-after` says), and the lesson that teaches it.
 *
 * The meanings follow the API's error reference (platform.claude.com/docs/en/api/errors, summarised in
 * shared/reference/messages-api.md §3) and the per-model rules (models.md §5); the SDK's retry rules are
 * those of @anthropic-ai/sdk client.ts (retries 408, 409, 429 and ≥500, honours retry-after).
 */

export interface ErrorExplanation {
  /** One line: status and what happened. */
  title: string;
  /** What this status / error type means on the API. */
  meaning: string;
  /** The request field the message names (`messages.1.content.0`), when it names one. */
  field?: string;
  /** The likely cause in this request. */
  cause: string;
  fix: string;
  retry: { helps: boolean; advice: string };
  /** The lesson (and section) that teaches this. */
  lesson?: { slug: string; label: string };
}

export interface FailedExchange {
  route: 'emulator' | 'live';
  status?: number;
  /** Response body text (an API error body is JSON). */
  body?: string;
  /** Response headers, names lower-cased. */
  headers?: Record<string, string>;
  /** A network-level failure: the TypeError text learner code saw. */
  networkError?: string;
  /** `navigator.onLine` when the request failed, where known. */
  online?: boolean;
}

const LESSONS = {
  firstRequest: { slug: '01-first-request', label: 'Lesson 1: Your first request' },
  toolUse: { slug: '05-tool-use', label: 'Lesson 5: Tool use' },
  thinking: { slug: '06-extended-thinking', label: 'Lesson 6: Extended thinking' },
  errors: { slug: '08-errors-and-retries', label: 'Lesson 8: Errors and retries' },
} as const;

interface ApiErrorBody {
  type: string;
  message: string;
  errorCode?: string;
}

function parseErrorBody(body: string | undefined): ApiErrorBody | undefined {
  if (!body) return undefined;
  try {
    const json = JSON.parse(body) as { error?: { type?: unknown; message?: unknown; details?: { error_code?: unknown } } };
    if (typeof json.error?.type !== 'string') return undefined;
    const errorCode = json.error.details?.error_code;
    return {
      type: json.error.type,
      message: typeof json.error.message === 'string' ? json.error.message : '',
      ...(typeof errorCode === 'string' ? { errorCode } : {}),
    };
  } catch {
    return undefined;
  }
}

/** `messages.1.content.0: …` or `max_tokens: Field required` → the path before the colon. */
export function fieldOf(message: string): string | undefined {
  const match = /^([a-z_][\w]*(?:\.[\w]+)*)\s*:/i.exec(message.trim());
  return match && match[1] !== 'Error' ? match[1] : undefined;
}

/** What `retry-after` (seconds, or an HTTP date) asks for, in words. */
function retryAfterAdvice(headers: Record<string, string> | undefined): string | undefined {
  const raw = headers?.['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return `The response's retry-after header asks you to wait ${seconds} s before retrying.`;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? `The response's retry-after header asks you to wait until ${new Date(date).toISOString()}.` : undefined;
}

const BACKOFF = 'Retry with exponential backoff and jitter (the SDK does this twice by default, honouring retry-after).';
const NO_RETRY = 'Retrying the same request gets the same answer: change the request first.';

function networkExplanation(failure: FailedExchange, message: string): ErrorExplanation {
  if (/The playground refused this live request/.test(message)) {
    return {
      title: 'Not sent: the playground refused this request',
      meaning: 'In live mode the playground sends your key only to the endpoints this course uses, and asks before the API may contact another host for you.',
      cause: message.replace(/^.*The playground refused this live request:\s*/, ''),
      fix: 'Use one of the course endpoints, or run this code outside the playground with your own key.',
      retry: { helps: false, advice: 'Nothing was sent; retrying is refused the same way.' },
    };
  }
  if (/anthropic-dangerous-direct-browser-access|CORS/i.test(message)) {
    return {
      title: 'Blocked by the browser (CORS)',
      meaning: 'A browser only lets a page read the API’s answer when the request opts in to direct browser access.',
      cause: 'The request had no `anthropic-dangerous-direct-browser-access: true` header.',
      fix: 'Add that header to fetch, or pass `dangerouslyAllowBrowser: true` to `new Anthropic({...})`. In an app you ship, call the API from your server instead, so no key reaches the browser.',
      retry: { helps: false, advice: NO_RETRY },
      lesson: LESSONS.firstRequest,
    };
  }
  if (failure.online === false) {
    return {
      title: 'No network',
      meaning: 'The browser is offline, so the request never left this computer.',
      cause: 'No network connection.',
      fix: 'Reconnect, or switch back to the emulator, which works offline.',
      retry: { helps: true, advice: 'Retry once you are back online.' },
    };
  }
  return {
    title: 'The request did not reach the API',
    meaning: 'The browser could not complete the request, so there is no API response: no HTTP status, no error body.',
    cause:
      failure.route === 'live'
        ? 'Possible causes: the network is down or filtered, a proxy or firewall blocks api.anthropic.com, DNS cannot resolve it, or a browser extension blocked the request.'
        : 'The request failed before the emulator answered it.',
    fix: 'Check that https://api.anthropic.com is reachable from this network (a proxy or extension may block it), or switch back to the emulator.',
    retry: { helps: true, advice: BACKOFF },
    lesson: LESSONS.errors,
  };
}

function invalidRequest(error: ApiErrorBody): Pick<ErrorExplanation, 'cause' | 'fix' | 'lesson'> {
  const m = error.message;
  if (/thinking\.type\.enabled" is not supported/.test(m)) {
    return { cause: 'This model does not take `thinking: {type: "enabled", budget_tokens}`.', fix: 'Send `thinking: {type: "adaptive"}` (or omit it) and set the depth with `output_config.effort`.', lesson: LESSONS.thinking };
  }
  if (/thinking\.type\.disabled" is not supported|send "thinking": \{"type": "between_tools"\}/.test(m)) {
    return { cause: 'This model cannot turn thinking off with `{type: "disabled"}`.', fix: 'Lower `output_config.effort`, or on Sonnet 5.5 send `thinking: {type: "between_tools"}`.', lesson: LESSONS.thinking };
  }
  if (/bound to a different conversation|Invalid `signature`/.test(m)) {
    return { cause: 'A thinking block was sent back after something before it changed (system prompt, tools, an earlier message), or a block was edited, left out or moved.', fix: 'Treat the history as append-only: send every assistant turn back exactly as it came, with all of its blocks.', lesson: LESSONS.thinking };
  }
  if (/cannot be modified/.test(m)) {
    return { cause: 'A thinking block of the latest assistant turn was changed.', fix: 'Send assistant turns back exactly as received.', lesson: LESSONS.thinking };
  }
  if (/tool_choice: type "tool" and "any" are not supported/.test(m)) {
    return { cause: 'This model does not accept forced tool use (`tool_choice` `any` or `tool`).', fix: 'Use `tool_choice: {type: "auto"}` with a prompt that says when to call the tool, `strict: true` tools, or `output_config.format` for structured output.', lesson: LESSONS.toolUse };
  }
  if (/assistant message prefill/.test(m)) {
    return { cause: 'The conversation ends with an assistant message (prefill), which current models reject.', fix: 'End with a user message; ask for the format in the prompt or with `output_config.format`.' };
  }
  if (/Extra inputs are not permitted/.test(m)) {
    return { cause: 'The request has a field the API does not know here (a typo, or a field that needs a beta header).', fix: 'Remove or rename the field the message names.' };
  }
  if (/Field required/.test(m)) return { cause: 'A required field is missing.', fix: 'Add the field the message names.' };
  if (/max_tokens/.test(m)) return { cause: '`max_tokens` is missing or out of range for this model.', fix: 'Send a positive `max_tokens` within the model’s output limit.' };
  return { cause: 'The request’s format or content is not what the API accepts.', fix: 'Read the message: it names what is wrong and usually where.', lesson: LESSONS.errors };
}

/** Explains a failed exchange, or returns undefined when the exchange succeeded. */
export function explainFailure(failure: FailedExchange): ErrorExplanation | undefined {
  if (failure.networkError !== undefined) return networkExplanation(failure, failure.networkError);
  const status = failure.status;
  if (status === undefined || status < 400) return undefined;
  const error = parseErrorBody(failure.body);
  const field = error ? fieldOf(error.message) : undefined;
  const afterHeader = retryAfterAdvice(failure.headers);
  const base = { ...(field ? { field } : {}) };
  const type = error?.type ?? '(no error body)';
  const live = failure.route === 'live';

  switch (status) {
    case 400:
      return { ...base, title: `400 ${type}`, meaning: 'The request is malformed or asks for something this model does not allow.', ...invalidRequest(error ?? { type, message: '' }), retry: { helps: false, advice: NO_RETRY } };
    case 401:
      return {
        ...base, title: `401 ${type}`, meaning: 'The API could not authenticate the request.',
        cause: live ? 'The key is wrong, revoked or expired, or it was not sent.' : 'The request has no `x-api-key` (or `authorization`) header, or its value is not a key.',
        fix: live ? 'Check the key in the Claude Console, paste it again in the live mode panel, or create a new one.' : 'Send `x-api-key: process.env.ANTHROPIC_API_KEY`.',
        retry: { helps: false, advice: NO_RETRY }, lesson: LESSONS.firstRequest,
      };
    case 402:
      return { ...base, title: `402 ${type}`, meaning: 'A billing or payment problem on the account.', cause: 'The account cannot be charged.', fix: 'Check billing in the Claude Console.', retry: { helps: false, advice: NO_RETRY } };
    case 403:
      return {
        ...base, title: `403 ${type}`, meaning: 'The key is valid but not allowed to do this.',
        cause: live ? 'The key’s workspace has no access to this model or feature, or its permissions exclude it.' : 'The emulator was asked to answer with a permission error (a fault).',
        fix: live ? 'Check the workspace’s model access and limits in the Claude Console, or use another model.' : 'Clear the fault, or handle 403 in your code.',
        retry: { helps: false, advice: NO_RETRY }, lesson: LESSONS.errors,
      };
    case 404: {
      const model = /model/i.test(error?.message ?? '');
      return {
        ...base, title: `404 ${type}`, meaning: 'The API has nothing at this path or with this id.',
        cause: model ? 'The model id does not exist, is retired, or is not available to this key.' : 'The path or the id in it (a batch, a model) is wrong.',
        fix: model ? 'List the models this key can use with `GET /v1/models` and pick an id from there.' : 'Check the URL and the id.',
        retry: { helps: false, advice: NO_RETRY }, lesson: LESSONS.errors,
      };
    }
    case 413:
      return { ...base, title: `413 ${type}`, meaning: 'The request body is larger than the endpoint accepts (32 MB for Messages).', cause: 'The body, often its images or documents, is too large.', fix: 'Send smaller content, or use the Files API or URL sources outside the playground.', retry: { helps: false, advice: NO_RETRY } };
    case 429: {
      const code = error?.errorCode;
      if (code === 'enforced_spend_limit_reached' || code === 'contract_spend_limit_reached') {
        return {
          ...base, title: `429 ${type} (${code})`, meaning: 'A spend limit is reached: this is not a rate limit.',
          cause: 'The organization or workspace has used up its spend limit for now.',
          fix: 'Raise the limit in the Claude Console or wait for the next period; tell it apart from a rate limit by `err.errorCode` in the SDK.',
          retry: { helps: false, advice: 'Retrying does not help until the limit changes.' }, lesson: LESSONS.errors,
        };
      }
      return {
        ...base, title: `429 ${type}${code ? ` (${code})` : ''}`, meaning: 'Too many requests or tokens in the current window (a rate limit).',
        cause: 'This key sent more requests or tokens per minute than its limits allow; the anthropic-ratelimit-* headers show which.',
        fix: 'Slow down: wait as retry-after says, and spread requests out.',
        retry: { helps: true, advice: afterHeader ?? BACKOFF }, lesson: LESSONS.errors,
      };
    }
    case 500:
      return { ...base, title: `500 ${type}`, meaning: 'An unexpected error inside the API.', cause: 'Not your request: the server failed.', fix: 'Retry; if it persists, check status.anthropic.com.', retry: { helps: true, advice: afterHeader ?? BACKOFF }, lesson: LESSONS.errors };
    case 504:
      return { ...base, title: `504 ${type}`, meaning: 'The request took too long to process.', cause: 'A long generation without streaming.', fix: 'Stream long responses (`stream: true`).', retry: { helps: true, advice: afterHeader ?? BACKOFF }, lesson: LESSONS.errors };
    case 529:
      return { ...base, title: `529 ${type}`, meaning: 'The API is overloaded across all users right now.', cause: 'Not your request and not your limits.', fix: 'Retry later with backoff, or use another model.', retry: { helps: true, advice: afterHeader ?? BACKOFF }, lesson: LESSONS.errors };
    default:
      return {
        ...base, title: `${status} ${type}`, meaning: status >= 500 ? 'A server-side error.' : 'The API refused the request.',
        cause: error?.message || 'See the response body.', fix: status >= 500 ? 'Retry later.' : 'Read the message and change the request.',
        retry: { helps: status >= 500 || status === 408 || status === 409, advice: status >= 500 ? (afterHeader ?? BACKOFF) : NO_RETRY }, lesson: LESSONS.errors,
      };
  }
}
