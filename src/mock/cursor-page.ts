/**
 * The API's cursor paging for list endpoints (`GET /v1/models`, `GET /v1/messages/batches`): items newest
 * first, `limit` 1–1000 (default 20), `after_id` / `before_id` cursors, and `{data, has_more, first_id,
 * last_id}` (SDK:core/pagination.ts:133-215, docs: …/api/messages/batches/list; REF §1). The `limit` bounds
 * are documented for batches and assumed for models.
 */
import type { ApiFailure } from './errors';
import { invalid, typeMessages } from './validate/util';

export interface CursorPage<T> {
  data: T[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

export type CursorPageOutcome<T> = { ok: true; page: CursorPage<T> } | { ok: false; failure: ApiFailure };

/** The page of `items` (newest first) that `query` asks for; `what` names the items in cursor errors. */
export function cursorPage<T extends { id: string }>(items: readonly T[], query: URLSearchParams, what: string): CursorPageOutcome<T> {
  const fail = (failure: ApiFailure): CursorPageOutcome<T> => ({ ok: false, failure });
  const limitText = query.get('limit');
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit)) return fail(invalid(['limit'], typeMessages.integer));
  if (limit < 1) return fail(invalid(['limit'], 'Input should be greater than or equal to 1'));
  if (limit > 1000) return fail(invalid(['limit'], 'Input should be less than or equal to 1000'));

  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  let start: number;
  let end: number;
  if (beforeId !== null) {
    end = items.findIndex((item) => item.id === beforeId);
    if (end === -1) return fail(invalid(['before_id'], `unknown ${what} id ${beforeId}`));
    start = Math.max(0, end - limit);
  } else {
    start = afterId === null ? 0 : items.findIndex((item) => item.id === afterId) + 1;
    if (afterId !== null && start === 0) return fail(invalid(['after_id'], `unknown ${what} id ${afterId}`));
    end = Math.min(items.length, start + limit);
  }
  const data = items.slice(start, end);
  return {
    ok: true,
    page: {
      data,
      has_more: beforeId !== null ? start > 0 : end < items.length,
      first_id: data[0]?.id ?? null,
      last_id: data[data.length - 1]?.id ?? null,
    },
  };
}
