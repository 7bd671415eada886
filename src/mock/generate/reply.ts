/** What a reply composer produces (text.ts and context-lookup.ts), before styling and output limits. */

export type Language = 'fr' | 'es' | 'de' | 'it';

export interface Reply {
  kind: 'greeting' | 'arithmetic' | 'concept' | 'memory' | 'fact' | 'creative' | 'sentiment' | 'fallback' | 'identity';
  text: string;
  /** The core answer alone ("391", "Ada", "Paris"), for one-word answers and prefills. */
  short: string;
  /** Lines of reasoning for the thinking block (real working where there is some). */
  notes: string[];
  /** Translations of `text` where the emulator has them (greetings, numbers, recall, capitals). */
  translations?: Partial<Record<Language, string>>;
}
