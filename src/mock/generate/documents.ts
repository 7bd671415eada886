/**
 * Document blocks the emulator can read, and answers that quote them, with citations when the request enables
 * them. The emulator understands no language, so its "answer" is the passage that shares the most words with
 * the question, quoted verbatim: that keeps every citation checkable against the source, as real ones are.
 *
 * Sources (docs: platform.claude.com/docs/en/build-with-claude/citations, mirror `gpambrozio/ClaudeDocs`
 * 2026-08-22 copy; SDK: resources/messages/messages.ts CitationCharLocation / CitationPageLocation /
 * CitationContentBlockLocation):
 *  - plain text and PDF text are chunked into sentences; custom `content` documents are cited block by block;
 *  - `char_location`: 0-based character indices, end exclusive; the docs' example cites "The grass is green." as
 *    0–20 of "The grass is green. The sky is blue.", so a chunk runs up to the next sentence and `cited_text` is
 *    the trimmed sentence;
 *  - `page_location`: 1-based pages, end exclusive; `content_block_location`: 0-based block indices, end exclusive,
 *    `cited_text` the block's text;
 *  - `document_index` counts the document blocks of the whole request, across messages;
 *  - a cited answer is several text blocks, each claim in its own block with its `citations`.
 * PDF text: the emulator reads the text-showing operators (`Tj`, `TJ`, `'`, `"`) of uncompressed content streams,
 * one stream per page in file order. Compressed or scanned PDFs give no text, so they stay unreadable here (the
 * API also cannot cite a scan: "PDFs that are scans … are not citable").
 */
import type { MessageCreateParamsBase, TextCitation } from '@anthropic-ai/sdk/resources/messages/messages';
import { MAX_GENERATION_CHARS } from './conversation';

type Location =
  | { kind: 'char'; start: number; end: number }
  | { kind: 'page'; page: number }
  | { kind: 'block'; index: number };

interface Chunk {
  /** The citable text, trimmed (what `cited_text` shows). */
  text: string;
  location: Location;
}

export interface ReadableDocument {
  /** Position among all document blocks of the request (`document_index`). */
  index: number;
  title: string | null;
  citations: boolean;
  /** Where the text came from: readable sources only (text, content, an uncompressed PDF). */
  kind: 'text' | 'content' | 'pdf';
  chunks: Chunk[];
}

interface DocumentBlockLike {
  type: 'document';
  title?: string | null;
  citations?: { enabled?: boolean } | null;
  source: { type: string; data?: string; media_type?: string; content?: unknown };
}

/**
 * How much of the documents the emulator reads, so a 32 MB request costs bounded work (issue 14): the first
 * `maxChars` characters of each text, PDF or content block, `maxTotalChars` over the whole request (later documents
 * stay unread, as URL sources are), and the first `maxQuestionWords` distinct words of the question. Every citation
 * still points into the real document: only its tail is left out.
 */
export const DOCUMENT_LIMITS = { maxChars: MAX_GENERATION_CHARS, maxTotalChars: 200_000, maxBlocks: 1_000, maxQuestionWords: 64 } as const;

