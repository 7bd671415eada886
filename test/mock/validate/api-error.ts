/** Test helpers for the per-model rules: the SDK as the client, and what an `APIError` carries. */
import Anthropic from '@anthropic-ai/sdk';
import { expect } from 'vitest';
import { sdkClient, testEmulator } from '../helpers';

export type CreateParams = Anthropic.MessageCreateParamsNonStreaming;

/** A fresh emulator and the official SDK pointed at it. */
export const client = () => sdkClient(testEmulator());

/**
 * A request body with fields the SDK 1.12 types lack (`temperature`, `top_p`, `top_k`, beta `thinking` fields,
 * computer tools): the SDK sends the body as given.
 */
export const body = (fields: Record<string, unknown>): CreateParams => fields as unknown as CreateParams;

export const ask = (model: string, content: string, extra: Record<string, unknown> = {}): CreateParams =>
  body({ model, max_tokens: 2048, messages: [{ role: 'user', content }], ...extra });

/** The error a call rejects with (fails the test if it resolves). */
export async function apiError(call: Promise<unknown>): Promise<InstanceType<typeof Anthropic.APIError>> {
  const outcome = await call.then(() => null, (error: unknown) => error);
  expect(outcome, 'the request should have failed').toBeInstanceOf(Anthropic.APIError);
  return outcome as InstanceType<typeof Anthropic.APIError>;
}

/** Expects a 400 `invalid_request_error` whose message is exactly `message` (or matches it). */
export async function expect400(call: Promise<unknown>, message: string | RegExp): Promise<void> {
  const error = await apiError(call);
  expect(error.status).toBe(400);
  expect(error.type).toBe('invalid_request_error');
  if (typeof message === 'string') expect(error.apiMessage).toBe(message);
  else expect(error.apiMessage).toMatch(message);
}

export const blockTypes = (message: Anthropic.Message) => message.content.map((block) => block.type);

export const weatherTool: Anthropic.Tool = {
  name: 'get_weather',
  description: 'Returns the current weather for one city.',
  input_schema: { type: 'object', properties: { location: { type: 'string', description: 'City name' } }, required: ['location'] },
};
