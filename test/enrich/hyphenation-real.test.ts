/**
 * Words cut at line ends in real French prose (../shared/reference/tei-real, not written by us),
 * laid out as book pages with words cut at syllables and compounds cut at their own hyphen: the
 * converter must join the first and keep the hyphen of the second. The layout knows which is which.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layOutPages, teiParagraphs } from '../support/paragraphs-as-pages.js';
import { convertText } from '../support/convert-text.js';
import { requireShared, sharedDir } from '../support/paths.js';

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

test('real French prose with cut words: ≥ 99.9 % decided right, no cut name kept hyphenated, at most 2 compounds silently joined', () => {
  const score = { cuts: 0, right: 0, compounds: 0, falseJoins: [] as string[], silentFalseJoins: 0, namesKept: [] as string[] };
  for (const name of realTexts) {
    const paragraphs = teiParagraphs(readFileSync(requireShared(join(sharedDir, 'reference', 'tei-real', `${name}.xml`)), 'utf8'), 200);
    for (const [measure, pageLines] of [
      [56, 30],
      [66, 40],
    ] as const) {
      const laid = layOutPages(paragraphs, { measure, face: 'monospace', pageLines, indent: false, hyphenate: true });
      const raw = laid.raw.split('\n');
      const result = convertText(laid.raw);
      const xml = result.xml ?? '';
      const reported = new Set(result.messages.filter((m) => m.rule === 'tei-edition/hyphenation-undecided').map((m) => m.position.line));
      for (const [line, kind] of laid.cuts) {
        let next = line + 1;
        while (raw[next - 1] === '') next += 1;
        const lb = new RegExp(`<lb n="${next}"( break="no")?( rend="hyphen")?/>`, 'u').exec(xml);
        const read = lb?.[2] ? 'soft' : lb?.[1] ? 'hard' : 'none';
        const cut = `${name} ${measure}: ${raw[line - 1]?.split(' ').pop()} ${raw[next - 1]?.split(' ')[0]}`;
        score.cuts += 1;
        score.right += read === kind ? 1 : 0;
        if (kind === 'hard') score.compounds += 1;
        if (kind === 'hard' && read !== 'hard') {
          score.falseJoins.push(cut);
          if (!reported.has(line)) score.silentFalseJoins += 1;
        }
        if (kind === 'soft' && read === 'hard' && /^\p{Lu}/u.test(raw[line - 1]?.split(' ').pop() ?? '')) score.namesKept.push(cut);
      }
    }
  }
  assert.ok(score.cuts > 5000 && score.compounds > 100, `${score.cuts} cuts, ${score.compounds} at a compound's hyphen`);
  assert.ok(score.right / score.cuts >= 0.999, `${score.right} of ${score.cuts} right; false joins: ${score.falseJoins.join(', ')}`);
  assert.deepEqual(score.namesKept, []);
  assert.ok(score.silentFalseJoins <= Math.max(2, score.compounds / 500), score.falseJoins.join('\n'));
});
