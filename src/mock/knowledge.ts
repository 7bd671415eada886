/**
 * The short, accurate explanations the emulator gives for the course's concepts, and the list of
 * prompts its text generator handles well. Content writers: build lesson prompts from this list;
 * anything else gets an honest "(Emulated reply) You asked about “…”" answer that suggests live mode.
 * Everything is deterministic: the same request always gets the same reply.
 *
 * PROMPTS THE EMULATOR ANSWERS WELL
 *  - Greetings and small talk: "Hello!", "Hi Claude", "Good morning", "How are you?", "Thanks!",
 *    "Who are you?" / "What model are you?" (it says plainly that it is the emulator).
 *  - Arithmetic, exact: "What is 17 * 23?", "2+2", "What is (15% of 80)?", "12 x 12", "3.5 times 4",
 *    "(3 + 4) * 5", "2^10", "square root of 144", "What is 5 factorial?", "Multiply 6 by 7",
 *    "half of 50", "subtract 3 from 10", "100 / 7", "10 divided by 0" (explains why not).
 *    Follow-ups: after "17 × 23 = 391." the user can say "Now multiply that by 2".
 *  - Conversions: "Convert 100°F to Celsius", "37 C to F", "300 kelvin in celsius", "5 km in miles",
 *    "10 lb to kg", "2 gallons in liters". BMI: "What is the BMI for 70 kg and 1.75 m?".
 *  - Concepts, a few accurate sentences each (CONCEPTS below): the Messages API, prompt caching,
 *    extended thinking, tool use, streaming / SSE, rate limits, retries and backoff, errors and
 *    status codes, stop_reason, max_tokens, tokens, system prompts, prefill, prompting tips, JSON,
 *    multi-turn (the API is stateless), models, what an API is, what Claude is. Ask "What is …?",
 *    "Explain …", "How does … work?", "Tell me about …", "Give me tips for writing good prompts";
 *    add "in one sentence" for the first sentence only.
 *  - Memory across turns: "My name is Ada" / "I live in Paris" / "I'm 30 years old" / "My favorite
 *    color is blue", then "What is my name?", "Where do I live?", "How old am I?", "What is my
 *    favorite color?". Unknown facts get "I don't know your name: you haven't told me…".
 *  - Small tasks: "What is the capital of France?" (about 30 countries), "Count from 1 to 20",
 *    "List 5 fruits" / "Name three colors" (fruits, colors, animals, planets, vegetables, days,
 *    countries, programming languages), "Tell me a fun fact", "Tell me a joke",
 *    "Write a haiku about the ocean", "Write a poem about autumn", "Write a short story about a robot",
 *    "Write an essay about X" (long placeholder prose, marked as such: good for streaming and
 *    max_tokens demos), "Summarize this: <text>" (keeps the first sentence),
 *    "How many tokens is this sentence?" (the emulator's estimate, pointing to count_tokens),
 *    "Reply with OK." / "Say exactly: ready" (echoes the text),
 *    "Classify the sentiment of: \"I love it\"" (positive / negative / neutral),
 *    "Translate 'hello' to Spanish" / "Say thank you in German" (a small phrasebook: hello, goodbye,
 *    thank you, please, yes, no, good morning, good night, cat, dog, water, friend, how are you, i love you).
 *  - Reference text: with a manual in the system prompt (or a plain-text document / search results),
 *    questions naming an identifier are answered by quoting its section: "What does E007 mean?",
 *    "Which part does E020 involve?", "My machine shows E003 and E011…" (both sections); a follow-up
 *    without a code ("How long should I wait?") reuses the earlier codes; an unknown code gets
 *    "I couldn't find E099 in the system prompt…". Identifiers: letters then digits (E007, R-1049, SKU200).
 *  - Questions that need live data ("What's the weather in Paris?", "What time is it?") without
 *    tools: it explains that a model needs a tool for that (a good lead-in to tool use).
 *  - Steering, from the system prompt or the user turn: personas ("You are a pirate" → "Ahoy, matey! …
 *    Arr!"; Shakespeare, cowboy, robot, Yoda; any other "You are a …" gets "[As a …]"; "helpful
 *    assistant" is ignored), "Answer in one word" / "Answer with just the number", "Answer in one
 *    sentence" / "in two sentences" / "Be concise", "Reply in French" (also Spanish, German, Italian: greetings, numbers,
 *    capitals and names are translated, other text is marked "(en français)"), "Respond in all caps",
 *    "Respond only with JSON" ({"answer": …}) or "…a JSON object with a greeting field". A
 *    mid-conversation {role: "system"} message ("From now on, reply in French.") counts too.
 *  - Prefill (models that allow it, e.g. claude-opus-4-5): the reply continues the assistant text:
 *    "The answer is" → " 391."; "{" → the rest of {"answer": "391"}.
 *  - Structured outputs: output_config.format json_schema → JSON valid against the schema (enums,
 *    numbers, strings filled from the request and the emulator's answer, e.g. a sentiment label).
 *  - Tools: any tool whose name/description shares words with the request (weather/temperature,
 *    convert, calculator/expression, BMI, search, time…). "What's the weather in Paris and in Tokyo?"
 *    → two parallel get_weather calls; "Convert 100°F to Celsius and compute the BMI for 70 kg, 1.75 m"
 *    → two different tools; enums pick the value the user named ("in fahrenheit"). After tool_result:
 *    a final answer quoting the results; `is_error: true` gets an apology that quotes the error. With
 *    disable_parallel_tool_use the calls come one per turn (agent loop). As on the real API, a forced
 *    tool_choice (any/tool) makes another tool call even after results: switch to auto to get the answer.
 *  - Thinking (adaptive, or enabled with budget_tokens): real step-by-step working for arithmetic
 *    (17 × 23 = 17 × 20 + 17 × 3 = 340 + 51 = 391), the tool plan for tool requests, a short plan
 *    otherwise. A user turn containing REDACTED_THINKING_TRIGGER gives a redacted_thinking block.
 *  - Limits: max_tokens cuts at a word boundary ("What is prompt caching?" with max_tokens 10);
 *    stop_sequences cut before the match ("Count from 1 to 10" with stop_sequences ["5"]).
 *  - Images and documents are accepted and counted, but not read: the reply says so.
 */

