/**
 * The final answer after the user returns tool results: it quotes what each tool returned
 * (JSON objects are read out as "key: value" pairs) and, for `is_error: true`, apologises and
 * explains what failed instead of inventing a result.
 */
import type { ReturnedToolResult } from './conversation';

function describeInput(input: unknown): string {
  if (!input || typeof input !== 'object') return '';
  return Object.values(input as Record<string, unknown>)
    .filter((value) => typeof value === 'string' || typeof value === 'number')
    .map(String)
    .join(', ');
}

function readOut(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(readOut).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key.replace(/_/g, ' ')}: ${readOut(inner)}`)
      .join(', ');
  }
  return String(value);
}

/** The tool's content in words: parsed JSON read out, plain text quoted (long text shortened). */
export function summarizeToolContent(content: string): string {
  const trimmed = content.trim();
  if (!trimmed) return '(no content)';
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed && typeof parsed === 'object') return readOut(parsed);
  } catch {
    // plain text
  }
  return trimmed.length > 400 ? `${trimmed.slice(0, 400)}…` : trimmed;
}

function subject(result: ReturnedToolResult): string {
  const name = result.toolName ?? 'the tool';
  const args = describeInput(result.toolInput);
  return args ? `${name} (${args})` : name;
}

export function answerFromToolResults(results: ReturnedToolResult[]): string {
  const failures = results.filter((result) => result.isError);
  const successes = results.filter((result) => !result.isError);
  const lines: string[] = [];
  if (successes.length === 1) {
    lines.push(`Here's what I found. According to ${subject(successes[0]!)}: ${summarizeToolContent(successes[0]!.content).replace(/[.!]$/, '')}.`);
  } else if (successes.length > 1) {
    lines.push("Here's what I found:");
    for (const result of successes) lines.push(`- ${subject(result)}: ${summarizeToolContent(result.content)}`);
  }
  for (const result of failures) {
    lines.push(
      `I'm sorry, but ${subject(result)} returned an error: "${summarizeToolContent(result.content)}". ` +
        "I couldn't get that information, so I won't guess; you could check the input or try again later.",
    );
  }
  return lines.join('\n');
}

export function toolResultNotes(results: ReturnedToolResult[]): string[] {
  return results.map((result) =>
    result.isError
      ? `${subject(result)} failed with "${summarizeToolContent(result.content)}": I must say so and not invent a result.`
      : `${subject(result)} returned: ${summarizeToolContent(result.content)}.`,
  );
}
