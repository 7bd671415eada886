import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '../../../src/mock/knowledge';
import { ask, generate, textOf } from './setup';

describe('text answers', () => {
  it('computes arithmetic exactly', () => {
    expect(textOf(ask('What is 17 * 23?'))).toContain('391');
    expect(textOf(ask('2+2'))).toContain('4');
    expect(textOf(ask('What is (15% of 80)?'))).toContain('12');
    expect(textOf(ask('Convert 212°F to Celsius'))).toContain('100 °C');
  });

  it.each([
    ['What is an API?', 'api'],
    ['What is the Messages API?', 'messages-api'],
    ['What are tokens?', 'tokens'],
    ['Explain streaming', 'streaming'],
    ['How does tool use work?', 'tool-use'],
    ['What is extended thinking?', 'extended-thinking'],
    ['What is prompt caching?', 'prompt-caching'],
    ['Tell me about rate limits', 'rate-limits'],
    ['Why should I retry with backoff?', 'retries'],
    ['What is JSON?', 'json'],
    ['What is a system prompt?', 'system-prompt'],
  ])('explains %s from the knowledge base', (question, id) => {
    const concept = CONCEPTS.find((c) => c.id === id)!;
    expect(textOf(ask(question))).toBe(concept.explanation);
  });

  it('answers greetings without the emulated-reply marker', () => {
    const text = textOf(ask('Hello!'));
    expect(text).toMatch(/^Hello/);
    expect(text).not.toContain('Emulated');
  });

  it('is deterministic: the same request gives the same message', () => {
    expect(ask('Why is the sky blue?')).toEqual(ask('Why is the sky blue?'));
  });

  it('gives an honest, clearly emulated reply that reflects the question otherwise', () => {
    const text = textOf(ask('Why is the sky blue?'));
    expect(text).toContain('(Emulated reply)');
    expect(text).toContain('Why is the sky blue?');
  });

  it('recalls facts the user stated in earlier turns', () => {
    const reply = generate({
      messages: [
        { role: 'user', content: 'Hi! My name is Ada and I live in London.' },
        { role: 'assistant', content: 'Nice to meet you, Ada!' },
        { role: 'user', content: 'What is my name?' },
      ],
    });
    expect(textOf(reply)).toContain('Ada');
    const where = generate({
      messages: [
        { role: 'user', content: 'My name is Ada and I live in London.' },
        { role: 'assistant', content: 'Noted.' },
        { role: 'user', content: 'Where do I live?' },
      ],
    });
    expect(textOf(where)).toContain('London');
  });

  it('says it does not know a fact the user never stated', () => {
    expect(textOf(ask('What is my name?'))).toMatch(/don't know your name/);
  });

  it('counts, lists and writes small creative texts', () => {
    expect(textOf(ask('Count from 1 to 5'))).toBe('1, 2, 3, 4, 5.');
    expect(textOf(ask('List 3 fruits')).split('\n')).toHaveLength(3);
    expect(textOf(ask('Write a haiku about the ocean')).split('\n')).toHaveLength(3);
    expect(textOf(ask('What is the capital of France?'))).toContain('Paris');
  });

  it('classifies sentiment', () => {
    expect(textOf(ask('Classify the sentiment of: "I love this, it is great"'))).toMatch(/positive/);
    expect(textOf(ask('Classify the sentiment of: "Terrible, it arrived broken"'))).toMatch(/negative/);
  });
});

describe('system prompt and style', () => {
  it('flavours a pirate persona visibly', () => {
    const text = textOf(ask('What is 2+2?', { system: 'You are a pirate.' }));
    expect(text).toMatch(/Ahoy|Arr/);
    expect(text).toContain('4');
  });

  it('marks any other persona', () => {
    expect(textOf(ask('What is 2+2?', { system: 'You are a grumpy librarian.' }))).toContain('grumpy librarian');
  });

  it('does not treat "helpful assistant" as a persona', () => {
    expect(textOf(ask('What is 2+2?', { system: 'You are a helpful assistant.' }))).toBe('2 + 2 = 4.');
  });

  it('answers in one word when asked', () => {
    expect(textOf(ask('What is the capital of Japan?', { system: 'Answer in one word.' }))).toBe('Tokyo');
    expect(textOf(ask('What is 17 * 23? Answer in one word.'))).toBe('391');
  });

  it('replies in French: translated greeting, marked otherwise', () => {
    expect(textOf(ask('Hello', { system: 'Reply in French.' }))).toMatch(/^Bonjour/);
    expect(textOf(ask('What is streaming?', { system: 'Always reply in French.' }))).toMatch(/^\(en français\)/);
  });

  it('limits the answer to two sentences when asked', () => {
    const text = textOf(ask('What is prompt caching? Answer in two sentences.'));
    expect(text.match(/[.!?](?=\s|$)/g)).toHaveLength(2);
  });

  it('follows a mid-conversation system message', () => {
    const reply = generate({
      messages: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Hi!' },
        { role: 'system', content: 'From now on, reply in French.' },
        { role: 'user', content: 'Hello' },
      ],
    });
    expect(textOf(reply)).toMatch(/^Bonjour/);
  });

  it('reads consecutive user messages as one turn', () => {
    const reply = generate({ messages: [{ role: 'user', content: 'My name is Ada.' }, { role: 'user', content: 'What is my name?' }] });
    expect(textOf(reply)).toBe('Your name is Ada.');
  });

  it('accepts the system prompt as text blocks', () => {
    const text = textOf(ask('What is 2+2?', { system: [{ type: 'text', text: 'You are a pirate.' }] }));
    expect(text).toMatch(/Arr/);
  });

  it('keeps to one sentence, all caps or JSON when asked', () => {
    expect(textOf(ask('Explain prompt caching in one sentence.')).match(/\. /g)).toBeNull();
    expect(textOf(ask('What is 2+2? Respond in all caps.', { system: 'You are a pirate.' }))).toBe('AHOY, MATEY! 2 + 2 = 4. ARR!');
    expect(JSON.parse(textOf(ask('What is 2+2? Respond only with JSON.')))).toEqual({ answer: '2 + 2 = 4.' });
  });
});

