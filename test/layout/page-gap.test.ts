/**
 * Paragraph boundaries at page gaps (src/convert/layout/page-gap.ts): each rule with a page that follows it,
 * then the rules on real French prose (../shared/reference/tei-real, not written by us) laid out as
 * extracted book pages at several measures, in a monospace and a proportional face, with page gaps
 * wherever the page ends: the TEI it comes from says where each paragraph starts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseLayout } from '../../src/convert/layout/analyse-layout.js';
import { endsWithFinalPunctuation, learnPageEvidence, opensLikeParagraph, readPageGap } from '../../src/convert/layout/page-gap.js';
import type { LayoutSettings } from '../../src/convert/layout/types.js';
import { lexiconOf } from '../../src/lib/lexicon/lexicon.js';
import { splitLines } from '../../src/convert/lines/split-lines.js';
import { layOutPages, teiParagraphs, type BookLayout } from '../support/paragraphs-as-pages.js';
import { requireShared, sharedDir } from '../support/paths.js';
import { fullTierOnly } from '../support/tiers.js';

const lines = (raw: string) => splitLines(raw.split('\n'));
const line = (text: string) => lines(text)[0] as ReturnType<typeof lines>[number];

/** A page of six paragraphs of six lines: full lines of 59 characters (63 with the next word), a short last line. */
function learntFrom(indent: boolean) {
  const full = 'mot '.repeat(15).trim();
  const para = (first: string) => [`${indent ? '  ' : ''}${first}`, full, full, full, full, 'fin du paragraphe.'];
  return learnPageEvidence(lines(Array.from({ length: 6 }, () => para(full).join('\n')).join('\n\n')));
}

test('the measure is learnt from the document’s full lines and the words that did not fit on them; too few lines teach nothing', () => {
  assert.equal(learntFrom(false).shortLine, 63);
  assert.equal(learnPageEvidence(lines('Une ligne.\nUne autre.\n')).shortLine, 0);
});

test('a short line with final punctuation ended its paragraph: “:” before quoted speech on the next page', () => {
  const reading = readPageGap(
    line('qu’elle lui tendit en disant à voix basse :'),
    line('« Tu la donneras à ma tante, et tu lui diras'),
    learntFrom(false),
  );
  assert.deepEqual(reading, { kind: 'paragraph' });
});

test('a full line: the document’s own boundaries decide, and the guess is reported', () => {
  const full = 'vieille femme, elle, ne disait rien. Elle regardait le feu.';
  const learnt = learntFrom(false);
  const sure = readPageGap(line(full), line('Quand le cocher entra'), {
    ...learnt,
    afterFullLine: { ...learnt.afterFullLine, sentence: { paragraph: 1, goesOn: 9 } },
  });
  assert.equal(sure.kind, 'continue');
  assert.match(
    sure.doubt ?? '',
    /assumed the paragraph goes on \(in this text, after a full line ending like this one, 1 of 10 paragraphs end inside a page\)/u,
  );
  const unknown = readPageGap(line(full), line('Quand le cocher entra'), learnt);
  assert.equal(unknown.kind, 'paragraph', 'nothing learnt: a sentence end starts a paragraph, as before');
  assert.match(unknown.doubt ?? '', /assumed to start a new paragraph/u);
});

test('where the document indents its paragraphs, the next line’s indentation decides', () => {
  const learnt = learntFrom(true);
  assert.equal(learnt.indentsParagraphs, true);
  assert.equal(learntFrom(false).indentsParagraphs, false);
  const full = 'vieille femme, elle, ne disait rien. Elle regardait le feu.';
  assert.deepEqual(readPageGap(line(full), line('Quand le cocher entra'), learnt), { kind: 'continue' });
  assert.deepEqual(readPageGap(line('mot mot :'), lines('  « Tu la donneras')[0] as ReturnType<typeof lines>[number], learnt), {
    kind: 'paragraph',
  });
});

test('without final punctuation, only a very short line before a capital ends a paragraph (a list, a title); lower case goes on', () => {
  const learnt = learntFrom(false);
  assert.deepEqual(readPageGap(line('Morceau d’un drame, 1890'), line('Tête d’Or, Librairie de l’Art'), learnt), { kind: 'paragraph' });
  assert.deepEqual(readPageGap(line('le pouvoir des Soviets a triomphé partout en Europe et en'), line('Russie et ailleurs.'), learnt), {
    kind: 'continue',
  });
  assert.deepEqual(readPageGap(line('il dit :'), line('que tout était fini.'), learnt), { kind: 'continue' });
});

