/**
 * Text ↔ printed lines, for the synthetic corpus: join the printed lines of a sample paragraph
 * back into running text (undoing typographic hyphenation, keeping compounds' own hyphens), and
 * set running text again at another measure, cutting some long words at the line end the way a
 * French compositor would (between syllables, or after a compound's own hyphen).
 */
import type { Random } from './prng.js';

const wordAtLineEnd = /(\p{L}+)-$/u;
const wordAtLineStart = /^(\p{L}+)/u;
const word = /\p{L}+(?:['’-]\p{L}+)*/gu;

/** Word forms (lower case) written out in full inside lines: the evidence for keeping a hyphen. */
export function vocabularyOf(text: string): Set<string> {
  const forms = new Set<string>();
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(word)) {
      const form = m[0].toLowerCase();
      forms.add(form);
      const elided = form.split(/['’]/u).pop();
      if (elided !== undefined) forms.add(elided);
    }
  }
  return forms;
}

/** The printed lines of one paragraph as running text. */
export function joinLines(lines: readonly string[], vocabulary: ReadonlySet<string>): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    const left = wordAtLineEnd.exec(out)?.[1];
    const right = wordAtLineStart.exec(line)?.[1];
    if (left !== undefined && right !== undefined && /^\p{Ll}/u.test(right)) {
      const compound = vocabulary.has(`${left}-${right}`.toLowerCase());
      out = compound ? `${out}${line}` : `${out.slice(0, -1)}${line}`;
    } else {
      out = `${out} ${line}`;
    }
  }
  return out;
}

export interface WrapOptions {
  readonly width: number;
  /** Share of the words that do not fit and could be cut that are cut (0 = never). */
  readonly hyphenRate: number;
}

/** Greedy line filling at `width` columns, with some words cut at the line end. */
export function wrap(text: string, options: WrapOptions, random: Random): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/u).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const next = words[i] as string;
    if (line === '') {
      line = next;
      continue;
    }
    if (line.length + 1 + next.length <= options.width) {
      line = `${line} ${next}`;
      continue;
    }
    const room = options.width - line.length - 1;
    const cut = random.chance(options.hyphenRate) ? cutToFit(next, room) : undefined;
    if (cut) {
      lines.push(`${line} ${cut.head}`);
      line = cut.tail;
    } else {
      lines.push(line);
      line = next;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The longest cut of `token` whose head (with its hyphen) fits in `room` columns. */
export function cutToFit(token: string, room: number): { head: string; tail: string } | undefined {
  const points = cutPoints(token).filter((p) => p.head.length <= room);
  return points.length > 0 ? points[points.length - 1] : undefined;
}

const vowel = /[aeiouyàâäéèêëîïôöùûüœæ]/iu;
const letter = /\p{L}/u;
/** Consonant pairs a French compositor does not separate (they start the next syllable). */
const inseparable = /^(?:ch|ph|th|gn|gu|qu|[bcdfgkptv][lr])$/iu;

/** Where a token may be cut, shortest head first; heads end with the hyphen that is printed. */
export function cutPoints(token: string): { head: string; tail: string }[] {
  const m = /^([^\p{L}]*)((?:\p{L}+['’])?)(\p{L}+(?:-\p{L}+)*)([^\p{L}]*)$/u.exec(token);
  if (!m || /\d/u.test(token)) return [];
  const lead = (m[1] ?? '') + (m[2] ?? '');
  const core = m[3] ?? '';
  const trail = m[4] ?? '';
  const points: { head: string; tail: string }[] = [];
  for (let i = 3; i <= core.length - 3; i++) {
    const before = core[i - 1] ?? '';
    if (before === '-') {
      // A compound breaks after its own hyphen; no hyphen is added.
      points.push({ head: lead + core.slice(0, i), tail: core.slice(i) + trail });
      continue;
    }
    if (isSyllableCut(core, i)) points.push({ head: `${lead}${core.slice(0, i)}-`, tail: core.slice(i) + trail });
  }
  return points;
}

function isSyllableCut(core: string, i: number): boolean {
  const a = core[i - 2] ?? '';
  const b = core[i - 1] ?? '';
  const c = core[i] ?? '';
  const d = core[i + 1] ?? '';
  if (![a, b, c, d].every((ch) => letter.test(ch))) return false;
  // V-CV: ré-volution, Zino-viev.
  if (vowel.test(b) && !vowel.test(c) && vowel.test(d)) return !/^[xy]$/iu.test(c);
  // VC-CV: insur-rection, par-lers; but not between the letters of `ch`, `pl`, `gn`…
  if (vowel.test(a) && !vowel.test(b) && !vowel.test(c) && vowel.test(d)) return !inseparable.test(b + c);
  return false;
}
