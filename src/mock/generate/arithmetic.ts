/**
 * Exact arithmetic for prompts like "What is 17 * 23?", "2+2", "(15% of 80)", "square root of 144",
 * unit conversions ("100°F to Celsius", "5 km in miles") and BMI ("70 kg, 1.75 m"). Expressions are
 * parsed by a small recursive-descent parser (never eval), and every operation is kept as a step so
 * the thinking block can show real working.
 */

export interface Calculation {
  kind: 'expression' | 'conversion' | 'bmi';
  /** Pretty form, e.g. "17 × 23". */
  expression: string;
  /** ASCII form a calculator tool accepts, e.g. "17 * 23". */
  ascii: string;
  value: number;
  /** One line per operation, in evaluation order ("17 × 23 = 391"). */
  steps: string[];
  /** A full sentence answer ("17 × 23 = 391."). */
  sentence: string;
  /** The bare result ("391"). */
  short: string;
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'undefined';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const rounded = Number(value.toFixed(4));
  if (rounded === 0 && value !== 0) return value.toPrecision(3);
  return String(rounded);
}

// ---------- expressions ----------

type Token = { kind: 'num'; value: number; text: string } | { kind: 'op'; value: string } | { kind: 'word'; value: string };

type Node =
  | { type: 'num'; value: number }
  | { type: 'neg'; arg: Node }
  | { type: 'sqrt'; arg: Node }
  | { type: 'percent'; arg: Node }
  | { type: 'bin'; op: '+' | '-' | '*' | '/' | '^' | 'pct'; left: Node; right: Node; paren?: boolean };

