/**
 * The one place the course names model ids. Lessons write `{{model:<role>}}` and the lesson
 * compiler substitutes the id at build time, so a retirement is a one-line change here.
 * A test checks each id against the SDK's `Model` type and its deprecation list.
 */
import type { Model } from '@anthropic-ai/sdk/resources/messages/messages';

export const COURSE_MODELS = {
  /** The everyday model of the course. */
  default: 'claude-sonnet-5-5',
  /** The small, fast one. */
  fast: 'claude-haiku-5-5',
  /** The most capable one. */
  best: 'claude-opus-5-5',
  /** A model that still takes `thinking: {type: "enabled", budget_tokens}` (deprecated there, still accepted). */
  manualThinking: 'claude-sonnet-4-6',
  /** A model that takes only `thinking: {type: "enabled", budget_tokens}`: adaptive is rejected on Claude 4.5 and earlier. */
  budgetOnlyThinking: 'claude-haiku-4-5',
} as const satisfies Record<string, Model>;

export type CourseModelRole = keyof typeof COURSE_MODELS;
