/**
 * `GET /v1/models` paging: newest first, `{data, has_more, first_id, last_id}`, `after_id` / `before_id` /
 * `limit`, and the `lifecycle[]` filter (active + deprecated by default).
 * Sources: SDK:resources/models.ts:47, 65-74, 383-389; SDK:core/pagination.ts:133-215 (REF §1). The `limit`
 * bounds are unverified for models; the emulator uses 1–1000, default 20, as documented for the batches list.
 */
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import type { ApiFailure } from './errors';
import { listModelFacts, toModelInfo } from './models';

export interface ModelsPage {
  data: ModelInfo[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

const invalid = (message: string): { ok: false; failure: ApiFailure } => ({
  ok: false,
  failure: { status: 400, type: 'invalid_request_error', message },
});

export function listModelsPage(query: URLSearchParams): { ok: true; page: ModelsPage } | { ok: false; failure: ApiFailure } {
  const limitText = query.get('limit');
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit)) return invalid('limit: Input should be a valid integer');
  if (limit < 1) return invalid('limit: Input should be greater than or equal to 1');
  if (limit > 1000) return invalid('limit: Input should be less than or equal to 1000');

  const lifecycles = [...query.getAll('lifecycle[]'), ...query.getAll('lifecycle')];
  const unknown = lifecycles.find((value) => !['active', 'deprecated', 'retired'].includes(value));
  if (unknown !== undefined) return invalid(`lifecycle: Input should be 'active', 'deprecated' or 'retired'`);
  const wanted = lifecycles.length > 0 ? lifecycles : ['active', 'deprecated'];
  const models = listModelFacts().filter((facts) => wanted.includes(facts.lifecycle));

  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  let start: number;
  let end: number;
  if (beforeId !== null) {
    end = models.findIndex((facts) => facts.id === beforeId);
    if (end === -1) return invalid(`before_id: unknown model id ${beforeId}`);
    start = Math.max(0, end - limit);
  } else {
    start = afterId === null ? 0 : models.findIndex((facts) => facts.id === afterId) + 1;
    if (afterId !== null && start === 0) return invalid(`after_id: unknown model id ${afterId}`);
    end = Math.min(models.length, start + limit);
  }
  const page = models.slice(start, end);
  const hasMore = beforeId !== null ? start > 0 : end < models.length;
  return {
    ok: true,
    page: { data: page.map(toModelInfo), has_more: hasMore, first_id: page[0]?.id ?? null, last_id: page[page.length - 1]?.id ?? null },
  };
}
