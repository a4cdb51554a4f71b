/**
 * The sample edition, end to end in memory: golden TEI per source (reviewed by hand), valid
 * against tei_all, every source line recoverable, and the facts the issue names: page breaks
 * where the blank runs are, notes at their calls, corrections, letter parts, reading order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/lib/diagnostics/format.js';
import { compareDiagnostics } from '../../src/lib/diagnostics/diagnostic.js';
import { recoverSourceLines } from '../support/source-lines.js';
import { assertGolden } from '../support/golden.js';
import { jingValidate, skipWithoutJing } from '../support/jing.js';
import { fixturesDir, teiAllSchema } from '../support/paths.js';
import { convertSample, rawText, recoveryConventions, sampleConfig, sampleSource } from '../support/sample-edition.js';
import { all, ancestors, first, parseXml, text, textBefore, type El } from '../support/xml-query.js';

const sources = sampleConfig().sources;

function teiOf(idPart: string): El {
  const result = convertSample(sampleSource(idPart));
  assert.ok(result.xml, 'conversion failed');
  return parseXml(result.xml);
}

for (const source of sources) {
  test(`${source.id}: TEI and messages match the reviewed golden files`, () => {
    const result = convertSample(source);
    assert.ok(result.xml);
    assertGolden(result.xml, join(fixturesDir, 'sample', source.id, 'expected.xml'));
    const messages = [...result.messages]
      .sort(compareDiagnostics)
      .map((m) => `${formatDiagnostic(m)}\n`)
      .join('');
    assertGolden(messages, join(fixturesDir, 'sample', source.id, 'expected.messages.txt'));
  });

  test(`${source.id}: every line of the raw text is recovered from the TEI, and no word is left cut`, () => {
    const result = convertSample(source);
    const recovered = recoverSourceLines(result.xml ?? '', recoveryConventions(source));
    const raw = rawText(source).normalize('NFC').split(/\r?\n/u);
    const unused = new Set(recovered.headerQuotes);
    raw.forEach((line, i) => {
      const want = line.replace(/\s+/gu, ' ').trim();
      if (want === '') {
        assert.equal(recovered.lines.get(i + 1), undefined, `line ${i + 1} is blank in the source but has text in the TEI`);
        return;
      }
      const got = recovered.lines.get(i + 1);
      if (got === undefined && unused.has(want)) {
        unused.delete(want);
        return;
      }
      assert.equal(got, want, `line ${i + 1}`);
    });
    assert.deepEqual([...unused], [], 'header quotes that are not source lines');
    assert.deepEqual(recovered.strayHyphens, [], 'reading text keeps a hyphen before an ordinary line break');
  });
}

test('the three TEI files are valid against the official tei_all.rng (jing)', (t) => {
  const skip = skipWithoutJing();
  if (skip) return t.skip(skip);
  const documents = Object.fromEntries(sources.map((s) => [`${s.id}.xml`, convertSample(s).xml ?? '']));
  assert.deepEqual(jingValidate(teiAllSchema, documents), []);
});

/** Runs of three or more blank lines without a line of spaces, read off the raw text independently. */
function pageGapsOf(raw: string): number[] {
  const lines = raw.split('\n');
  const nextTextLines: number[] = [];
  let run: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      run.push(line);
      return;
    }
    if (run.length >= 3 && run.every((l) => l === '')) nextTextLines.push(i + 1);
    run = [];
  });
  return nextTextLines;
}

for (const idPart of ['membres-du-parti', 'lettre-au-comite']) {
  test(`${idPart}: a <pb/> stands at each page gap of the raw text, numbered from 1 in source order, never splitting a paragraph`, () => {
    const source = sampleSource(idPart);
    const tei = teiOf(idPart);
    // Each pb with the number of the source line that follows it (a moved note keeps its own).
    const pages = all(first(tei, 'text'), 'pb')
      .map((pb) => {
        const siblings = pb.parent?.children ?? [];
        const next = siblings.slice(siblings.indexOf(pb) + 1).find((c): c is El => typeof c !== 'string' && c.name === 'lb');
        return { n: pb.attrs.n, line: Number(next?.attrs.n), parent: pb.parent?.name };
      })
      .sort((a, b) => a.line - b.line);
    const gaps = pageGapsOf(rawText(source));
    assert.deepEqual(
      pages.map((p) => p.n),
      pages.map((_, i) => String(i + 1)),
    );
    assert.equal(pages[0]?.line, 1, 'the first page starts at the first line');
    assert.deepEqual(
      pages.slice(1).map((p) => p.line),
      gaps,
    );
    for (const p of pages) assert.ok(['p', 'note', 'opener', 'head'].includes(p.parent ?? ''), `pb in <${p.parent}>`);
    for (const p of pages.slice(1))
      assert.ok(['p', 'note'].includes(p.parent ?? ''), 'page breaks inside the text never split a paragraph');
  });
}

test('the 7 page breaks of 000 and 003 (4 + 3), none in the columns article', () => {
  const count = (id: string) => all(teiOf(id), 'pb').length - 1;
  assert.equal(count('membres-du-parti') + count('lettre-au-comite'), 7);
  assert.equal(all(teiOf('coalition'), 'pb').length, 0, 'the article’s transcription records no page boundaries');
});