/** A sentence end: a run of stops and closing quotes, kept only when whitespace or the end of the text follows. */
const SENTENCE_STOP = /[.!?]+["')\]]*|\n/g;
const LEADING_SPACE = /\s*/y;

function skipSpace(text: string, at: number): number {
  LEADING_SPACE.lastIndex = at;
  LEADING_SPACE.exec(text);
  return LEADING_SPACE.lastIndex;
}

/**
 * Sentence chunks of `text`: each runs from a sentence's first character to the start of the next one.
 * One pass, no backtracking: a stop run not followed by whitespace is skipped whole (a shorter part of it ends
 * before another stop character, so it could not end a sentence either).
 */
export function sentenceChunks(text: string): Array<{ start: number; end: number; text: string }> {
  const chunks: Array<{ start: number; end: number; text: string }> = [];
  let position = 0;
  while (position < text.length) {
    const start = skipSpace(text, position);
    if (start >= text.length) break;
    let end = text.length;
    SENTENCE_STOP.lastIndex = start;
    for (let stop = SENTENCE_STOP.exec(text); stop; stop = SENTENCE_STOP.exec(text)) {
      if (stop[0] === '\n') {
        end = stop.index;
        break;
      }
      const after = stop.index + stop[0].length;
      if (after >= text.length || /\s/.test(text[after]!)) {
        end = after;
        break;
      }
    }
    end = skipSpace(text, end);
    const sentence = text.slice(start, end).trim();
    if (sentence) chunks.push({ start, end, text: sentence });
    position = Math.max(end, start + 1);
  }
  return chunks;
}

/** Bytes of base64 `data` as a Latin-1 string (one char per byte), or null when it is not base64. */
function latin1FromBase64(data: string): string | null {
  try {
    return atob(data);
  } catch {
    return null;
  }
}

function unescapePdfString(raw: string): string {
  return raw.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_match, escape: string) => {
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    if (escape in simple) return simple[escape]!;
    if (/^[0-7]+$/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return ''; // a backslash before a line break continues the string
  });
}

/** The index of the `)` closing the PDF string that opens at `open`, or -1 when it never closes. */
function pdfStringEnd(content: string, open: number): number {
  for (let at = open + 1; at < content.length; at++) {
    if (content[at] === '\\') at += 1;
    else if (content[at] === ')') return at;
  }
  return -1;
}

/** The operator after a string or array: `Tj`, `TJ`, `'` or `"` (or '' for anything else). */
function operatorAt(content: string, at: number): string {
  const from = skipSpace(content, at);
  const two = content.slice(from, from + 2);
  if (two === 'Tj' || two === 'TJ') return two;
  return content[from] === "'" || content[from] === '"' ? content[from]! : '';
}

/**
 * The strings shown by `(…) Tj`, `(…) '`, `(…) "` and `[(…) … (…)] TJ` in one content stream. A scan in one pass:
 * a string that never closes ends the stream's text (a regular expression retried from every `(` was quadratic).
 */
function shownStrings(content: string): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < content.length) {
    const char = content[at];
    if (char === '(') {
      const end = pdfStringEnd(content, at);
      if (end < 0) break;
      const operator = operatorAt(content, end + 1);
      if (operator === 'Tj' || operator === "'" || operator === '"') pieces.push(unescapePdfString(content.slice(at + 1, end)));
      at = end + 1;
    } else if (char === '[') {
      const strings: string[] = [];
      let inner = at + 1;
      while (inner < content.length && content[inner] !== ']') {
        if (content[inner] === '(') {
          const end = pdfStringEnd(content, inner);
          if (end < 0) return pieces;
          strings.push(unescapePdfString(content.slice(inner + 1, end)));
          inner = end + 1;
        } else inner += content[inner] === '\\' ? 2 : 1;
      }
      if (inner >= content.length) break;
      if (operatorAt(content, inner + 1) === 'TJ') pieces.push(strings.join(''));
      at = inner + 1;
    } else at += 1;
  }
  return pieces;
}

/** `>> stream` and its line break: the end of a stream's dictionary and the start of its data. */
const STREAM_START = />>\s*stream\r?\n/g;

/**
 * The text of each page of an uncompressed PDF (one content stream per page), or [] when none is readable.
 * Reads the first `maxChars` characters of text in one pass over the file: each stream's dictionary
 * runs from the first `<<` after the previous stream, its data up to the next `endstream`.
 */
