/**
 * `real-books` (issue 16): the converter on real French prose laid out as PDF-extracted book
 * pages (test/support/book-pages/, the same corpus as test/convert/real-books.test.ts): the
 * scores per note style and per source file, the corpus's size, and the conversion speed (each
 * book converted in process, `--runs` times; best and median of the whole corpus). Figures only:
 * nothing here asserts; the targets are held by the test.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { frenchLexicon } from '../../src/lib/lexicon/lexicon.js';
import { generateBooks, readRealSources } from '../../test/support/book-pages/corpus.js';
import { convertBook, type BookRun } from '../../test/support/book-pages/run-books.js';
import { percent, sumScores } from '../../test/support/book-pages/score.js';
import { bookStyles, declaresItsNotes } from '../../test/support/book-pages/styles.js';
import { repositoryRoot } from '../corpus/samples.js';
import { formatMs, MB, round, timing } from '../measure.js';
import type { BenchSection, Json, SectionReport } from '../section.js';

const SEED = 16;
const WORDS_PER_FILE = 1500;

function scoreLine(runs: readonly BookRun[]): { text: string; figures: { [key: string]: Json } } {
  const t = sumScores(runs.map((r) => r.score));
  const text = `notes at call ${t.notesAtCall}/${t.notes} (lost ${t.notesLost}, silently ${t.notesLostSilently}), page breaks ${percent(t.pageBreaksRight, t.pageBreaks).toFixed(1)} % (${t.pageBreaksExtra} extra; @n ${t.pageNumbersRight}/${t.pageNumbers}), paragraphs ${percent(t.paragraphsRight, t.paragraphs).toFixed(1)} %, cut words ${percent(t.cutsRight, t.cuts).toFixed(2)} % (${t.falseJoins} false joins), words lost ${t.wordsLost}, warnings ${t.warnings}`;
  return {
    text,
    figures: {
      ...t,
      notesPercent: round(percent(t.notesAtCall, t.notes), 2),
      pageBreaksPercent: round(percent(t.pageBreaksRight, t.pageBreaks), 2),
      paragraphsPercent: round(percent(t.paragraphsRight, t.paragraphs), 2),
      cutsPercent: round(percent(t.cutsRight, t.cuts), 2),
      thrown: runs.filter((r) => r.thrown !== undefined).length,
    },
  };
}

export const realBooksSection: BenchSection = {
  name: 'real-books',
  describe: 'the converter on real French prose laid out as extracted book pages: scores per note style and per file, speed',
  run: async (ctx): Promise<SectionReport> => {
    const realDir = join(repositoryRoot(), '..', 'shared', 'reference', 'tei-real');
    if (!existsSync(realDir))
      return { lines: ['../shared/reference/tei-real not found — skipped'], figures: { skipped: 'tei-real not found' } };
    const sources = readRealSources(realDir, WORDS_PER_FILE);
    const books = generateBooks(sources, { seed: SEED });
    const bytes = books.reduce((n, b) => n + b.bytes.byteLength, 0);
    const lexicon = frenchLexicon();
    let runs: BookRun[] = [];
    const totals: number[] = [];
    for (let i = 1; i <= ctx.runs; i++) {
      ctx.progress(`real-books: run ${i}/${ctx.runs}, ${books.length} books`);
      runs = books.map((b) => convertBook(b, lexicon));
      totals.push(runs.reduce((n, r) => n + r.ms, 0));
    }
    const t = timing(totals);
    const lines = [
      `real books: ${sources.length} French prose files of tei-real (${WORDS_PER_FILE} words of each) × ${bookStyles.length} note styles = ${books.length} books, ${(bytes / MB).toFixed(2)} MB, ${books.reduce((n, b) => n + b.expected.pageBreaks.length, 0)} pages of text, seed ${SEED}`,
      `    conversion in process, whole corpus: best ${formatMs(t.best)}, median ${formatMs(t.median)} (${ctx.runs} runs) — ${(bytes / MB / (t.best / 1000)).toFixed(2)} MB/s at best`,
      '    per style (* = no convention declared: the notes must be found by themselves, at the page foot or after “Notes”; issue 16, parts 1–2):',
    ];
    const styles: { [key: string]: Json } = {};
    for (const style of bookStyles) {
      const s = scoreLine(runs.filter((r) => r.book.style.name === style.name));
      lines.push(`      ${declaresItsNotes(style) ? ' ' : '*'} ${style.name}: ${s.text}`);
      styles[style.name] = s.figures;
    }
    const supported = (r: BookRun) => declaresItsNotes(r.book.style);
    lines.push('    per source file, the styles that declare their notes (the others are in the JSON figures):');
    const files: { [key: string]: Json } = {};
    for (const file of [...new Set(books.map((b) => b.file))]) {
      const s = scoreLine(runs.filter((r) => r.book.file === file && supported(r)));
      lines.push(`        ${file}: ${s.text}`);
      files[file] = {
        supportedStyles: s.figures,
        awaitingStyles: scoreLine(runs.filter((r) => r.book.file === file && !supported(r))).figures,
      };
    }
    return {
      lines,
      figures: {
        files: sources.length,
        books: books.length,
        bytes,
        seed: SEED,
        wordsPerFile: WORDS_PER_FILE,
        bestMs: round(t.best),
        medianMs: round(t.median),
        runsMs: t.runs.map((ms) => round(ms)),
        styles,
        perFile: files,
      },
    };
  },
};
