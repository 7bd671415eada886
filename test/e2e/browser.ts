import { inject } from 'vitest';

export { launchChromium } from './chromium';

/** The URL of the production build served under the sub-path, e.g. http://127.0.0.1:1234/claude-playground/. */
export function siteUrl(): string {
  return inject('siteUrl');
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
