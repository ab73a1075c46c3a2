// The editor's workbench (review/item.html): each segment is an editable cell beside its French. Inline markup is
// shown as protected tags (atomic chips: moved by dragging, or deleted and put back from the cell's missing tags;
// never cut in half), entities as the characters they are. Each cell is saved as the editor types (debounced,
// against the text it started from: someone else's change of the same cell is a merge choice, never overwritten),
// kept in this browser until the server has it (an expired session loses nothing), and checked again on each save:
// issues and suggestions are shown only while the cell holds the exact text they were computed on, and applied only
// to that text.
'use strict';
(() => {
  const main = document.getElementById('workbench');
  if (!main) return;
  const T = document.getElementById('i18n').dataset;
  const fmt = (s, ...a) => (s || '').replace(/\{(\d+)\}/g, (m, i) => (a[i] ?? ''));
  const id = main.dataset.id;
  const lang = main.dataset.lang;
  const editable = main.dataset.editable === 'true';
  const SAVE_AFTER = 900;     // ms without typing before a cell is saved (and checked)
  // per user and item: on a shared computer, what one editor's browser kept is not restored under another's name
  const STASH = 'relais-workbench-' + encodeURIComponent(main.dataset.user) + '-' + id;
  // learnedAt: when a cell was last saved here (what it taught may be offered in the other cells: their suggestions
  // are asked for again when they get the focus)
  const page = { version: +main.dataset.version, seq: +main.dataset.seq, state: main.dataset.state, lost: false,
    learnedAt: 0 };
  class SessionLost extends Error {}

  // ---------------------------------------------------------------- server calls
  async function api(path, method, body) {
    const headers = { Accept: 'application/json' };
    headers[main.dataset.csrfHeader] = main.dataset.csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch('/api/review/items/' + id + path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (r.status === 401 || (r.redirected && new URL(r.url).pathname.startsWith('/login'))) {
      sessionLost();
      throw new SessionLost();
    }
    const type = r.headers.get('content-type') || '';
    const json = type.includes('json') ? await r.json() : null;
    if (r.status === 403 && json && json.refused === 'csrf') {
      // this page's token belongs to a session that is gone (signed in again in another tab, or as someone else):
      // as an expired session, the text stays in this browser until its editor signs in again here
      sessionLost();
      throw new SessionLost();
    }
    return { ok: r.ok, status: r.status, json };
  }

  function sessionLost() {
    if (page.lost) return;
    page.lost = true;
    status(T.unsaved);
    // shown without taking the focus: whoever is typing goes on typing (into this browser's copy) and signs in
    // again when ready
    document.getElementById('expired').hidden = false;
  }

  // ---------------------------------------------------------------- what this browser keeps until the server has it
  const stashed = () => { try { return JSON.parse(localStorage.getItem(STASH) || '{}'); } catch (e) { return {}; } };
  function stash(key, base, text) {
    const all = stashed();
    all[key] = { base, text, at: Date.now() };
    try { localStorage.setItem(STASH, JSON.stringify(all)); } catch (e) { /* full: the server copy is the one kept */ }
  }
  function unstash(key, text) {
    const all = stashed();
    if (all[key] && (text === undefined || all[key].text === text)) {
      delete all[key];
      if (Object.keys(all).length) localStorage.setItem(STASH, JSON.stringify(all)); else localStorage.removeItem(STASH);
    }
  }

  // ---------------------------------------------------------------- HTML of a block <-> tokens
  const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'figure',
    'figcaption', 'table', 'pre', 'dl', 'section', 'article', 'aside', 'header', 'footer']);
  const VOID = new Set(['br', 'img', 'hr', 'wbr']);
  const decoder = document.createElement('textarea');
  function decode(entity) { decoder.innerHTML = entity; return decoder.value; }
  // as jsoup writes text in the stored HTML (xhtml escaping): the server's text and ours are the same string
  const escapeText = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&#xa0;');

  function tokenize(html) {
    const out = [];
    let text = '';
    let i = 0;
    while (i < html.length) {
      const c = html[i];
      if (c === '<') {
        let j = i + 1;
        let quote = null;
        for (; j < html.length; j++) {
          const d = html[j];
          if (quote) { if (d === quote) quote = null; } else if (d === '"' || d === "'") quote = d; else if (d === '>') break;
        }
        if (text) { out.push({ t: 'text', v: text }); text = ''; }
        const raw = html.slice(i, j + 1);
        const m = /^<\/?\s*([a-zA-Z0-9]+)/.exec(raw);
        const name = m ? m[1].toLowerCase() : '';
        out.push({ t: 'tag', raw, name, close: raw.startsWith('</'), single: VOID.has(name) || raw.endsWith('/>') });
        i = j + 1;
      } else if (c === '&') {
        const semi = html.indexOf(';', i);
        if (semi > i + 1 && semi - i <= 32) {
          const entity = html.slice(i, semi + 1);
          const value = decode(entity);
          if (value !== entity) { text += value; i = semi + 1; continue; }
        }
        text += c; i++;
      } else { text += c; i++; }
    }
    if (text) out.push({ t: 'text', v: text });
    return out;
  }

  /** The block's outer tag (its first and last tokens when they open and close it), kept out of the editing. */
  function outer(tokens) {
    if (tokens.length < 2) return null;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (first.t !== 'tag' || first.close || first.single || !BLOCK.has(first.name) || last.t !== 'tag' || !last.close
        || last.name !== first.name) return null;
    let depth = 0;
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k];
      if (tok.t !== 'tag' || tok.single || tok.name !== first.name) continue;
      depth += tok.close ? -1 : 1;
      if (depth === 0 && k !== tokens.length - 1) return null;   // closed before the end: two blocks
    }
    return { prefix: first.raw, suffix: last.raw, inner: tokens.slice(1, -1) };
  }

  // ---------------------------------------------------------------- cells
  const cells = [];
  const byKey = {};
  const highlights = window.CSS && CSS.highlights && window.Highlight ? CSS.highlights : null;

  class Cell {
    constructor(article) {
      this.el = article;
      this.key = article.dataset.key;
      this.plain = article.dataset.format === 'plain';
      this.editor = article.querySelector('.editor');
      this.side = article.querySelector('.cell-side');
      this.notice = article.querySelector('.cell-notice');
      this.server = article.dataset.text;       // the text the server has
      this.base = article.dataset.fingerprint;  // its fingerprint: what a save says it started from
      this.french = article.dataset.french;
      this.tags = [];
      this.report = null; this.reportText = null;
      this.sugg = null; this.suggText = null;
      this.actions = [];
      this.ranges = [];
      this.timer = null; this.inflight = null; this.again = false;
      this.conflict = null; this.dirty = false;
      this.render(this.server);
      if (editable) {
        this.listen();
        // what Ctrl+Enter and Ctrl+Shift+S do, for a mouse or a finger (a phone has no such keys)
        const no = article.querySelector('.cell-no');
        no.append(button(T.confirm, () => this.confirm().then(ok => { if (ok) move(this, 1, unconfirmed); }), 'confirm'),
          button(T.copySource, () => this.copySource(), 'copy-source'));
      }
    }

    render(html) {
      this.editor.replaceChildren();
      this.tags = [];
      this.prefix = ''; this.suffix = '';
      if (this.plain) { this.editor.textContent = html || ''; this.tagsAtStart = []; return; }
      let tokens = tokenize(html || '');
      const o = outer(tokens);
      if (o) { this.prefix = o.prefix; this.suffix = o.suffix; tokens = o.inner; }
      else if (!html) {
        const f = outer(tokenize(this.french || ''));
        if (f) { const name = /^<([a-zA-Z0-9]+)/.exec(f.prefix)[1]; this.prefix = '<' + name + '>'; this.suffix = '</' + name + '>'; }
      }
      for (const tok of tokens) this.editor.append(tok.t === 'text' ? document.createTextNode(tok.v) : this.chip(tok));
      this.tagsAtStart = this.tags.map((t, i) => i);
    }

    chip(tok) {
      const i = this.tags.length;
      this.tags.push(tok);
      const span = document.createElement('span');
      span.className = 'tag' + (tok.close ? ' close' : '');
      span.contentEditable = 'false';
      span.draggable = true;
      span.dataset.tag = i;
      span.textContent = (tok.close ? '/' : '') + tok.name;
      span.title = tok.raw;
      return span;
    }

    /** The cell's text as it would be stored: the HTML of the block (outer tag included), or the plain text. */
    html() {
      if (this.plain) return this.editor.textContent.replace(/\n/g, ' ');
      let inner = '';
      const walk = node => {
        for (const n of node.childNodes) {
          if (n.nodeType === Node.TEXT_NODE) inner += escapeText(n.data);
          else if (n.nodeType === Node.ELEMENT_NODE) {
            if (n.classList.contains('tag')) inner += this.tags[+n.dataset.tag].raw;
            else if (n.tagName !== 'BR') walk(n);
          }
        }
      };
      walk(this.editor);
      if (inner === '' && this.server === '') return '';
      return this.prefix + inner + this.suffix;
    }

    /** Where each character of the editor's text is in html() (for highlights and edits at the server's offsets). */
    positions() {
      const out = [];
      let at = this.prefix.length;
      const walk = node => {
        for (const n of node.childNodes) {
          if (n.nodeType === Node.TEXT_NODE) {
            const starts = [];
            const ends = [];
            for (const ch of n.data) {
              const len = this.plain ? ch.length : escapeText(ch).length;
              for (let k = 0; k < ch.length; k++) { starts.push(at); ends.push(at + len); }
              at += len;
            }
            out.push({ node: n, starts, ends });
          } else if (n.nodeType === Node.ELEMENT_NODE) {
            if (n.classList.contains('tag')) at += this.tags[+n.dataset.tag].raw.length;
            else if (n.tagName !== 'BR') walk(n);
          }
        }
      };
      walk(this.editor);
      return out;
    }

    /** The DOM range of html()'s [start, end), or null when it does not fall on characters. */
    range(start, end) {
      let from = null;
      let to = null;
      for (const p of this.positions()) {
        for (let k = 0; k < p.starts.length; k++) {
          if (!from && p.starts[k] === start) from = [p.node, k];
          if (p.ends[k] === end && (k + 1 === p.ends.length || p.ends[k + 1] !== end)) to = [p.node, k + 1];
        }
        if (!from && start === end && p.starts.length && p.ends[p.ends.length - 1] === start) from = [p.node, p.starts.length];
      }
      if (!from || (!to && start !== end)) return null;
      const r = document.createRange();
      r.setStart(from[0], from[1]);
      if (to) r.setEnd(to[0], to[1]); else r.collapse(true);
      return r;
    }

    /** Tags of the text the editor started from that are gone, and whether the ones left still pair. */
    tagState() {
      const present = [...this.editor.querySelectorAll('.tag')].map(s => +s.dataset.tag);
      const missing = this.tags.map((t, i) => i).filter(i => !present.includes(i));
      const stack = [];
      let broken = false;
      for (const i of present) {
        const tok = this.tags[i];
        if (tok.single) continue;
        if (!tok.close) stack.push(tok.name);
        else if (stack.length && stack[stack.length - 1] === tok.name) stack.pop();
        else broken = true;
      }
      return { missing, broken: broken || stack.length > 0 };
    }

    listen() {
      const ed = this.editor;
      ed.addEventListener('beforeinput', e => {
        const t = e.inputType;
        if (t.startsWith('format') || t === 'insertParagraph' || t === 'insertLineBreak' || t === 'insertFromDrop'
            || t === 'historyRedo' && false) e.preventDefault();
      });
      ed.addEventListener('input', e => {
        this.changed();
        if (e.inputType === 'insertText') offerCompletion(this); else hideCompletion();
      });
      // predictive typing's list (below) belongs to the cell being typed in
      ed.setAttribute('aria-autocomplete', 'list');
      ed.setAttribute('aria-controls', 'completion');
      ed.addEventListener('blur', () => hideCompletion());
      ed.addEventListener('mousedown', () => hideCompletion());
      ed.addEventListener('paste', e => {
        e.preventDefault();
        const text = (e.clipboardData.getData('text/plain') || '').replace(/\s*\n\s*/g, ' ');
        document.execCommand('insertText', false, text);
      });
      ed.addEventListener('focus', () => { current(this); this.wantSuggestions(); });
      ed.addEventListener('keydown', e => keys(e, this));
      let dragged = null;
      ed.addEventListener('dragstart', e => {
        dragged = e.target.closest && e.target.closest('.tag');
        if (!dragged) { e.preventDefault(); return; }
        e.dataTransfer.setData('text/plain', '');
        e.dataTransfer.effectAllowed = 'move';
      });
      ed.addEventListener('dragover', e => { if (dragged) e.preventDefault(); });
      ed.addEventListener('drop', e => {
        e.preventDefault();
        const at = document.caretRangeFromPoint ? document.caretRangeFromPoint(e.clientX, e.clientY) : null;
        if (dragged && at && ed.contains(at.startContainer) && !dragged.contains(at.startContainer)) {
          at.insertNode(dragged);
          ed.normalize();
          this.changed();
        }
        dragged = null;
      });
    }

    /** The editor typed: keep the text here, mark what was computed on the text before as stale, save soon. */
    changed() {
      const html = this.html();
      this.dirty = html !== this.server;
      if (this.dirty) stash(this.key, this.base, html); else unstash(this.key);
      this.stale();
      this.showTags();
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.save(), SAVE_AFTER);
      updateStatus();
      if (this.key === 'title') document.getElementById('item-title').textContent = this.editor.textContent || '—';
    }

    showTags() {
      if (this.plain || this.conflict) return;
      const { missing, broken } = this.tagState();
      this.notice.replaceChildren();
      if (!missing.length && !broken) { this.notice.hidden = true; return; }
      this.notice.hidden = false;
      if (broken) {
        const p = document.createElement('p');
        p.className = 'bad';
        p.textContent = fmt(T.tagsBroken, missing.map(i => (this.tags[i].close ? '/' : '') + this.tags[i].name).join(' '));
        this.notice.append(p);
      }
      if (missing.length) {
        this.notice.append(T.missingTags + ' ');
        for (const i of missing) {
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'put-tag';
          b.textContent = (this.tags[i].close ? '/' : '') + this.tags[i].name;
          b.title = this.tags[i].raw;
          b.addEventListener('mousedown', e => e.preventDefault());   // keep the caret in the cell
          b.addEventListener('click', () => this.putTag(i));
          this.notice.append(b);
        }
      }
    }

    /** Puts a missing tag back at the caret (or at the end). */
    putTag(i) {
      if (i === undefined) i = this.tagState().missing[0];
      if (i === undefined) return;
      const chip = document.createElement('span');
      const tok = this.tags[i];
      chip.className = 'tag' + (tok.close ? ' close' : '');
      chip.contentEditable = 'false';
      chip.draggable = true;
      chip.dataset.tag = i;
      chip.textContent = (tok.close ? '/' : '') + tok.name;
      chip.title = tok.raw;
      const sel = getSelection();
      if (sel.rangeCount && this.editor.contains(sel.getRangeAt(0).startContainer)) {
        const r = sel.getRangeAt(0);
        r.collapse(false);
        r.insertNode(chip);
        r.setStartAfter(chip);
        r.collapse(true);
        sel.removeAllRanges();
        sel.addRange(r);
      } else this.editor.append(chip);
      this.changed();
    }

    /** Saves the cell now if it changed; resolves when the server has answered. */
    save() {
      clearTimeout(this.timer);
      if (!editable || page.lost) return Promise.resolve();
      if (this.inflight) { this.again = true; return this.inflight; }
      const sent = this.html();
      if (sent === this.server) { this.dirty = false; unstash(this.key); updateStatus(); return Promise.resolve(); }
      if (this.conflict) return Promise.resolve();
      if (!this.plain && this.tagState().broken) { updateStatus(); return Promise.resolve(); }
      status(T.saving);
      this.inflight = api('/cells/' + encodeURIComponent(this.key), 'PUT', { base: this.base, text: sent, seq: page.seq })
        .then(r => {
          this.retrying = false;
          if (r.ok) {
            const s = r.json;
            const othersSaved = s.cells && s.seq !== page.seq + 1;
            page.seq = s.seq; page.version = s.version; stateChanged(s.state);
            page.learnedAt = Date.now();
            this.server = s.cell.text;
            this.base = s.cell.fingerprint;
            if (this.html() === sent && s.cell.text !== sent) this.replaceKeepingCaret(s.cell.text);
            this.dirty = this.html() !== this.server;
            if (!this.dirty) unstash(this.key);
            this.setState(s.cell.state);
            this.showReport(s.report, s.cell.text);
            this.showSuggestions(s.suggestions, s.cell.text);
            if (othersSaved) sync(s.cells, this);
            // stored; its checks were not ready in time (LanguageTool loading, a busy server): asked for on their own
            if (s.checking && this.html() === s.cell.text) { this.stale(); recheck(this); }
          } else if (r.status === 409 && r.json && r.json.conflict === 'cell') {
            this.showConflict(r.json);
          } else if (r.status >= 500) {
            // the server (or a proxy before it) could not take it now: said, and tried again, as for no answer
            this.retry();
          } else {
            this.notice.hidden = false;
            this.notice.textContent = (r.json && (r.json.message || r.json.detail)) || r.status;
            if (r.json && r.json.state) stateChanged(r.json.state);
          }
        })
        .catch(e => { if (!(e instanceof SessionLost)) this.retry(); })
        .finally(() => {
          this.inflight = null;
          if (this.again) { this.again = false; this.save(); }
          updateStatus();
        });
      return this.inflight;
    }

    /** No answer, or not now: the page says so and tries again in a moment (the text is kept here meanwhile). */
    retry() {
      this.retrying = true;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.save(), 5000);
    }

    replaceKeepingCaret(html) {
      const focused = document.activeElement === this.editor;
      const offset = focused ? caretOffset(this.editor) : 0;
      this.render(html);
      if (focused) setCaret(this.editor, offset);
    }

    setState(state) {
      this.el.dataset.state = state;
      this.el.querySelector('.state').textContent = T['state' + state.charAt(0).toUpperCase() + state.slice(1)] || state;
      updateProgress();
    }

    stale() {
      if (this.report || this.sugg) this.side.classList.add('stale');
      this.ranges = [];
      paint();
      for (const b of this.side.querySelectorAll('button.act')) b.disabled = true;
    }

    fresh(text) { return this.html() === text; }

    // ------------------------------------------------ checks and suggestions beside the cell
    showReport(report, text) {
      if (!report) return;
      this.report = report; this.reportText = text;
      this.drawSide();
    }

    showSuggestions(sugg, text, at) {
      if (!sugg) return;
      this.sugg = sugg; this.suggText = text; this.suggAt = at || Date.now();
      this.drawSide();
    }

    wantSuggestions() {
      const text = this.html();
      if (!editable || (this.sugg && this.suggText === text && this.suggAt >= page.learnedAt) || this.asking === text) return;
      this.asking = text;
      const asked = Date.now();
      api('/cells/' + encodeURIComponent(this.key) + '/suggestions', 'POST', { text })
        .then(r => { if (r.ok) this.showSuggestions(r.json, text, asked); })
        .catch(() => {})
        .finally(() => { this.asking = null; });
    }

    drawSide() {
      const side = this.side;
      side.replaceChildren();
      side.classList.remove('stale');
      this.actions = [];
      this.ranges = [];
      const text = this.html();
      const reportFresh = this.report && this.reportText === text;
      const suggFresh = this.sugg && this.suggText === text;
      if (this.report && !reportFresh) side.append(para(T.stale, 'muted'));
      let doubtful = false;
      if (reportFresh) {
        const r = this.report;
        if (r.estimate && r.estimate.attention && r.estimate.reasons.length) {
          doubtful = true;
          side.append(para(T.reasons + ': ' + r.estimate.reasons.map(x => x.message).join('; '), 'reasons'));
        }
        const open = r.issues.filter(i => !i.dismissed && i.kind !== 'CORRECTED');
        const corrected = r.issues.filter(i => i.kind === 'CORRECTED');
        const dismissed = r.issues.filter(i => i.dismissed);
        if (open.length) doubtful = true;
        const ul = document.createElement('ul');
        ul.className = 'issues';
        for (const issue of open.concat(corrected)) ul.append(this.issueItem(issue, text));
        if (ul.childNodes.length) side.append(ul);
        else if (!doubtful) side.append(para(T.noIssue, 'muted ok'));
        if (dismissed.length) {
          const d = document.createElement('details');
          const s = document.createElement('summary');
          s.textContent = fmt(T.dismissed, dismissed.length);
          d.append(s);
          for (const issue of dismissed) {
            const p = para(issue.flagged + ': ' + issue.message + ' — ' + issue.dismissed.username + ': ' + issue.dismissed.reason, 'muted');
            const undo = button('↺', () => api('/dismissals/' + issue.dismissed.id, 'DELETE').then(() => recheck(this)));
            p.append(' ', undo);
            d.append(p);
          }
          side.append(d);
        }
      }
      this.el.classList.toggle('doubtful', doubtful);
      if (suggFresh) this.drawSuggestions(text);
      else if (this.sugg) side.append(para(T.suggStale, 'muted'));
      paint();
      updateProgress();
    }

    issueItem(issue, text) {
      const li = document.createElement('li');
      li.className = 'issue ' + issue.kind + (issue.blocking ? ' blocking' : '') + (issue.kind === 'CORRECTED' ? ' corrected' : '');
      li.dataset.checker = issue.checker;
      li.dataset.start = issue.start;
      li.dataset.end = issue.end;
      const msg = document.createElement('span');
      msg.textContent = (issue.flagged && issue.kind !== 'CORRECTED' ? '«' + issue.flagged + '» ' : '') + issue.message;
      if (issue.messageLang) msg.lang = issue.messageLang;
      li.append(msg);
      if (issue.start >= 0 && issue.end > issue.start) {
        const r = this.range(issue.start, issue.end);
        if (r) this.ranges.push({ range: r, kind: issue.kind });
      }
      if (issue.start >= 0 && !issue.crossesMarkup) {
        issue.suggestions.slice(0, 3).forEach((s, n) => {
          const label = issue.kind === 'CORRECTED' ? T.undoCorrection + ': ' + s : '→ ' + s;
          li.append(' ', this.action(label, () => this.apply({ start: issue.start, end: issue.end, replacement: s }, text),
            issue.kind !== 'CORRECTED' && n === 0,
            { kind: 'check', start: issue.start, end: issue.end, replacement: s, text }));
        });
      }
      if (issue.kind !== 'CORRECTED' && editable) {
        // the reason asked for in place (Enter sends it, Escape goes back to the segment)
        li.append(' ', button(T.dismiss, () => {
          const open = li.querySelector('.dismiss-form input');
          if (open) { open.focus(); return; }
          const form = document.createElement('span');
          form.className = 'dismiss-form';
          const input = document.createElement('input');
          input.type = 'text';
          input.className = 'dismiss-reason';
          input.placeholder = T.dismissReason;
          input.setAttribute('aria-label', T.dismissReason);
          const send = () => {
            const why = input.value.trim();
            if (!why) { input.focus(); return; }
            api('/cells/' + encodeURIComponent(this.key) + '/dismissals', 'POST',
              { checker: issue.key.checker, ruleId: issue.key.ruleId, flagged: issue.key.flagged, reason: why })
              .then(r => { if (r.ok) { recheck(this); this.editor.focus(); } else status((r.json && (r.json.message || r.json.detail)) || r.status); })
              .catch(() => {});
          };
          input.addEventListener('keydown', e => {
            if (e.key === 'Enter') { e.preventDefault(); send(); }
            if (e.key === 'Escape') { e.preventDefault(); form.remove(); this.editor.focus(); }
          });
          form.append(input, ' ', button(T.dismissDo, send, 'dismiss-do'));
          li.append(form);
          input.focus();
        }, 'dismiss'));
        if (issue.kind === 'SPELLING' && issue.flagged && /^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(issue.flagged)) {
          li.append(' ', button(fmt(T.addWord, issue.flagged, lang), () =>
            api('/dictionary', 'POST', { word: issue.flagged }).then(() => recheck(this)), 'add-word'));
        }
      }
      return li;
    }

    drawSuggestions(text) {
      const s = this.sugg;
      const side = this.side;
      // each kind of suggestion: a heading and a list, one item drawn by fill(li, suggestion)
      const list = (title, items, className, fill) => {
        if (!items.length) return;
        side.append(heading(title));
        const ul = document.createElement('ul');
        for (const item of items) {
          const li = document.createElement('li');
          li.className = className;
          fill(li, item);
          ul.append(li);
        }
        side.append(ul);
      };
      const muted = words => {
        const small = document.createElement('small');
        small.className = 'muted';
        small.textContent = words;
        return small;
      };
      list(T.fixes, s.fixes, 'fix', (li, f) => li.append(f.flagged + ' → ' + f.replacement + ' ',
        muted('(' + f.fix.editor + ', ' + new Date(f.fix.at).toLocaleDateString() + ')'), ' ',
        this.action(T.apply, () => this.apply(f.edit, text), true,
          { kind: 'propagation', start: f.edit.start, end: f.edit.end, replacement: f.edit.replacement, text })));
      list(T.memory, s.memory, 'memory', (li, m) => {
        const score = document.createElement('span');
        score.className = 'score';
        score.textContent = m.score + '%';
        const said = document.createElement('span');
        said.lang = lang;
        said.textContent = ' ' + plainOf(m.replacement) + ' ';
        li.append(score, said, muted(m.origin === 'EDITOR' ? T.byEditor : T.byMachine), ' ',
          this.action(T.apply, () => this.apply(m.edit, text, true), true,
            { kind: 'memory', start: 0, end: text.length, replacement: m.replacement, whole: true, text }));
      });
      list(T.terms, s.terms, 'term', (li, term) => {
        li.append(term.sourceTerm + ' → ' + term.rendering + ' ');
        if (term.inTarget) li.append(para(T.inTarget, 'muted ok'));
        else li.append(this.action(T.insert, () => this.insert(term.rendering, text), true,
          { kind: 'glossary', replacement: term.rendering, insert: true, text }));
      });
    }

    /**
     * A button applying something computed on this cell's text; numbered for Ctrl+Shift+1..9 when {@code keyed}
     * ({@code what} says what it does: kind, span and replacement, for whoever reads the page's state).
     */
    action(label, run, keyed, what) {
      const b = button(label, () => run(), 'act');
      if (keyed && this.actions.length < 9) {
        this.actions.push(Object.assign({ run }, what || {}));
        const k = document.createElement('kbd');
        k.textContent = this.actions.length;
        b.prepend(k, ' ');
      }
      return b;
    }

    /**
     * Applies an edit computed on {@code text}: only while the cell still holds exactly that text (a suggestion
     * made on an earlier text is never written at its old offsets: the cell is checked again instead).
     */
    apply(edit, text, whole) {
      if (this.html() !== text) { this.stale(); this.save().then(() => recheck(this)); return false; }
      const all = whole || (edit.start === 0 && edit.end === text.length);
      const replacement = all ? edit.replacement : (this.plain ? edit.replacement : escapeText(edit.replacement));
      const expected = text.slice(0, edit.start) + replacement + text.slice(edit.end);
      if (!all) {
        const r = this.range(edit.start, edit.end);
        if (r) {
          this.editor.focus();
          const sel = getSelection();
          sel.removeAllRanges();
          sel.addRange(r);
          document.execCommand('insertText', false, edit.replacement);   // the browser's undo knows it
        }
      }
      if (this.html() !== expected) { this.render(expected); this.editor.focus(); setCaret(this.editor, Infinity); }
      this.changed();
      clearTimeout(this.timer);
      this.save();
      return true;
    }

    insert(words, text) {
      if (this.html() !== text) { this.stale(); return; }
      this.editor.focus();
      const sel = getSelection();
      if (!sel.rangeCount || !this.editor.contains(sel.getRangeAt(0).startContainer)) setCaret(this.editor, Infinity);
      document.execCommand('insertText', false, words);
    }

    copySource() {
      this.render(this.plain ? this.french : (this.french || ''));
      this.editor.focus();
      setCaret(this.editor, Infinity);
      this.changed();
    }

    async confirm() {
      await this.save();
      if (this.conflict || this.dirty) return false;
      const r = await api('/cells/' + encodeURIComponent(this.key) + '/confirm', 'POST', { fingerprint: this.base });
      if (r.ok) { this.setState(r.json.cell.state); return true; }
      if (r.status === 409) recheck(this);
      return false;
    }

    showConflict(p) {
      this.conflict = p;
      const box = this.notice;
      box.hidden = false;
      box.replaceChildren();
      const div = document.createElement('div');
      div.className = 'conflict';
      div.setAttribute('role', 'alert');
      div.append(para(fmt(T.conflict, p.by || T.someone)));
      const texts = document.createElement('div');
      texts.className = 'texts';
      const theirs = document.createElement('div');
      theirs.className = 'theirs';
      theirs.lang = lang;
      theirs.append(heading(T.theirs), plainOf(p.theirs));
      const yours = document.createElement('div');
      yours.className = 'yours';
      yours.lang = lang;
      yours.append(heading(T.yours), plainOf(p.yours));
      texts.append(theirs, yours);
      div.append(texts);
      div.append(button(T.keepTheirs, () => {
        this.server = p.theirs; this.base = p.theirsFingerprint; this.conflict = null;
        this.render(p.theirs); this.dirty = false; unstash(this.key);
        box.hidden = true; box.replaceChildren(); recheck(this); updateStatus();
      }, 'keep-theirs'));
      div.append(button(T.keepMine, () => {
        const mine = p.yours;
        this.server = p.theirs; this.base = p.theirsFingerprint; this.conflict = null;
        if (this.html() !== mine) this.render(mine);
        box.hidden = true; box.replaceChildren();
        this.changed(); this.save();
      }, 'keep-mine'));
      div.append(para(T.conflictKept, 'muted'));
      box.append(div);
      updateStatus();
    }
  }

  // ---------------------------------------------------------------- helpers
  function para(text, cls) { const p = document.createElement('p'); p.textContent = text; if (cls) p.className = cls; p.style.margin = '.15rem 0'; return p; }
  function heading(text) { const h = document.createElement('h3'); h.textContent = text; return h; }
  function button(label, run, cls) {
    const b = document.createElement('button');
    b.type = 'button';
    if (cls) b.className = cls;
    b.append(label);
    b.addEventListener('mousedown', e => e.preventDefault());
    b.addEventListener('click', run);
    return b;
  }
  // parsed into an inert document: an element of this page given the HTML would fetch what it names (an <img>)
  function plainOf(html) { return new DOMParser().parseFromString(html || '', 'text/html').body.textContent; }
  function caretOffset(el) {
    const sel = getSelection();
    if (!sel.rangeCount) return 0;
    const r = sel.getRangeAt(0).cloneRange();
    r.selectNodeContents(el);
    r.setEnd(sel.getRangeAt(0).endContainer, sel.getRangeAt(0).endOffset);
    return r.toString().length;
  }
  function setCaret(el, offset) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let left = offset;
    let node = walker.nextNode();
    let last = null;
    while (node) {
      if (!node.parentElement.closest('.tag')) {
        last = node;
        if (left <= node.data.length) break;
        left -= node.data.length;
      }
      node = walker.nextNode();
    }
    const r = document.createRange();
    if (node) r.setStart(node, Math.max(0, left));
    else if (last) r.setStart(last, last.data.length);
    else r.selectNodeContents(el);
    r.collapse(!node && !last ? false : true);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
  }
  function paint() {
    if (!highlights) return;
    const kinds = { BLOCKING: 'wb-error', SPELLING: 'wb-spelling', GRAMMAR: 'wb-grammar', STYLE: 'wb-style', WARNING: 'wb-grammar', CORRECTED: 'wb-corrected' };
    const sets = {};
    for (const name of new Set(Object.values(kinds))) sets[name] = [];
    for (const c of cells) for (const r of c.ranges) sets[kinds[r.kind] || 'wb-style'].push(r.range);
    for (const [name, ranges] of Object.entries(sets)) highlights.set(name, new Highlight(...ranges));
  }
  function recheck(cell) {
    const text = cell.html();
    return api('/cells/' + encodeURIComponent(cell.key) + '/check', 'POST', { text })
      .then(r => { if (r.ok) { cell.showReport(r.json, text); cell.sugg = null; cell.wantSuggestions(); } })
      .catch(() => {});
  }
  function status(text) { document.getElementById('save-status').textContent = text; }
  function updateStatus() {
    if (page.lost) { status(T.unsaved); return; }
    if (cells.some(c => c.inflight)) { status(T.saving); return; }
    if (cells.some(c => c.retrying && c.dirty)) { status(T.offline); return; }
    if (cells.some(c => c.conflict)) { status(T.unsaved); return; }
    if (cells.some(c => c.dirty)) {
      const broken = cells.find(c => c.dirty && !c.plain && c.tagState().broken);
      status(broken ? fmt(T.tagsBroken, '') : T.unsaved);
      return;
    }
    status(page.seq > 0 || cells.some(c => c.touched) ? T.saved : '');
  }
  function updateProgress() {
    const shown = cells.filter(c => c.french || c.server);
    const confirmed = shown.filter(c => c.el.dataset.state === 'confirmed').length;
    const doubtful = shown.filter(c => c.el.classList.contains('doubtful')).length;
    document.getElementById('progress').textContent = fmt(T.progress, confirmed, shown.length, doubtful);
    filter();
  }
  function stateChanged(state) {
    if (state && state !== page.state) {
      page.state = state;
      const badge = document.getElementById('state');
      badge.textContent = T['st' + state.charAt(0) + state.slice(1).toLowerCase()] || state;
      const note = document.getElementById('save-status');
      note.textContent = T.approvedMeanwhile;
    }
  }
  /** Someone else saved: cells nobody is editing here take their text; one edited here will meet it at its save. */
  function sync(list, except) {
    for (const data of list) {
      const c = byKey[data.key];
      if (!c) continue;
      if (c === except || c.dirty || c.conflict || c.server === data.text) continue;
      c.server = data.text; c.base = data.fingerprint;
      c.render(data.text);
      c.setState(data.state);
      c.report = null; c.sugg = null; c.drawSide();
      c.notice.hidden = false;
      c.notice.textContent = fmt(T.changedBy, data.editedBy || T.someone);
    }
  }
  let currentCell = null;
  function current(cell) {
    if (currentCell) currentCell.el.classList.remove('current');
    currentCell = cell;
    cell.el.classList.add('current');
  }
  function visible() { return cells.filter(c => !c.el.classList.contains('hidden')); }
  function move(from, step, test) {
    const list = visible();
    let i = list.indexOf(from);
    for (let n = 0; n < list.length; n++) {
      i += step;
      if (i < 0 || i >= list.length) return;
      if (!test || test(list[i])) { focusCell(list[i]); return; }
    }
  }
  function focusCell(c) {
    c.editor.focus();
    setCaret(c.editor, Infinity);
    c.el.scrollIntoView({ block: 'nearest' });
  }
  const doubtful = c => c.el.classList.contains('doubtful');
  const unconfirmed = c => c.el.dataset.state !== 'confirmed' && (c.french || c.server);

  function keys(e, cell) {
    const listed = !hint.hidden && completion.cell === cell && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey;
    if (listed && (e.key === 'Tab' || e.key === 'Enter')) {
      if (acceptCompletion(cell)) { e.preventDefault(); return; }
    }
    if (listed && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      chooseCompletion(e.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (e.key === 'Escape' && !hint.hidden) { e.preventDefault(); hideCompletion(); return; }
    if (e.key === 'Escape') { cell.editor.blur(); return; }
    if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') hideCompletion();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      cell.confirm().then(ok => { if (ok) move(cell, 1, unconfirmed); });
      return;
    }
    if (e.key === 'Enter') { e.preventDefault(); return; }
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      move(cell, e.key === 'ArrowDown' ? 1 : -1, e.shiftKey ? doubtful : null);
      return;
    }
    if (e.ctrlKey && e.shiftKey && e.code === 'KeyS') { e.preventDefault(); cell.copySource(); return; }
    if (e.altKey && !e.ctrlKey && e.code === 'KeyT') { e.preventDefault(); cell.putTag(); return; }
    if (e.ctrlKey && e.shiftKey && /^Digit[1-9]$/.test(e.code)) {
      e.preventDefault();
      const action = cell.actions[+e.code.slice(5) - 1];
      if (action && !cell.side.classList.contains('stale')) action.run();
      return;
    }
  }

  // ---------------------------------------------------------------- predictive typing
  // After two letters of a word typed at its end, the words the editor most likely means (the language's words by
  // frequency under the article's own: its machine text, the French names and numbers, the editors' fixes and
  // segments, the glossary) are listed under the caret, at most three: Tab or Enter writes the rest of the chosen one
  // (the first, or the one ↓ / ↑ moved to; a tap takes it), Esc hides the list. The cell saves as for typing.
  const SHOWN = 3;
  const hint = document.createElement('ul');
  hint.id = 'completion'; hint.className = 'completion'; hint.hidden = true;
  hint.setAttribute('role', 'listbox');
  hint.setAttribute('aria-label', T.complete || '');
  hint.addEventListener('mousedown', e => e.preventDefault());   // keep the caret in the cell
  hint.addEventListener('click', e => {
    const li = e.target.closest('li');
    if (li && completion.cell) { completion.chosen = +li.dataset.i; acceptCompletion(completion.cell); }
  });
  document.body.append(hint);
  window.addEventListener('scroll', () => hideCompletion(), { passive: true });
  // prefix: what was asked; answered: the prefix the shown answer belongs to; words: shown; chosen: the one Tab takes
  const completion = { cell: null, prefix: '', answered: null, words: [], chosen: 0, skip: false };
  const WORD_END = /[\p{L}\p{M}\p{N}]+$/u;
  const WORD_START = /^[\p{L}\p{M}\p{N}]/u;
  /** The word the caret ends (in a text node of the cell, nothing selected, not inside a word), or null. */
  function wordBeforeCaret(cell) {
    const sel = getSelection();
    if (!sel.rangeCount || !sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    const node = r.startContainer;
    if (node.nodeType !== Node.TEXT_NODE || !cell.editor.contains(node) || node.parentElement.closest('.tag')) return null;
    if (WORD_START.test(node.data.slice(r.startOffset))) return null;
    const m = WORD_END.exec(node.data.slice(0, r.startOffset));
    return m ? { prefix: m[0], range: r } : null;
  }
  function hideCompletion() {
    hint.hidden = true;
    completion.words = [];
    if (completion.cell) completion.cell.editor.removeAttribute('aria-activedescendant');
  }
  function drawCompletion() {
    hint.replaceChildren(...completion.words.map((w, i) => {
      const li = document.createElement('li');
      li.dataset.i = i;
      li.id = 'completion-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', i === completion.chosen ? 'true' : 'false');
      li.append(w);
      if (i === completion.chosen) li.append(Object.assign(document.createElement('kbd'), { textContent: 'Tab' }));
      return li;
    }));
    // a screen reader hears the chosen word while the focus stays in the cell
    if (completion.cell) completion.cell.editor.setAttribute('aria-activedescendant', 'completion-' + completion.chosen);
  }
  async function offerCompletion(cell) {
    if (completion.skip) { completion.skip = false; return; }
    const at = wordBeforeCaret(cell);
    hideCompletion();
    completion.cell = cell;
    if (!at || at.prefix.length < 2 || at.prefix.length > 40) { completion.prefix = ''; completion.answered = null; return; }
    const prefix = at.prefix;
    completion.prefix = prefix; completion.answered = null;
    let r;
    try {
      r = await api('/cells/' + encodeURIComponent(cell.key) + '/completions?prefix=' + encodeURIComponent(prefix), 'GET');
    } catch (e) { return; }
    const now = wordBeforeCaret(cell);
    if (completion.cell !== cell || completion.prefix !== prefix || !now || now.prefix !== prefix
        || document.activeElement !== cell.editor) return;
    completion.answered = prefix;
    completion.words = r.ok && r.json && r.json.words ? r.json.words.slice(0, SHOWN) : [];
    completion.chosen = 0;
    if (!completion.words.length) return;
    drawCompletion();
    hint.hidden = false;
    const rect = now.range.getClientRects()[0] || cell.editor.getBoundingClientRect();
    const left = Math.max(4, Math.min(rect.left, document.documentElement.clientWidth - hint.offsetWidth - 4));
    hint.style.left = left + 'px';
    // under the caret, or above it when the window has no room left below
    const below = rect.bottom + 4 + hint.offsetHeight <= window.innerHeight;
    hint.style.top = (below ? rect.bottom + 4 : Math.max(4, rect.top - 4 - hint.offsetHeight)) + 'px';
  }
  /** ↓ / ↑ while the list is shown: another word to take. */
  function chooseCompletion(step) {
    completion.chosen = (completion.chosen + step + completion.words.length) % completion.words.length;
    drawCompletion();
  }
  /** Writes the rest of the chosen word at the caret (one edit: the cell saves and checks as for typing). */
  function acceptCompletion(cell) {
    const now = wordBeforeCaret(cell);
    const word = completion.words[completion.chosen];
    hideCompletion();
    if (!word || !now || now.prefix !== completion.prefix) return false;
    completion.skip = true;   // the inserted rest is not the start of another word to offer
    if (word.startsWith(now.prefix)) document.execCommand('insertText', false, word.slice(now.prefix.length));
    else {
      // another letter case than typed (a name's capital, a word in capitals): the whole word over the prefix
      const r = now.range.cloneRange();
      r.setStart(r.startContainer, r.startOffset - now.prefix.length);
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(r);
      document.execCommand('insertText', false, word);
    }
    completion.skip = false;
    completion.prefix = ''; completion.answered = null;
    return true;
  }

  function filter() {
    const only = document.getElementById('doubtful-only');
    for (const c of cells) c.el.classList.toggle('hidden', !!(only && only.checked) && !doubtful(c));
  }

  /** Every cell saved (what storing the text needs first). */
  async function flush() {
    await Promise.all(cells.map(c => c.save()));
    await Promise.all(cells.map(c => c.inflight || Promise.resolve()));
    if (raw.active) await raw.save();
  }

  // ---------------------------------------------------------------- the raw HTML view (advanced)
  const raw = {
    active: false, base: main.dataset.bodyFingerprint, timer: null, area: document.getElementById('raw-body'),
    save() {
      clearTimeout(this.timer);
      const text = this.area.value;
      return api('/cells/body', 'PUT', { base: this.base, text, seq: page.seq }).then(r => {
        if (r.ok) { page.seq = r.json.seq; page.version = r.json.version; this.base = r.json.bodyFingerprint || this.base; status(T.saved); }
        else { status((r.json && (r.json.message || r.json.detail)) || r.status); }
      }).catch(() => {});
    }
  };
  const rawToggle = document.getElementById('raw-toggle');
  if (rawToggle) {
    rawToggle.addEventListener('change', async () => {
      if (rawToggle.checked) {
        await flush();
        const r = await api('/cells', 'GET');
        raw.area.value = r.json.body;
        raw.base = r.json.bodyFingerprint;
        raw.active = true;
        document.getElementById('raw').hidden = false;
        document.getElementById('cells').hidden = true;
      } else {
        await raw.save();
        location.reload();
      }
    });
    raw.area.addEventListener('input', () => {
      status(T.unsaved);
      clearTimeout(raw.timer);
      raw.timer = setTimeout(() => raw.save(), SAVE_AFTER);
    });
  }

  // ---------------------------------------------------------------- start
  for (const article of document.querySelectorAll('#cells .cell')) {
    const c = new Cell(article);
    cells.push(c);
    byKey[c.key] = c;
  }
  document.getElementById('doubtful-only').addEventListener('change', filter);

  // what this browser kept and the server does not have (a session that expired, a tab closed mid-save)
  let restored = 0;
  const kept = stashed();
  for (const [key, entry] of Object.entries(kept)) {
    const c = byKey[key];
    if (!c || !editable) continue;
    if (entry.text === c.server) { unstash(key); continue; }
    c.render(entry.text);
    c.dirty = true;
    restored++;
    // saved against the text it was started from: if someone changed the segment meanwhile, the server keeps this
    // text in the history and answers with both texts to choose from (a choice made here alone would lose it)
    c.base = entry.base;
    c.save();
  }
  if (restored) {
    const note = document.createElement('div');
    note.className = 'message';
    note.id = 'restored';
    note.setAttribute('role', 'status');
    note.textContent = fmt(T.restored, restored);
    document.getElementById('item-title').after(note);
  }
  updateStatus();
  updateProgress();

  // the checks and suggestions of every cell as it stands (each save brings its cell's up to date afterwards)
  api('/checks', 'POST').then(r => {
    if (!r.ok) return;
    for (const c of cells) {
      const beside = r.json[c.key];
      if (!beside || beside.report.fingerprint !== c.base || c.html() !== c.server) continue;
      c.report = beside.report; c.reportText = c.server;
      c.sugg = beside.suggestions; c.suggText = c.server; c.suggAt = 0;
      c.drawSide();
    }
  }).catch(() => {});

  // forms that store the text: every cell saved first, the version and draft the editor saw named, asked first
  // where the issue says so (re-translate: the draft is replaced, kept in the history; a published correction)
  const dialog = document.getElementById('dialog');
  function ask(text, ok) {
    return new Promise(resolve => {
      document.getElementById('dialog-text').textContent = text;
      document.getElementById('dialog-ok').textContent = ok;
      dialog.returnValue = '';
      dialog.onclose = () => resolve(dialog.returnValue === 'ok');
      dialog.showModal();
      document.getElementById('dialog-ok').focus();
    });
  }
  for (const form of document.querySelectorAll('form.flush')) {
    form.addEventListener('submit', async e => {
      if (form.dataset.go) return;
      e.preventDefault();
      if (page.lost) { sessionLost(); return; }
      const action = e.submitter ? e.submitter.value : form.querySelector('[name=action]').value;
      await flush();
      if (cells.some(c => c.conflict || c.dirty)) { status(T.blocked); return; }
      if (action === 'retranslate') {
        const engine = document.getElementById('engine').value;
        if (!await ask(fmt(T.retranslateAsk, engine), T.retranslate)) return;
        hidden(form, 'confirm', 'yes');
      }
      if (action === 'store' && !await ask(T.publishAsk, T.publish)) return;
      if (form.elements.seq) form.elements.seq.value = page.seq;
      if (form.elements.version) form.elements.version.value = page.version;
      if (e.submitter && e.submitter.name === 'action') hidden(form, 'action', action);
      form.dataset.go = '1';
      form.submit();
    });
  }
  // leaving the page (a link, Back, closing the tab) with a cell not saved yet: it is sent on its way out (the
  // browser lets such a request finish), and kept here as well until the server has it
  window.addEventListener('pagehide', () => {
    if (!editable || page.lost || raw.active) return;
    for (const c of cells) {
      if (!c.dirty || c.inflight || c.conflict || (!c.plain && c.tagState().broken)) continue;
      clearTimeout(c.timer);
      const headers = { 'Content-Type': 'application/json' };
      headers[main.dataset.csrfHeader] = main.dataset.csrf;
      try {
        fetch('/api/review/items/' + id + '/cells/' + encodeURIComponent(c.key), { method: 'PUT', headers,
          credentials: 'same-origin', keepalive: true, body: JSON.stringify({ base: c.base, text: c.html(), seq: page.seq }) })
          .catch(() => {});
      } catch (e) { /* too long to be sent on the way out: this browser keeps it */ }
    }
  });

  function hidden(form, name, value) {
    let input = form.querySelector('input[type=hidden][name=' + name + ']');
    if (!input) { input = document.createElement('input'); input.type = 'hidden'; input.name = name; form.append(input); }
    input.value = value;
  }

  // keys outside the cells: a approves, e edits (the first cell, or the next doubtful one), u goes back to the queue,
  // Alt+S saves now
  document.addEventListener('keydown', e => {
    if (e.altKey && !e.ctrlKey && e.code === 'KeyS') { e.preventDefault(); flush().then(updateStatus); return; }
    if (e.target.matches('input, textarea, select, [contenteditable=true]') || e.ctrlKey || e.metaKey || e.altKey
        || page.lost || document.querySelector('dialog[open]')) return;
    if (e.key === 'a' && document.getElementById('approve')) { e.preventDefault(); document.getElementById('approve').click(); }
    else if (e.key === 'e' && editable && cells.length) { e.preventDefault(); focusCell(cells.find(doubtful) || cells[0]); }
    else if (e.key === 'u') { e.preventDefault(); document.getElementById('to-queue').click(); }
  });
  if (location.search.includes('edit') && editable && cells.length) {
    // once the page is loaded (a focus given while it is still being read may not stay)
    if (document.readyState === 'complete') focusCell(cells[0]);
    else window.addEventListener('load', () => focusCell(cells[0]));
  }

  // the concordance search in place, so that a search does not reload the page
  document.getElementById('concordance-form').addEventListener('submit', e => {
    e.preventDefault();
    const q = document.getElementById('tm').value;
    const box = () => document.getElementById('concordance');
    // only the fragment replaces the results: a refusal, an error or the sign-in page (session expired) is said in
    // words there, and the box stays for the next search
    fetch('/review/concordance?lang=' + encodeURIComponent(lang) + '&q=' + encodeURIComponent(q),
      { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(async r => {
        if (r.status === 401 || (r.redirected && new URL(r.url).pathname.startsWith('/login'))) {
          sessionLost();
          box().textContent = T.unsaved;
        } else if (!r.ok) {
          box().textContent = T.searchRefused.replace('{0}', r.status);
        } else {
          box().outerHTML = await r.text();
        }
      })
      .catch(() => { box().textContent = T.searchOffline; });
  });

  // for tests and the post-edit bench: the cells as the page holds them
  window.relaisWorkbench = { cells, flush, page, completion };
})();
