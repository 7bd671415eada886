/**
 * Streaming: turns a finished `Message` into the API's server-sent events, in the API's order
 * (message_start, content_block_start, ping, deltas, content_block_stop…, message_delta,
 * message_stop; the ping sits after the first content_block_start as in recorded API streams),
 * encodes them as SSE, and paces them into a ReadableStream (time to first token, then tokens per
 * second), optionally ending with an `event: error` after N events.
 */
import type {
  ContentBlock,
  Message,
  RawContentBlockDeltaEvent,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { Pacing } from './pacing';
import { estimateTextTokens } from './tokens';

/** The events the emulator streams: the SDK's union plus the keep-alive `ping`. */
export type StreamEvent = RawMessageStreamEvent | { type: 'ping' };

/** Word-sized pieces that concatenate back to the text exactly. */
export function textChunks(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? (text ? [text] : []);
}

/** JSON fragments like the API's: a first empty fragment, then pieces of a few characters. */
export function jsonChunks(input: unknown): string[] {
  const json = JSON.stringify(input);
  const chunks = [''];
  for (let offset = 0; offset < json.length; offset += 12) chunks.push(json.slice(offset, offset + 12));
  return chunks;
}

function blockEvents(block: ContentBlock, index: number): StreamEvent[] {
  const events: StreamEvent[] = [];
  const delta = (d: RawContentBlockDeltaEvent['delta']): StreamEvent => ({ type: 'content_block_delta', index, delta: d });
  switch (block.type) {
    case 'text':
      events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '', citations: block.citations ? [] : null } });
      // docs: …/build-with-claude/citations ("Streaming support"): one citations_delta per citation of the block.
      for (const citation of block.citations ?? []) events.push(delta({ type: 'citations_delta', citation }));
      for (const chunk of textChunks(block.text)) events.push(delta({ type: 'text_delta', text: chunk }));
      break;
    case 'thinking':
      events.push({ type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      // With display "omitted" the thinking is "": "Each thinking block streams a `thinking_delta` with an empty
      // `thinking` string, then its `signature_delta`" [TH] (models.md §5 rule 9).
      for (const chunk of block.thinking === '' ? [''] : textChunks(block.thinking)) {
        events.push(delta({ type: 'thinking_delta', thinking: chunk }));
      }
      events.push(delta({ type: 'signature_delta', signature: block.signature }));
      break;
    case 'tool_use':
      events.push({ type: 'content_block_start', index, content_block: { ...block, input: {} } });
      for (const chunk of jsonChunks(block.input)) events.push(delta({ type: 'input_json_delta', partial_json: chunk }));
      break;
    default:
      // redacted_thinking and server blocks arrive whole in content_block_start.
      events.push({ type: 'content_block_start', index, content_block: block });
  }
  events.push({ type: 'content_block_stop', index });
  return events;
}

export function messageToStreamEvents(message: Message): RawMessageStreamEvent[] {
  const events: StreamEvent[] = [];
  events.push({
    type: 'message_start',
    message: {
      ...message,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      stop_details: null,
      usage: { ...message.usage, output_tokens: Math.min(1, message.usage.output_tokens), output_tokens_details: null },
    },
  });
  message.content.forEach((block, index) => {
    const perBlock = blockEvents(block, index);
    events.push(...perBlock.slice(0, 1));
    if (index === 0) events.push({ type: 'ping' });
    events.push(...perBlock.slice(1));
  });
  if (message.content.length === 0) events.push({ type: 'ping' });
  events.push({
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence, stop_details: message.stop_details, container: message.container },
    usage: {
      input_tokens: message.usage.input_tokens,
      output_tokens: message.usage.output_tokens,
      cache_creation_input_tokens: message.usage.cache_creation_input_tokens,
      cache_read_input_tokens: message.usage.cache_read_input_tokens,
      output_tokens_details: message.usage.output_tokens_details,
      server_tool_use: message.usage.server_tool_use,
    },
  });
  events.push({ type: 'message_stop' });
  // `ping` is not in the SDK's RawMessageStreamEvent union, but the API sends it and the SDK skips it.
  return events as RawMessageStreamEvent[];
}

export function encodeSseEvent(event: { type: string }): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Output tokens an event carries, for tokens-per-second pacing. */
function tokensIn(event: { type: string }): number {
  if (event.type !== 'content_block_delta') return 0;
  const delta = (event as RawContentBlockDeltaEvent).delta;
  switch (delta.type) {
    case 'text_delta':
      return estimateTextTokens(delta.text);
    case 'thinking_delta':
      return estimateTextTokens(delta.thinking);
    case 'input_json_delta':
      return estimateTextTokens(delta.partial_json);
    default:
      return 0;
  }
}

export interface SseBodyOptions {
  pacing: Pacing;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Stop after this many events and send `event: error` instead of the rest. */
  failAfterEvents?: number;
  failWith?: { type: string; message: string };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export function createSseBody(events: Array<{ type: string }>, opts: SseBodyOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cancelled = false;
  let firstDeltaSent = false;
  let index = 0;
  let failed = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { signal } = opts;
      try {
        if (signal?.aborted) throw abortReason(signal);
        if (failed || index >= events.length) {
          controller.close();
          return;
        }
        if (opts.failAfterEvents !== undefined && index >= opts.failAfterEvents) {
          failed = true;
          const error = opts.failWith ?? { type: 'overloaded_error', message: 'Overloaded' };
          controller.enqueue(encoder.encode(encodeSseEvent({ type: 'error', error } as { type: string })));
          controller.close();
          return;
        }
        const event = events[index]!;
        if (opts.pacing !== 'instant') {
          const tokens = tokensIn(event);
          let wait = 0;
          if (event.type === 'content_block_delta' && !firstDeltaSent) wait += opts.pacing.timeToFirstTokenMs;
          if (tokens > 0 && opts.pacing.tokensPerSecond > 0) wait += (tokens / opts.pacing.tokensPerSecond) * 1000;
          if (wait > 0) await opts.sleep(wait, signal);
          if (cancelled) return;
          if (signal?.aborted) throw abortReason(signal);
        }
        if (event.type === 'content_block_delta') firstDeltaSent = true;
        index += 1;
        controller.enqueue(encoder.encode(encodeSseEvent(event)));
      } catch (error) {
        if (!cancelled) controller.error(error);
      }
    },
    cancel() {
      cancelled = true;
    },
  });
}
