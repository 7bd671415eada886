import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS, pdfPageTexts, readDocuments, sentenceChunks } from '../../../src/mock/generate/documents';

describe('sentenceChunks', () => {
  it('splits as the citations docs example does: each chunk runs to the next sentence', () => {
    expect(sentenceChunks('The grass is green. The sky is blue.')).toEqual([
      { start: 0, end: 20, text: 'The grass is green.' },
      { start: 20, end: 36, text: 'The sky is blue.' },
    ]);
  });

  it('keeps decimals and abbreviations without a following space inside a sentence, and splits at line breaks', () => {
    expect(sentenceChunks('Pi is about 3.14 here. Next one!\nA line without a stop\nLast?').map((chunk) => chunk.text)).toEqual([
      'Pi is about 3.14 here.', 'Next one!', 'A line without a stop', 'Last?',
    ]);
  });

  it('covers the text without gaps after leading whitespace, so every slice holds its cited text', () => {
    const text = '  First.   Second.\n\nThird';
    const chunks = sentenceChunks(text);
    for (const chunk of chunks) expect(text.slice(chunk.start, chunk.end).trim()).toBe(chunk.text);
    expect(chunks[0]!.start).toBe(2);
    expect(chunks.at(-1)!.end).toBe(text.length);
  });
});

describe('pdfPageTexts', () => {
  const pdf = (...streams: string[]) =>
    btoa(`%PDF-1.4\n${streams.map((stream, index) => `${index + 1} 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`).join('')}%%EOF\n`);

  it('reads Tj, TJ and escaped strings, one page per content stream', () => {
    const pages = pdfPageTexts(pdf('BT (Hello \\(world\\)) Tj ET', 'BT [(Split) -250 (text)] TJ ET\nBT (\\101BC) Tj ET'));
    expect(pages).toEqual(['Hello (world)', 'Splittext\nABC']);
  });

  it('skips compressed streams and streams without text, and returns nothing for non-PDF data', () => {
    const compressed = btoa('%PDF-1.4\n1 0 obj\n<< /Length 9 /Filter /FlateDecode >>\nstream\nBT (x) Tj ET\nendstream\nendobj\n');
    expect(pdfPageTexts(compressed)).toEqual([]);
    expect(pdfPageTexts(pdf('0 0 m 10 10 l S'))).toEqual([]);
    expect(pdfPageTexts(btoa('not a pdf'))).toEqual([]);
    expect(pdfPageTexts('***')).toEqual([]);
  });
});

describe('bounded work on hostile documents (issue 14)', () => {
  it('chunks a run of 200,000 stops without a following space as one sentence', () => {
    expect(sentenceChunks(`${'.'.repeat(200_000)}x`)).toHaveLength(1);
  });

  it('reads no text from PDFs that open 100,000 dictionaries or strings and never close them', () => {
    expect(pdfPageTexts(btoa(`%PDF-1.4 ${'<<'.repeat(100_000)}`))).toEqual([]);
    expect(pdfPageTexts(btoa(`%PDF-1.4\n<< >>\nstream\nBT ${'('.repeat(100_000)}\nendstream`))).toEqual([]);
  });

  it('reads the first maxChars of a document and maxTotalChars of the request; citations still point into the text', () => {
    const long = 'Plain words here. '.repeat(20_000);
    const params = (count: number) => ({
      messages: [{ role: 'user' as const, content: Array.from({ length: count }, () => ({ type: 'document' as const, source: { type: 'text' as const, media_type: 'text/plain' as const, data: long } })) }],
    });
    const [first] = readDocuments(params(1)).readable;
    const last = first!.chunks.at(-1)!.location;
    expect(last.kind === 'char' && last.end).toBeLessThanOrEqual(DOCUMENT_LIMITS.maxChars);
    expect(last.kind === 'char' && last.end).toBeGreaterThan(DOCUMENT_LIMITS.maxChars - 20);
    const many = readDocuments(params(10));
    expect(many.all).toHaveLength(10);
    expect(many.readable).toHaveLength(Math.ceil(DOCUMENT_LIMITS.maxTotalChars / DOCUMENT_LIMITS.maxChars));
  });
});