export interface Concept {
  id: string;
  /** What the user's question has to mention (checked in order: specific concepts come first). */
  pattern: RegExp;
  /** A one- or two-word label ("Prompt caching"), used for one-word answers. */
  label: string;
  /** A few accurate sentences; the first sentence stands alone as a one-sentence answer. */
  explanation: string;
}

/** The same trigger string the real API documents for testing redacted thinking. */
export const REDACTED_THINKING_TRIGGER = 'ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253';

export const CONCEPTS: readonly Concept[] = [
  {
    id: 'messages-api',
    pattern: /\bmessages?\s+(?:api|endpoint)\b|\/v1\/messages/i,
    label: 'Messages API',
    explanation:
      'The Messages API is the single endpoint for talking to Claude: you POST to /v1/messages with a model id, max_tokens and a list of messages that alternate between the user and assistant roles. ' +
      'The reply is a Message object whose content is a list of blocks (text, tool_use, thinking…), plus a stop_reason that says why generation ended and a usage object with the input and output token counts. ' +
      'The API keeps no conversation state, so each request carries the whole history you want Claude to see.',
  },
  {
    id: 'prompt-caching',
    pattern: /\b(?:prompt\s+)?cach(?:e|ing|ed)\b|cache_control/i,
    label: 'Prompt caching',
    explanation:
      'Prompt caching lets the API reuse the processed form of a prompt prefix you send repeatedly, such as a long system prompt, tool definitions or a document. ' +
      'You mark the end of the reusable prefix with a cache_control breakpoint; the prefix is read in the order tools, system, messages, and it must match exactly to be reused. ' +
      'The first request writes the cache (cache_creation_input_tokens, billed at 1.25× for the default 5-minute lifetime or 2× for 1 hour) and later ones read it (cache_read_input_tokens, about 0.1× the input price). ' +
      'Each hit refreshes the lifetime, and prefixes below the model\'s minimum length (512 to 4,096 tokens) are simply not cached.',
  },
  {
    id: 'extended-thinking',
    pattern: /\b(?:extended|adaptive)\s+thinking\b|\bthinking\s+(?:blocks?|budget|tokens?)\b|\bbudget_tokens\b|\bthinking\b/i,
    label: 'Extended thinking',
    explanation:
      'Extended thinking lets Claude reason step by step before it answers: the response then starts with thinking blocks, followed by the final text. ' +
      'You turn it on with the thinking parameter, either {type: "adaptive"} (Claude decides how much to think, steered by output_config.effort) or, on older models, {type: "enabled", budget_tokens}. ' +
      'Thinking tokens are billed as output tokens and count toward max_tokens, and each thinking block carries a signature: pass the blocks back unchanged when you continue a tool-use turn.',
  },
  {
    id: 'tool-use',
    pattern: /\btool[\s_-]?use\b|\btools?\b|function\s+calling|\btool_result\b/i,
    label: 'Tool use',
    explanation:
      'Tool use lets Claude ask your code to run a function: you describe each tool with a name, a description and a JSON Schema for its input. ' +
      'When a tool would help, Claude answers with stop_reason "tool_use" and one or more tool_use blocks holding the tool name and input. ' +
      'Your code runs the tool and sends the output back in a user message as tool_result blocks (matched by tool_use_id), and Claude then writes its final answer from those results. ' +
      'tool_choice controls whether Claude may (auto), must (any or a named tool) or must not (none) use tools.',
  },
  {
    id: 'streaming',
    pattern: /\bstream(?:ing|ed|s)?\b|\bserver[\s-]sent\s+events?\b|\bsse\b/i,
    label: 'Streaming',
    explanation:
      'Streaming sends the response while it is being generated instead of all at once: with stream: true the API answers with server-sent events. ' +
      'The events arrive in a fixed order: message_start, then for each content block a content_block_start, several content_block_delta events and a content_block_stop, then message_delta (with the stop_reason and final usage) and message_stop. ' +
      'Your code shows text as the deltas arrive, so the first words appear after a fraction of a second; the SDK can also assemble the events into the final Message for you.',
  },
  {
    id: 'rate-limits',
    pattern: /\brate[\s-]?limit(?:s|ed|ing)?\b|\b429\b/i,
    label: 'Rate limits',
    explanation:
      'Rate limits cap how much you can use the API per minute: requests per minute, input tokens per minute and output tokens per minute, set by your organization\'s usage tier. ' +
      'Going over returns HTTP 429 with a rate_limit_error and a retry-after header that says how many seconds to wait. ' +
      'The anthropic-ratelimit-* response headers show your limits, what remains and when it resets, so a client can slow down before it hits them.',
  },
  {
    id: 'retries',
    pattern: /\bretr(?:y|ies|ying)\b|\bbackoff\b|\bback[\s-]off\b|\boverloaded\b|\b529\b/i,
    label: 'Retries',
    explanation:
      'Some failures are temporary and worth retrying: 429 rate limits, 5xx server errors and 529 overloaded_error. ' +
      'Wait before each new attempt, honouring the retry-after header when there is one and otherwise backing off exponentially with some random jitter, and give up after a few attempts. ' +
      'Do not retry 4xx errors like 400 invalid_request_error or 401 authentication_error: the same request will fail again. The official SDKs retry twice by default.',
  },
  {
    id: 'errors',
    pattern: /\berrors?\b|\bstatus\s+codes?\b|\b40[0-4]\b|\b500\b/i,
    label: 'Errors',
    explanation:
      'When a request fails, the API answers with an HTTP status and a JSON body {"type": "error", "error": {"type": …, "message": …}, "request_id": …}. ' +
      'The error type names the cause: invalid_request_error (400), authentication_error (401), permission_error (403), not_found_error (404), rate_limit_error (429), api_error (500) and overloaded_error (529). ' +
      'The request-id header identifies the request when you ask for support.',
  },
  {
    id: 'stop-reason',
    pattern: /\bstop[_\s]reasons?\b|\bstop[_\s]sequences?\b|\bend_turn\b/i,
    label: 'stop_reason',
    explanation:
      'stop_reason tells you why Claude stopped writing: "end_turn" is a natural finish, "max_tokens" means the reply hit your max_tokens limit, "stop_sequence" means it produced one of your stop_sequences (named in stop_sequence), and "tool_use" means it wants you to run a tool. ' +
      'Check it before using the reply: a "max_tokens" answer is cut off, and a "tool_use" answer needs a tool_result before Claude can finish. ' +
      'Other values are "pause_turn", "refusal" and "model_context_window_exceeded".',
  },
  {
    id: 'max-tokens',
    pattern: /\bmax[_\s]tokens\b/i,
    label: 'max_tokens',
    explanation:
      'max_tokens is the upper limit on how many tokens Claude may generate in one response; it is required on every request. ' +
      'If the reply reaches it, generation stops mid-thought and stop_reason is "max_tokens"; a normal finish is "end_turn", a matching stop sequence gives "stop_sequence", and a tool request gives "tool_use". ' +
      'Thinking tokens count toward max_tokens too.',
  },
  {
    id: 'tokens',
    pattern: /\btokens?\b|\btokeni[sz](?:er|ation)\b/i,
    label: 'Tokens',
    explanation:
      'Tokens are the units a language model reads and writes: pieces of words, numbers and punctuation, roughly three to four characters of English each. ' +
      'The API measures and bills usage in tokens, reported in the usage object as input_tokens (your prompt) and output_tokens (the reply). ' +
      'max_tokens caps the output, and the count_tokens endpoint tells you what a prompt costs before you send it.',
  },
  {
    id: 'system-prompt',
    pattern: /\bsystem\s+(?:prompts?|messages?|parameter|instructions?)\b|\bsystem\s+role\b/i,
    label: 'System prompt',
    explanation:
      'A system prompt gives Claude its role, rules and background for a whole conversation, separate from the user\'s messages. ' +
      'In the Messages API it is the top-level system parameter (a string or a list of text blocks), not a message in the messages list. ' +
      'Use it for instructions like "You are a concise tutor who answers in French".',
  },
  {
    id: 'prefill',
    pattern: /\bprefill(?:ing|ed)?\b|\bpre-fill(?:ing|ed)?\b/i,
    label: 'Prefill',
    explanation:
      'Prefilling means ending the messages list with the start of the assistant\'s reply, so Claude continues from that text, for example "{" to get JSON. ' +
      'The response contains only the continuation, not the prefilled part. ' +
      'Newer models (Claude 4.6 and later) do not support prefill; use structured outputs or instructions instead.',
  },
  {
    id: 'prompting',
    pattern: /\bprompt(?:s|ing)?\b|\bprompt\s+engineering\b/i,
    label: 'Prompting',
    explanation:
      'Good prompts are clear and specific: say what you want, who it is for and what format the answer should take. ' +
      'Give the context Claude needs, and an example or two of the output you expect. ' +
      'Put lasting instructions such as a role in the system prompt, ask Claude to think step by step on hard problems, and test your prompt on several inputs before relying on it.',
  },
  {
    id: 'json',
    pattern: /\bjson\b/i,
    label: 'JSON',
    explanation:
      'JSON (JavaScript Object Notation) is a text format for structured data built from objects {"key": value}, arrays [1, 2], strings, numbers, true, false and null. ' +
      'Every request and response body of the Claude API is JSON, and tool inputs are JSON objects described by a JSON Schema. ' +
      'To get JSON back from Claude, use structured outputs (output_config.format) or a tool with an input schema.',
  },
  {
    id: 'multi-turn',
    pattern: /\bmulti[\s-]?turn\b|\bconversation\s+(?:history|state)\b|\bstateless\b/i,
    label: 'Multi-turn',
    explanation:
      'The Messages API is stateless: it remembers nothing between requests. ' +
      'To hold a conversation, keep the history yourself and send all earlier user and assistant turns, in order, with each new request; Claude then answers the last user message in that context.',
  },
  {
    id: 'models',
    pattern: /\bmodels?\b|\bmodel\s+ids?\b/i,
    label: 'Models',
    explanation:
      'Claude comes as a family of models that trade speed and price against capability, and each request names one in the model field. ' +
      'GET /v1/models lists the models available to your key with their context window and output limits; older models are deprecated and then retired on announced dates.',
  },
  {
    id: 'api',
    pattern: /\bapis?\b|application\s+programming\s+interface/i,
    label: 'API',
    explanation:
      'An API (application programming interface) is a contract that lets one program use another: it defines the requests you may send and the responses you get back. ' +
      'A web API like Claude\'s is used over HTTP: your code sends a request with a method, a URL, headers (such as your API key) and a JSON body, and the server answers with a status code and a JSON body.',
  },
  {
    id: 'claude',
    pattern: /\bclaude\b|\banthropic\b|\bllms?\b|\blarge\s+language\s+models?\b/i,
    label: 'Claude',
    explanation:
      'Claude is a family of large language models made by Anthropic: it reads text (and images or documents) and writes text, and it can use tools your code provides. ' +
      'Programs talk to Claude through the Claude API, mainly the Messages API.',
  },
];