/** Rewrites number words and symbols to the parser's operators. */
function normalize(text: string): string {
  return text
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\bmultiply\s+(-?[\d.]+)\s+(?:by|and|with)\s+/gi, ' $1 * ')
    .replace(/\bdivide\s+(-?[\d.]+)\s+by\s+/gi, ' $1 / ')
    .replace(/\badd\s+(-?[\d.]+)\s+(?:to|and)\s+/gi, ' $1 + ')
    .replace(/\bsubtract\s+(-?[\d.]+)\s+from\s+(-?[\d.]+)/gi, ' $2 - $1 ')
    .replace(/\b(?:double|twice)\s+(-?[\d.]+)/gi, ' 2 * $1 ')
    .replace(/\bhalf\s+(?:of\s+)?(-?[\d.]+)/gi, ' $1 / 2 ')
    .replace(/[×✕]/g, '*')
    .replace(/÷/g, '/')
    .replace(/[−–]/g, '-')
    .replace(/\*\*/g, '^')
    .replace(/(\d)\s*x\s*(?=[\d(])/gi, '$1 * ')
    .replace(/\bmultiplied\s+by\b/gi, ' * ')
    .replace(/\btimes\b/gi, ' * ')
    .replace(/\bdivided\s+by\b/gi, ' / ')
    .replace(/\bplus\b/gi, ' + ')
    .replace(/\bminus\b/gi, ' - ')
    .replace(/\bto\s+the\s+power\s+of\b/gi, ' ^ ')
    .replace(/\bsquared\b/gi, ' ^ 2 ')
    .replace(/\bcubed\b/gi, ' ^ 3 ')
    .replace(/\b(?:the\s+)?square\s+root\s+of\b/gi, ' sqrt ')
    .replace(/%\s*of\b/gi, ' pct ');
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /(\d+(?:\.\d+)?|\.\d+)|(sqrt|pct)\b|([-+*/^()%])|([A-Za-z_']+|[^\s])/g;
  for (const match of normalize(text).matchAll(pattern)) {
    if (match[1]) tokens.push({ kind: 'num', value: Number(match[1]), text: match[1] });
    else if (match[2]) tokens.push({ kind: 'op', value: match[2] });
    else if (match[3]) tokens.push({ kind: 'op', value: match[3] });
    else tokens.push({ kind: 'word', value: match[4]! });
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Node | null {
    try {
      const node = this.sum();
      return this.position === this.tokens.length ? node : null;
    } catch {
      return null;
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isOp(value: string): boolean {
    const token = this.peek();
    return token?.kind === 'op' && token.value === value;
  }

  private sum(): Node {
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.position++] as { value: '+' | '-' }).value;
      left = { type: 'bin', op, left, right: this.product() };
    }
    return left;
  }

  private product(): Node {
    let left = this.power();
    while (this.isOp('*') || this.isOp('/') || this.isOp('pct')) {
      const op = (this.tokens[this.position++] as { value: '*' | '/' | 'pct' }).value;
      left = { type: 'bin', op, left, right: this.power() };
    }
    return left;
  }

  private power(): Node {
    const base = this.unary();
    if (this.isOp('^')) {
      this.position++;
      return { type: 'bin', op: '^', left: base, right: this.power() };
    }
    return base;
  }

  private unary(): Node {
    if (this.isOp('-')) {
      this.position++;
      return { type: 'neg', arg: this.unary() };
    }
    if (this.isOp('+')) {
      this.position++;
      return this.unary();
    }
    if (this.isOp('sqrt')) {
      this.position++;
      return { type: 'sqrt', arg: this.unary() };
    }
    return this.postfix(this.atom());
  }

  private postfix(node: Node): Node {
    // "15%" alone means 0.15; "15% of 80" was rewritten to the pct operator before.
    if (this.isOp('%')) {
      this.position++;
      return { type: 'percent', arg: node };
    }
    return node;
  }

  private atom(): Node {
    const token = this.peek();
    if (token?.kind === 'num') {
      this.position++;
      return { type: 'num', value: token.value };
    }
    if (this.isOp('(')) {
      this.position++;
      const inner = this.sum();
      if (!this.isOp(')')) throw new Error('unbalanced');
      this.position++;
      return inner.type === 'bin' ? { ...inner, paren: true } : inner;
    }
    throw new Error('unexpected token');
  }
}

const PRETTY: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷', '^': '^' };

function pretty(node: Node, ascii: boolean): string {
  switch (node.type) {
    case 'num':
      return formatNumber(node.value);
    case 'neg':
      return `-${pretty(node.arg, ascii)}`;
    case 'sqrt':
      return ascii ? `sqrt(${pretty(node.arg, ascii)})` : `√${pretty(node.arg, ascii)}`;
    case 'percent':
      return `${pretty(node.arg, ascii)}%`;
    case 'bin': {
      const inner =
        node.op === 'pct'
          ? ascii
            ? `${pretty(node.left, ascii)} / 100 * ${pretty(node.right, ascii)}`
            : `${pretty(node.left, ascii)}% of ${pretty(node.right, ascii)}`
          : `${pretty(node.left, ascii)} ${ascii ? node.op : PRETTY[node.op]} ${pretty(node.right, ascii)}`;
      return node.paren ? `(${inner})` : inner;
    }
  }
}

function isOperation(node: Node): boolean {
  return node.type === 'bin' || node.type === 'sqrt' || (node.type === 'percent' && node.arg.type !== 'num');
}

/** Shows "17 × 23 = 17 × 20 + 17 × 3 = 340 + 51 = 391" for products of multi-digit integers. */
function decomposeProduct(a: number, b: number): string | null {
  if (!Number.isInteger(a) || !Number.isInteger(b) || Math.abs(b) < 10 || Math.abs(a) < 2) return null;
  const tens = Math.trunc(b / 10) * 10;
  const ones = b - tens;
  if (ones === 0) return null;
  return `${a} × ${b} = ${a} × ${tens} + ${a} × ${ones} = ${a * tens} + ${a * ones} = ${a * b}`;
}

function evaluate(node: Node, steps: string[]): number {
  switch (node.type) {
    case 'num':
      return node.value;
    case 'neg':
      return -evaluate(node.arg, steps);
    case 'percent':
      return evaluate(node.arg, steps) / 100;
    case 'sqrt': {
      const arg = evaluate(node.arg, steps);
      const value = Math.sqrt(arg);
      steps.push(arg < 0 ? `√${formatNumber(arg)} is not a real number` : `√${formatNumber(arg)} = ${formatNumber(value)}`);
      return value;
    }
    case 'bin': {
      const a = evaluate(node.left, steps);
      const b = evaluate(node.right, steps);
      let value: number;
      switch (node.op) {
        case '+':
          value = a + b;
          break;
        case '-':
          value = a - b;
          break;
        case '*':
          value = a * b;
          break;
        case '/':
          value = b === 0 ? Number.NaN : a / b;
          break;
        case '^':
          value = a ** b;
          break;
        case 'pct':
          value = (a / 100) * b;
          break;
      }
      const detail = node.op === '*' ? decomposeProduct(a, b) : null;
      if (node.op === 'pct') steps.push(`${formatNumber(a)}% of ${formatNumber(b)} = ${formatNumber(a)} / 100 × ${formatNumber(b)} = ${formatNumber(value)}`);
      else if (node.op === '/' && b === 0) steps.push(`${formatNumber(a)} ÷ 0 is undefined: division by zero`);
      else steps.push(detail ?? `${formatNumber(a)} ${PRETTY[node.op]} ${formatNumber(b)} = ${formatNumber(value)}`);
      return value;
    }
  }
}

/** Every maximal run of math tokens in the text that parses to an expression with an operation. */
function findExpressions(text: string): Calculation[] {
  const tokens = tokenize(text);
  const found: Calculation[] = [];
  // Trying every slice of a run is cubic in its length ("What is " + 400 "(" took seconds): slices are bounded in
  // length and the whole search in parser steps.
  let steps = MATH_LIMITS.maxParseSteps;
  // Parentheses opened minus closed before each token: a slice whose count does not balance cannot parse, so it is
  // skipped without running the parser.
  const depthBefore: number[] = [0];
  for (const token of tokens) {
    const last = depthBefore[depthBefore.length - 1]!;
    depthBefore.push(token.kind === 'op' && token.value === '(' ? last + 1 : token.kind === 'op' && token.value === ')' ? last - 1 : last);
  }
  let start = 0;
  while (start < tokens.length) {
    if (tokens[start]!.kind === 'word') {
      start++;
      continue;
    }
    let end = start;
    while (end < tokens.length && tokens[end]!.kind !== 'word') end++;
    // Try the longest parsable slice starting at each position of the run.
    let consumedTo = end;
    for (let from = start; from < end && steps > 0; from++) {
      let parsed: { node: Node; to: number } | null = null;
      for (let to = Math.min(end, from + MATH_LIMITS.maxExpressionTokens); to > from && steps > 0; to--) {
        if (depthBefore[to] !== depthBefore[from]) continue;
        steps -= to - from;
        const node = new Parser(tokens.slice(from, to)).parseAll();
        if (node && isOperation(node)) {
          parsed = { node, to };
          break;
        }
      }
      if (parsed) {
        const steps: string[] = [];
        const value = evaluate(parsed.node, steps);
        const expression = pretty({ ...parsed.node, ...(parsed.node.type === 'bin' ? { paren: false } : {}) } as Node, false);
        const ascii = pretty({ ...parsed.node, ...(parsed.node.type === 'bin' ? { paren: false } : {}) } as Node, true);
        const short = formatNumber(value);
        const problem = steps.find((step) => /undefined|not a real number/.test(step));
        const sentence = Number.isNaN(value)
          ? problem?.includes('division by zero')
            ? `${expression} is undefined: you cannot divide by zero.`
            : `${expression} has no real value: ${problem ?? 'the calculation is undefined'}.`
          : !Number.isFinite(value)
            ? `${expression} is too large for the emulator's arithmetic (beyond about 1.8 × 10^308).`
            : parsed.node.type === 'bin' && parsed.node.op === 'pct'
            ? `${expression} is ${short}.`
            : `${expression} = ${short}.`;
        found.push({ kind: 'expression', expression, ascii, value, steps, sentence, short });
        from = parsed.to - 1;
        consumedTo = parsed.to;
      }
    }
    start = Math.max(end, consumedTo);
  }
  return found;
}

// ---------- unit conversions ----------

interface Unit {
  names: string[];
  dimension: 'length' | 'mass' | 'volume' | 'speed';
  /** Size in the dimension's base unit (m, kg, l, m/s). */
  factor: number;
  symbol: string;
}

const UNITS: Unit[] = [
  { names: ['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres'], dimension: 'length', factor: 1000, symbol: 'km' },
  { names: ['mi', 'mile', 'miles'], dimension: 'length', factor: 1609.344, symbol: 'miles' },
  { names: ['m', 'meter', 'meters', 'metre', 'metres'], dimension: 'length', factor: 1, symbol: 'm' },
  { names: ['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres'], dimension: 'length', factor: 0.01, symbol: 'cm' },
  { names: ['mm', 'millimeter', 'millimeters'], dimension: 'length', factor: 0.001, symbol: 'mm' },
  { names: ['ft', 'foot', 'feet'], dimension: 'length', factor: 0.3048, symbol: 'ft' },
  { names: ['inch', 'inches', 'in'], dimension: 'length', factor: 0.0254, symbol: 'in' },
  { names: ['yd', 'yard', 'yards'], dimension: 'length', factor: 0.9144, symbol: 'yd' },
  { names: ['kg', 'kgs', 'kilogram', 'kilograms', 'kilo', 'kilos'], dimension: 'mass', factor: 1, symbol: 'kg' },
  { names: ['g', 'gram', 'grams'], dimension: 'mass', factor: 0.001, symbol: 'g' },
  { names: ['lb', 'lbs', 'pound', 'pounds'], dimension: 'mass', factor: 0.45359237, symbol: 'lb' },
  { names: ['oz', 'ounce', 'ounces'], dimension: 'mass', factor: 0.028349523125, symbol: 'oz' },
  { names: ['l', 'liter', 'liters', 'litre', 'litres'], dimension: 'volume', factor: 1, symbol: 'L' },
  { names: ['ml', 'milliliter', 'milliliters'], dimension: 'volume', factor: 0.001, symbol: 'mL' },
  { names: ['gal', 'gallon', 'gallons'], dimension: 'volume', factor: 3.785411784, symbol: 'US gallons' },
  { names: ['km/h', 'kph', 'kmh'], dimension: 'speed', factor: 1 / 3.6, symbol: 'km/h' },
  { names: ['mph'], dimension: 'speed', factor: 0.44704, symbol: 'mph' },
];

function findUnit(name: string): Unit | undefined {
  const lower = name.toLowerCase();
  return UNITS.find((unit) => unit.names.includes(lower));
}

type TemperatureScale = 'C' | 'F' | 'K';

function scaleOf(word: string): TemperatureScale | null {
  const w = word.toLowerCase().replace('°', '').trim();
  if (w === 'c' || w.startsWith('celsius') || w === 'centigrade') return 'C';
  if (w === 'f' || w.startsWith('fahrenheit')) return 'F';
  if (w === 'k' || w.startsWith('kelvin')) return 'K';
  return null;
}

const SCALE_NAME: Record<TemperatureScale, string> = { C: 'Celsius', F: 'Fahrenheit', K: 'kelvin' };

function convertTemperature(value: number, from: TemperatureScale, to: TemperatureScale): { value: number; steps: string[] } {
  const steps: string[] = [];
  let celsius = value;
  if (from === 'F') {
    celsius = ((value - 32) * 5) / 9;
    steps.push(`°C = (°F − 32) × 5/9 = (${formatNumber(value)} − 32) × 5/9 = ${formatNumber(value - 32)} × 5/9 = ${formatNumber(celsius)}`);
  } else if (from === 'K') {
    celsius = value - 273.15;
    steps.push(`°C = K − 273.15 = ${formatNumber(value)} − 273.15 = ${formatNumber(celsius)}`);
  }
  let result = celsius;
  if (to === 'F') {
    result = (celsius * 9) / 5 + 32;
    steps.push(`°F = °C × 9/5 + 32 = ${formatNumber(celsius)} × 9/5 + 32 = ${formatNumber((celsius * 9) / 5)} + 32 = ${formatNumber(result)}`);
  } else if (to === 'K') {
    result = celsius + 273.15;
    steps.push(`K = °C + 273.15 = ${formatNumber(celsius)} + 273.15 = ${formatNumber(result)}`);
  }
  return { value: result, steps };
}

function unitLabel(scale: TemperatureScale): string {
  return scale === 'K' ? 'K' : `°${scale}`;
}

// The look-behind lets a number start only where a digit run starts: without it a 30,000-digit run is tried from
// every digit, each try scanning to the run's end (quadratic).
const NUMBER = String.raw`(?<![\d.])(-?\d+(?:\.\d+)?)`;
const TEMPERATURE = new RegExp(
  String.raw`${NUMBER}\s*(°\s*[CFK]\b|degrees?\s+(?:celsius|fahrenheit|centigrade|c|f)\b|celsius|fahrenheit|centigrade|kelvin|[CFK]\b)[^\d]*?\b(?:to|in|into|as)\s+(?:degrees?\s+)?(°?\s*[CFK]\b|celsius|fahrenheit|centigrade|kelvin)`,
  'gi',
);
const MEASURE = new RegExp(String.raw`${NUMBER}\s*([a-z/]+)\s+(?:to|in|into|as)\s+([a-z/]+)`, 'gi');

function findConversions(text: string): Calculation[] {
  const found: Calculation[] = [];
  for (const match of text.matchAll(TEMPERATURE)) {
    const value = Number(match[1]);
    const from = scaleOf(match[2]!.replace(/degrees?\s+/i, ''));
    const to = scaleOf(match[3]!);
    if (!from || !to || from === to) continue;
    const result = convertTemperature(value, from, to);
    const short = `${formatNumber(Number(result.value.toFixed(2)))} ${unitLabel(to)}`;
    found.push({
      kind: 'conversion',
      expression: `${formatNumber(value)} ${unitLabel(from)} in ${SCALE_NAME[to]}`,
      ascii: from === 'F' ? `(${formatNumber(value)} - 32) * 5 / 9` : from === 'C' && to === 'F' ? `${formatNumber(value)} * 9 / 5 + 32` : `${formatNumber(value)} ${from} to ${to}`,
      value: result.value,
      steps: result.steps,
      sentence: `${formatNumber(value)} ${unitLabel(from)} is ${short}.`,
      short,
    });
  }
  for (const match of text.matchAll(MEASURE)) {
    const from = findUnit(match[2]!);
    const to = findUnit(match[3]!);
    if (!from || !to || from === to || from.dimension !== to.dimension) continue;
    const value = Number(match[1]);
    const result = (value * from.factor) / to.factor;
    const rounded = formatNumber(Number(result.toFixed(3)));
    found.push({
      kind: 'conversion',
      expression: `${formatNumber(value)} ${from.symbol} in ${to.symbol}`,
      ascii: `${formatNumber(value)} * ${formatNumber(from.factor / to.factor)}`,
      value: result,
      steps: [`1 ${from.symbol} = ${formatNumber(from.factor / to.factor)} ${to.symbol}`, `${formatNumber(value)} × ${formatNumber(from.factor / to.factor)} = ${rounded}`],
      sentence: `${formatNumber(value)} ${from.symbol} is about ${rounded} ${to.symbol}.`,
      short: `${rounded} ${to.symbol}`,
    });
  }
  return found;
}

// ---------- BMI ----------

export function bmiCategory(bmi: number): string {
  if (bmi < 18.5) return 'underweight';
  if (bmi < 25) return 'in the healthy range';
  if (bmi < 30) return 'overweight';
  return 'in the obese range';
}

function findBmi(text: string): Calculation | null {
  if (!/\bbmi\b|body mass index/i.test(text)) return null;
  const weight = /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:kg|kgs|kilograms?|kilos?)\b/i.exec(text);
  const height = /(?<![\d.])(\d+(?:\.\d+)?)\s*(cm|m|meters?|metres?)\b/i.exec(text);
  if (!weight || !height) return null;
  const kg = Number(weight[1]);
  const m = height[2]!.toLowerCase() === 'cm' ? Number(height[1]) / 100 : Number(height[1]);
  if (m <= 0) return null;
  const bmi = kg / (m * m);
  const short = formatNumber(Number(bmi.toFixed(1)));
  return {
    kind: 'bmi',
    expression: `BMI for ${formatNumber(kg)} kg and ${formatNumber(m)} m`,
    ascii: `${formatNumber(kg)} / (${formatNumber(m)} * ${formatNumber(m)})`,
    value: bmi,
    steps: [`BMI = weight ÷ height² = ${formatNumber(kg)} ÷ ${formatNumber(m)}²`, `${formatNumber(m)}² = ${formatNumber(m * m)}`, `${formatNumber(kg)} ÷ ${formatNumber(m * m)} = ${formatNumber(bmi)}`],
    sentence: `A BMI for ${formatNumber(kg)} kg and ${formatNumber(m)} m is ${short} (weight ÷ height²), which is ${bmiCategory(bmi)}.`,
    short,
  };
}

function findFactorial(text: string): Calculation | null {
  const match = /\bfactorial of (\d+)\b|\b(\d+)\s*factorial\b|\b(\d+)!(?=\s*(?:\?|$))/i.exec(text);
  if (!match) return null;
  const n = Number(match[1] ?? match[2] ?? match[3]);
  if (n > 170) return null;
  let value = 1;
  const factors: number[] = [];
  for (let k = n; k >= 2; k--) {
    value *= k;
    factors.push(k);
  }
  const product = factors.length > 0 ? factors.join(' × ') : '1';
  return {
    kind: 'expression',
    expression: `${n}!`,
    ascii: `${product.replace(/×/g, '*')}`,
    value,
    steps: [`${n}! = ${product} = ${formatNumber(value)}`],
    sentence: `${n}! = ${formatNumber(value)}.`,
    short: formatNumber(value),
  };
}

/**
 * Bounds on the arithmetic search (the emulator's own): the math a learner asks about sits in a sentence or two, so
 * only the start of a long text is searched, and the expression search stops after a fixed amount of parsing.
 */
export const MATH_LIMITS = {
  /** Characters of a text searched for calculations. */
  maxChars: 4_000,
  /** Tokens one expression may span. */
  maxExpressionTokens: 64,
  /** Tokens the parser may visit in one search, in total. */
  maxParseSteps: 50_000,
} as const;

let lastSearch: { text: string; found: Calculation[] } | null = null;

/** All calculations the text asks for, in the order they appear. Empty when there is no math. */
export function findCalculations(fullText: string): Calculation[] {
  // Memoised for the last text: tool scoring asks again for every tool.
  if (lastSearch?.text === fullText) return lastSearch.found;
  const found = searchCalculations(fullText.slice(0, MATH_LIMITS.maxChars));
  lastSearch = { text: fullText, found };
  return found;
}

function searchCalculations(text: string): Calculation[] {
  const conversions = findConversions(text);
  const bmi = findBmi(text);
  const factorial = findFactorial(text);
  if (factorial) return [...conversions, ...(bmi ? [bmi] : []), factorial];
  // Numbers already used by a conversion or BMI are not re-read as an expression.
  let rest = text;
  for (const match of [...text.matchAll(TEMPERATURE), ...text.matchAll(MEASURE)]) rest = rest.replace(match[0], ' ');
  if (bmi) rest = rest.replace(/(?<![\d.])(\d+(?:\.\d+)?)\s*(kg|kgs|kilograms?|kilos?|cm|m|meters?|metres?)\b/gi, ' ');
  const expressions = findExpressions(rest);
  return [...conversions, ...(bmi ? [bmi] : []), ...expressions];
}
