/** Tagged unions and error paths in messages and tools (validate/messages.ts, validate/util.ts). */
import { describe, expect, it } from 'vitest';
import { hello, rawPost, testEmulator } from '../helpers';

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('tagged unions answer in the schema library\'s words (real 400s quoted in third-party code)', () => {
  it('an unknown block type, source type, tool type or thinking type is "Input tag … does not match any of the expected tags"', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [hello({ messages: [{ role: 'user', content: [{ type: 'input_text', text: 'x' }] }] }), "messages.0.content.0: Input tag 'input_text' found using 'type'"],
      [hello({ messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'csv', data: 'a,b' } }] }] }),
        "messages.0.content.0.document.source: Input tag 'csv' found using 'type' does not match any of the expected tags: 'base64', 'content', 'file', 'text', 'url'"],
      [hello({ tools: [{ type: 'function', name: 'f', input_schema: { type: 'object' } }] }), "tools.0: Input tag 'function' found using 'type'"],
      [hello({ tools: [{ type: 'web_search_20990101', name: 'web_search' }] }), "tools.0: Input tag 'web_search_20990101'"],
      [hello({ thinking: { type: 'on' } }), "thinking: Input tag 'on' found using 'type'"],
    ];
    for (const [body, expected] of cases) {
      const response = await rawPost(testEmulator(), '/v1/messages', body);
      expect(response.status).toBe(400);
      const json = await response.json();
      expect(json.error.type).toBe('invalid_request_error');
      expect(json.error.message).toContain(expected);
    }
  });

  it('a block without a type: "Unable to extract tag using discriminator \'type\'"', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', hello({ messages: [{ role: 'user', content: [{ text: 'x' }] }] }));
    expect((await response.json()).error.message).toBe("messages.0.content.0: Unable to extract tag using discriminator 'type'");
  });
});

describe('error paths name the tagged-union member, as the API\'s do', () => {
  it('a bad custom tool name is reported at tools.N.custom.name (real 400 quoted in many third-party projects)', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', hello({
      tools: [{ name: 'docker.io', description: 'x', input_schema: { type: 'object' } }],
    }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe("tools.0.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'");
  });

  it('fields inside a content block are reported under the block type (messages.N.content.M.<type>.…)', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', hello({
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: PNG_1X1 } }] }],
    }));
    expect((await response.json()).error.message)
      .toBe("messages.0.content.0.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'");
  });
});
