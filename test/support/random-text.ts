/** Seeded random raw transcriptions (no Math.random: a failure can be replayed from its seed). */
import { seededRandom } from '../../bench/corpus/prng.js';

/** The benchmark's seeded PRNG (mulberry32), as a plain function. */
export function prng(seed: number): () => number {
  const random = seededRandom(seed);
  return () => random.next();
}

const words = [
  'le',
  'pouvoir',
  'des',
  'Soviets',
  'révolution',
  'camarades',
  'l’insurrection',
  'd’autres',
  'gouvernement',
  'socialistes-révolutionnaires',
  'Pétrograd',
  'Moscou',
  'congrès',
  'à',
  'était',
  'déjà',
  'œuvre',
  'Zinoviev',
  'avant-garde',
  'peuple',
  'masses',
  '1917',
  '25',
  'nous',
  'ils',
  'qu’il',
  'sur-le-champ',
  'ouvriers',
  'paysans',
  'soldats',
  'et',
  'mais',
  'car',
  '«',
  '»',
  '—',
  '(sic)',
  'etc.',
  'S-R',
  'Kérenski',
  'bolchéviks',
  'majorité',
  'décision',
  'organisation',
];
const ends = ['.', ' !', ' ?', '.', '…', '.'];

export interface RandomText {
  readonly text: string;
  readonly profile: 'prose' | 'columns';
  readonly endnotes: boolean;
}

export function randomText(seed: number): RandomText {
  const r = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const profile = r() < 0.7 ? 'prose' : 'columns';
  const width = 30 + Math.floor(r() * 60);
  const out: string[] = [];
  const paragraphs = 2 + Math.floor(r() * 8);
  for (let p = 0; p < paragraphs; p++) {
    const sentence: string[] = [];
    const length = 5 + Math.floor(r() * 80);
    for (let w = 0; w < length; w++) sentence.push(pick(words) + (r() < 0.1 ? ',' : '') + (r() < 0.06 ? pick(ends) : ''));
    sentence.push(`fin${pick(ends)}`);
    let line = '';
    for (const word of sentence) {
      if (line !== '' && line.length + word.length + 1 > width) {
        // Sometimes cut the next word at the line end, as print does.
        if (word.length > 6 && /^\p{Ll}+$/u.test(word) && r() < 0.4) {
          out.push(`${line} ${word.slice(0, 3)}-${r() < 0.2 ? '  ' : ''}`);
          line = word.slice(3);
          continue;
        }
        out.push(line + (r() < 0.2 ? ' ' : ''));
        line = word;
        if (r() < 0.08) out.push('', '', '');
        continue;
      }
      line = line === '' ? word : `${line} ${word}`;
    }
    out.push(line);
    if (p < paragraphs - 1) out.push(...(profile === 'prose' && r() < 0.1 ? ['', ' ', ''] : ['']));
  }
  const endnotes = profile === 'prose' && r() < 0.4;
  if (endnotes)
    out.push(
      '',
      ' ',
      '',
      'Notes',
      '',
      'Les notes rajoutées par l’éditeur sont signalées par [N.E.]',
      '',
      '[1]. Une note de fin sur deux',
      'lignes. [N.E.]',
    );
  const newline = r() < 0.2 ? '\r\n' : '\n';
  return { text: out.join(newline) + newline, profile, endnotes };
}
