import { describe, expect, it } from 'vitest';
import { SDK_TYPINGS } from '../../src/editor/sdk-typings';

const paths = SDK_TYPINGS.map(([path]) => path);
const ROOT = 'file:///node_modules/@anthropic-ai/sdk/';

describe('SDK typings for Monaco', () => {
  it('keeps what cells use: the client, messages, models, errors and streaming helpers', () => {
    for (const file of [
      'index.d.ts',
      'client.d.ts',
      'resources/messages/messages.d.ts',
      'resources/models.d.ts',
      'core/error.d.ts',
      'core/streaming.d.ts',
      'lib/MessageStream.d.ts',
    ]) {
      expect(paths).toContain(`${ROOT}${file}`);
    }
  });

  it('leaves out the beta and admin APIs and stays well under the full SDK (~3 MB)', () => {
    expect(paths.filter((path) => /\/resources\/(beta|organization|user-profiles|skills)\//.test(path))).toEqual([]);
    const bytes = SDK_TYPINGS.reduce((sum, [, text]) => sum + text.length, 0);
    expect(bytes).toBeLessThan(800_000);
    expect(paths.length).toBeLessThan(80);
  });

  it('still declares the model ids that completions suggest', () => {
    const messages = SDK_TYPINGS.find(([path]) => path.endsWith('/resources/messages/messages.d.ts'))?.[1] ?? '';
    expect(messages).toMatch(/export type Model\s*=/);
    expect(messages).toContain("'claude-");
  });
});
