/** models.md §5 rule 6: effort set by a mid-conversation system message, through the official SDK. */
import { describe, expect, it } from 'vitest';
import { body, client, expect400 } from './api-error';

const BETA = { headers: { 'anthropic-beta': 'mid-conversation-output-config-2026-07-01' } };
const request = (model: string, effort: string, extra: Record<string, unknown> = {}) => body({
  model, max_tokens: 512, ...extra,
  messages: [
    { role: 'user', content: 'Hi' },
    { role: 'assistant', content: 'Hello!' },
    { role: 'system', content: 'From here on, be quick.', output_config: { effort } },
    { role: 'user', content: 'What is 2 + 2?' },
  ],
});

describe('rule 6: per-message effort', () => {
  it('without the beta header the field is an extra input', async () => {
    await expect400(client().messages.create(request('claude-sonnet-5-5', 'low')), 'messages.2.output_config: Extra inputs are not permitted');
  });

  it.each(['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5-5', 'claude-fable-5-1', 'claude-mythos-5-1', 'claude-opus-5'])(
    '%s accepts it with the beta header', async (model) => {
      await expect(client().messages.create(request(model, 'low'), BETA)).resolves.toBeTruthy();
    });

  it.each(['claude-fable-5', 'claude-opus-4-8'])('%s: 400 E-per-turn (no per-message effort)', async (model) => {
    await expect400(client().messages.create(request(model, 'low'), BETA),
      'output_config.effort requires a model that supports per-turn effort; this model does not');
  });

  it('Sonnet 5.5 with between_tools: changing the level is a 400 E-effort-change; keeping it is accepted', async () => {
    const sdk = client();
    await expect400(sdk.messages.create(request('claude-sonnet-5-5', 'low', { thinking: { type: 'between_tools' } }), BETA),
      "messages.2: output_config.effort 'low' differs from the 'high' in effect before it; effort cannot change when thinking is disabled on this model. Use effort 'high', or enable thinking.");
    await expect(sdk.messages.create(request('claude-sonnet-5-5', 'high', { thinking: { type: 'between_tools' } }), BETA)).resolves.toBeTruthy();
  });

  it('Haiku 5.5 with thinking disabled: the level in effect is its default, medium', async () => {
    const sdk = client();
    await expect400(sdk.messages.create(request('claude-haiku-5-5', 'high', { thinking: { type: 'disabled' } }), BETA),
      /^messages\.2: output_config\.effort 'high' differs from the 'medium' in effect before it/);
    await expect(sdk.messages.create(request('claude-haiku-5-5', 'medium', { thinking: { type: 'disabled' } }), BETA)).resolves.toBeTruthy();
    // With thinking on, effort may change freely.
    await expect(sdk.messages.create(request('claude-haiku-5-5', 'high'), BETA)).resolves.toBeTruthy();
  });
});
