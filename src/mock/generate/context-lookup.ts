/**
 * Answers from the reference text the user supplied (a manual in the system prompt, a plain-text
 * document, search results): when the question names an identifier such as an error code
 * ("What does E007 mean?", "Which part does E020 involve?"), the matching section is quoted. A
 * follow-up without a code ("How long should I wait?") reuses the codes of the earlier question.
 */
import type { Conversation } from './conversation';
import type { Reply } from './reply';

interface Section {
  source: string;
  heading: string;
  body: string;
}

/** Error codes, references, SKUs: letters then digits, optionally hyphenated (E007, R-1049, SKU123). */
const IDENTIFIER = /\b[A-Z]{1,5}-?\d{2,}\b/g;

function sectionsOf(source: { title: string; text: string }): Section[] {
  const lines = source.text.split(/\r?\n/);
  const sections: Section[] = [];
  if (lines.some((line) => /^#{1,6}\s/.test(line))) {
    let current: Section | null = null;
    for (const line of lines) {
      if (/^#{1,6}\s/.test(line)) {
        if (current) sections.push(current);
        current = { source: source.title, heading: line.replace(/^#+\s*/, '').trim(), body: '' };
      } else if (current && line.trim()) {
        current.body = `${current.body} ${line.trim()}`.trim();
      }
    }
    if (current) sections.push(current);
    return sections;
  }
  return source.text
    .split(/\n\s*\n|\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({ source: source.title, heading: '', body: paragraph }));
}

function identifiersIn(text: string): string[] {
  return [...new Set(text.toUpperCase().match(IDENTIFIER) ?? [])];
}

function sectionFor(code: string, sections: Section[]): Section | null {
  const pattern = new RegExp(`\\b${code}\\b`, 'i');
  return sections.find((section) => pattern.test(section.heading)) ?? sections.find((section) => pattern.test(section.body)) ?? null;
}

function describe(section: Section): string {
  return section.heading ? `${section.heading}: ${section.body}` : section.body;
}

function replyFor(found: Array<{ code: string; section: Section }>, followUp: boolean): Reply {
  const source = found[0]!.section.source;
  const codes = found.map((item) => item.code);
  const lead = followUp ? `Going by ${source}, for ${codes.join(' and ')}` : `According to ${source}`;
  const text =
    found.length === 1
      ? `${lead}: ${describe(found[0]!.section)}`
      : `${lead}:\n${found.map((item) => `- ${describe(item.section)}`).join('\n')}`;
  return {
    kind: 'fact',
    text,
    short: found[0]!.section.heading || codes[0]!,
    notes: [`The question is about ${codes.join(', ')}.`, `${source} has a section for ${codes.length > 1 ? 'each' : 'it'}; I'll quote it rather than guess.`],
  };
}

/** A reply quoting the sections for the identifiers in the question, or null. */
export function lookupInSources(conversation: Conversation, question: string): Reply | null {
  if (conversation.sources.length === 0) return null;
  const sections = conversation.sources.flatMap(sectionsOf);
  const found = identifiersIn(question)
    .map((code) => ({ code, section: sectionFor(code, sections) }))
    .filter((item): item is { code: string; section: Section } => item.section !== null);
  if (found.length > 0) return replyFor(found, false);
  const missing = identifiersIn(question);
  const source = conversation.sources[0]!;
  if (missing.length === 0 || source.text.length < 200) return null;
  return {
    kind: 'fact',
    text: `I couldn't find ${missing.join(' or ')} in ${source.title}, so I can't tell you what ${missing.length > 1 ? 'they mean' : 'it means'} without guessing.`,
    short: 'Unknown',
    notes: [`The question is about ${missing.join(', ')}, which ${source.title} does not mention.`],
  };
}

/** For a follow-up without identifiers: the sections for the codes of the latest earlier question that had some. */
export function lookupFollowUp(conversation: Conversation): Reply | null {
  if (conversation.sources.length === 0 || identifiersIn(conversation.lastUserText).length > 0) return null;
  const sections = conversation.sources.flatMap(sectionsOf);
  for (const text of conversation.userTexts.slice(0, -1).reverse()) {
    const found = identifiersIn(text)
      .map((code) => ({ code, section: sectionFor(code, sections) }))
      .filter((item): item is { code: string; section: Section } => item.section !== null);
    if (found.length > 0) return replyFor(found, true);
  }
  return null;
}
