// The map webview of Editorial Review (see src/extension/views/mapView.ts). Draws the model the
// extension posts: one button per article along the file (its height is its share of the text),
// repeats hatched with a link to their original, findings as tick marks at their place — findings
// closer together than a mark's height share one mark, so that every mark can be told apart and
// hit. Everything is reachable with the keyboard: Tab to the strip, Up/Down (or Home/End) between
// articles, Right to a repeat's link to its original and on to the article's marks, Up/Down
// between the marks, Left (or Escape) back to the article, Enter to reveal. While the file has no
// review the page says why (the same words as the Articles view). The extension reveals; the page
// never takes the focus from the editor by itself.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const strip = /** @type {HTMLElement} */ (document.getElementById('strip'));
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  const legend = /** @type {HTMLElement} */ (document.getElementById('legend'));
  const note = /** @type {HTMLElement} */ (document.getElementById('note'));
  const empty = /** @type {HTMLElement} */ (document.getElementById('empty'));
  const MIN_HEIGHT = 22;
  const TOTAL_HEIGHT = 640;
  /** A tick mark's height and the gap kept between two marks (CSS pixels; map.css draws the same). */
  const MARK = 8;
  const GAP = 2;
  const MAX_TITLES = 200;

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function reveal(start, end) {
    vscode.postMessage({ type: 'reveal', start, end });
  }

  function count(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
  }

  function plural(n, words) {
    return count(n, words.one, words.many);
  }

  /** Moves the focus to another element of a roving group. */
  function move(from, to) {
    if (!to) return;
    from.tabIndex = -1;
    to.tabIndex = 0;
    to.focus();
  }

  /** Ticks of one article grouped into marks at least MARK + GAP apart (tops in pixels). */
  function marksOf(ticks, a, height) {
    const marks = [];
    for (const t of ticks) {
      const top = Math.min(Math.max(0, height - MARK), ((t.start - a.start) / Math.max(1, a.end - a.start)) * height);
      const last = marks[marks.length - 1];
      if (last && top < last.top + MARK + GAP) last.ticks.push(t);
      else marks.push({ top: Math.max(top, last ? last.top + MARK + GAP : 0), ticks: [t] });
    }
    return marks;
  }

  function draw(model) {
    strip.textContent = '';
    legend.textContent = '';
    note.textContent = '';
    note.hidden = true;
    const rendered = { articles: 0, repeats: 0, links: 0, ticks: 0, marks: 0, markSize: { height: 0, width: 0 }, overlaps: 0, empty: '', titles: [] };
    if (!model) {
      summary.textContent = '';
      empty.hidden = false;
      rendered.empty = empty.textContent || '';
      vscode.postMessage({ type: 'rendered', ...rendered });
      return;
    }
    empty.hidden = true;
    if (model.note) {
      note.textContent = model.note;
      note.hidden = false;
    }
    const o = model.overview;
    if (!o) {
      summary.textContent = model.file;
      rendered.empty = model.note || '';
      vscode.postMessage({ type: 'rendered', ...rendered });
      return;
    }
    const share = o.duplicatedShare <= 0 ? '0 %' : o.duplicatedShare < 0.01 ? '<1 %' : `${Math.round(o.duplicatedShare * 100)} %`;
    summary.textContent = `${model.file}: ${count(o.articles, 'article', 'articles')}, ${o.repeatedArticles} repeated, ${share} repeated text`;
    for (const id of Object.keys(model.rules)) {
      const item = el('span', `legend-item rule-${id}`);
      item.appendChild(el('span', 'swatch'));
      item.appendChild(document.createTextNode(` ${plural(o.byRule[id] || 0, model.rules[id])}`));
      legend.appendChild(item);
    }
    const total = Math.max(1, model.characters);
    const byIndex = new Map();
    const buttons = [];
    const titles = [];
    for (const a of model.articles) {
      const row = el('div', `article${a.duplicateOf !== null ? ' repeat' : ''}`);
      row.setAttribute('role', 'listitem');
      const height = Math.max(MIN_HEIGHT, Math.round(((a.end - a.start) / total) * TOTAL_HEIGHT));
      row.style.height = `${height}px`;
      const button = el('button', 'block');
      button.type = 'button';
      const repeatText = a.duplicateOf !== null ? ` = #${a.duplicateOf}` : '';
      button.appendChild(el('span', 'index', `${a.index}${repeatText}`));
      button.appendChild(el('span', 'title', a.title));
      button.title = `Article ${a.index}${a.duplicateOf !== null ? `, a repeat of article ${a.duplicateOf}` : ''}: ${a.title} (${a.lines}; ${count(a.findings, 'finding', 'findings')})`;
      button.setAttribute('aria-label', button.title);
      button.addEventListener('click', () => reveal(a.start, a.start));
      if (titles.length < MAX_TITLES) titles.push(button.title);
      row.appendChild(button);
      buttons.push(button);
      let link = null;
      if (a.duplicateOf !== null) {
        rendered.repeats++;
        link = el('button', 'link', `\u2191 #${a.duplicateOf}`);
        link.type = 'button';
        link.tabIndex = -1;
        link.title = `Go to article ${a.duplicateOf}, the original`;
        link.setAttribute('aria-label', link.title);
        link.dataset.original = String(a.duplicateOf);
        link.addEventListener('click', () => {
          const original = byIndex.get(a.duplicateOf);
          if (original) reveal(original.start, original.start);
        });
        link.addEventListener('mouseenter', () => byIndex.get(a.duplicateOf)?.row.classList.add('highlight'));
        link.addEventListener('mouseleave', () => byIndex.get(a.duplicateOf)?.row.classList.remove('highlight'));
        link.addEventListener('focus', () => byIndex.get(a.duplicateOf)?.row.classList.add('highlight'));
        link.addEventListener('blur', () => byIndex.get(a.duplicateOf)?.row.classList.remove('highlight'));
        row.appendChild(link);
        rendered.links++;
      }
      const lane = el('div', 'ticks');
      lane.setAttribute('role', 'group');
      lane.setAttribute('aria-label', `Findings of article ${a.index}`);
      row.appendChild(lane);
      byIndex.set(a.index, { row, button, link, lane, start: a.start, end: a.end, height, ticks: [], marks: [] });
      strip.appendChild(row);
    }
    // Each finding to its article (articles are in document order).
    const articles = model.articles;
    for (const t of model.ticks) {
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
      if (owner >= 0) byIndex.get(articles[owner].index).ticks.push(t);
    }
    for (const a of articles) {
      const target = byIndex.get(a.index);
      const marks = marksOf(target.ticks, a, target.height);
      for (const m of marks) {
        const first = m.ticks[0];
        const worst = m.ticks.some(t => t.severity === 'error') ? 'error' : first.severity;
        const mark = el('button', `tick rule-${first.rule} severity-${worst}`);
        mark.type = 'button';
        mark.tabIndex = -1;
        mark.style.top = `${m.top}px`;
        const labels = m.ticks.slice(0, 5).map(t => t.label);
        if (m.ticks.length > 5) labels.push(`and ${m.ticks.length - 5} more`);
        mark.title = m.ticks.length === 1 ? labels[0] : `${count(m.ticks.length, 'finding', 'findings')}: ${labels.join('; ')}`;
        mark.setAttribute('aria-label', mark.title);
        mark.addEventListener('click', () => reveal(first.start, first.start));
        target.lane.appendChild(mark);
        target.marks.push(mark);
        if (titles.length < MAX_TITLES) titles.push(mark.title);
        rendered.ticks += m.ticks.length;
        rendered.marks++;
      }
      for (let i = 1; i < marks.length; i++) if (marks[i].top < marks[i - 1].top + MARK) rendered.overlaps++;
    }
    // The keyboard: one tab stop for the strip (roving tabindex), arrows inside it.
    buttons.forEach((b, i) => {
      b.tabIndex = i === 0 ? 0 : -1;
      const entry = byIndex.get(articles[i].index);
      b.addEventListener('keydown', e => {
        let next = null;
        if (e.key === 'ArrowDown') next = buttons[Math.min(buttons.length - 1, i + 1)];
        else if (e.key === 'ArrowUp') next = buttons[Math.max(0, i - 1)];
        else if (e.key === 'Home') next = buttons[0];
        else if (e.key === 'End') next = buttons[buttons.length - 1];
        else if (e.key === 'ArrowRight') next = entry.link || entry.marks[0] || null;
        if (next && next !== b) {
          e.preventDefault();
          move(b, next);
        }
      });
      if (entry.link) {
        entry.link.addEventListener('keydown', e => {
          const next = e.key === 'ArrowLeft' || e.key === 'Escape' ? b : e.key === 'ArrowRight' ? entry.marks[0] : null;
          if (next) {
            e.preventDefault();
            move(entry.link, next);
          }
        });
      }
      entry.marks.forEach((mark, k) => {
        mark.addEventListener('keydown', e => {
          let next = null;
          if (e.key === 'ArrowDown') next = entry.marks[Math.min(entry.marks.length - 1, k + 1)];
          else if (e.key === 'ArrowUp') next = entry.marks[Math.max(0, k - 1)];
          else if (e.key === 'ArrowLeft' || e.key === 'Escape') next = entry.link || b;
          if (next && next !== mark) {
            e.preventDefault();
            move(mark, next);
          }
        });
      });
    });
    const sample = strip.querySelector('.tick');
    if (sample) {
      const box = sample.getBoundingClientRect();
      const style = getComputedStyle(sample);
      rendered.markSize = { height: box.height || parseFloat(style.height) || 0, width: box.width || parseFloat(style.width) || 0 };
    }
    rendered.articles = model.articles.length;
    rendered.titles = titles;
    vscode.postMessage({ type: 'rendered', ...rendered });
  }

  /** A key given by the extension (its tests) to the focused element of the strip. */
  function key(name) {
    let target = /** @type {HTMLElement | null} */ (document.activeElement);
    if (!target || !strip.contains(target)) {
      target = strip.querySelector('.block[tabindex="0"]') || strip.querySelector('.block');
      if (target) target.focus();
    } else {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
    }
    const now = /** @type {HTMLElement | null} */ (document.activeElement);
    vscode.postMessage({ type: 'focus', label: (now && now.getAttribute('aria-label')) || '', role: (now && now.className) || '' });
  }

  window.addEventListener('message', event => {
    const m = event.data;
    if (m && m.type === 'model') draw(m.model);
    else if (m && m.type === 'key') key(m.key);
  });
  vscode.postMessage({ type: 'ready' });
})();
