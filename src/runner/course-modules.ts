/**
 * Modules a cell may import besides the SDK: the course's own library under `lessons/lib/`, one file per
 * specifier. The sandbox build bundles each file (vite-plugin.ts), the worker asks the page for it by
 * specifier, and the Node lesson runner and the cell type-check resolve the same paths, so a lesson
 * writes a helper once (lesson 5's tool loop) and later lessons import it instead of retyping it.
 * A course module should import the SDK with `import type` only: its bundle then stays a few KB.
 */
export const COURSE_MODULES = {
  '@course/tool-loop': 'lessons/lib/tool-loop.ts',
} as const satisfies Record<string, string>;

export type CourseModuleSpecifier = keyof typeof COURSE_MODULES;

export function isCourseModule(specifier: string): specifier is CourseModuleSpecifier {
  return Object.hasOwn(COURSE_MODULES, specifier);
}
