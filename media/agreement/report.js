// Sift agreement report, the webview's script (also inlined in a saved HTML report). It draws the model it is sent by
// postMessage (or, in a saved file, the JSON in #sift-data) with textContent only: no data ever goes through
// innerHTML. Every cell, bar and row is focusable and opens review on Enter, Space or a click.
(function () {
  'use strict';
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const root = document.getElementById('report');
  let model;
  let measure = 'f1';
  const fmt = (v) => (v === null || v === undefined ? '—' : v.toFixed(3));
  const post = (m) => { if (vscode) vscode.postMessage(m); };

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function activatable(e, target, label) {
    e.tabIndex = 0;
    e.setAttribute('role', 'button');
    e.setAttribute('aria-label', label);
    e.title = label;
    const go = () => post({ type: 'open', target });
    e.addEventListener('click', go);
    e.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(); } });
  }

  function heat(e, v) {
    if (v === null || v === undefined) return;
    const pct = Math.round(Math.max(0, Math.min(1, v)) * 60);
    e.style.background = `color-mix(in srgb, var(--vscode-charts-green, #3a3) ${pct}%, var(--vscode-editor-background, #fff))`;
  }

  function scoreText(s) {
    return `${fmt(s.value)} (${s.used} of ${s.total} ${s.unit} used${s.excluded ? `, ${s.excluded} excluded` : ''})${s.why ? `: ${s.why}` : ''}${s.caveat ? `. Caveat: ${s.caveat}` : ''}`;
  }

  function matrix() {
    const box = el('section');
    box.append(el('h2', 'Pairwise agreement'));
    const sw = el('div');
    for (const [m, name] of [['f1', 'F1 (exact spans)'], ['kappa', 'Cohen\'s κ (tokens)'], ['alpha', 'Krippendorff\'s α (tokens)']]) {
      const b = el('button', name);
      b.setAttribute('aria-pressed', String(m === measure));
      b.addEventListener('click', () => { measure = m; draw(); });
      sw.append(b);
    }
    box.append(sw, el('p', 'Scores above the diagonal; units used / total below it.', 'counts'));
    const t = el('table');
    t.setAttribute('aria-label', 'pairwise agreement matrix');
    const head = el('tr');
    head.append(el('th', ''));
    for (const a of model.annotators) head.append(el('th', a));
    t.append(head);
    let cells = 0;
    model.annotators.forEach((a, i) => {
      const tr = el('tr');
      tr.append(el('th', a));
      model.annotators.forEach((b, j) => {
        if (i === j) { tr.append(el('td', '·', 'diag')); return; }
        const pair = model.cells.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));
        const s = pair && pair[measure];
        const td = el('td', !s ? '—' : i < j ? fmt(s.value) : `${s.used}/${s.total}`, i < j ? 'cell' : 'cell below');
        if (s) {
          if (i < j) heat(td, s.value);
          activatable(td, { kind: 'pair', a: pair.a, b: pair.b }, `${pair.a} × ${pair.b}: ${scoreText(s)}`);
          cells++;
        }
        tr.append(td);
      });
      t.append(tr);
    });
    box.append(t);
    return { box, cells };
  }

  function bars() {
    const box = el('section');
    box.append(el('h2', 'Per label (exact span F1 pooled over pairs; αu per label)'));
    const grid = el('div', undefined, 'bars');
    for (const b of model.bars) {
      const track = el('div', undefined, 'track bar');
      const fill = el('div', undefined, 'fill');
      fill.style.width = `${Math.round(100 * Math.max(0, b.f1 ?? 0))}%`;
      track.append(fill);
      activatable(track, { kind: 'label', label: b.label }, `${b.label}: F1 ${fmt(b.f1)} (${b.matched} matched of ${b.spans} spans), αu ${fmt(b.alphaU)}`);
      grid.append(el('span', b.label), track, el('span', `F1 ${fmt(b.f1)} · ${b.matched}/${b.spans} spans · αu ${fmt(b.alphaU)}`, 'counts'));
    }
    box.append(grid);
    return box;
  }

  function confusion() {
    const box = el('section');
    box.append(el('h2', 'Label confusion (token coincidences between annotators)'));
    const c = model.confusion;
    const t = el('table');
    const head = el('tr');
    head.append(el('th', ''));
    for (const x of c.categories) head.append(el('th', x));
    t.append(head);
    const max = Math.max(1, ...c.matrix.flatMap((r, i) => r.filter((_, j) => i !== j)));
    c.categories.forEach((x, i) => {
      const tr = el('tr');
      tr.append(el('th', x));
      c.categories.forEach((y, j) => {
        const n = c.matrix[i][j];
        const td = el('td', Number.isInteger(n) ? n : n.toFixed(1), 'conf');
        if (i !== j && n > 0) { heat(td, n / max); activatable(td, { kind: 'confusion', x, y }, `${x} against ${y}: ${n} token pair(s)`); }
        tr.append(td);
      });
      t.append(tr);
    });
    box.append(t);
    return box;
  }

  /** A figure's cell: its value drawn, its counts and caveats read out (focusable, so the keyboard reaches them too). */
  function scoreCell(label, s) {
    const td = el('td', fmt(s.value), 'score');
    heat(td, s.value);
    td.tabIndex = 0;
    td.setAttribute('aria-label', `${label}: ${scoreText(s)}`);
    td.title = td.getAttribute('aria-label');
    return td;
  }

  function claims() {
    const c = model.claims;
    const box = el('section');
    box.append(el('h2', 'Claims'));
    const drawn = { rows: [], features: [] };
    if (!c || c.claims === 0) { box.append(el('p', 'No claims in the compared layers.', 'counts')); return { box, drawn }; }
    box.append(el('p', `${c.claims} claim(s); ${c.units} claim unit(s) after alignment, ${c.matched} matched by two or more annotators. Source, factuality and confidence are compared on the matched claims.`, 'counts'));
    const t = el('table');
    t.setAttribute('aria-label', 'claim agreement per pair');
    const head = el('tr');
    for (const h of ['pair', 'F1 exact (spans)', 'F1 overlap (spans)', 'Cohen\'s κ (factuality)']) head.append(el('th', h));
    t.append(head);
    for (const p of c.pairs) {
      const tr = el('tr');
      const pair = `${p.a} × ${p.b}`;
      tr.append(el('th', pair), scoreCell(`${pair}, claim F1 exact`, p.f1), scoreCell(`${pair}, claim F1 overlap`, p.overlap), scoreCell(`${pair}, factuality κ`, p.factuality));
      drawn.rows.push([...tr.children].map((x) => x.textContent));
      t.append(tr);
    }
    const list = el('ul');
    for (const f of c.features) {
      const li = el('li', `${f.label}: ${scoreText(f.score)}`);
      drawn.features.push(li.textContent);
      list.append(li);
    }
    box.append(t, list);
    for (const x of c.caveats) box.append(el('p', `Note: ${x}`, 'caveat'));
    return { box, drawn };
  }

  function articles() {
    const box = el('section');
    box.append(el('h2', `Articles, lowest agreement first (${model.articles.length})`));
    const t = el('table');
    const head = el('tr');
    for (const h of ['article', 'α tokens', 'F1 exact', 'matched/spans', 'tokens', 'annotators']) head.append(el('th', h));
    t.append(head);
    for (const a of model.articles) {
      const tr = el('tr', undefined, 'row');
      for (const v of [a.article, fmt(a.alpha), fmt(a.f1), `${a.matched}/${a.spans}`, a.tokens, a.annotators.join(', ')]) tr.append(el('td', v));
      activatable(tr, { kind: 'article', article: a.article }, `${a.article}: α ${fmt(a.alpha)}, F1 ${fmt(a.f1)}`);
      t.append(tr);
    }
    box.append(t);
    return box;
  }

  function select(name, all, chosen) {
    const label = el('label', `${name} `);
    const s = el('select');
    s.multiple = true;
    s.size = Math.min(6, Math.max(2, all.length));
    s.dataset.filter = name;
    for (const v of all) { const o = el('option', v); o.value = v; o.selected = !chosen || chosen.includes(v); s.append(o); }
    label.append(s);
    return label;
  }

  function filters() {
    const box = el('section', undefined, 'live');
    box.append(el('h2', 'Filters'));
    const row = el('div', undefined, 'filters');
    row.append(select('annotators', model.choices.annotators, model.filter.annotators), select('labels', model.choices.labels, model.filter.labels), select('folders', model.choices.folders, model.filter.folders));
    const apply = el('button', 'Apply filters');
    apply.addEventListener('click', () => {
      const f = {};
      for (const s of root.querySelectorAll('select[data-filter]')) {
        const v = [...s.selectedOptions].map((o) => o.value);
        f[s.dataset.filter] = v.length === s.options.length ? [] : v;
      }
      post({ type: 'filter', filter: f });
    });
    row.append(apply);
    const save = el('div');
    for (const format of ['html', 'csv', 'json']) { const b = el('button', `Save as ${format.toUpperCase()}`); b.addEventListener('click', () => post({ type: 'save', format })); save.append(b); }
    box.append(row, save);
    return box;
  }

  function draw() {
    if (!model) return;
    root.replaceChildren();
    root.append(el('h1', `Agreement of ${model.annotators.join(', ') || 'no annotators'}`));
    const sum = el('ul');
    for (const s of model.summary) sum.append(el('li', `${s.label}: ${scoreText(s.score)}`));
    root.append(filters(), sum);
    for (const c of model.caveats) root.append(el('p', `Note: ${c}`, 'caveat'));
    for (const s of model.skipped) root.append(el('p', `Skipped: ${s}`, 'caveat'));
    const m = matrix();
    const c = claims();
    root.append(m.box, bars(), confusion(), c.box, articles());
    const scores = [...m.box.querySelectorAll('td.cell:not(.below)')].map((td) => td.textContent);
    post({ type: 'rendered', measure, cells: m.cells, scores, annotators: model.annotators, labels: model.bars.map((b) => b.label), rows: model.articles.length, claims: c.drawn });
  }

  window.addEventListener('message', (ev) => {
    const m = ev.data;
    if (m && m.type === 'model') { model = m.model; draw(); }
    if (m && m.type === 'measure') { measure = m.measure; draw(); }
  });
  const saved = document.getElementById('sift-data');
  if (saved) { document.body.classList.add('static'); model = JSON.parse(saved.textContent); draw(); } else post({ type: 'ready' });
})();