test('002: three footnotes at their calls, call text removed', () => {
  const tei = teiOf('coalition');
  const notes = all(first(tei, 'text'), 'note');
  for (const n of notes) assert.equal(n.attrs.place, 'foot');
  assert.deepEqual(
    notes.map((n) => n.attrs.n),
    ['1', '2', '3'],
  );
  const [n1, n2, n3] = notes as [El, El, El];
  assert.equal(n1.parent?.name, 'head', 'note 1 is called from the speech’s title');
  assert.match(textBefore(n1), /ou les marins”$/u);
  assert.match(textBefore(n2), /tionalistes-unifiés$/u);
  assert.match(text(n2), /^C’est-à-dire les Mejraiontsy/u);
  assert.match(textBefore(n3), /vaia Jizn$/u);
  assert.match(text(n3), /Journal de Gorki hostile à la révolution d’Oc/u);
  for (const n of notes) assert.equal(n.attrs.resp, undefined);
  assert.doesNotMatch(text(first(tei, 'body'), []), /\(\d\)/u, 'no call text is left in the body');
});

test('003: the endnote has no call, goes to the title with @anchored="false", @resp for [N.E.], and keeps its two paragraphs', () => {
  const tei = teiOf('lettre-au-comite');
  const notes = all(first(tei, 'text'), 'note');
  assert.equal(notes.length, 1);
  const note = notes[0] as El;
  assert.equal(note.attrs.n, '1');
  assert.equal(note.attrs.anchored, 'false');
  assert.equal(note.attrs.resp, '#oeuvres-editor');
  assert.equal(note.parent?.name, 'head');
  assert.equal(all(note, 'p').length, 2);
  assert.doesNotMatch(text(note), /N\.E\./u);
  const declared = all(tei, 'respStmt').map((r) => r.attrs['xml:id']);
  assert.ok(declared.includes('oeuvres-editor'), 'the responsibility is declared in the header');
  const quotes = all(first(tei, 'teiHeader'), 'q').map((q) => text(q));
  assert.deepEqual(quotes, ['Notes', 'Les notes rajoutées par l’éditeur sont signalées par [N.E.]']);
});

test('corrections from the config become choice/sic/corr, nothing else is corrected', () => {
  for (const source of sources) {
    const tei = parseXml(convertSample(source).xml ?? '');
    const choices = all(tei, 'choice').filter((c) => c.children.some((x) => typeof x !== 'string' && x.name === 'sic'));
    const pairs = choices.map((c) => [text(first(c, 'sic')), text(first(c, 'corr'))]);
    assert.deepEqual(
      pairs,
      (source.corrections ?? []).map((c) => [c.sic, c.corr]),
      source.id,
    );
  }
});

test('002: drop caps are normalised with choice/orig/reg', () => {
  const tei = teiOf('coalition');
  const regs = all(tei, 'choice').filter((c) => c.children.some((x) => typeof x !== 'string' && x.name === 'orig'));
  assert.deepEqual(
    regs.map((c) => [text(first(c, 'orig')), text(first(c, 'reg'))]),
    [
      ['LE29', 'Le 29'],
      ['JE', 'Je'],
    ],
  );
});

test('002: reading order restored — the introduction (by the periodical) then the speech, headed by its title', () => {
  const tei = teiOf('coalition');
  const divs = all(first(tei, 'body'), 'div');
  assert.deepEqual(
    divs.map((d) => [d.attrs.type, d.attrs.resp]),
    [
      ['introduction', '#periodical'],
      ['speech', undefined],
    ],
  );
  const speech = divs[1] as El;
  const firstChild = speech.children.find((c): c is El => typeof c !== 'string');
  assert.equal(firstChild?.name, 'head');
  assert.equal(text(firstChild as El, ['note']).replace(/\s+/gu, ' '), '“Le gouvernement de coalition ou les marins”');
  // The introduction's last paragraph goes on across the speech’s first column (lines 59 → 135).
  const paragraphs = all(divs[0] as El, 'p');
  assert.ok(paragraphs.some((p) => /menaces de départ\s+émanant d’une minorité/u.test(text(p))));
});

test('letters: opener and closer; 000 has its heading, an address and two sections', () => {
  const letter = teiOf('lettre-au-comite');
  assert.equal(text(first(first(letter, 'opener'), 'salute')), 'Chers camarades,');
  const closer = first(letter, 'closer');
  assert.equal(text(first(closer, 'salute')), 'Salut');
  assert.equal(text(first(closer, 'signed')), 'N. Lénine');
  assert.equal(first(first(letter, 'head'), 'supplied').attrs.reason, 'title-not-in-source');

  const appeal = teiOf('membres-du-parti');
  const head = first(appeal, 'head');
  assert.equal(text(head).replace(/\s+/gu, ' ').trim(), 'A tous les membres du parti et à toutes les classes laborieuses de Russie');
  assert.equal(text(first(first(appeal, 'opener'), 'salute')), 'Camarades,');
  assert.deepEqual(
    all(appeal, 'div')
      .filter((d) => d.attrs.type === 'section')
      .map((d) => d.attrs.n),
    ['1', '2'],
  );
});

test('hyphenation: typographic hyphens joined and recorded, compound hyphens kept', () => {
  const tei = teiOf('coalition');
  const lbs = all(tei, 'lb');
  const soft = lbs.filter((l) => l.attrs.rend === 'hyphen');
  const hard = lbs.filter((l) => l.attrs.break === 'no' && l.attrs.rend === undefined);
  assert.ok(soft.length > 50);
  for (const l of soft) assert.equal(l.attrs.break, 'no');
  // `l’avant-<lb break="no"/>garde`: the hyphen stays in the text.
  assert.deepEqual(
    hard.map((l) => textBefore(l).split(/\s/u).pop()),
    ['l’avant-'],
  );
  const appeal = teiOf('membres-du-parti');
  const compound = all(appeal, 'lb').filter((l) => l.attrs.break === 'no' && l.attrs.rend === undefined);
  assert.deepEqual(
    compound.map((l) => textBefore(l).split(/\s/u).pop()),
    ['socialistes-'],
  );
  for (const l of all(appeal, 'lb')) assert.ok(!ancestors(l).some((a) => a.name === 'teiHeader'));
});
