/** models.md §5 rule 12 (sampling parameters) per model family, through the official SDK, with valid neighbours. */
import { describe, expect, it } from 'vitest';
import { hello, rawPost, testEmulator } from '../helpers';
import { ask, client, expect400 } from './api-error';

const Q = 'Name a colour.';

describe('rule 12: sampling parameters', () => {
  it.each([
    'claude-sonnet-5-5', 'claude-opus-5-5', 'claude-fable-5-1', 'claude-mythos-5-1', 'claude-fable-5', 'claude-mythos-5',
    'claude-mythos-preview', 'claude-opus-5', 'claude-opus-4-8', 'claude-opus-4-7', 'claude-sonnet-5',
  ])('%s: any non-default value is a 400; the default is accepted', async (model) => {
    const sdk = client();
    await expect400(sdk.messages.create(ask(model, Q, { temperature: 0.5 })), new RegExp(`^temperature: .*not supported for ${model}`));
    await expect400(sdk.messages.create(ask(model, Q, { top_p: 0.9 })), new RegExp(`^top_p: .*not supported for ${model}`));
    await expect400(sdk.messages.create(ask(model, Q, { top_k: 40 })), new RegExp(`^top_k: .*not supported for ${model}`));
    await expect(sdk.messages.create(ask(model, Q, { temperature: 1 }))).resolves.toBeTruthy();
  });

  it('Haiku 5.5 accepts only temperature 1 or top_p 0.99, never both, never top_k', async () => {
    const sdk = client();
    const model = 'claude-haiku-5-5';
    await expect(sdk.messages.create(ask(model, Q, { temperature: 1 }))).resolves.toBeTruthy();
    await expect(sdk.messages.create(ask(model, Q, { top_p: 0.99 }))).resolves.toBeTruthy();
    await expect400(sdk.messages.create(ask(model, Q, { top_p: 1 })), /^top_p: /);
    await expect400(sdk.messages.create(ask(model, Q, { temperature: 0.7 })), /^temperature: /);
    await expect400(sdk.messages.create(ask(model, Q, { top_k: 5 })), /^top_k: /);
    await expect400(sdk.messages.create(ask(model, Q, { temperature: 1, top_p: 0.99 })), /temperature.*top_p/);
  });

  it.each(['claude-sonnet-4-6', 'claude-opus-4-6', 'claude-opus-4-5'])(
    '%s: free with thinking off, limited with thinking on', async (model) => {
      const sdk = client();
      await expect(sdk.messages.create(ask(model, Q, { temperature: 0.3, top_k: 20 }))).resolves.toBeTruthy();
      await expect400(sdk.messages.create(ask(model, Q, { temperature: 0.3, max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 1024 } })),
        '`temperature` may only be set to 1 when thinking is enabled or in adaptive mode.');
    });

  it('Haiku 4.5 refuses temperature and top_p together, and takes either alone', async () => {
    const sdk = client();
    await expect400(sdk.messages.create(ask('claude-haiku-4-5', Q, { temperature: 0.3, top_p: 0.9 })), /temperature.*top_p/);
    await expect(sdk.messages.create(ask('claude-haiku-4-5', Q, { temperature: 0.3 }))).resolves.toBeTruthy();
    await expect(sdk.messages.create(ask('claude-haiku-4-5', Q, { top_p: 0.9 }))).resolves.toBeTruthy();
  });
});

describe('sampling with thinking uses the API wording', () => {
  it('temperature other than 1 with thinking on: "`temperature` may only be set to 1 when thinking is enabled…"', async () => {
    // Wording captured from real 400s in third-party code (the docs state the rule: REF §4, …/extended-thinking).
    const response = await rawPost(testEmulator(), '/v1/messages', hello({
      model: 'claude-opus-4-5', max_tokens: 2048, temperature: 0.2, thinking: { type: 'enabled', budget_tokens: 1024 },
    }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/^`temperature` may only be set to 1 when thinking is enabled/);
  });
});
