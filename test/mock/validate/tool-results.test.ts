/** tool_result content (validate/tool-results.ts). */
import { describe, expect, it } from 'vitest';
import { hello, rawPost, testEmulator } from '../helpers';

describe('tool_result content accepts every block type of ToolResultBlockParam (SDK messages.ts:6219-6228)', () => {
  it('tool_reference and browser_state blocks inside a tool_result are valid input', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', hello({
      tools: [{ name: 'find_tools', description: 'Search the tool catalogue', input_schema: { type: 'object' } }],
      messages: [
        { role: 'user', content: 'Find a weather tool' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_ref', name: 'find_tools', input: {} }] },
        {
          role: 'user',
          content: [{
            type: 'tool_result',
            tool_use_id: 'toolu_ref',
            content: [{ type: 'tool_reference', tool_name: 'get_weather' }, { type: 'browser_state', tabs: [] }],
          }],
        },
      ],
    }));
    expect(response.status).toBe(200);
    expect((await response.json()).type).toBe('message');
  });
});