/** The concept a question is about, or null. */
export function findConcept(question: string): Concept | null {
  return CONCEPTS.find((concept) => concept.pattern.test(question)) ?? null;
}

/** Whether a question asks for an explanation (so a concept keyword is not just mentioned in passing). */
export function asksForExplanation(question: string): boolean {
  return /\b(?:what|explain|describe|tell me|how|why|define|definition|meaning|difference|when should|summari[sz]e|teach|tips?|advice|best practices|give me)\b|\?$/i.test(question.trim());
}

/** True, well-known facts for "Tell me a fun fact". */
export const FUN_FACTS: readonly string[] = [
  'Octopuses have three hearts: two pump blood through the gills and one through the rest of the body.',
  'Honey does not spoil: its low water content and acidity keep microbes from growing in it.',
  'A day on Venus (one full rotation, about 243 Earth days) is longer than its year (about 225 Earth days).',
  'Bananas are berries in the botanical sense, while strawberries are not.',
];

/** A few words in the languages the emulator can reply in. */
export const PHRASEBOOK: Readonly<Record<string, Readonly<Record<'fr' | 'es' | 'de' | 'it', string>>>> = {
  hello: { fr: 'Bonjour', es: 'Hola', de: 'Hallo', it: 'Ciao' },
  goodbye: { fr: 'Au revoir', es: 'Adiós', de: 'Auf Wiedersehen', it: 'Arrivederci' },
  'thank you': { fr: 'Merci', es: 'Gracias', de: 'Danke', it: 'Grazie' },
  please: { fr: "S'il vous plaît", es: 'Por favor', de: 'Bitte', it: 'Per favore' },
  'good morning': { fr: 'Bonjour', es: 'Buenos días', de: 'Guten Morgen', it: 'Buongiorno' },
  'good night': { fr: 'Bonne nuit', es: 'Buenas noches', de: 'Gute Nacht', it: 'Buona notte' },
  yes: { fr: 'Oui', es: 'Sí', de: 'Ja', it: 'Sì' },
  no: { fr: 'Non', es: 'No', de: 'Nein', it: 'No' },
  cat: { fr: 'le chat', es: 'el gato', de: 'die Katze', it: 'il gatto' },
  dog: { fr: 'le chien', es: 'el perro', de: 'der Hund', it: 'il cane' },
  water: { fr: "l'eau", es: 'el agua', de: 'das Wasser', it: "l'acqua" },
  friend: { fr: 'un ami', es: 'un amigo', de: 'ein Freund', it: 'un amico' },
  'how are you': { fr: 'Comment allez-vous ?', es: '¿Cómo estás?', de: 'Wie geht es dir?', it: 'Come stai?' },
  'i love you': { fr: "Je t'aime", es: 'Te quiero', de: 'Ich liebe dich', it: 'Ti amo' },
};

export const CAPITALS: Readonly<Record<string, string>> = {
  france: 'Paris', germany: 'Berlin', italy: 'Rome', spain: 'Madrid', portugal: 'Lisbon', japan: 'Tokyo',
  china: 'Beijing', india: 'New Delhi', brazil: 'Brasília', canada: 'Ottawa', australia: 'Canberra',
  'united kingdom': 'London', uk: 'London', england: 'London', 'united states': 'Washington, D.C.',
  usa: 'Washington, D.C.', mexico: 'Mexico City', egypt: 'Cairo', kenya: 'Nairobi', nigeria: 'Abuja',
  russia: 'Moscow', 'south korea': 'Seoul', argentina: 'Buenos Aires', netherlands: 'Amsterdam',
  belgium: 'Brussels', switzerland: 'Bern', sweden: 'Stockholm', norway: 'Oslo', poland: 'Warsaw',
  greece: 'Athens', turkey: 'Ankara', ireland: 'Dublin', peru: 'Lima', chile: 'Santiago',
};
