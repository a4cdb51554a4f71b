/*
 * The search page (search.html) of a tei-edition site: full text with person, place, year and
 * text facets. The index is in search/ as classic scripts (src/publish/search/search-index.ts), loaded on
 * demand with <script> elements (the small manifest and the facets' values by the page's head, at
 * once), so that the same page works from a static host and from file:// (docs/search.md). Words
 * are cut, folded and stemmed by TeiEditionSearchTerms (assets/search-terms.js), the very code the
 * index was made with.
 *
 * The results: every part (paragraph, note, heading, title) holding all the words of the query
 * (the last one also as the beginning of a word, while it is being typed), in reading order,
 * grouped by text; facets combine with the query and with each other (values of one facet: any of
 * them; different facets: all of them); each facet's counts are the results it would give.
 *
 * A query loads what it shows, in this order: its words' term shards (each result's text is in
 * the postings: the status is announced at once), then the titles and the snippets of the twenty
 * results shown, then the facet data of the texts its results are in (the facets are drawn last).
 * #search-app carries data-search-busy until all of it is drawn.
 */
(function () {
  'use strict';
  var T = window.TeiEditionSearchTerms;
  var app = document.getElementById('search-app');
  if (!app || !T) return;
  var nojs = document.getElementById('search-nojs');
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var resultsBox = document.getElementById('search-results');
  var facetsBox = document.getElementById('search-facets');
  var PAGE = 20;
  var FACET_SHOWN = 10;
  var KINDS = { title: 'Titre', head: 'Intertitre', opener: 'Formule d’appel', closer: 'Formule finale', note: 'Note', para: '§' };
  var GROUPS = [
    { key: 'person', legend: 'Personnes' },
    { key: 'place', legend: 'Lieux' },
    { key: 'year', legend: 'Années' },
    { key: 'text', legend: 'Textes' }
  ];

  /* ----- Loading the index: each file pushes [name, data] on TeiEditionSearchQueue ----- */
  var pending = {};
  var loads = {};
  var arrived = {};
  function receive(entry) {
    var p = pending[entry[0]];
    if (p) { delete pending[entry[0]]; p(entry[1]); } else arrived[entry[0]] = entry[1];
  }
  (window.TeiEditionSearchQueue || []).forEach(receive);
  window.TeiEditionSearchQueue = { push: receive };
  function load(name) {
    if (!loads[name]) {
      loads[name] = new Promise(function (resolve, reject) {
        var fail = function () { delete loads[name]; delete pending[name]; reject(new Error('search/' + name + '.js')); };
        if (name in arrived) { resolve(arrived[name]); delete arrived[name]; return; }
        pending[name] = resolve;
        // (The manifest and the facets' values are asked for in the page's head: wait for that script.)
        var early = document.querySelector('script[data-search-file="' + name + '"]');
        if (early) {
          if (early.getAttribute('data-failed')) fail(); else early.addEventListener('error', fail);
          return;
        }
        var script = document.createElement('script');
        script.src = 'search/' + name + '.js';
        script.onerror = fail;
        script.onload = function () { script.remove(); };
        document.head.appendChild(script);
      });
    }
    return loads[name];
  }
  function loadAll(names) { return Promise.all(names.map(load)); }

  /* ----- What is known so far: the manifest, the facets' values, and the texts whose shards came ----- */
  var M = null;
  var values = null;
  var textMeta = [];   // text → [id, title, date], as its shard comes
  var textFacets = []; // text → { year, first, count, person: [values] by part in the text, place: … }
  function manifest() {
    return load('manifest').then(function (m) { M = m; return m; });
  }
  function facetValues() {
    return load('facets').then(function (f) {
      if (!values) values = { person: f.persons.map(valueOf), place: f.places.map(valueOf), year: M.years.map(valueOf) };
      return values;
    });
  }
  function valueOf(e) { return { id: e[0], label: e[1] }; }

  function shardsOf(texts) {
    var seen = {}, out = [];
    for (var i = 0; i < texts.length; i++) {
      var s = Math.floor(texts[i] / M.textsPerShard);
      if (!seen[s]) { seen[s] = true; out.push(s); }
    }
    return out;
  }
  function loadTexts(texts) {
    return loadAll(shardsOf(texts).map(function (s) { return 'texts/' + s; })).then(function (shards) {
      shardsOf(texts).forEach(function (s, k) {
        if (textMeta[s * M.textsPerShard] === undefined) shards[k].forEach(function (e, i) { textMeta[s * M.textsPerShard + i] = e; });
      });
    });
  }
  function loadFacets(texts) {
    var ids = shardsOf(texts);
    return loadAll(ids.map(function (s) { return 'facets/' + s; })).then(function (shards) {
      ids.forEach(function (s, k) {
        if (textFacets[s * M.textsPerShard] !== undefined) return;
        shards[k].forEach(function (e, i) {
          textFacets[s * M.textsPerShard + i] = { year: e[0], first: e[1], count: e[2], person: byPart(e[3], e[2]), place: byPart(e[4], e[2]) };
        });
      });
    });
  }
  /* [value, n, part × n]… → for each part of the text, the values it names (or undefined). */
  function byPart(flat, count) {
    var parts = new Array(count);
    for (var i = 0; i < flat.length;) {
      var v = flat[i], n = flat[i + 1];
      for (var k = 0; k < n; k++) { var p = flat[i + 2 + k]; (parts[p] || (parts[p] = [])).push(v); }
      i += 2 + n;
    }
    return parts;
  }
  function everyText() {
    var out = [];
    for (var t = 0; t < M.texts; t++) out.push(t);
    return out;
  }

  /* ----- The query ----- */
  function shardOf(keys, term) {
    var lo = 0, hi = keys.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] <= term) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /* What the query's words are: for each, its term and, for the last one being typed, the prefixes of the terms it may begin. */
  function parseQuery(q) {
    var words = T.words(q);
    var typing = q.length > 0 && !/\s$/.test(q);
    var out = [];
    words.forEach(function (w, i) {
      var term = T.term(w.word);
      var prefixes = typing && i === words.length - 1 && T.fold(w.word).length >= 3 ? T.prefixes(w.word) : [];
      if (term !== '' || prefixes.length) out.push({ term: term, prefixes: prefixes });
    });
    return out;
  }

  /* A term's postings ([text, n, part × n]…, delta-coded) as ascending parts and their texts; decoded once. */
  var decoded = new Map();
  function postings(shard, term) {
    var key = term;
    var hit = decoded.get(key);
    if (hit) return hit;
    var list = shard[term];
    var n = 0;
    for (var i = 0; i < list.length; i += 2 + list[i + 1]) n += list[i + 1];
    var units = new Int32Array(n), texts = new Int32Array(n);
    var t = 0, u = 0, k = 0;
    for (var j = 0; j < list.length;) {
      t += list[j];
      var count = list[j + 1];
      for (var c = 0; c < count; c++) { u += list[j + 2 + c]; units[k] = u; texts[k] = t; k++; }
      j += 2 + count;
    }
    hit = { units: units, texts: texts };
    decoded.set(key, hit);
    return hit;
  }
  /* Two ascending lists of parts: their union (keep: 0) or their intersection (keep: 1). */
  function merge(a, b, both) {
    var units = new Int32Array(both ? Math.min(a.units.length, b.units.length) : a.units.length + b.units.length);
    var texts = new Int32Array(units.length);
    var i = 0, j = 0, k = 0;
    while (i < a.units.length && j < b.units.length) {
      var x = a.units[i], y = b.units[j];
      if (x === y) { units[k] = x; texts[k++] = a.texts[i]; i++; j++; }
      else if (x < y) { if (!both) { units[k] = x; texts[k++] = a.texts[i]; } i++; }
      else { if (!both) { units[k] = y; texts[k++] = b.texts[j]; } j++; }
    }
    if (!both) {
      for (; i < a.units.length; i++) { units[k] = a.units[i]; texts[k++] = a.texts[i]; }
      for (; j < b.units.length; j++) { units[k] = b.units[j]; texts[k++] = b.texts[j]; }
    }
    return { units: units.subarray(0, k), texts: texts.subarray(0, k) };
  }
  var sortedKeys = new Map();
  function termsOf(shard) {
    var keys = sortedKeys.get(shard);
    if (!keys) { keys = Object.keys(shard).sort(); sortedKeys.set(shard, keys); }
    return keys;
  }

  /* The parts holding every word, ascending, with their texts, and the terms that matched (for highlighting). */
  function runQuery(words) {
    var keys = M.shards;
    var shardIds = {};
    words.forEach(function (w) {
      if (w.term) shardIds[shardOf(keys, w.term)] = true;
      w.prefixes.forEach(function (p) {
        for (var s = shardOf(keys, p); s < keys.length && (s === shardOf(keys, p) || keys[s] < p + '\uffff'); s++) shardIds[s] = true;
      });
    });
    return loadAll(Object.keys(shardIds).map(function (s) { return 'terms/' + s; })).then(function (shards) {
      var matched = new Set();
      var lists = words.map(function (w) {
        var found = null;
        var taken = {};
        var take = function (shard, t) {
          if (taken[t]) return;
          taken[t] = true;
          matched.add(t);
          var p = postings(shard, t);
          found = found ? merge(found, p, false) : p;
        };
        shards.forEach(function (shard) {
          if (w.term && Object.prototype.hasOwnProperty.call(shard, w.term)) take(shard, w.term);
          w.prefixes.forEach(function (p) {
            var ks = termsOf(shard);
            for (var i = lowerBound(ks, p); i < ks.length && ks[i].lastIndexOf(p, 0) === 0; i++) take(shard, ks[i]);
          });
        });
        return found || { units: new Int32Array(0), texts: new Int32Array(0) };
      });
      lists.sort(function (a, b) { return a.units.length - b.units.length; });
      var result = lists[0];
      for (var i = 1; i < lists.length; i++) result = merge(result, lists[i], true);
      return { units: result.units, texts: result.texts, matched: matched };
    });
  }
  function lowerBound(sorted, p) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] < p) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /* Every part, with its text (a facet without a query): from the facet shards of every text. */
  var everyUnit = null;
  function allUnits() {
    if (everyUnit) return everyUnit;
    var units = new Int32Array(M.units), texts = new Int32Array(M.units);
    for (var t = 0; t < M.texts; t++) {
      var f = textFacets[t];
      for (var u = f.first; u < f.first + f.count; u++) { units[u] = u; texts[u] = t; }
    }
    everyUnit = { units: units, texts: texts };
    return everyUnit;
  }

  /* ----- State: the query and the chosen facet values, in the address ----- */
  var state = { q: '', chosen: { person: new Set(), place: new Set(), year: new Set(), text: new Set() } };
  var shown = PAGE;
  var run = 0;
  var openGroups = {};

  function readAddress() {
    var params = new URLSearchParams(location.search);
    state.q = params.get('q') || '';
    GROUPS.forEach(function (g) { state.chosen[g.key] = new Set(params.getAll(g.key)); });
  }
  function writeAddress() {
    var params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    GROUPS.forEach(function (g) { state.chosen[g.key].forEach(function (v) { params.append(g.key, v); }); });
    var search = params.toString();
    try { history.replaceState(null, '', search ? '?' + search : location.pathname); } catch (e) { /* some file:// settings refuse it */ }
  }
  function anyChosen() { return GROUPS.some(function (g) { return state.chosen[g.key].size > 0; }); }

  /* The chosen values as numbers (texts by their id: every text shard is needed to find it, only when a text is chosen). */
  function chosenNumbers() {
    var needs = [facetValues()];
    if (state.chosen.text.size) needs.push(loadTexts(everyText()));
    return Promise.all(needs).then(function () {
      var chosen = {};
      ['person', 'place', 'year'].forEach(function (key) {
        chosen[key] = new Set();
        values[key].forEach(function (v, i) { if (state.chosen[key].has(v.id)) chosen[key].add(i); });
      });
      chosen.text = new Set();
      if (state.chosen.text.size) textMeta.forEach(function (m, t) { if (state.chosen.text.has(m[0])) chosen.text.add(t); });
      return chosen;
    });
  }

  function busy(on) { if (on) app.setAttribute('data-search-busy', 'true'); else app.removeAttribute('data-search-busy'); }

  function search() {
    var mine = ++run;
    writeAddress();
    busy(true);
    var words = parseQuery(state.q);
    var facetsChosen = anyChosen();
    if (!words.length && !facetsChosen) {
      resultsBox.textContent = '';
      clearFacets();
      status.textContent = state.q.trim() ? 'Ces mots sont trop courants pour être cherchés seuls : précisez la recherche.' : '';
      busy(false);
      return Promise.resolve();
    }
    status.textContent = 'Recherche…';
    var matched = new Set();
    var base = null;
    var chosen = null;
    return manifest().then(function () {
      return Promise.all([words.length ? runQuery(words) : null, facetsChosen ? chosenNumbers() : null]);
    }).then(function (r) {
      if (mine !== run) return null;
      chosen = r[1];
      if (r[0]) { base = r[0]; matched = r[0].matched; }
      // A chosen facet needs the facet data of the texts in question before the results are known.
      return facetsChosen ? loadFacets(base ? distinctTexts(base.texts) : everyText()) : null;
    }).then(function () {
      if (mine !== run) return null;
      if (!base) base = allUnits();
      var results = facetsChosen ? tally(base, chosen, false).results : base;
      announce(results);
      return renderResults(results, matched, mine).then(function () {
        if (mine !== run) return null;
        return drawFacets(base, chosen, mine);
      });
    }).then(function () {
      if (mine === run) busy(false);
    }).catch(function () {
      if (mine === run) { status.textContent = 'L’index de recherche n’a pas pu être chargé (dossier search/ du site).'; busy(false); }
    });
  }

  function distinctTexts(texts) {
    var out = [];
    for (var i = 0; i < texts.length; i++) if (i === 0 || texts[i] !== texts[i - 1]) out.push(texts[i]);
    return out;
  }

  /* The status, once per query (it is the page's live region). */
  function announce(results) {
    var n = results.units.length;
    var texts = distinctTexts(results.texts).length;
    status.textContent = n === 0
      ? 'Aucun résultat' + (state.q.trim() ? ' pour « ' + state.q.trim() + ' »' : '') + '.'
      : n + (n > 1 ? ' résultats' : ' résultat') + ' dans ' + texts + (texts > 1 ? ' textes' : ' texte') + '.';
  }

  /*
   * The results the chosen values give, and, if asked, each facet's counts: the results choosing
   * a value would give (the other facets' choices hold, not its own). One pass over the parts:
   * a part that fails no facet counts for every facet; one that fails only one counts for that one.
   */
  function tally(base, chosen, withCounts) {
    var n = base.units.length;
    var units = new Int32Array(n), texts = new Int32Array(n), k = 0;
    var counts = withCounts ? { person: new Int32Array(values.person.length), place: new Int32Array(values.place.length), year: new Int32Array(values.year.length), text: new Int32Array(M.texts) } : null;
    var cp = chosen.person, cl = chosen.place, cy = chosen.year, ct = chosen.text;
    for (var i = 0; i < n; i++) {
      var u = base.units[i], t = base.texts[i];
      var f = textFacets[t];
      var persons = f ? f.person[u - f.first] : undefined;
      var places = f ? f.place[u - f.first] : undefined;
      var year = f ? f.year : -1;
      var fails = 0, failed = '';
      if (ct.size && !ct.has(t)) { fails++; failed = 'text'; }
      if (cy.size && !cy.has(year)) { fails++; failed = 'year'; }
      if (cp.size && !someIn(persons, cp)) { fails++; failed = 'person'; }
      if (cl.size && !someIn(places, cl)) { fails++; failed = 'place'; }
      if (fails === 0) { units[k] = u; texts[k++] = t; }
      if (!counts || fails > 1) continue;
      if (fails === 0 || failed === 'text') counts.text[t]++;
      if ((fails === 0 || failed === 'year') && year >= 0) counts.year[year]++;
      if ((fails === 0 || failed === 'person') && persons) for (var a = 0; a < persons.length; a++) counts.person[persons[a]]++;
      if ((fails === 0 || failed === 'place') && places) for (var b = 0; b < places.length; b++) counts.place[places[b]]++;
    }
    return { results: { units: units.subarray(0, k), texts: texts.subarray(0, k) }, counts: counts };
  }
  function someIn(list, set) {
    if (!list) return false;
    for (var i = 0; i < list.length; i++) if (set.has(list[i])) return true;
    return false;
  }

  /* ----- Facets ----- */
  var drawn = {}; // group → what its fieldset shows, to leave it alone when that did not change

  function clearFacets() { facetsBox.textContent = ''; drawn = {}; }

  function drawFacets(base, chosen, mine) {
    return Promise.all([facetValues(), chosen ? chosen : chosenNumbers(), loadFacets(distinctTexts(base.texts))]).then(function (r) {
      if (mine !== run) return null;
      chosen = r[1];
      var counts = tally(base, chosen, true).counts;
      var lists = {};
      GROUPS.forEach(function (g) {
        var c = counts[g.key];
        var list = [];
        for (var i = 0; i < c.length; i++) if (c[i] || chosen[g.key].has(i)) list.push({ i: i, n: c[i] });
        if (g.key === 'person' || g.key === 'place') list.sort(function (a, b) { return b.n - a.n || a.i - b.i; });
        lists[g.key] = list;
      });
      // The text facet's labels: the shards of the texts it shows.
      var shownTexts = lists.text.filter(function (item, k) { return k < FACET_SHOWN || openGroups.text || chosen.text.has(item.i); }).map(function (item) { return item.i; });
      return loadTexts(shownTexts).then(function () {
        if (mine === run) renderFacets(lists, chosen);
      });
    });
  }

  function labelOf(key, i) {
    if (key === 'text') return textMeta[i][1];
    return values[key][i].label;
  }
  function idOf(key, i) {
    if (key === 'text') return textMeta[i][0];
    return values[key][i].id;
  }

  function renderFacets(lists, chosen) {
    var focused = document.activeElement && facetsBox.contains(document.activeElement) ? document.activeElement.id : '';
    var changed = false;
    GROUPS.forEach(function (g, gi) {
      var list = lists[g.key];
      var limit = openGroups[g.key] ? list.length : FACET_SHOWN;
      var items = list.filter(function (item, k) { return k < limit || chosen[g.key].has(item.i); });
      var signature = items.map(function (item) { return item.i + ':' + item.n + (chosen[g.key].has(item.i) ? '*' : ''); }).join(',') + '/' + list.length + '/' + limit;
      var old = drawn[g.key];
      if (old && old.signature === signature) return;
      changed = true;
      var fieldset = list.length ? facetFieldset(g, list, items, limit, chosen) : null;
      if (old && old.node && old.node.parentNode === facetsBox) {
        if (fieldset) facetsBox.replaceChild(fieldset, old.node); else facetsBox.removeChild(old.node);
      } else if (fieldset) {
        // In the groups' order: before the next group drawn.
        var next = null;
        for (var k = gi + 1; k < GROUPS.length && !next; k++) if (drawn[GROUPS[k].key] && drawn[GROUPS[k].key].node) next = drawn[GROUPS[k].key].node;
        facetsBox.insertBefore(fieldset, next && next.parentNode === facetsBox ? next : null);
      }
      drawn[g.key] = fieldset ? { signature: signature, node: fieldset } : { signature: signature, node: null };
    });
    if (changed && focused && !(document.activeElement && facetsBox.contains(document.activeElement))) {
      var again = document.getElementById(focused);
      if (again) again.focus();
    }
  }

  function facetFieldset(g, list, items, limit, chosen) {
    var fieldset = el('fieldset', 'search-facet search-facet-' + g.key);
    fieldset.appendChild(el('legend', null, g.legend));
    var ul = el('ul');
    items.forEach(function (item) {
      var li = el('li');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.id = 'facet-' + g.key + '-' + item.i;
      box.checked = chosen[g.key].has(item.i);
      var id = idOf(g.key, item.i);
      box.addEventListener('change', function () {
        if (box.checked) state.chosen[g.key].add(id); else state.chosen[g.key].delete(id);
        shown = PAGE;
        search();
      });
      var label = el('label', null, labelOf(g.key, item.i) + ' ');
      label.htmlFor = box.id;
      label.appendChild(el('span', 'search-count', '(' + item.n + ')'));
      li.appendChild(box);
      li.appendChild(label);
      ul.appendChild(li);
    });
    fieldset.appendChild(ul);
    if (list.length > limit) {
      var more = el('button', 'search-facet-more', 'Afficher les ' + list.length + ' valeurs');
      more.type = 'button';
      more.id = 'facet-more-' + g.key;
      more.addEventListener('click', function () {
        openGroups[g.key] = true;
        search().then(function () { var f = document.getElementById('facet-' + g.key + '-' + list[limit].i); if (f) f.focus(); });
      });
      fieldset.appendChild(more);
    }
    return fieldset;
  }

  /* ----- Results ----- */
  function renderResults(results, matched, mine) {
    var visible = Math.min(results.units.length, shown);
    var chunks = {};
    var texts = [];
    for (var i = 0; i < visible; i++) {
      chunks[Math.floor(results.units[i] / M.docUnits)] = true;
      if (i === 0 || results.texts[i] !== results.texts[i - 1]) texts.push(results.texts[i]);
    }
    var names = Object.keys(chunks).map(function (c) { return 'docs/' + c; });
    return Promise.all([loadAll(names), loadTexts(texts)]).then(function (loaded) {
      if (mine !== run) return;
      var docs = {};
      names.forEach(function (name, k) { docs[name.slice(5)] = loaded[0][k]; });
      var terms = new Map();
      var fragment = document.createDocumentFragment();
      var ol = null, current = -1;
      for (var i = 0; i < visible; i++) {
        var u = results.units[i], t = results.texts[i];
        var meta = textMeta[t];
        if (t !== current) {
          current = t;
          var section = el('section', 'search-text');
          var h2 = el('h2', 'search-text-title');
          var a = el('a', null, meta[1]);
          a.href = meta[0] + '.html';
          h2.appendChild(a);
          section.appendChild(h2);
          if (meta[2]) section.appendChild(el('p', 'search-text-date', meta[2]));
          ol = el('ol', 'search-hits');
          section.appendChild(ol);
          fragment.appendChild(section);
        }
        var c = Math.floor(u / M.docUnits);
        ol.appendChild(hit(meta[0], docs[c][u - c * M.docUnits], matched, terms));
      }
      if (results.units.length > visible) {
        var more = el('button', 'search-more', 'Afficher plus de résultats (' + (results.units.length - visible) + ' autres)');
        more.type = 'button';
        more.addEventListener('click', function () {
          var first = visible;
          shown += PAGE;
          renderResults(results, matched, run).then(function () {
            var links = resultsBox.querySelectorAll('.search-hit > a');
            if (links[first]) links[first].focus();
          });
        });
        fragment.appendChild(more);
      }
      resultsBox.textContent = '';
      resultsBox.appendChild(fragment);
    });
  }

  function hit(textId, entry, matched, terms) {
    var page = entry[0] || textId + '.html';
    var anchor = entry[1], kind = entry[2], label = entry[3], text = entry[4];
    var li = el('li', 'search-hit');
    var a = el('a', 'search-hit-link', kind === 'para' ? (anchor === 'text' ? 'Texte' : '§ ' + anchor.replace(/^para-/, '')) : kind === 'note' ? 'Note ' + (label || anchor.replace(/^note-/, '')) : KINDS[kind] || kind);
    a.href = page + (anchor ? '#' + anchor : '');
    li.appendChild(a);
    li.appendChild(document.createTextNode(' '));
    li.appendChild(snippet(text, matched, terms));
    return li;
  }

  /* The part's text around its first match, the matching words in <mark>; `terms` keeps each word's term for the page. */
  var SNIPPET = 320;
  function snippet(text, matched, terms) {
    var words = T.words(text);
    var isHit = function (w) {
      var t = terms.get(w.word);
      if (t === undefined) { t = T.term(w.word); terms.set(w.word, t); }
      return t !== '' && matched.has(t);
    };
    var from = 0, to = text.length;
    if (text.length > SNIPPET) {
      var first = 0;
      for (var i = 0; i < words.length; i++) if (isHit(words[i])) { first = words[i].start; break; }
      from = Math.max(0, first - 120);
      while (from > 0 && /\S/.test(text.charAt(from - 1))) from--;
      to = Math.min(text.length, from + SNIPPET);
      while (to < text.length && /\S/.test(text.charAt(to))) to++;
    }
    var span = el('span', 'search-snippet');
    var at = from;
    if (from > 0) span.appendChild(document.createTextNode('… '));
    words.forEach(function (w) {
      if (w.start < from || w.end > to || !isHit(w)) return;
      span.appendChild(document.createTextNode(text.slice(at, w.start)));
      span.appendChild(el('mark', null, text.slice(w.start, w.end)));
      at = w.end;
    });
    span.appendChild(document.createTextNode(text.slice(at, to)));
    if (to < text.length) span.appendChild(document.createTextNode(' …'));
    return span;
  }

  function el(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* ----- Wiring ----- */
  nojs.hidden = true;
  app.hidden = false;
  readAddress();
  input.value = state.q;
  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = input.value; shown = PAGE; search(); }, 200);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    state.q = input.value;
    shown = PAGE;
    search();
  });
  if (state.q || anyChosen()) search();
  else manifest().then(facetValues).catch(function () { /* said when a search is made */ });
}());
