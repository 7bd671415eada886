/**
 * Rules that tie document blocks to the rest of the request.
 *
 * Sources (docs: platform.claude.com/docs/en/build-with-claude/citations and …/structured-outputs, mirror
 * `gpambrozio/ClaudeDocs` 2026-08-22 copy):
 *  - "citations must be enabled on all or none of the documents within a request";
 *  - citations and `output_config.format` are incompatible: "Returns 400 error if citations enabled with
 *    output_config.format".
 * Both are 400 `invalid_request_error`; the message texts here are the emulator's own (the docs quote none).
 */
import type { ApiFailure } from '../errors';
import { contentBlocks, invalid, isObject, type RuleContext } from './util';

export function checkDocumentCitations(ctx: RuleContext): ApiFailure | null {
  const messages = Array.isArray(ctx.body.messages) ? ctx.body.messages : [];
  let enabled = 0;
  let total = 0;
  for (const message of messages) {
    if (!isObject(message)) continue;
    for (const block of contentBlocks(message.content)) {
      if (block.type !== 'document') continue;
      total += 1;
      if (isObject(block.citations) && block.citations.enabled === true) enabled += 1;
    }
  }
  if (enabled === 0) return null;
  if (enabled < total) {
    return invalid(['messages'], `Citations must be enabled on all or none of the documents in a request (enabled on ${enabled} of ${total}).`);
  }
  const outputConfig = ctx.body.output_config;
  if (isObject(outputConfig) && isObject(outputConfig.format)) {
    return invalid(['output_config', 'format'], 'Citations are not supported together with structured outputs: disable citations on the documents or remove output_config.format.');
  }
  return null;
}
