import type { Plugin } from 'vite';

/** Placeholder: compiles `lessons/*.md` into `virtual:lessons` (see src/lessons/types.ts). */
export function lessonsPlugin(): Plugin {
  return { name: 'tp-lessons' };
}
