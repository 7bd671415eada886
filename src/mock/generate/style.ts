/**
 * Steering from the system prompt (and from the user turn itself): personas, one-word or
 * one-sentence answers, a reply language, all caps, JSON only. The emulator cannot truly rewrite
 * text, so each instruction leaves at least a clear, visible marker on the reply.
 */
import type { Language, Reply } from './reply';

export interface Style {
  persona: string | null;
  oneWord: boolean;
  /** "Answer in one sentence" → 1, "in two sentences" → 2; null when not limited. */
  maxSentences: number | null;
  language: Language | null;
  allCaps: boolean;
  jsonOnly: boolean;
  /** Field names asked for ("a JSON object with a greeting field"). */
  jsonFields: string[];
}

const LANGUAGES: Array<{ code: Language; pattern: RegExp; marker: string }> = [
  { code: 'fr', pattern: /\bfrench\b|\ben français\b|\bfrançais\b/i, marker: '(en français)' },
  { code: 'es', pattern: /\bspanish\b|\ben español\b/i, marker: '(en español)' },
  { code: 'de', pattern: /\bgerman\b|\bauf deutsch\b/i, marker: '(auf Deutsch)' },
  { code: 'it', pattern: /\bitalian\b|\bin italiano\b/i, marker: '(in italiano)' },
];

export function readStyle(system: string, userText: string): Style {
  const persona = /\byou are (?:a|an) ([^.,;:!\n]+)/i.exec(system)?.[1]?.trim() ??
    /\b[Yy]ou are ([A-Z][\p{L}-]+(?: [A-Z][\p{L}-]+)*)/u.exec(system)?.[1]?.trim() ??
    /\b(?:talk|speak|respond|reply|answer|write) (?:like|as) (?:a|an) ([a-z][a-z -]*[a-z])/i.exec(`${system}\n${userText}`)?.[1]?.trim() ??
    null;
  const both = `${system}\n${userText}`;
  const languageLine = /\b(?:in|into|reply in|respond in|answer in|speak|only) +(french|spanish|german|italian)\b|\ben français\b|\ben español\b|\bauf deutsch\b|\bin italiano\b/i.exec(both);
  return {
    // "You are a helpful assistant" is not a persona worth marking.
    persona: persona && !/^(?:very |really )?(?:helpful|friendly|useful|smart|knowledgeable|expert|concise|kind|polite)?\s*(?:and \w+ )?(?:ai )?assistant$/i.test(persona) ? persona : null,
    oneWord: /\b(?:one|1|single)[\s-]word\b|\b(?:just|only) (?:the|a) (?:number|answer|result|word)\b|\b(?:number|answer) only\b/i.test(both),
    maxSentences: sentenceLimit(both),
    language: languageLine ? (LANGUAGES.find((lang) => lang.pattern.test(languageLine[0]))?.code ?? null) : null,
    allCaps: /\ball caps\b|\buppercase\b|\bcapital letters\b/i.test(both),
    jsonOnly: /\b(?:only|just)\s+(?:with\s+|valid\s+)?json\b|\b(?:respond|reply|answer|output|return)\s+(?:only\s+)?(?:in|with|as)\s+(?:a\s+|an\s+)?(?:valid\s+)?json\b|\bjson only\b|\bas (?:a )?json(?: object)?\b/i.test(both),
    jsonFields: [...both.matchAll(/\b(?:an?|the)\s+["'`]?([a-z_][\w]*)["'`]?\s+(?:field|key|property)\b|\b(?:field|key|property)\s+(?:called|named)\s+["'`]?([a-z_]\w*)/gi)].map((m) => (m[1] ?? m[2])!),
  };
}

const COUNT_WORDS: Record<string, number> = { one: 1, single: 1, '1': 1, two: 2, '2': 2, three: 3, '3': 3 };

function sentenceLimit(text: string): number | null {
  const match = /\b(one|single|1|two|2|three|3)[\s-]sentences?\b/i.exec(text);
  if (match) return COUNT_WORDS[match[1]!.toLowerCase()]!;
  return /\bbe (?:very )?(?:concise|brief)\b|\bbriefly\b/i.test(text) ? 1 : null;
}

function firstSentences(text: string, count: number): string {
  const sentences = text.trim().match(/[\s\S]*?[.!?](?=\s|$)/g);
  if (!sentences) return text.trim();
  return sentences.slice(0, count).join('').trim();
}

function personaWrap(persona: string, text: string): string {
  const p = persona.toLowerCase();
  if (p.includes('pirate')) return `Ahoy, matey! ${text} Arr!`;
  if (p.includes('shakespeare')) return `Hark! ${text} Thus I have spoken.`;
  if (p.includes('cowboy')) return `Howdy, partner! ${text}`;
  if (p.includes('robot')) return `BEEP BOOP. ${text}`;
  if (p.includes('yoda')) return `${text} Hmm, yes.`;
  const article = /^[A-Z]/.test(persona) ? '' : /^[aeiou]/i.test(persona) ? 'an ' : 'a ';
  return `[As ${article}${persona}] ${text}`;
}

function jsonObject(reply: Reply, text: string, fields: string[]): Record<string, string> {
  if (fields.length === 0) return { answer: text };
  const value = (field: string) =>
    /greeting|hello|message/i.test(field) && reply.kind === 'fallback' ? 'Hello! How can I help you today?' : reply.kind === 'fallback' ? text : field === 'answer' ? text : reply.short;
  return Object.fromEntries(fields.map((field) => [field, value(field)]));
}

/** Applies the style to a reply; the result is the text the assistant writes. */
export function applyStyle(reply: Reply, style: Style): string {
  if (style.oneWord) {
    const word = reply.short.split(/[\s,]+/)[0]!.replace(/[.!?]+$/, '');
    return style.allCaps ? word.toUpperCase() : word;
  }
  const language = LANGUAGES.find((lang) => lang.code === style.language);
  let text = reply.text;
  if (language) text = reply.translations?.[language.code] ?? `${language.marker} ${text}`;
  if (style.maxSentences !== null) text = firstSentences(text, style.maxSentences);
  if (style.persona && reply.kind !== 'identity') text = personaWrap(style.persona, text);
  if (style.allCaps) text = text.toUpperCase();
  if (style.jsonOnly) text = JSON.stringify(jsonObject(reply, text, style.jsonFields));
  return text;
}
