import { testEmulator, sdkClient } from './test/mock/helpers';
const em = testEmulator();
const client = sdkClient(em);
const s = client.messages.stream({ model: 'claude-sonnet-5-5', max_tokens: 300, messages: [{ role: 'user', content: 'What is 17 * 23?' }], thinking: { type: 'adaptive', display: 'summarized' } });
s.on('text', (t) => process.stdout.write(`[${t}]`));
const m = await s.finalMessage();
console.log('\n', JSON.stringify(m).slice(0, 600));
const sys = 'You are an expert tutor. '.repeat(300);
for (let i = 0; i < 2; i++) { const r = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 50, system: [{ type: 'text', text: sys, cache_control: { type: 'ephemeral' } }], messages: [{ role: 'user', content: 'Hi' }] }); console.log(r.usage); }
console.log(await client.messages.countTokens({ model: 'claude-sonnet-5-5', messages: [{ role: 'user', content: 'Hello, Claude' }] }));
