import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { SerializedValue } from '../runner/protocol';
import { sharedStyles } from './shared-styles';

const PREVIEW_ENTRIES = 4;
const PREVIEW_TEXT = 40;

/**
 * A value logged by learner code (`SerializedValue`) as an expandable tree: objects,
 * arrays, maps and sets fold open with the keyboard (native `<details>`). Everything is
 * rendered as text; nothing from learner output is ever parsed as HTML.
 *
 * @csspart tree - the outermost element
 */
export class TpValueTree extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
        font-family: var(--tp-font-mono);
        font-size: 0.8125rem;
        line-height: 1.45;
        vertical-align: top;
        max-width: 100%;
        white-space: normal;
      }
      details {
        display: inline-block;
        vertical-align: top;
      }
      details > summary {
        cursor: pointer;
        list-style: none;
        border-radius: 3px;
      }
      details > summary::-webkit-details-marker {
        display: none;
      }
      details > summary::before {
        content: '▸';
        display: inline-block;
        width: 1em;
        color: var(--tp-muted);
      }
      details[open] > summary::before {
        content: '▾';
      }
      .children > li {
        display: flex;
        align-items: baseline;
        gap: 0.4em;
        min-width: 0;
      }
      .key {
        flex: none;
      }
      .children {
        margin: 0;
        padding-left: 1.25em;
        list-style: none;
        border-left: 1px dotted var(--tp-border);
        margin-left: 0.35em;
      }
      .key {
        color: var(--tp-syntax-key);
      }
      .string {
        color: var(--tp-syntax-string);
        white-space: pre-wrap;
        word-break: break-word;
      }
      .string.plain {
        color: inherit;
      }
      .number,
      .bigint {
        color: var(--tp-syntax-number);
      }
      .boolean,
      .null,
      .undefined {
        color: var(--tp-syntax-keyword);
      }
      .meta {
        color: var(--tp-muted);
        font-style: italic;
      }
      .error {
        color: var(--tp-danger);
      }
    `,
  ];

  /** The value to show. */
  @property({ attribute: false }) value: SerializedValue | undefined;
  /** Open the first level on first render. */
  @property({ type: Boolean }) expanded: boolean = false;

  override render() {
    if (!this.value) return nothing;
    return html`<span part="tree">${this.renderValue(this.value, this.expanded, true)}</span>`;
  }

  private renderValue(value: SerializedValue, open: boolean, topLevel: boolean): TemplateResult {
    const children = childEntries(value);
    if (children && children.length > 0) {
      return html`<details ?open=${open}>
        <summary>${preview(value)}</summary>
        <ul class="children" role="group">
          ${children.map(
            ([key, child]) =>
              html`<li>${key === null ? nothing : html`<span class="key">${key}:</span>`}${this.renderValue(child, false, false)}</li>`,
          )}
          ${value.kind === 'object' && value.truncated ? html`<li class="meta">… more properties not shown</li>` : nothing}
          ${value.kind === 'array' && value.length > value.items.length
            ? html`<li class="meta">… ${value.length - value.items.length} more items</li>`
            : nothing}
        </ul>
      </details>`;
    }
    return primitive(value, topLevel);
  }
}

/** The children of a container value as `[label, value]` (label `null` for set items). */
function childEntries(value: SerializedValue): [string | null, SerializedValue][] | undefined {
  switch (value.kind) {
    case 'array':
      return value.items.map((item, index) => [String(index), item]);
    case 'object':
      return value.entries.map(([key, child]) => [key, child]);
    case 'map':
      return value.entries.map(([key, child]) => [plainText(key), child]);
    case 'set':
      return value.items.map((item) => [null, item]);
    case 'error':
      return value.stack ? [['stack', { kind: 'string', value: value.stack }]] : undefined;
    default:
      return undefined;
  }
}

/** One-line summary of a value, like a browser console. */
function preview(value: SerializedValue): TemplateResult {
  switch (value.kind) {
    case 'array':
      return html`<span class="meta">Array(${value.length})</span> [${value.items
        .slice(0, PREVIEW_ENTRIES)
        .map((item) => shortText(item))
        .join(', ')}${value.length > PREVIEW_ENTRIES ? ', …' : ''}]`;
    case 'object': {
      const shown = value.entries.slice(0, PREVIEW_ENTRIES).map(([key, child]) => `${key}: ${shortText(child)}`);
      const more = value.entries.length > PREVIEW_ENTRIES || value.truncated ? ', …' : '';
      return html`${value.className && value.className !== 'Object'
        ? html`<span class="meta">${value.className}</span> `
        : nothing}{${shown.join(', ')}${more}}`;
    }
    case 'map':
      return html`<span class="meta">Map(${value.entries.length})</span>`;
    case 'set':
      return html`<span class="meta">Set(${value.items.length})</span>`;
    case 'error':
      return html`<span class="error">${value.name}: ${value.message}</span>`;
    default:
      return primitive(value, false);
  }
}

function primitive(value: SerializedValue, topLevel: boolean): TemplateResult {
  switch (value.kind) {
    case 'string':
      // A top-level string is printed as is (like console.log); nested ones are quoted.
      return topLevel ? html`<span class="string plain">${value.value}</span>` : html`<span class="string">${JSON.stringify(value.value)}</span>`;
    case 'number':
      return html`<span class="number">${value.value}</span>`;
    case 'bigint':
      return html`<span class="bigint">${value.value}n</span>`;
    case 'boolean':
      return html`<span class="boolean">${String(value.value)}</span>`;
    case 'null':
      return html`<span class="null">null</span>`;
    case 'undefined':
      return html`<span class="undefined">undefined</span>`;
    case 'symbol':
      return html`<span class="meta">Symbol(${value.description})</span>`;
    case 'function':
      return html`<span class="meta">ƒ ${value.name || '(anonymous)'}()</span>`;
    case 'date':
      return html`<span class="meta">Date</span> <span class="string">${value.iso}</span>`;
    case 'regexp':
      return html`<span class="string">/${value.source}/</span>`;
    case 'error':
      return html`<span class="error">${value.name}: ${value.message}</span>`;
    case 'circular':
      return html`<span class="meta">[Circular]</span>`;
    case 'truncated':
      return html`<span class="meta">…</span>`;
    default:
      return html`${shortText(value)}`;
  }
}

/** Short plain-text form used in previews. */
function shortText(value: SerializedValue): string {
  switch (value.kind) {
    case 'string':
      return JSON.stringify(value.value.length > PREVIEW_TEXT ? `${value.value.slice(0, PREVIEW_TEXT)}…` : value.value);
    case 'number':
    case 'bigint':
      return value.kind === 'bigint' ? `${value.value}n` : value.value;
    case 'boolean':
      return String(value.value);
    case 'null':
    case 'undefined':
      return value.kind;
    case 'array':
      return `Array(${value.length})`;
    case 'object':
      return value.className && value.className !== 'Object' ? value.className : '{…}';
    case 'map':
      return `Map(${value.entries.length})`;
    case 'set':
      return `Set(${value.items.length})`;
    case 'function':
      return `ƒ ${value.name}`;
    case 'error':
      return `${value.name}: ${value.message}`;
    case 'date':
      return value.iso;
    case 'regexp':
      return `/${value.source}/`;
    case 'symbol':
      return `Symbol(${value.description})`;
    case 'circular':
      return '[Circular]';
    case 'truncated':
      return '…';
  }
}

/** Text of a value used as a label (map keys). */
function plainText(value: SerializedValue): string {
  return value.kind === 'string' ? JSON.stringify(value.value) : shortText(value);
}

customElements.define('tp-value-tree', TpValueTree);

declare global {
  interface HTMLElementTagNameMap {
    'tp-value-tree': TpValueTree;
  }
}
