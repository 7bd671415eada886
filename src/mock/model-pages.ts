/**
 * `GET /v1/models` paging: newest first, `{data, has_more, first_id, last_id}`, `after_id` / `before_id` /
 * `limit`, and the `lifecycle[]` filter (active + deprecated by default).
 * Sources: SDK:resources/models.ts:47, 65-74, 383-389; paging itself: cursor-page.ts.
 */
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import { cursorPage, type CursorPageOutcome } from './cursor-page';
import type { ApiFailure } from './errors';
import { listModelFacts, toModelInfo } from './models';
import { invalid } from './validate/util';

const invalidLifecycle = (): { ok: false; failure: ApiFailure } => ({
  ok: false,
  failure: invalid(['lifecycle'], "Input should be 'active', 'deprecated' or 'retired'"),
});

export function listModelsPage(query: URLSearchParams): CursorPageOutcome<ModelInfo> {
  const lifecycles = [...query.getAll('lifecycle[]'), ...query.getAll('lifecycle')];
  if (lifecycles.some((value) => !['active', 'deprecated', 'retired'].includes(value))) return invalidLifecycle();
  const wanted = lifecycles.length > 0 ? lifecycles : ['active', 'deprecated'];
  const models = listModelFacts().filter((facts) => wanted.includes(facts.lifecycle));
  const result = cursorPage(models, query, 'model');
  return result.ok ? { ok: true, page: { ...result.page, data: result.page.data.map(toModelInfo) } } : result;
}
