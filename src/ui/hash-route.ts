/**
 * Routing by URL hash (`#/01-first-request`, `#/01-first-request#send-it`): deep links work on a static
 * host under a sub-path (GitHub Pages) with no server fallback, because the path never changes. A second
 * `#` names a heading inside the lesson: the browser cannot scroll to it by itself (the lesson renders in
 * a shadow root), so the app does.
 */

export interface HashRoute {
  /** The lesson slug; undefined for the contents (`''`, `#`, `#/`). */
  slug: string | undefined;
  /** The id of a heading in the lesson, if the hash names one. */
  heading: string | undefined;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The lesson and heading in `#/<slug>#<heading>`. */
export function routeFromHash(hash: string): HashRoute {
  const body = hash.replace(/^#\/?/, '');
  const split = body.indexOf('#');
  const path = (split < 0 ? body : body.slice(0, split)).replace(/\/+$/, '');
  const heading = split < 0 ? '' : body.slice(split + 1);
  if (path === '') return { slug: undefined, heading: undefined };
  return { slug: decode(path), heading: heading === '' ? undefined : decode(heading) };
}

/** The lesson slug in `#/<slug>`; `undefined` for the contents (`''`, `#`, `#/`). */
export function slugFromHash(hash: string): string | undefined {
  return routeFromHash(hash).slug;
}

/** The hash that opens a lesson, or one of its headings. */
export function lessonHash(slug: string, heading?: string): string {
  return `#/${encodeURIComponent(slug)}${heading ? `#${encodeURIComponent(heading)}` : ''}`;
}
