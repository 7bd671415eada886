/**
 * The plain-text answer to the latest user turn, before any styling: arithmetic, concepts,
 * greetings, recall of facts the user stated, a few small tasks (counting, lists, haiku, stories,
 * jokes, sentiment, capitals), and otherwise an honest emulated reply. See knowledge.ts for the list
 * of prompts handled well.
 */
import { CAPITALS, FUN_FACTS, PHRASEBOOK, asksForExplanation, findConcept } from '../knowledge';
import { estimateTextTokens } from '../tokens';
import { findCalculations } from './arithmetic';
import { lookupFollowUp, lookupInSources } from './context-lookup';
import type { Conversation } from './conversation';
import type { Reply } from './reply';

import type { Language } from './reply';

/** Small deterministic choice from a string seed. */
export function pick<T>(items: readonly T[], seed: string): T {
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619) >>> 0;
  return items[hash % items.length]!;
}

function quoteOf(text: string, words = 14): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  const head = all.slice(0, words).join(' ');
  return all.length > words ? `${head}…` : head;
}

// ---------- recall ----------

interface Fact {
  key: string;
  value: string;
}

const FACT_PATTERNS: Array<{ key: string; pattern: RegExp }> = [
  { key: 'name', pattern: /\bmy name is ([A-Z][\p{L}'-]*(?:\s+[A-Z][\p{L}'-]*)?)/iu },
  { key: 'name', pattern: /\bcall me ([A-Z][\p{L}'-]*)/iu },
  { key: 'name', pattern: /\b(?:I am|I'm) ([A-Z][\p{L}'-]+)(?=[\s.,!]|$)(?! years)/u },
  { key: 'home', pattern: /\bI live in ([A-Z][\p{L} ,'-]*?)(?=[.!?;]|\s+and\b|$)/iu },
  { key: 'home', pattern: /\bI(?:'m| am) from ([A-Z][\p{L} ,'-]*?)(?=[.!?;]|\s+and\b|$)/iu },
  { key: 'age', pattern: /\bI(?:'m| am) (\d{1,3}) years? old\b/i },
];

const GENERIC_FACT = /\bmy ((?:favou?rite )?[a-z]+(?: [a-z]+)?) is ([^.!?;,]+)/gi;

function collectFacts(userTexts: string[]): Fact[] {
  const facts: Fact[] = [];
  for (const text of userTexts) {
    for (const { key, pattern } of FACT_PATTERNS) {
      const match = pattern.exec(text);
      if (match && !/^(?:a|an|the|not|so|very|sure|here|going|fine|good|ok)$/i.test(match[1]!)) facts.push({ key, value: match[1]!.trim() });
    }
    for (const match of text.matchAll(GENERIC_FACT)) {
      const key = match[1]!.toLowerCase().replace('favourite', 'favorite');
      if (key !== 'name') facts.push({ key, value: match[2]!.trim() });
    }
  }
  return facts;
}

function recall(conversation: Conversation): Reply | null {
  const question = conversation.lastUserText;
  let key: string | null = null;
  if (/\b(?:what(?:'s| is) my name|who am i|do you (?:know|remember) my name|what did i say my name)\b/i.test(question)) key = 'name';
  else if (/\bwhere do i live\b|\bwhere am i from\b|\bwhere(?:'s| is) my home\b/i.test(question)) key = 'home';
  else if (/\bhow old am i\b|\bwhat(?:'s| is) my age\b/i.test(question)) key = 'age';
  else {
    const generic = /\bwhat(?:'s| is| was) my ((?:favou?rite )?[a-z]+(?: [a-z]+)?)\b/i.exec(question);
    if (generic) key = generic[1]!.toLowerCase().replace('favourite', 'favorite');
  }
  if (!key) return null;
  const earlier = conversation.userTexts.slice(0, -1);
  const fact = collectFacts(earlier)
    .reverse()
    .find((candidate) => candidate.key === key);
  const label = key === 'home' ? 'where you live' : key === 'age' ? 'your age' : `your ${key}`;
  if (!fact) {
    return {
      kind: 'memory',
      text: `I don't know ${label}: you haven't told me in this conversation. (The API only sees the messages you send with each request.)`,
      short: 'Unknown',
      notes: [`The user asks about ${label}.`, 'Scanning the earlier user turns: nothing states it, so I should say I do not know.'],
    };
  }
  const text =
    key === 'name'
      ? `Your name is ${fact.value}.`
      : key === 'home'
        ? `You told me you live in ${fact.value}.`
        : key === 'age'
          ? `You said you are ${fact.value} years old.`
          : `You told me your ${key} is ${fact.value}.`;
  return {
    kind: 'memory',
    text,
    short: fact.value,
    notes: [`The user asks about ${label}.`, `Earlier in the conversation they said it: ${fact.value}.`],
    translations:
      key === 'name'
        ? { fr: `Vous vous appelez ${fact.value}.`, es: `Te llamas ${fact.value}.`, de: `Du heißt ${fact.value}.`, it: `Ti chiami ${fact.value}.` }
        : undefined,
  };
}

// ---------- small tasks ----------

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
};

function numberFrom(word: string | undefined): number | null {
  if (!word) return null;
  if (/^\d+$/.test(word)) return Number(word);
  const lower = word.toLowerCase();
  return Object.hasOwn(NUMBER_WORDS, lower) ? NUMBER_WORDS[lower]! : null;
}

function counting(question: string): Reply | null {
  const match = /\bcount(?:ing)?\s+(?:(?:from|up from)\s+(\w+)\s+)?(?:up\s+)?to\s+(\w+)/i.exec(question);
  if (!match) return null;
  const from = numberFrom(match[1]) ?? 1;
  const to = numberFrom(match[2]);
  if (to === null || Math.abs(to - from) > 1000) return null;
  const step = to >= from ? 1 : -1;
  const numbers: number[] = [];
  for (let n = from; step > 0 ? n <= to : n >= to; n += step) numbers.push(n);
  const text = `${numbers.join(', ')}.`;
  // Numbers read the same in every language the emulator "speaks".
  return { kind: 'creative', text, short: String(to), notes: [`Count from ${from} to ${to}, separated by commas.`], translations: { fr: text, es: text, de: text, it: text } };
}

const LISTS: Record<string, string[]> = {
  fruit: ['Apple', 'Banana', 'Orange', 'Mango', 'Strawberry', 'Pineapple', 'Grape', 'Cherry', 'Pear', 'Kiwi'],
  color: ['Red', 'Blue', 'Green', 'Yellow', 'Purple', 'Orange', 'Black', 'White', 'Pink', 'Brown'],
  animal: ['Dog', 'Cat', 'Elephant', 'Dolphin', 'Eagle', 'Tiger', 'Penguin', 'Horse', 'Owl', 'Fox'],
  planet: ['Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune'],
  'programming language': ['Python', 'TypeScript', 'JavaScript', 'Rust', 'Go', 'Java', 'C', 'C++', 'Kotlin', 'Swift'],
  vegetable: ['Carrot', 'Broccoli', 'Spinach', 'Potato', 'Tomato', 'Onion', 'Pepper', 'Cucumber', 'Lettuce', 'Pea'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  country: ['France', 'Japan', 'Brazil', 'Canada', 'Kenya', 'India', 'Australia', 'Mexico', 'Norway', 'Egypt'],
};

function listing(question: string): Reply | null {
  const match = /\b(?:list|name|give me|what are)\s+(\w+)\s+([a-z]+(?: [a-z]+)?)/i.exec(question);
  if (!match) return null;
  const count = numberFrom(match[1]);
  const noun = match[2]!.toLowerCase().replace(/(?:ies)$/, 'y').replace(/(?:es|s)$/, '');
  const category = Object.keys(LISTS).find((key) => noun === key || noun.startsWith(key));
  if (count === null || !category) return null;
  const items = LISTS[category]!.slice(0, Math.min(count, LISTS[category]!.length));
  return {
    kind: 'creative',
    text: items.map((item, index) => `${index + 1}. ${item}`).join('\n'),
    short: items[0]!,
    notes: [`The user wants ${count} ${category} names as a list.`],
  };
}

function topicOf(question: string, verb: RegExp): string | null {
  const match = new RegExp(`${verb.source}\\s+(?:about|on|of)\\s+([^.?!\\n]+)`, 'i').exec(question);
  return match ? match[1]!.trim().replace(/^(?:a|an|the)\s+/i, '') : null;
}

function creative(question: string): Reply | null {
  const haikuTopic = topicOf(question, /\bhaiku/);
  if (haikuTopic || /\bhaiku\b/i.test(question)) {
    const topic = haikuTopic ?? 'the sea';
    const text = pick(
      [
        `${capitalize(topic)} at first light,\nquiet as a held breath, waits;\nthe day leans closer.`,
        `Soft wind over ${topic},\na small thought settles like dust;\nevening keeps its word.`,
        `Rain on ${topic} —\neach drop a brief, bright signal;\nthe world answers slow.`,
      ],
      topic,
    );
    return { kind: 'creative', text, short: topic, notes: [`A haiku about ${topic}: three lines, a seasonal image, a quiet turn at the end.`] };
  }
  const poemTopic = topicOf(question, /\bpoem/);
  if (poemTopic) {
    const text =
      `${capitalize(poemTopic)} arrives without a sound,\nand fills the corners of the day;\nit asks for nothing, stays around,\nthen, like good weather, slips away.\n\n` +
      `I keep a little of it near,\na pocketful for colder hours,\nso when the grey days reappear\nI still have ${poemTopic} and its powers.`;
    return { kind: 'creative', text, short: poemTopic, notes: [`A short rhyming poem about ${poemTopic}, two stanzas of four lines.`] };
  }
  const storyTopic = topicOf(question, /\bstory/);
  if (storyTopic) {
    const text =
      `Once there was ${/^[aeiou]/i.test(storyTopic) ? 'an' : 'a'} ${storyTopic} that wanted to understand the world a little better. ` +
      `Every morning it set out with a notebook and a single question, and every evening it came home with three new ones. ` +
      `One day it met a patient old librarian who said that good questions are worth more than quick answers. ` +
      `The ${storyTopic} thought about that for a long time, then began to write its questions down more carefully. ` +
      `Years later, people came from far away to read that notebook, and each of them left with a question of their own.`;
    return { kind: 'creative', text, short: storyTopic, notes: [`A five-sentence story about ${storyTopic} with a beginning, a turn and an ending.`] };
  }
  if (/\b(?:tell|know) (?:me )?(?:a |any )?jokes?\b/i.test(question)) {
    const text = pick(
      [
        'Why did the developer go broke? Because they used up all their cache.',
        'Why do programmers prefer dark mode? Because light attracts bugs.',
        'I told my computer I needed a break, and it said: "No problem, I\'ll go to sleep."',
      ],
      question,
    );
    return { kind: 'creative', text, short: 'Joke', notes: ['A short, friendly joke about programming.'] };
  }
  return null;
}

const POSITIVE = /\b(?:love|loved|great|excellent|amazing|happy|good|wonderful|fantastic|best|like|enjoy(?:ed)?|awesome|perfect|delighted|pleased|recommend)\b/gi;
const NEGATIVE = /\b(?:hate|hated|terrible|awful|bad|worst|disappoint(?:ed|ing)?|poor|broken|sad|angry|horrible|slow|never|useless|refund|annoying)\b/gi;

function sentiment(question: string): Reply | null {
  if (!/\bsentiment\b|\bpositive,? (?:or |negative)|\bclassify\b.*\b(?:review|feedback|text|tweet)\b/i.test(question)) return null;
  const quoted = /["“']([^"”']{3,})["”']/.exec(question)?.[1] ?? question.split(/:\s*/).slice(1).join(': ') ?? question;
  const text = quoted || question;
  const positives = text.match(POSITIVE) ?? [];
  const negatives = text.match(NEGATIVE) ?? [];
  const label = positives.length > negatives.length ? 'positive' : negatives.length > positives.length ? 'negative' : 'neutral';
  const evidence = [...positives, ...negatives].map((word) => `"${word.toLowerCase()}"`);
  return {
    kind: 'sentiment',
    text: `The sentiment is ${label}${evidence.length ? `: ${evidence.join(', ')} ${evidence.length > 1 ? 'carry' : 'carries'} it.` : '.'}`,
    short: capitalize(label),
    notes: [`Classify the sentiment of: "${quoteOf(text)}".`, `Positive cues: ${positives.length}, negative cues: ${negatives.length}, so: ${label}.`],
  };
}

function capital(question: string): Reply | null {
  const match = /\bcapital (?:city )?of ([a-z .]+?)(?:\?|$|\.|,)/i.exec(question);
  if (!match) return null;
  const country = match[1]!.trim().replace(/^the\s+/i, '').toLowerCase();
  const city = CAPITALS[country];
  if (!city) return null;
  const name = country.length <= 3 ? country.toUpperCase() : country.replace(/\b\w/g, (c) => c.toUpperCase());
  return {
    kind: 'fact',
    text: `The capital of ${name} is ${city}.`,
    short: city,
    notes: [`A geography fact: the capital of ${name} is ${city}.`],
    translations: { fr: `La capitale est ${city}.`, es: `La capital es ${city}.`, de: `Die Hauptstadt ist ${city}.`, it: `La capitale è ${city}.` },
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const LANGUAGE_NAMES: Record<string, Language> = { french: 'fr', spanish: 'es', german: 'de', italian: 'it' };

/** "Translate 'hello' to Spanish", "Say hello in French", "How do you say thank you in German?" */
function translation(question: string): Reply | null {
  const match =
    /\btranslate\s+["“']?([\p{L} ']+?)["”']?\s+(?:in)?to\s+(french|spanish|german|italian)\b/iu.exec(question) ??
    /\b(?:say|write)\s+["“']?([\p{L} ']+?)["”']?\s+in\s+(french|spanish|german|italian)\b/iu.exec(question) ??
    /\bhow (?:do (?:you|i|we)|would you|to|can i) say\s+["“']?([\p{L} ']+?)["”']?\s+in\s+(french|spanish|german|italian)\b/iu.exec(question);
  if (!match) return null;
  const phrase = match[1]!.toLowerCase().replace(/^(?:the word|the phrase)\s+/, '').trim();
  const language = LANGUAGE_NAMES[match[2]!.toLowerCase()]!;
  const languageName = capitalize(match[2]!.toLowerCase());
  const translated = PHRASEBOOK[phrase]?.[language];
  if (!translated) {
    return {
      kind: 'fallback',
      text: `(Emulated reply) The emulator's phrasebook has no ${languageName} for “${phrase}”: it only knows a few words (${Object.keys(PHRASEBOOK).slice(0, 6).join(', ')}…). Switch to live mode for a real translation.`,
      short: 'Unknown',
      notes: [`Translate "${phrase}" into ${languageName}: not in the phrasebook.`],
    };
  }
  const text = `“${capitalize(phrase)}” in ${languageName} is “${translated}”.`;
  return {
    kind: 'fact',
    text,
    short: translated,
    notes: [`Translate "${phrase}" into ${languageName}: "${translated}".`],
    // The request itself names the language: the answer needs no "reply in …" marker.
    translations: { fr: text, es: text, de: text, it: text },
  };
}

/** "Reply with OK.", "Say exactly: ready" → that text. */
function echo(question: string): Reply | null {
  const match = /^(?:please\s+)?(?:(?:reply|respond|answer)\s+(?:only\s+)?with|say)\s+(?:just\s+|only\s+|exactly\s*:?\s*)?["“']?([^"”'\n]{1,40}?)["”']?[.!]?$/i.exec(question.trim());
  if (!match || /^(?:something|anything|a |an |the )/i.test(match[1]!)) return null;
  const text = match[1]!.trim();
  return { kind: 'fact', text, short: text, notes: [`The user wants exactly "${text}" back.`], translations: { fr: text, es: text, de: text, it: text } };
}

/** The text a request is about: after a colon, or in quotes. */
function payloadOf(question: string): string | null {
  const quoted = /["“]([^"”]{3,})["”]/.exec(question)?.[1];
  if (quoted) return quoted.trim();
  const colon = question.indexOf(':');
  return colon >= 0 && colon < question.length - 2 ? question.slice(colon + 1).trim() : null;
}

function summary(question: string): Reply | null {
  if (!/\bsummari[sz]e\b|\bsummary\b|\btl;?dr\b/i.test(question)) return null;
  const text = payloadOf(question);
  if (!text) return null;
  const sentences = text.match(/[^.!?]+[.!?]+/g) ?? [text];
  const first = sentences[0]!.trim();
  const words = text.split(/\s+/).filter(Boolean).length;
  return {
    kind: 'fact',
    text: sentences.length > 1 ? `In short: ${first} (The text has ${sentences.length} sentences and ${words} words; this emulated summary keeps its first sentence.)` : `In short: ${first}`,
    short: first,
    notes: [`Summarize a ${words}-word text.`, 'Extractive approach: keep the lead sentence, which usually carries the main point.'],
  };
}

function tokenCount(question: string): Reply | null {
  if (!/\bhow many tokens\b/i.test(question)) return null;
  const text = payloadOf(question) ?? question;
  const tokens = estimateTextTokens(text);
  return {
    kind: 'fact',
    text: `By this emulator's estimate, that text is about ${tokens} tokens. Real counts depend on the model's tokenizer: use the count_tokens endpoint (POST /v1/messages/count_tokens) to get the exact number before sending a request.`,
    short: String(tokens),
    notes: [`Estimate the tokens of: "${quoteOf(text)}" → about ${tokens}.`],
  };
}

/** Weather, time, news, prices: things a model cannot know without a tool. */
function liveData(question: string): Reply | null {
  const topic = /\bweather\b|\bforecast\b|\btemperature (?:in|at|outside)\b/i.test(question)
    ? 'live weather data'
    : /\bwhat time is it\b|\bcurrent time\b|\btoday'?s date\b|\bwhat(?:'s| is) the date\b|\bwhat day is (?:it|today)\b/i.test(question)
      ? 'a clock or calendar'
      : /\b(?:latest|today'?s|current|breaking)\s+news\b|\bstock price\b|\bshare price\b|\bexchange rate\b/i.test(question)
        ? 'live data from the internet'
        : null;
  if (!topic) return null;
  return {
    kind: 'fact',
    text: `I don't have access to ${topic}: a model only knows what is in its training data and in the conversation. To answer questions like this, give me a tool (for example a function your code runs) and I can call it and use its result.`,
    short: 'Unknown',
    notes: [`This needs ${topic}, which I do not have without a tool.`],
  };
}

function funFact(question: string): Reply | null {
  if (!/\b(?:fun|interesting|random) fact\b/i.test(question)) return null;
  const fact = pick(FUN_FACTS, question);
  return { kind: 'fact', text: fact, short: fact.split(' ')[0]!, notes: ['Pick a true, surprising fact and state it plainly.'] };
}

function longText(question: string): Reply | null {
  const topic = topicOf(question, /\b(?:essay|article|blog post|long (?:text|explanation|answer)|detailed explanation)/);
  if (!topic) return null;
  const paragraphs = [
    `(Emulated essay: placeholder prose for trying streaming and max_tokens; the emulator has no real knowledge of ${topic}.)`,
    `Every subject worth writing about has a beginning, and ${topic} is no exception. Its story starts with a small group of people who noticed a problem, tried a few ideas, and kept the ones that worked. Those early attempts were rough, but they set the direction for everything that followed.`,
    `Over time, the ideas behind ${topic} became clearer and easier to share. People wrote them down, taught them to others, and built tools that made them practical. Each generation added something: a better explanation, a faster method, or a new question that pushed the field forward.`,
    `Today, ${topic} touches more lives than its pioneers could have imagined. It shapes how people work, learn and talk to each other, and it still raises questions that have no settled answers. That mix of solid foundations and open problems is what keeps it interesting.`,
    `Looking ahead, the most useful thing anyone can do with ${topic} is to stay curious: read widely, try things out, and share what they learn. The next chapter of the story will be written by the people who do exactly that.`,
  ];
  return { kind: 'creative', text: paragraphs.join('\n\n'), short: topic, notes: [`A long, multi-paragraph essay about ${topic}: origins, development, present, future.`] };
}

// ---------- greetings ----------

const GREETING = /^(?:hi|hello|hey|howdy|hiya|greetings|good (?:morning|afternoon|evening)|bonjour|hola|hallo|ciao)\b[\s,!.]*(?:claude|there|everyone|friend)?[\s,!.]*/i;

function smallTalk(question: string): Reply | null {
  const q = question.trim();
  if (/\bwho are you\b|\bwhat are you\b|\b(?:what|which) model are you\b|\bare you (?:claude|real|an? (?:ai|bot|emulator))\b/i.test(q)) {
    return {
      kind: 'identity',
      text: "I'm the playground's emulated Claude: a deterministic stand-in for the Claude API that runs in your browser. I can do arithmetic, explain the API's concepts and play along with your requests, but for real answers switch to live mode with your own API key.",
      short: 'Emulator',
      notes: ['The user asks who I am. I am the emulator, and I should say so plainly.'],
    };
  }
  if (/\bhow are you\b|\bhow's it going\b/i.test(q)) {
    return {
      kind: 'greeting',
      text: "I'm doing well, thank you for asking! How can I help you today?",
      short: 'Well',
      notes: ['A friendly check-in; answer briefly and offer help.'],
      translations: { fr: 'Je vais bien, merci ! Comment puis-je vous aider ?', es: '¡Estoy bien, gracias! ¿En qué puedo ayudarte?', de: 'Mir geht es gut, danke! Wie kann ich helfen?', it: 'Sto bene, grazie! Come posso aiutarti?' },
    };
  }
  if (/^(?:thanks|thank you|thx|cheers)\b/i.test(q)) {
    return { kind: 'greeting', text: "You're welcome! Let me know if there's anything else I can help with.", short: 'Welcome', notes: ['The user says thanks; reply warmly.'], translations: { fr: 'Avec plaisir !', es: '¡De nada!', de: 'Gern geschehen!', it: 'Prego!' } };
  }
  if (GREETING.test(q) && q.replace(GREETING, '').trim().length === 0) {
    return {
      kind: 'greeting',
      text: 'Hello! How can I help you today?',
      short: 'Hello',
      notes: ['A greeting with no question yet: greet back and offer help.'],
      translations: { fr: "Bonjour ! Comment puis-je vous aider aujourd'hui ?", es: '¡Hola! ¿En qué puedo ayudarte hoy?', de: 'Hallo! Wie kann ich dir heute helfen?', it: 'Ciao! Come posso aiutarti oggi?' },
    };
  }
  return null;
}

// ---------- composition ----------

function arithmetic(question: string): Reply | null {
  const calculations = findCalculations(question);
  if (calculations.length === 0) return null;
  const text = calculations.map((c) => c.sentence).join(' ');
  return {
    kind: 'arithmetic',
    text,
    short: calculations.map((c) => c.short).join(', '),
    notes: calculations.flatMap((c) => [`Compute ${c.expression}.`, ...c.steps.map((step) => `  ${step}`)]),
    translations: calculations.every((c) => c.kind === 'expression' && !Number.isNaN(c.value))
      ? { fr: calculations.map((c) => `${c.expression} = ${c.short}.`).join(' '), es: calculations.map((c) => `${c.expression} = ${c.short}.`).join(' '), de: calculations.map((c) => `${c.expression} = ${c.short}.`).join(' '), it: calculations.map((c) => `${c.expression} = ${c.short}.`).join(' ') }
      : undefined,
  };
}

function concept(question: string): Reply | null {
  if (!asksForExplanation(question)) return null;
  const found = findConcept(question);
  if (!found) return null;
  return {
    kind: 'concept',
    text: found.explanation,
    short: found.label,
    notes: [`A conceptual question about ${found.label.toLowerCase()}.`, 'Key points: what it is, how it shows up in the Messages API, and one practical consequence.'],
  };
}

function fallback(question: string, attachments: string[]): Reply {
  if (attachments.length > 0) {
    const what = attachments.includes('image') ? 'the image' : 'the document';
    return {
      kind: 'fallback',
      text: `(Emulated reply) The emulator cannot look at ${what} you sent${question ? ` to answer “${quoteOf(question)}”` : ''}: it only reads text. The request itself is valid, and its usage shows what the attachment costs in input tokens. Switch to live mode for Claude's real answer.`,
      short: 'Emulated',
      notes: [`The user sent ${attachments.join(' and ')} content, which this emulator cannot read.`],
    };
  }
  if (!question) {
    return {
      kind: 'fallback',
      text: '(Emulated reply) I received your message, but it has no text I can respond to. The emulator does not look at images or documents; switch to live mode for a real answer from Claude.',
      short: 'Emulated',
      notes: ['The latest user turn has no text.'],
    };
  }
  return {
    kind: 'fallback',
    text: `(Emulated reply) You asked about “${quoteOf(question)}”. This playground's emulator cannot really answer that: it handles arithmetic, unit conversions, short explanations of API concepts, greetings and recalling what you told it earlier. Switch to live mode with your own API key to get Claude's real answer.`,
    short: 'Emulated',
    notes: [`The user asks: "${quoteOf(question, 30)}".`, 'That is outside what this emulator can answer, so I will say so honestly and restate the question.'],
  };
}

/** "Multiply that by 2" after "17 × 23 = 391.": "that" becomes the number the assistant last gave. */
function resolveReferences(question: string, previousAssistantText: string): string {
  const previous = previousAssistantText.match(/-?\d+(?:\.\d+)?/g);
  if (!previous || !/\b(?:multiply|divide|add|subtract|plus|minus|times|double|twice|half|squared|square root)\b|[-+*/^×÷]/i.test(question)) return question;
  return question.replace(/\b(?:that|it|this|the result|the answer|that number)\b/i, previous[previous.length - 1]!);
}

/** The unstyled reply to the latest user turn. */
export function composeReply(conversation: Conversation): Reply {
  const question = conversation.lastUserText;
  const greeting = GREETING.exec(question.trim());
  const rest = greeting ? question.trim().slice(greeting[0].length) : question;
  const reply =
    recall(conversation) ??
    smallTalk(question) ??
    translation(rest) ??
    echo(rest) ??
    tokenCount(rest) ??
    summary(rest) ??
    sentiment(rest) ??
    counting(rest) ??
    arithmetic(resolveReferences(rest, conversation.previousAssistantText)) ??
    capital(rest) ??
    listing(rest) ??
    longText(rest) ??
    creative(rest) ??
    funFact(rest) ??
    lookupInSources(conversation, rest) ??
    liveData(rest) ??
    concept(rest) ??
    lookupFollowUp(conversation) ??
    fallback(question, conversation.attachments);
  // "Hi! What is 2+2?" gets a greeting in front of the answer.
  if (greeting && rest.trim() && reply.kind !== 'greeting' && reply.kind !== 'fallback') {
    return { ...reply, text: `Hello! ${reply.text}` };
  }
  return reply;
}