test('what opens a paragraph, what ends one', () => {
  for (const opening of [
    'Or, la guerre',
    '« Tu la',
    '— Ah !',
    '-- Bon Dieu',
    '― Passons',
    '1° Que cette guerre',
    '11° La guerre',
    '§ 2. — Toutefois',
    '3e cas. Le fait',
    'II. La critique',
    '» Tout le long',
    "« […] L'enracinement",
  ])
    assert.ok(opensLikeParagraph(opening), opening);
  for (const going of ['que tout', '1917 fut', '(voir plus haut)']) assert.ok(!opensLikeParagraph(going), going);
  for (const end of ['voix basse :', 'la fin.', 'écrire. »', 'de lui.\u200c', 'la fin. (3)', 'quoi ?'])
    assert.ok(endsWithFinalPunctuation(end), end);
  for (const open of ['et la', 'la ville,', 'en 1917', 'gouver-']) assert.ok(!endsWithFinalPunctuation(open), open);
});

const realTexts = [
  'hurlus__luxemburg1915_socdem',
  'hurlus__lenine1918_infantilisme',
  'hurlus__barres1917_familles',
  'obvil-critique__renard_methode-scientifique',
  'obvil-critique__riviere_etudes',
  'obvil-critique__seignobos_introduction-etudes-historiques',
  'eltec-fra__FRA03201_Blandy',
  'eltec-fra__FRA04401_Barbusse',
  'eltec-fra__FRA07601_Leroux',
  'eltec-fra__FRA04202_Rolland',
];
const layouts: BookLayout[] = [
  { measure: 56, face: 'monospace', pageLines: 30, indent: false },
  { measure: 72, face: 'monospace', pageLines: 44, indent: false },
  { measure: 32, face: 'proportional', pageLines: 37, indent: false },
  { measure: 30, face: 'proportional', pageLines: 33, indent: true },
];
const settings: LayoutSettings = {
  profile: 'prose',
  runningHeads: [],
  ocrNoise: false,
  overrides: [],
  noteConvention: 'none',
  notesHeading: 'Notes',
};

test(
  'real French prose laid out as book pages: paragraph boundaries at page gaps ≥ 99 % right, 90 % after a colon; wrong and unreported after final punctuation ≤ 0.1 %',
  { skip: fullTierOnly('reads tei-real') },
  () => {
    const score = { gaps: 0, right: 0, colonGaps: 0, colonRight: 0, silentWrongAfterPunctuation: [] as string[] };
    for (const name of realTexts) {
      const paragraphs = teiParagraphs(readFileSync(requireShared(join(sharedDir, 'reference', 'tei-real', `${name}.xml`)), 'utf8'), 200);
      for (const layout of layouts) {
        const laid = layOutPages(paragraphs, layout);
        const raw = laid.raw.split('\n');
        const { layout: read, messages } = analyseLayout(lines(laid.raw.replace(/\n$/u, '')), settings, lexiconOf([]), 'book.txt');
        const starts = new Set(read.flows.flatMap((f) => f.sections.flatMap((s) => s.blocks.map((b) => b.lines[0]?.line.n))));
        const reported = new Set(messages.filter((m) => m.rule === 'tei-edition/page-break-paragraph').map((m) => m.position.line));
        for (const n of laid.pageStarts) {
          let p = n - 2;
          while (raw[p - 1] === '') p -= 1;
          const previous = raw[p - 1] ?? '';
          const right = laid.paragraphStarts.has(n) === starts.has(n);
          const colon = /[:;]\P{L}*$/u.test(previous);
          score.gaps += 1;
          score.right += right ? 1 : 0;
          score.colonGaps += colon ? 1 : 0;
          score.colonRight += colon && right ? 1 : 0;
          if (!right && !reported.has(n) && endsWithFinalPunctuation(previous) && opensLikeParagraph(raw[n - 1]?.trim() ?? ''))
            score.silentWrongAfterPunctuation.push(`${name} ${layout.face} ${layout.measure}: ${previous} ‖ ${raw[n - 1]}`);
        }
      }
    }
    assert.ok(score.gaps > 2000, `${score.gaps} page gaps`);
    assert.ok(score.right / score.gaps >= 0.99, `${score.right} of ${score.gaps} page gaps right`);
    assert.ok(
      score.colonGaps > 50 && score.colonRight / score.colonGaps >= 0.9,
      `${score.colonRight} of ${score.colonGaps} page gaps after “:” or “;” right`,
    );
    // A proportional face can make a full line look short (`comme M.` before `Bernheim,`): rare, not never.
    assert.ok(score.silentWrongAfterPunctuation.length <= score.gaps / 1000, score.silentWrongAfterPunctuation.join('\n'));
  },
);
