import { describe, expect, it } from 'vitest';
import { findCalculations } from '../../../src/mock/generate/arithmetic';

const first = (text: string) => findCalculations(text)[0];

describe('findCalculations', () => {
  it.each([
    ['What is 17 * 23?', 391],
    ['2+2', 4],
    ['What is (15% of 80)?', 12],
    ['Compute (3 + 4) * 5 please', 35],
    ['What is 12 x 12?', 144],
    ['What is 3.5 times 4', 14],
    ['square root of 144', 12],
    ['2^10', 1024],
    ['what is 1,000 + 2,500', 3500],
    ['7 - 10', -3],
    ['100 divided by 8', 12.5],
  ])('%s = %s', (question, expected) => {
    expect(first(question)?.value).toBe(expected);
  });

  it('respects precedence and parentheses', () => {
    expect(first('2 + 3 * 4')?.value).toBe(14);
    expect(first('(2 + 3) * 4')?.value).toBe(20);
    expect(first('2 ^ 3 ^ 2')?.value).toBe(512);
  });

  it('shows the working of a product as steps', () => {
    expect(first('What is 17 * 23?')?.steps).toEqual(['17 × 23 = 17 × 20 + 17 × 3 = 340 + 51 = 391']);
    expect(first('What is 17 * 23?')?.sentence).toBe('17 × 23 = 391.');
  });

  it('explains division by zero instead of printing Infinity', () => {
    const result = first('what is 10 divided by 0');
    expect(result?.sentence).toMatch(/undefined/);
    expect(result?.sentence).not.toMatch(/Infinity/);
  });

  it('explains square roots of negatives and overflow instead of printing NaN or Infinity', () => {
    expect(first('sqrt(-4) + 1')?.sentence).toMatch(/not a real number/);
    expect(first(`${'9'.repeat(400)} * 2`)?.sentence).toMatch(/too large/);
    expect(first('5 factorial')?.value).toBe(120);
  });

  it('converts temperatures both ways', () => {
    expect(first('Convert 100°F to Celsius')?.short).toBe('37.78 °C');
    expect(first('37 C to F')?.short).toBe('98.6 °F');
    expect(first('-40 degrees F in celsius')?.value).toBeCloseTo(-40);
    expect(first('300 kelvin in celsius')?.value).toBeCloseTo(26.85);
  });

  it('converts lengths and masses', () => {
    expect(first('5 km in miles')?.value).toBeCloseTo(3.10686, 4);
    expect(first('10 lb to kg')?.value).toBeCloseTo(4.5359, 3);
  });

  it('computes a BMI and a conversion from one request', () => {
    const results = findCalculations('convert 100°F to Celsius and compute the BMI for 70 kg, 1.75 m');
    expect(results.map((r) => r.kind)).toEqual(['conversion', 'bmi']);
    expect(results[1]!.value).toBeCloseTo(22.857, 2);
  });

  it('finds nothing in ordinary sentences', () => {
    expect(findCalculations('Hello there')).toEqual([]);
    expect(findCalculations('I have 3 apples')).toEqual([]);
  });
});

describe('the arithmetic search on pathological text', () => {
  it('finds nothing in a run of 400 or 100,000 "(" (the search skips unbalanced slices; no cubic work)', () => {
    expect(findCalculations(`What is ${'('.repeat(400)}`)).toEqual([]);
    expect(findCalculations(`What is ${'('.repeat(100_000)}`)).toEqual([]);
  });

  it('still finds nested expressions, and a conversion after a 3,000-digit run', () => {
    expect(findCalculations('What is ((2 + 3) * (4 - 1))?')[0]?.short).toBe('15');
    expect(findCalculations(`${'7'.repeat(3_000)} and convert 5 km to miles`).map((c) => c.short)).toContain('3.107 miles');
  });
});