export function pdfPageTexts(base64: string, maxChars: number = DOCUMENT_LIMITS.maxChars): string[] {
  const bytes = latin1FromBase64(base64);
  if (!bytes || !bytes.includes('%PDF-')) return [];
  const pages: string[] = [];
  let budget = maxChars;
  let previousEnd = 0;
  STREAM_START.lastIndex = 0;
  for (let start = STREAM_START.exec(bytes); start && budget > 0; start = STREAM_START.exec(bytes)) {
    const dataStart = start.index + start[0].length;
    const dataEnd = bytes.indexOf('endstream', dataStart);
    if (dataEnd < 0) break;
    const dictionaryStart = bytes.indexOf('<<', previousEnd);
    const dictionary = dictionaryStart >= 0 && dictionaryStart < start.index ? bytes.slice(dictionaryStart + 2, start.index) : null;
    previousEnd = dataEnd + 'endstream'.length;
    STREAM_START.lastIndex = previousEnd;
    if (dictionary === null || dictionary.includes('/Filter')) continue; // compressed: not read by the emulator
    const content = bytes.slice(dataStart, dataEnd).replace(/\r?\n?$/, '');
    if (!/\bBT\b/.test(content)) continue;
    // One line per text-showing operation, so a heading without a full stop stays its own sentence.
    const text = shownStrings(content).map((piece) => piece.trim()).filter(Boolean).join('\n').slice(0, budget);
    budget -= text.length;
    if (text) pages.push(text);
  }
  return pages;
}

/** Characters still to read in this request (DOCUMENT_LIMITS.maxTotalChars). */
interface ReadBudget {
  chars: number;
}

function chunksOf(block: DocumentBlockLike, budget: ReadBudget): { kind: ReadableDocument['kind']; chunks: Chunk[] } | null {
  const source = block.source;
  const limit = Math.min(DOCUMENT_LIMITS.maxChars, budget.chars);
  if (source.type === 'text' && typeof source.data === 'string') {
    const text = source.data.slice(0, limit);
    budget.chars -= text.length;
    return { kind: 'text', chunks: sentenceChunks(text).map((c) => ({ text: c.text, location: { kind: 'char', start: c.start, end: c.end } })) };
  }
  if (source.type === 'content') {
    const content = typeof source.content === 'string' ? [{ type: 'text', text: source.content }] : Array.isArray(source.content) ? source.content.slice(0, DOCUMENT_LIMITS.maxBlocks) : [];
    const chunks: Chunk[] = [];
    content.forEach((item: unknown, index: number) => {
      if (budget.chars <= 0) return;
      const text = typeof item === 'object' && item !== null && (item as { type?: unknown }).type === 'text' ? (item as { text?: unknown }).text : null;
      if (typeof text !== 'string' || !text.trim()) return;
      // A block is cited whole (`cited_text` is its text); only what the question is matched against is clipped.
      budget.chars -= Math.min(text.length, DOCUMENT_LIMITS.maxChars);
      chunks.push({ text, location: { kind: 'block', index } });
    });
    return { kind: 'content', chunks };
  }
  if (source.type === 'base64' && typeof source.data === 'string') {
    const pages = pdfPageTexts(source.data, limit);
    if (pages.length === 0) return null;
    for (const page of pages) budget.chars -= page.length;
    const chunks = pages.flatMap((text, page) => sentenceChunks(text).map((c): Chunk => ({ text: c.text, location: { kind: 'page', page: page + 1 } })));
    return { kind: 'pdf', chunks };
  }
  return null; // url and file sources: the emulator downloads nothing
}

/** Every document block of the request, in order; `readable` ones carry their chunks. */
export function readDocuments(params: Pick<MessageCreateParamsBase, 'messages'>): { all: DocumentBlockLike[]; readable: ReadableDocument[] } {
  const all: DocumentBlockLike[] = [];
  for (const message of params.messages) {
    if (typeof message.content === 'string') continue;
    for (const block of message.content) if (block.type === 'document') all.push(block as unknown as DocumentBlockLike);
  }
  const readable: ReadableDocument[] = [];
  const budget: ReadBudget = { chars: DOCUMENT_LIMITS.maxTotalChars };
  all.forEach((block, index) => {
    if (budget.chars <= 0) return;
    const read = chunksOf(block, budget);
    if (read) readable.push({ index, title: block.title ?? null, citations: block.citations?.enabled === true, ...read });
  });
  return { all, readable };
}

