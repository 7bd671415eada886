/** The in-lesson contents ("On this page"): a link to every `##` section, built from the compiled outline. */
import { css, html, nothing } from 'lit';
import type { LessonHeading } from '../lessons/types';
import { lessonHash } from './hash-route';

/**
 * `onSamePick(id)` runs for a link to the heading the URL already names: the hash does not change then,
 * so there is no `hashchange` to route on.
 */
export function renderLessonOutline(slug: string, outline: readonly LessonHeading[], onSamePick: (id: string) => void) {
  const sections = outline.filter((heading) => heading.level === 2);
  if (sections.length === 0) return nothing;
  const pick = (event: MouseEvent, id: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (location.hash !== lessonHash(slug, id)) return;
    event.preventDefault();
    onSamePick(id);
  };
  return html`<nav class="outline" aria-label="On this page">
    <details open>
      <summary>On this page</summary>
      <ol>
        ${sections.map(
          (heading) => html`<li><a href=${lessonHash(slug, heading.id)} @click=${(event: MouseEvent) => pick(event, heading.id)}>${heading.text}</a></li>`,
        )}
      </ol>
    </details>
  </nav>`;
}

export const lessonOutlineStyles = css`
  .outline {
    margin: 1.25rem 0 0;
    padding: 0.5rem 1rem;
    border: 1px solid var(--tp-border);
    border-radius: 8px;
    font-size: 0.9375rem;
  }
  .outline summary {
    cursor: pointer;
    font-weight: 600;
    padding: 0.25rem 0;
  }
  .outline ol {
    margin: 0.25rem 0 0.5rem;
    padding-left: 1.5rem;
    columns: 2 16rem;
    column-gap: 2rem;
  }
  .outline li {
    break-inside: avoid;
    padding: 0.15rem 0;
  }
  /* Headings reached by a deep link take focus; the ring would sit on a non-control. */
  .prose :is(h2, h3, h4)[tabindex='-1']:focus {
    outline: none;
  }
  .prose :is(h2, h3, h4) {
    scroll-margin-top: 4.5rem;
  }
`;
