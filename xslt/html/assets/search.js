/*
 * The search page (search.html) of a tei-edition site: full text with person, place, year and
 * text facets. The index is in search/ as classic scripts (src/search/search-index.ts), loaded on
 * demand with <script> elements (the manifest and the facets by the page's head, at once), so that the same page works from a static host and from file://
 * (docs/search.md). Words are cut, folded and stemmed by TeiEditionSearchTerms
 * (assets/search-terms.js), the very code the index was made with.
 *
 * The results: every part (paragraph, note, heading, title) holding all the words of the query
 * (the last one also as the beginning of a word, while it is being typed), in reading order,
 * grouped by text; facets combine with the query and with each other (values of one facet: any of
 * them; different facets: all of them); each facet's counts are the results it would give.
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
        // (The manifest and the facets are asked for in the page's head: wait for that script.)
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

  var index = null;
  function loadIndex() {
    if (index) return index;
    index = Promise.all([load('manifest'), load('facets')]).then(function (r) { return prepare(r[0], r[1]); });
    index.catch(function () { index = null; });
    return index;
  }

  function undelta(list) {
    var out = new Array(list.length);
    var n = 0;
    for (var i = 0; i < list.length; i++) { n += list[i]; out[i] = n; }
    return out;
  }

  function prepare(manifest, facets) {
    var units = manifest.units;
    var unitText = new Int32Array(units);
    manifest.texts.forEach(function (t, i) {
      var end = i + 1 < manifest.texts.length ? manifest.texts[i + 1][4] : units;
      for (var u = t[4]; u < end; u++) unitText[u] = i;
    });
    var years = manifest.texts.map(function (t) { return t[3]; }).filter(function (y) { return y !== null; });
    var span = years.length ? Math.max.apply(null, years) - Math.min.apply(null, years) : 0;
    var decades = span > 30;
    function yearKey(y) { return y === null ? '' : String(decades ? Math.floor(y / 10) * 10 : y); }
    var values = {
      person: facets.persons.map(function (e) { return { id: e[0], label: e[1], units: undelta(e[2]) }; }),
      place: facets.places.map(function (e) { return { id: e[0], label: e[1], units: undelta(e[2]) }; })
    };
    var byUnit = {};
    ['person', 'place'].forEach(function (g) {
      var m = byUnit[g] = new Map();
      values[g].forEach(function (v, vi) {
        v.units.forEach(function (u) { var l = m.get(u); if (l) l.push(vi); else m.set(u, [vi]); });
      });
    });
    var yearValues = [];
    var yearIndex = {};
    manifest.texts.forEach(function (t) {
      var k = yearKey(t[3]);
      if (k !== '' && !(k in yearIndex)) { yearIndex[k] = yearValues.length; yearValues.push({ id: k, label: decades ? k + '–' + (Number(k) + 9) : k }); }
    });
    yearValues.sort(function (a, b) { return Number(a.id) - Number(b.id); });
    yearValues.forEach(function (v, i) { yearIndex[v.id] = i; });
    values.year = yearValues;
    values.text = manifest.texts.map(function (t) { return { id: t[0], label: t[1] }; });
    var textYear = manifest.texts.map(function (t) { var k = yearKey(t[3]); return k === '' ? -1 : yearIndex[k]; });
    byUnit.year = { get: function (u) { var y = textYear[unitText[u]]; return y < 0 ? null : [y]; } };
    byUnit.text = { get: function (u) { return [unitText[u]]; } };
    return { manifest: manifest, unitText: unitText, values: values, byUnit: byUnit, decades: decades };
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

  /* The parts holding every word, ascending, and the terms that matched (for highlighting). */
  function runQuery(ix, words) {
    var keys = ix.manifest.shards;
    var shardIds = {};
    words.forEach(function (w) {
      if (w.term) shardIds[shardOf(keys, w.term)] = true;
      w.prefixes.forEach(function (p) {
        for (var s = shardOf(keys, p); s < keys.length && (s === shardOf(keys, p) || keys[s] < p + '\uffff'); s++) shardIds[s] = true;
      });
    });
    var names = Object.keys(shardIds);
    return Promise.all(names.map(function (s) { return load('terms/' + s); })).then(function (shards) {
      var matched = new Set();
      var sets = words.map(function (w) {
        var found = new Set();
        shards.forEach(function (shard) {
          Object.keys(shard).forEach(function (t) {
            if (t === w.term || w.prefixes.some(function (p) { return t.lastIndexOf(p, 0) === 0; })) {
              matched.add(t);
              undelta(shard[t]).forEach(function (u) { found.add(u); });
            }
          });
        });
        return found;
      });
      sets.sort(function (a, b) { return a.size - b.size; });
      var result = sets.length ? Array.from(sets[0]).filter(function (u) { return sets.every(function (s) { return s.has(u); }); }) : [];
      result.sort(function (a, b) { return a - b; });
      return { units: result, matched: matched };
    });
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

  function chosenIndexes(ix, key) {
    var out = new Set();
    ix.values[key].forEach(function (v, i) { if (state.chosen[key].has(v.id)) out.add(i); });
    return out;
  }

  function search() {
    var mine = ++run;
    writeAddress();
    var words = parseQuery(state.q);
    var anyFacet = GROUPS.some(function (g) { return state.chosen[g.key].size > 0; });
    if (!words.length && !anyFacet) {
      resultsBox.textContent = '';
      facetsBox.textContent = '';
      status.textContent = state.q.trim() ? 'Ces mots sont trop courants pour être cherchés seuls : précisez la recherche.' : '';
      if (index) loadIndex().then(function (ix) { if (mine === run) renderFacets(ix, null, new Set()); });
      return Promise.resolve();
    }
    status.textContent = 'Recherche…';
    return loadIndex().then(function (ix) {
      return (words.length ? runQuery(ix, words) : Promise.resolve({ units: null, matched: new Set() })).then(function (r) {
        if (mine !== run) return;
        var chosen = {};
        GROUPS.forEach(function (g) { chosen[g.key] = chosenIndexes(ix, g.key); });
        var base = r.units || allUnits(ix);
        var keep = function (u, except) {
          return GROUPS.every(function (g) {
            if (g.key === except || chosen[g.key].size === 0) return true;
            var vs = ix.byUnit[g.key].get(u);
            return !!vs && vs.some(function (v) { return chosen[g.key].has(v); });
          });
        };
        var results = base.filter(function (u) { return keep(u, null); });
        var counts = {};
        GROUPS.forEach(function (g) {
          var c = counts[g.key] = new Map();
          base.forEach(function (u) {
            if (!keep(u, g.key)) return;
            (ix.byUnit[g.key].get(u) || []).forEach(function (v) { c.set(v, (c.get(v) || 0) + 1); });
          });
        });
        renderFacets(ix, counts, chosen);
        return renderResults(ix, results, r.matched, mine);
      });
    }).catch(function () {
      if (mine === run) status.textContent = 'L’index de recherche n’a pas pu être chargé (dossier search/ du site).';
    });
  }

  var everyUnit = null;
  function allUnits(ix) {
    if (!everyUnit) { everyUnit = []; for (var u = 0; u < ix.manifest.units; u++) everyUnit.push(u); }
    return everyUnit;
  }

  /* ----- Facets ----- */
  function renderFacets(ix, counts, chosen) {
    var focused = document.activeElement && facetsBox.contains(document.activeElement) ? document.activeElement.id : '';
    facetsBox.textContent = '';
    if (!counts) return;
    GROUPS.forEach(function (g) {
      var c = counts[g.key];
      var list = [];
      ix.values[g.key].forEach(function (v, i) { if (c.get(i) || chosen[g.key].has(i)) list.push({ v: v, i: i, n: c.get(i) || 0 }); });
      if (!list.length) return;
      if (g.key === 'person' || g.key === 'place') list.sort(function (a, b) { return b.n - a.n || a.i - b.i; });
      var fieldset = el('fieldset', 'search-facet search-facet-' + g.key);
      fieldset.appendChild(el('legend', null, g.legend));
      var ul = el('ul');
      var limit = openGroups[g.key] ? list.length : 10;
      list.forEach(function (item, k) {
        if (k >= limit && !chosen[g.key].has(item.i)) return;
        var li = el('li');
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.id = 'facet-' + g.key + '-' + item.i;
        box.checked = chosen[g.key].has(item.i);
        box.addEventListener('change', function () {
          if (box.checked) state.chosen[g.key].add(item.v.id); else state.chosen[g.key].delete(item.v.id);
          shown = PAGE;
          search();
        });
        var label = el('label', null, item.v.label + ' ');
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
      facetsBox.appendChild(fieldset);
    });
    if (focused) { var again = document.getElementById(focused); if (again) again.focus(); }
  }

  /* ----- Results ----- */
  function docOf(ix, u) { return shardOf(ix.manifest.docs, u); }

  function renderResults(ix, units, matched, mine) {
    var visible = units.slice(0, shown);
    var chunks = {};
    visible.forEach(function (u) { chunks[docOf(ix, u)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) { return load('docs/' + c).then(function (d) { return [c, d]; }); })).then(function (loaded) {
      if (mine !== run) return;
      var docs = {};
      loaded.forEach(function (p) { docs[p[0]] = p[1]; });
      var texts = new Set(units.map(function (u) { return ix.unitText[u]; }));
      status.textContent = units.length === 0
        ? 'Aucun résultat' + (state.q.trim() ? ' pour « ' + state.q.trim() + ' »' : '') + '.'
        : units.length + (units.length > 1 ? ' résultats' : ' résultat') + ' dans ' + texts.size + (texts.size > 1 ? ' textes' : ' texte') + '.';
      resultsBox.textContent = '';
      var section = null, ol = null, current = -1;
      visible.forEach(function (u) {
        var t = ix.unitText[u];
        var text = ix.manifest.texts[t];
        if (t !== current) {
          current = t;
          section = el('section', 'search-text');
          var h2 = el('h2', 'search-text-title');
          var a = el('a', null, text[1]);
          a.href = text[0] + '.html';
          h2.appendChild(a);
          section.appendChild(h2);
          if (text[2]) section.appendChild(el('p', 'search-text-date', text[2]));
          ol = el('ol', 'search-hits');
          section.appendChild(ol);
          resultsBox.appendChild(section);
        }
        var c = docOf(ix, u);
        var entry = docs[c][u - ix.manifest.docs[c]];
        ol.appendChild(hit(text[0], entry, matched));
      });
      if (units.length > visible.length) {
        var more = el('button', 'search-more', 'Afficher plus de résultats (' + (units.length - visible.length) + ' autres)');
        more.type = 'button';
        more.addEventListener('click', function () {
          var first = visible.length;
          shown += PAGE;
          renderResults(ix, units, matched, run).then(function () {
            var links = resultsBox.querySelectorAll('.search-hit > a');
            if (links[first]) links[first].focus();
          });
        });
        resultsBox.appendChild(more);
      }
    });
  }

  function hit(textId, entry, matched) {
    var page = entry[0] || textId + '.html';
    var anchor = entry[1], kind = entry[2], label = entry[3], text = entry[4];
    var li = el('li', 'search-hit');
    var a = el('a', 'search-hit-link', kind === 'para' ? (anchor === 'text' ? 'Texte' : '§ ' + anchor.replace(/^para-/, '')) : kind === 'note' ? 'Note ' + (label || anchor.replace(/^note-/, '')) : KINDS[kind] || kind);
    a.href = page + (anchor ? '#' + anchor : '');
    li.appendChild(a);
    li.appendChild(document.createTextNode(' '));
    li.appendChild(snippet(text, matched));
    return li;
  }

  /* The part's text around its first match, the matching words in <mark>. */
  function snippet(text, matched) {
    var words = T.words(text);
    var hits = words.filter(function (w) { var t = T.term(w.word); return t !== '' && matched.has(t); });
    var from = 0, to = text.length;
    if (text.length > 320) {
      var first = hits.length ? hits[0].start : 0;
      from = Math.max(0, first - 120);
      while (from > 0 && /\S/.test(text.charAt(from - 1))) from--;
      to = Math.min(text.length, from + 320);
      while (to < text.length && /\S/.test(text.charAt(to))) to++;
    }
    var span = el('span', 'search-snippet');
    var at = from;
    if (from > 0) span.appendChild(document.createTextNode('… '));
    hits.forEach(function (w) {
      if (w.start < from || w.end > to) return;
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
  if (state.q || GROUPS.some(function (g) { return state.chosen[g.key].size > 0; })) search();
  else loadIndex();
}());
