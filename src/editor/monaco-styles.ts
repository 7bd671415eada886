/**
 * Monaco injects its stylesheet into the document, and document styles do not reach into
 * shadow roots. The editor host lives in light DOM, but that light DOM is itself inside
 * our elements' shadow roots, so the rules are copied into one constructable sheet and
 * adopted by each shadow root that holds an editor. (Monaco itself adds its theme colours
 * to shadow roots it finds an editor in.)
 */
let monacoSheet: CSSStyleSheet | undefined;

function buildMonacoSheet(): CSSStyleSheet {
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let cssRules: CSSRuleList;
    try {
      cssRules = sheet.cssRules;
    } catch {
      continue; // A cross-origin sheet: not Monaco's.
    }
    const texts = Array.from(cssRules, (rule) => rule.cssText);
    if (texts.some((text) => text.includes('.monaco-') || text.includes('.codicon'))) rules.push(...texts);
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.filter((rule) => !rule.startsWith('@font-face')).join('\n'));
  return sheet;
}

/** Makes Monaco's CSS apply inside the shadow root (if any) that contains `node`. */
export function adoptMonacoStyles(node: Node): void {
  const root = node.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  monacoSheet ??= buildMonacoSheet();
  if (!root.adoptedStyleSheets.includes(monacoSheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, monacoSheet];
  }
}