describe('prefill', () => {
  const withPrefill = (question: string, prefill: string) =>
    generate({ model: 'claude-opus-4-5', messages: [{ role: 'user', content: question }, { role: 'assistant', content: prefill }] });

  it('continues the assistant text and excludes the prefill from content', () => {
    const reply = withPrefill('What is 17 * 23?', 'The answer is');
    expect(textOf(reply)).toBe(' 391.');
  });

  it('completes a JSON object started with "{"', () => {
    const reply = withPrefill('What is 17 * 23?', '{');
    expect(JSON.parse(`{${textOf(reply)}`)).toEqual({ answer: '391' });
  });
});

describe('more prompts writers can rely on', () => {
  it('translates phrasebook words and says when it cannot', () => {
    expect(textOf(ask("Translate 'hello' to Spanish"))).toContain('Hola');
    expect(textOf(ask('Say thank you in German'))).toContain('Danke');
    expect(textOf(ask('Translate "quantum chromodynamics" into French'))).toContain('(Emulated reply)');
  });

  it('summarizes text given after a colon by keeping its first sentence', () => {
    const text = textOf(ask('Summarize this: Cats sleep a lot. They also purr. Dogs bark.'));
    expect(text).toMatch(/^In short: Cats sleep a lot\./);
    expect(text).toContain('3 sentences');
  });

  it('explains that live data needs a tool', () => {
    expect(textOf(ask("What's the weather in Paris?"))).toMatch(/don't have access to live weather data.*tool/);
    expect(textOf(ask('What time is it?'))).toMatch(/clock/);
  });

  it('computes factorials and follow-ups that refer to the previous answer', () => {
    expect(textOf(ask('What is 5 factorial?'))).toBe('5! = 120.');
    const followUp = generate({
      messages: [
        { role: 'user', content: 'What is 17 * 23?' },
        { role: 'assistant', content: '17 × 23 = 391.' },
        { role: 'user', content: 'Now multiply that by 2' },
      ],
    });
    expect(textOf(followUp)).toBe('391 × 2 = 782.');
  });

  it('builds a JSON object with the requested field', () => {
    expect(JSON.parse(textOf(ask('Respond with a JSON object containing a greeting field')))).toEqual({ greeting: expect.stringMatching(/^Hello/) });
  });

  it('replies with exactly the requested text', () => {
    expect(textOf(ask('Reply with OK.'))).toBe('OK');
    expect(textOf(ask('Say exactly: ready'))).toBe('ready');
  });

  it('answers with just the number when asked', () => {
    expect(textOf(ask('What is 2 + 2? Answer with just the number.'))).toBe('4');
  });

  it('writes a long multi-paragraph text for streaming demos', () => {
    const text = textOf(ask('Write an essay about the history of computing'));
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(text).toContain('history of computing');
  });
});