const STOP_WORDS = new Set(
  'the a an and or of to in on at for from by with about what which who whom whose when where why how is are was were be been do does did this that these those it its as into than then there their they them you your please tell me say says said document documents text according'.split(' '),
);

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 2 && !STOP_WORDS.has(word));
}

/** Shared content words, counting a word and its plural (or other suffix) as the same. */
function overlap(question: readonly string[], passage: string): number {
  let score = 0;
  for (const word of new Set(words(passage.slice(0, DOCUMENT_LIMITS.maxChars)))) {
    if (question.some((q) => q === word || (q.length > 3 && word.startsWith(q)) || (word.length > 3 && q.startsWith(word)))) score += 1;
  }
  return score;
}

function citationOf(document: ReadableDocument, chunk: Chunk): TextCitation {
  const common = { cited_text: chunk.text, document_index: document.index, document_title: document.title, file_id: null };
  switch (chunk.location.kind) {
    case 'char':
      return { type: 'char_location', ...common, start_char_index: chunk.location.start, end_char_index: chunk.location.end };
    case 'page':
      return { type: 'page_location', ...common, start_page_number: chunk.location.page, end_page_number: chunk.location.page + 1 };
    case 'block':
      return { type: 'content_block_location', ...common, start_block_index: chunk.location.index, end_block_index: chunk.location.index + 1 };
  }
}

export interface DocumentAnswerBlock {
  type: 'text';
  text: string;
  citations?: TextCitation[];
}

/**
 * The answer to `question` from the readable documents: the (up to three) passages that best match it, or the
 * opening passages for a question that matches none ("Summarize this document"). Null when no document is readable.
 */
export function answerFromDocuments(documents: ReadableDocument[], question: string): { blocks: DocumentAnswerBlock[]; notes: string[] } | null {
  const candidates = documents.flatMap((document) => document.chunks.map((chunk, order) => ({ document, chunk, order })));
  if (candidates.length === 0) return null;
  const asked = new Set<string>();
  for (const word of words(question)) {
    if (asked.size >= DOCUMENT_LIMITS.maxQuestionWords) break;
    asked.add(word);
  }
  const questionWords = [...asked];
  // Headings and other fragments of one or two words are citable, but a quote of a whole sentence answers better.
  const sentences = candidates.filter((candidate) => candidate.chunk.text.split(/\s+/).length >= 3);
  const scored = (sentences.length > 0 ? sentences : candidates).map((candidate) => ({ ...candidate, score: overlap(questionWords, candidate.chunk.text) }));
  const best = scored.reduce((max, candidate) => Math.max(max, candidate.score), 0);
  const picked = (best > 0 ? scored.filter((candidate) => candidate.score > 0).sort((a, b) => b.score - a.score) : scored)
    .slice(0, 3)
    .sort((a, b) => a.document.index - b.document.index || a.order - b.order);
  const name = (document: ReadableDocument) => (document.title ? `“${document.title}”` : 'the document');
  const sources = [...new Set(picked.map((candidate) => name(candidate.document)))].join(' and ');
  const notes = picked.map((candidate) => `${name(candidate.document)} says: "${candidate.chunk.text}"`);
  if (picked.every((candidate) => candidate.document.citations)) {
    const blocks: DocumentAnswerBlock[] = [{ type: 'text', text: `According to ${sources}: ` }];
    picked.forEach((candidate, position) => {
      if (position > 0) blocks.push({ type: 'text', text: ' ' });
      blocks.push({ type: 'text', text: candidate.chunk.text, citations: [citationOf(candidate.document, candidate.chunk)] });
    });
    return { blocks, notes };
  }
  return { blocks: [{ type: 'text', text: `According to ${sources}: ${picked.map((candidate) => candidate.chunk.text).join(' ')}` }], notes };
}
