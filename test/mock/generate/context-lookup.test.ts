import { describe, expect, it } from 'vitest';
import { generate, textOf } from './setup';

/** A small manual in the shape lesson 7 uses: one markdown section per error code. */
const manual = [
  '# Orbit 7 service manual',
  '',
  '## E003 (steam wand)',
  'The machine leaves water under the base. Let it cool for 20 minutes, then run rinse program 1.',
  '',
  '## E007 (portafilter)',
  'The machine reports a sensor fault. Let it cool for 15 minutes and inspect the portafilter.',
  '',
  '## E011 (boiler)',
  'The machine blinks its amber light. Book a service visit and quote reference R-1077.',
].join('\n');

describe('answers from the provided text', () => {
  it('quotes the section for a code in the question', () => {
    const text = textOf(generate({ system: manual, messages: [{ role: 'user', content: 'What does E007 mean?' }] }));
    expect(text).toContain('E007 (portafilter)');
    expect(text).toContain('sensor fault');
    expect(text).not.toContain('E003');
  });

  it('quotes every code asked about, in order', () => {
    const text = textOf(generate({ system: manual, messages: [{ role: 'user', content: 'My machine shows E011 and E003. Which first?' }] }));
    expect(text.indexOf('E011 (boiler)')).toBeGreaterThan(-1);
    expect(text.indexOf('E003 (steam wand)')).toBeGreaterThan(text.indexOf('E011 (boiler)'));
  });

  it('reuses the earlier codes for a follow-up question', () => {
    const text = textOf(
      generate({
        system: manual,
        messages: [
          { role: 'user', content: 'The machine shows E003.' },
          { role: 'assistant', content: 'Let it cool first.' },
          { role: 'user', content: 'Done. How long should I wait before using it again?' },
        ],
      }),
    );
    expect(text).toContain('20 minutes');
  });

  it('says so when the code is not in the text instead of guessing', () => {
    const text = textOf(generate({ system: manual, messages: [{ role: 'user', content: 'What does the error E099 mean?' }] }));
    expect(text).toMatch(/couldn't find E099/);
  });

  it('reads plain-text documents too', () => {
    const text = textOf(
      generate({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'document', title: 'the price list', source: { type: 'text', media_type: 'text/plain', data: 'SKU100: red mug, 12 EUR\nSKU200: blue mug, 14 EUR' } },
              { type: 'text', text: 'How much is SKU200?' },
            ],
          },
        ],
      }),
    );
    expect(text).toBe('According to the price list: SKU200: blue mug, 14 EUR');
  });
});
