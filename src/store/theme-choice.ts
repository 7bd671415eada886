/**
 * The learner's theme preference. "System" (the default) follows the operating system's
 * `prefers-color-scheme`, live; "Light" and "Dark" are fixed. Only a fixed theme is stored
 * (`preferences.theme`, see playground-store.ts), so the absence of one means "System" and the
 * pre-paint script in index.html can stay a two-value check.
 */

export type ThemeChoice = 'system' | 'light' | 'dark';

/** A theme the page can actually show. */
export type Theme = 'light' | 'dark';

/** The order in which the header's theme button cycles. */
const CYCLE: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The choice after `choice` in the cycle System → Light → Dark → System. */
export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return CYCLE[(CYCLE.indexOf(choice) + 1) % CYCLE.length]!;
}

/** The theme shown for `choice`, given whether the system currently prefers dark. */
export function themeFor(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}
