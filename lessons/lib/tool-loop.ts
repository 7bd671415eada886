/**
 * The course's tool loop, written once. Lesson 5 shows this file and explains it; any cell can use it
 * with `import { runToolLoop } from '@course/tool-loop'`.
 *
 * It sends the request, runs the tools Claude asks for, sends the results back, and repeats until the
 * reply is final. Every `stop_reason` has its own branch (SDK: resources/messages/messages.ts, `StopReason`):
 *   tool_use      run every tool_use block, answer all of them in ONE user turn, send again
 *   pause_turn    a server tool paused the turn: send the paused reply back unchanged, the model continues
 *   end_turn, stop_sequence
 *                 a complete answer: it joins the transcript and the loop returns
 *   max_tokens, refusal, model_context_window_exceeded, and any value added later
 *                 not a complete answer: returned as `reply`, left out of the transcript
 * The transcript it returns never ends with an assistant turn holding a `tool_use` nobody answered, so it
 * can always be sent again as it is. Assistant turns go back exactly as received (thinking blocks
 * included, in order): on the 5.5 models a thinking block is bound to the conversation before it, so
 * history is append-only (docs: build-with-claude/preserved-thinking).
 */
import type Anthropic from '@anthropic-ai/sdk';

/** Runs one tool: gets the call's `input`, returns a string or any JSON-serialisable value, or throws. */
export type ToolHandler = (input: unknown) => unknown;

/** The part of the SDK client the loop uses: `new Anthropic(…)` fits. */
export interface MessagesClient {
  messages: { create(body: Anthropic.MessageCreateParamsNonStreaming): PromiseLike<Anthropic.Message> };
}

export interface ToolLoopOptions {
  /** The most requests the loop sends (default 8). */
  maxRequests?: number;
  /** Called with every reply as it arrives, e.g. to log its blocks. */
  onReply?: (reply: Anthropic.Message, request: number) => void;
}

export interface ToolLoopResult {
  /** Why the loop stopped: the last reply's `stop_reason`, or `max_requests` when the limit was reached. */
  stop: Anthropic.StopReason | 'max_requests';
  /** The last reply the API sent. */
  reply: Anthropic.Message;
  /** The text blocks of `reply`, joined. Only a finished answer when `stop` is `end_turn` or `stop_sequence`. */
  text: string;
  /** `request.messages` plus every turn the loop added. */
  messages: Anthropic.MessageParam[];
  /** How many requests were sent. */
  requests: number;
}

/** Runs one call; a missing handler or a handler that throws becomes an `is_error` result Claude can read. */
export async function runTool(call: Anthropic.ToolUseBlock, handlers: Record<string, ToolHandler>): Promise<Anthropic.ToolResultBlockParam> {
  try {
    const handler = handlers[call.name];
    if (!handler) throw new Error(`Unknown tool "${call.name}".`);
    const output = await handler(call.input);
    return { type: 'tool_result', tool_use_id: call.id, content: typeof output === 'string' ? output : JSON.stringify(output) };
  } catch (error) {
    return { type: 'tool_result', tool_use_id: call.id, content: error instanceof Error ? error.message : String(error), is_error: true };
  }
}

export async function runToolLoop(
  client: MessagesClient,
  request: Anthropic.MessageCreateParamsNonStreaming,
  handlers: Record<string, ToolHandler>,
  options: ToolLoopOptions = {},
): Promise<ToolLoopResult> {
  const maxRequests = options.maxRequests ?? 8;
  const messages: Anthropic.MessageParam[] = [...request.messages];
  for (let requests = 1; ; requests++) {
    const reply = await client.messages.create({ ...request, messages: [...messages] });
    options.onReply?.(reply, requests);
    const text = reply.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    const result = (stop: ToolLoopResult['stop']): ToolLoopResult => ({ stop, reply, text, messages, requests });

    switch (reply.stop_reason) {
      case 'tool_use': {
        const calls = reply.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
        messages.push({ role: 'assistant', content: reply.content });
        // Every call of the turn answered in one user turn, tool_result blocks only (docs: tool-use/handle-tool-calls).
        const results: Anthropic.ToolResultBlockParam[] = [];
        for (const call of calls) results.push(await runTool(call, handlers));
        messages.push({ role: 'user', content: results });
        if (requests >= maxRequests) return result('max_requests');
        continue;
      }
      case 'pause_turn':
        // The paused reply goes back unchanged as the last turn; the API resumes it (docs: server tools, pause_turn).
        messages.push({ role: 'assistant', content: reply.content });
        if (requests >= maxRequests) return result('max_requests');
        continue;
      case 'end_turn':
      case 'stop_sequence':
        messages.push({ role: 'assistant', content: reply.content });
        return result(reply.stop_reason);
      case null:
        throw new Error('A reply without stop_reason: only an unfinished stream has one.');
      default:
        // max_tokens (a tool_use cut off here has incomplete input: never run it), refusal, a full
        // context window, or a stop_reason this code does not know yet.
        return result(reply.stop_reason);
    }
  }
}
