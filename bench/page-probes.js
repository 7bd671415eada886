// Injected into the page before its own scripts (page.addInitScript): records timestamps with the
// page's own clock (performance.now()) so no CDP round trip is inside a measurement.
// Plain JavaScript on purpose: it is sent to the browser as is, untranspiled.
(() => {
  /** @type {{ keydownAt: number | undefined, clickAt: number | undefined, finished: {cellId: string, status: string, at: number}[], lcp: number[] }} */
  const probes = { keydownAt: undefined, clickAt: undefined, finished: [], lcp: [] };

  // Capture phase on window: runs before any listener of the page (the cell's own is capture on its host).
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) probes.keydownAt = performance.now();
    },
    true,
  );
  window.addEventListener('click', () => (probes.clickAt = performance.now()), true);
  document.addEventListener('cell-run-finished', (event) => {
    const detail = /** @type {CustomEvent} */ (event).detail;
    probes.finished.push({ cellId: detail.cellId, status: detail.result.status, at: performance.now() });
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.lcp.push(entry.startTime);
  }).observe({ type: 'largest-contentful-paint', buffered: true });

  /** Every element matching `selector`, looking inside open shadow roots too, in document order. */
  const deepQueryAll = (root, selector) => {
    const found = [];
    const walk = (node) => {
      if (node instanceof Element && node.matches(selector)) found.push(node);
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    return found;
  };

  /**
   * Resolves with the time new output containing `marker` shows up in the `cellIndex`-th cell: the marker
   * was absent since arming (the run cleared the old output), or the output text changed (the cell logs a
   * different value each run, so this also works if the UI ever keeps old output until new output comes).
   * Watches every shadow root under the output with MutationObservers, so the time is that of the DOM
   * change, not of a polling tick.
   */
  probes.watchOutput = (cellIndex, marker, timeoutMs) =>
    new Promise((resolve, reject) => {
      const cell = deepQueryAll(document, 'tp-cell')[cellIndex];
      if (!cell || !cell.shadowRoot) return reject(new Error(`no tp-cell #${cellIndex}`));
      const observed = new WeakSet();
      const observers = [];
      let sawAbsent = false;
      const finish = (value, error) => {
        clearTimeout(timer);
        for (const observer of observers) observer.disconnect();
        if (error) reject(error);
        else resolve(value);
      };
      const observe = (root) => {
        if (observed.has(root)) return;
        observed.add(root);
        const observer = new MutationObserver(check);
        observer.observe(root, { childList: true, subtree: true, characterData: true });
        observers.push(observer);
      };
      const textOf = (node, parts) => {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (node instanceof Element && node.shadowRoot) {
          observe(node.shadowRoot);
          textOf(node.shadowRoot, parts);
        }
        for (const child of node.childNodes) textOf(child, parts);
        return parts;
      };
      const outputText = () => {
        const output = cell.shadowRoot.querySelector('.output');
        return output === null ? '' : textOf(output, []).join('');
      };
      function check() {
        const now = performance.now();
        const text = outputText();
        if (!text.includes(marker)) sawAbsent = true;
        else if (sawAbsent || text !== armedText) finish(now);
      }
      const timer = setTimeout(() => finish(undefined, new Error(`"${marker}" did not appear within ${timeoutMs} ms`)), timeoutMs);
      observe(cell.shadowRoot);
      const armedText = outputText();
      if (!armedText.includes(marker)) sawAbsent = true;
    });

  window.__benchProbes = probes;
})();
