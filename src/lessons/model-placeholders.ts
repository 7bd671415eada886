import { COURSE_MODELS, type CourseModelRole } from './course-models';
import { LessonError } from './lesson-error';

/**
 * Replaces every `{{model:<role>}}` in a lesson's text with the id from `COURSE_MODELS`, before the
 * markdown is parsed, so prose, inline code and cells all get the same id. Ids contain no newline,
 * so line numbers are unchanged.
 */
const PLACEHOLDER = /\{\{\s*model\s*:\s*([^}]*?)\s*\}\}/g;

export function substituteModelPlaceholders(text: string, file: string): string {
  return text.replace(PLACEHOLDER, (_match, role: string, offset: number) => {
    if (!Object.hasOwn(COURSE_MODELS, role)) {
      const line = text.slice(0, offset).split('\n').length;
      throw new LessonError(file, line, `unknown model role \`{{model:${role}}}\` (known: ${Object.keys(COURSE_MODELS).join(', ')})`);
    }
    return COURSE_MODELS[role as CourseModelRole];
  });
}
