/**
 * Documents and citations through the official SDK: citation shapes per document type (text → char_location,
 * PDF → page_location, content → content_block_location), `document_index` across messages, streaming
 * (`citations_delta`), and the two request rules (citations on all documents or none; never with
 * `output_config.format`), each next to the valid neighbour that succeeds.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { APIError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { sdkClient, testEmulator } from './helpers';

const client = sdkClient(testEmulator());
const MODELS = ['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5-5'];

/** A minimal uncompressed PDF with one page per entry (the same construction lesson 11 teaches). */
function makePdf(pages: string[][], filter = ''): string {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: number[] = [];
  for (const lines of pages) {
    const text = lines.map((line, row) => `BT /F1 12 Tf 72 ${720 - row * 18} Td (${line.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`).join('\n');
    kids.push(objects.length + 1);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`);
    objects.push(`<< /Length ${text.length}${filter} >>\nstream\n${text}\nendstream`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return btoa(pdf);
}

const GRASS = 'The grass is green. The sky is blue.';
const HANDBOOK = makePdf([
  ['Opening hours: the cafe opens at 7 am on weekdays.', 'The kitchen closes at 9 pm.'],
  ['Refunds: customers can get a refund within 14 days with a receipt.', 'Gift cards cannot be refunded.'],
]);

type Block = Anthropic.ContentBlockParam;
const textDoc = (data: string, citations = true, title: string | null = 'Colours'): Block =>
  ({ type: 'document', source: { type: 'text', media_type: 'text/plain', data }, title, citations: { enabled: citations } });
const pdfDoc = (data: string, citations = true): Block =>
  ({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data }, title: 'Handbook', citations: { enabled: citations } });
const ask = (model: string, content: Block[], extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}) =>
  client.messages.create({ model, max_tokens: 1024, messages: [{ role: 'user', content }], ...extra });

function citationsOf(message: Anthropic.Message): Anthropic.TextCitation[] {
  return message.content.flatMap((block) => (block.type === 'text' ? block.citations ?? [] : []));
}

async function rejection(request: Promise<unknown>): Promise<APIError> {
  try {
    await request;
  } catch (error) {
    if (error instanceof APIError) return error;
    throw error;
  }
  throw new Error('the request succeeded');
}

describe.each(MODELS)('citations on %s', (model) => {
  it('cites a plain-text document by character range, as in the docs example', async () => {
    const message = await ask(model, [textDoc(GRASS), { type: 'text', text: 'What color is the grass?' }]);
    expect(citationsOf(message)).toEqual([
      { type: 'char_location', cited_text: 'The grass is green.', document_index: 0, document_title: 'Colours', start_char_index: 0, end_char_index: 20, file_id: null },
    ]);
    // The claim is its own text block, carrying the citation; connecting text has none.
    const cited = message.content.filter((block) => block.type === 'text' && block.citations);
    expect(cited).toHaveLength(1);
  });

  it('cites a PDF by page (1-based, end exclusive)', async () => {
    const message = await ask(model, [pdfDoc(HANDBOOK), { type: 'text', text: 'Can gift cards be refunded?' }]);
    const pages = citationsOf(message).map((citation) => (citation.type === 'page_location' ? [citation.start_page_number, citation.end_page_number] : null));
    expect(pages).toContainEqual([2, 3]);
    expect(citationsOf(message).map((citation) => citation.cited_text)).toContain('Gift cards cannot be refunded.');
  });

  it('cites a custom-content document by block index, quoting the whole block', async () => {
    const content: Block = {
      type: 'document',
      source: { type: 'content', content: [{ type: 'text', text: 'Monday: closed.' }, { type: 'text', text: 'Tuesday: orders leave at 4 pm.' }] },
      title: 'Schedule',
      citations: { enabled: true },
    };
    const message = await ask(model, [content, { type: 'text', text: 'When do orders leave on Tuesday?' }]);
    expect(citationsOf(message)).toContainEqual({
      type: 'content_block_location', cited_text: 'Tuesday: orders leave at 4 pm.', document_index: 0, document_title: 'Schedule',
      start_block_index: 1, end_block_index: 2, file_id: null,
    });
  });
});

describe('document rules', () => {
  const MODEL = 'claude-sonnet-5-5';

  it('counts document_index across every message of the request', async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 1024,
      messages: [
        { role: 'user', content: [textDoc('Paris is the capital of France.', true, 'Capitals'), { type: 'text', text: 'Remember this.' }] },
        { role: 'assistant', content: 'Noted.' },
        { role: 'user', content: [textDoc(GRASS), { type: 'text', text: 'What color is the sky?' }] },
      ],
    });
    expect(citationsOf(message).map((citation) => [citation.cited_text, 'document_index' in citation ? citation.document_index : -1])).toEqual([['The sky is blue.', 1]]);
  });

  it('rejects citations on some documents but not others, and accepts them on all', async () => {
    const mixed = await rejection(ask(MODEL, [textDoc(GRASS, true), textDoc('Snow is white.', false), { type: 'text', text: 'Colours?' }]));
    expect(mixed.status).toBe(400);
    expect(mixed.message).toContain('all or none of the documents');
    const all = await ask(MODEL, [textDoc(GRASS, true), textDoc('Snow is white.', true), { type: 'text', text: 'What colour is snow?' }]);
    expect(citationsOf(all).map((citation) => citation.cited_text)).toEqual(['Snow is white.']);
  });

  it('rejects citations together with output_config.format, and accepts the format without citations', async () => {
    const format: Anthropic.OutputConfig = {
      format: { type: 'json_schema', schema: { type: 'object', properties: { colour: { type: 'string' } }, required: ['colour'], additionalProperties: false } },
    };
    const error = await rejection(ask(MODEL, [textDoc(GRASS, true), { type: 'text', text: 'What color is the grass?' }], { output_config: format }));
    expect(error.status).toBe(400);
    expect(error.message).toContain('output_config.format');
    const ok = await ask(MODEL, [textDoc(GRASS, false), { type: 'text', text: 'What color is the grass?' }], { output_config: format });
    expect(ok.stop_reason).toBe('end_turn');
  });

  it('streams each citation as a citations_delta, and finalMessage() equals the non-streamed reply', async () => {
    const content: Block[] = [pdfDoc(HANDBOOK), { type: 'text', text: 'How many days do customers have for a refund?' }];
    const stream = client.messages.stream({ model: MODEL, max_tokens: 1024, messages: [{ role: 'user', content }] });
    const deltas: string[] = [];
    for await (const event of stream) if (event.type === 'content_block_delta') deltas.push(event.delta.type);
    const streamed = await stream.finalMessage();
    expect(deltas).toContain('citations_delta');
    const plain = await ask(MODEL, content);
    expect(streamed.content).toEqual(plain.content);
  });

  it('answers from an uncited PDF without citations, and cannot read a compressed one or a URL', async () => {
    const uncited = await ask(MODEL, [pdfDoc(HANDBOOK, false), { type: 'text', text: 'When does the kitchen close?' }]);
    expect(citationsOf(uncited)).toEqual([]);
    expect(uncited.content.some((block) => block.type === 'text' && block.text.includes('The kitchen closes at 9 pm.'))).toBe(true);
    const compressed = await ask(MODEL, [pdfDoc(makePdf([['x']], ' /Filter /FlateDecode'), false), { type: 'text', text: 'What does it say?' }]);
    expect(JSON.stringify(compressed.content)).toContain('cannot look at the document');
    const byUrl = await ask(MODEL, [{ type: 'document', source: { type: 'url', url: 'https://example.com/handbook.pdf' } }, { type: 'text', text: 'Summarize it.' }]);
    expect(JSON.stringify(byUrl.content)).toContain('cannot look at the document');
  });
});
