// The map webview of Editorial Review (see src/extension/mapView.ts). Draws the model the
// extension posts: one button per article along the file (its height is its share of the text),
// repeats hatched with a link to their original, findings as ticks at their place. Everything is
// reachable with the keyboard: Tab to the strip, Up/Down (or Home/End) between articles, Enter to
// reveal; Right on a repeat to its link to the original, Left back. (Findings, as ticks, are for
// the mouse; the Articles view lists them for the keyboard.) The extension reveals; the page never
// takes the focus from the editor by itself.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const strip = /** @type {HTMLElement} */ (document.getElementById('strip'));
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  const legend = /** @type {HTMLElement} */ (document.getElementById('legend'));
  const empty = /** @type {HTMLElement} */ (document.getElementById('empty'));
  const MIN_HEIGHT = 22;
  const TOTAL_HEIGHT = 640;

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function reveal(start, end) {
    vscode.postMessage({ type: 'reveal', start, end });
  }

  function plural(n, words) {
    return `${n} ${n === 1 ? words.one : words.many}`;
  }

  function draw(model) {
    strip.textContent = '';
    legend.textContent = '';
    if (!model) {
      summary.textContent = '';
      empty.hidden = false;
      vscode.postMessage({ type: 'rendered', articles: 0, repeats: 0, links: 0, ticks: 0 });
      return;
    }
    empty.hidden = true;
    const o = model.overview;
    const share = o.duplicatedShare <= 0 ? '0 %' : o.duplicatedShare < 0.01 ? '<1 %' : `${Math.round(o.duplicatedShare * 100)} %`;
    summary.textContent = `${model.file}: ${o.articles} articles, ${o.repeatedArticles} repeated, ${share} duplicated`;
    for (const id of Object.keys(model.rules)) {
      const item = el('span', `legend-item rule-${id}`);
      item.appendChild(el('span', 'swatch'));
      item.appendChild(document.createTextNode(` ${plural(o.byRule[id] || 0, model.rules[id])}`));
      legend.appendChild(item);
    }
    const total = Math.max(1, model.characters);
    const byIndex = new Map();
    let repeats = 0;
    let links = 0;
    let ticks = 0;
    const buttons = [];
    for (const a of model.articles) {
      const row = el('div', `article${a.duplicateOf !== null ? ' repeat' : ''}`);
      row.setAttribute('role', 'listitem');
      row.style.height = `${Math.max(MIN_HEIGHT, Math.round(((a.end - a.start) / total) * TOTAL_HEIGHT))}px`;
      const button = el('button', 'block');
      button.type = 'button';
      const repeatText = a.duplicateOf !== null ? ` = #${a.duplicateOf}` : '';
      button.appendChild(el('span', 'index', `${a.index}${repeatText}`));
      button.appendChild(el('span', 'title', a.title));
      button.title = `Article ${a.index}${a.duplicateOf !== null ? `, a repeat of article ${a.duplicateOf}` : ''}: ${a.title} (lines ${a.lines}; ${a.findings} findings)`;
      button.setAttribute('aria-label', button.title);
      button.addEventListener('click', () => reveal(a.start, a.start));
      row.appendChild(button);
      buttons.push(button);
      if (a.duplicateOf !== null) {
        repeats++;
        const link = el('button', 'link', `\u2191 #${a.duplicateOf}`);
        link.type = 'button';
        link.title = `Go to article ${a.duplicateOf}, the original`;
        link.setAttribute('aria-label', link.title);
        link.dataset.original = String(a.duplicateOf);
        link.addEventListener('keydown', e => {
          if (e.key === 'ArrowLeft') {
            e.preventDefault();
            button.focus();
          }
        });
        link.addEventListener('click', () => {
          const original = byIndex.get(a.duplicateOf);
          if (original) reveal(original.start, original.start);
        });
        link.addEventListener('mouseenter', () => byIndex.get(a.duplicateOf)?.row.classList.add('highlight'));
        link.addEventListener('mouseleave', () => byIndex.get(a.duplicateOf)?.row.classList.remove('highlight'));
        link.addEventListener('focus', () => byIndex.get(a.duplicateOf)?.row.classList.add('highlight'));
        link.addEventListener('blur', () => byIndex.get(a.duplicateOf)?.row.classList.remove('highlight'));
        row.appendChild(link);
        links++;
      }
      const lane = el('div', 'ticks');
      lane.setAttribute('aria-hidden', 'true');
      row.appendChild(lane);
      byIndex.set(a.index, { row, button, lane, start: a.start, end: a.end });
      strip.appendChild(row);
    }
    const articles = model.articles;
    for (const t of model.ticks) {
      // The article holding the tick (articles are in document order).
      let lo = 0;
      let hi = articles.length - 1;
      let owner = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (articles[mid].start <= t.start) {
          owner = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (owner < 0) continue;
      const a = articles[owner];
      const target = byIndex.get(a.index);
      const tick = el('span', `tick rule-${t.rule} severity-${t.severity}`);
      tick.title = t.label;
      tick.style.top = `${Math.min(100, ((t.start - a.start) / Math.max(1, a.end - a.start)) * 100)}%`;
      tick.addEventListener('click', () => reveal(t.start, t.start));
      target.lane.appendChild(tick);
      ticks++;
    }
    // Arrow keys between the articles (one tab stop for the strip: roving tabindex).
    buttons.forEach((b, i) => {
      b.tabIndex = i === 0 ? 0 : -1;
      b.addEventListener('keydown', e => {
        let next = -1;
        if (e.key === 'ArrowDown') next = Math.min(buttons.length - 1, i + 1);
        else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
        else if (e.key === 'Home') next = 0;
        else if (e.key === 'End') next = buttons.length - 1;
        else if (e.key === 'ArrowRight') {
          const link = b.parentElement && b.parentElement.querySelector('.link');
          if (link) {
            e.preventDefault();
            /** @type {HTMLElement} */ (link).focus();
          }
          return;
        }
        if (next >= 0) {
          e.preventDefault();
          b.tabIndex = -1;
          buttons[next].tabIndex = 0;
          buttons[next].focus();
        }
      });
    });
    vscode.postMessage({ type: 'rendered', articles: model.articles.length, repeats, links, ticks });
  }

  window.addEventListener('message', event => {
    const m = event.data;
    if (m && m.type === 'model') draw(m.model);
  });
  vscode.postMessage({ type: 'ready' });
})();
