import { describe, expect, it } from 'vitest';
import { mapColumnToSource } from '../../src/runner/column-map';

/** 1-based column of the first `needle` in `line`. */
const col = (line: string, needle: string) => line.indexOf(needle) + 1;

describe('mapColumnToSource', () => {
  it('maps through removed type annotations and the notebook rewrite', () => {
    const source = 'const reply: Message = await client.messages.create(params as Params);';
    const compiled = ';(    reply = await client.messages.create(params);';
    expect(mapColumnToSource(compiled, source, col(compiled, 'client'))).toBe(col(source, 'client'));
    expect(mapColumnToSource(compiled, source, col(compiled, 'params'))).toBe(col(source, 'params'));
  });

  it('maps a column inside inserted text to the next character both lines share', () => {
    const source = 'class Box {}';
    const compiled = ';Box = class Box {};';
    expect(mapColumnToSource(compiled, source, 1)).toBe(1);
    expect(mapColumnToSource(compiled, source, compiled.lastIndexOf('Box') + 1)).toBe(col(source, 'Box'));
  });

  it('leaves identical lines alone and clamps columns past the end', () => {
    expect(mapColumnToSource('  throw new Error(x);', '  throw new Error(x);', 9)).toBe(9);
    expect(mapColumnToSource('abc', 'abc', 99)).toBe(4);
  });

  it('passes columns of very long lines through', () => {
    const long = 'x'.repeat(5000);
    expect(mapColumnToSource(long, long, 1234)).toBe(1234);
  });
});
