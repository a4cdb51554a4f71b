/**
 * The converter on real books (issue 16): the French prose of ../shared/reference/tei-real/
 * (Hurlus, OBVIL, ELTeC, Sévigné; a slice of each file) laid out as PDF-extracted book pages in
 * each note style (test/support/book-pages/), converted in process with the config the style
 * needs, and scored against the TEI it came from. Every style is scored and printed; the styles
 * the converter supports are held to the targets: notes 100 % at their call (a note that
 * cannot be placed is a warning, never a silent merge), page breaks 100 % between the right
 * words, paragraphs ≥ 99 %, cut words ≥ 99.5 % right and no false join, no word lost, every TEI
 * valid against tei_all.rng.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateBooks, readRealSources } from '../support/book-pages/corpus.js';
import { convertBook, type BookRun } from '../support/book-pages/run-books.js';
import { percent, sumScores } from '../support/book-pages/score.js';
import { bodyMarkText, bookStyles, callText } from '../support/book-pages/styles.js';
import { jingValidate, skipWithoutJing } from '../support/jing.js';
import { requireShared, sharedDir, teiAllSchema } from '../support/paths.js';
import { join } from 'node:path';

const SEED = 16;
const WORDS_PER_FILE = 1500;

/**
 * Styles that need footnotes read at the foot of each page and `notes.convention: "auto"` (issue
 * 16, parts 1 and 2, being built on another branch): scored and printed, not yet held to the
 * targets. Move a style out of this list when the converter supports it.
 */
const STYLES_AWAITING_PAGE_FOOTNOTES: readonly string[] = [];

type Target = 'notes' | 'notes lost silently' | 'page breaks' | 'paragraphs' | 'cut words' | 'words';

/**
 * Targets a supported style misses today, each with what the corpus shows (issue 16, part 3: being
 * fixed on other branches). The test prints these figures and does not hold them; once a target is
 * met the test fails until its entry is removed, and the target is asserted again.
 */
const KNOWN_SHORTFALLS: Readonly<Record<string, Readonly<Partial<Record<Target, string>>>>> = {
  'foot-digits-per-page': {
    notes:
      'nothing sets the feet off and the numbers restart on each page: a note that runs on over the next page has its rest printed straight after the next page’s text, with no mark, no rule and no blank line. Found when the text ends on a cut word that the line below does not finish and the next page’s first line does (Barrès: “com-” / “avoir”, “mande.”); not found when the text’s last line ends on a whole word (Seignobos: “avec gravité” / “deux imbéciles”; Luxemburg: a note of four paragraphs over three pages, “aussi à” / “politique.”): nothing but the sense tells the text’s last line from the rest’s first; the note ends at its page’s foot with a note-continuation-missing warning (2 of 40, none silent), and its rest is read as text',
    'page breaks':
      'the same notes: the rest of Seignobos’s, read as text, holds the next page’s break (1 break between the wrong words, 1 extra: 98.8 %)',
    paragraphs:
      'the same notes (a note’s rest read as text merges the paragraphs around it: Seignobos, Luxemburg) and page gaps after a full line ending a sentence read as going on (Barbusse, Leroux, each with a page-break-paragraph warning): 97.3 %',
  },
  'foot-bracket-running': {
    paragraphs:
      'with running heads, a page gap after a full line ending a sentence (or “;”) before a capital is read by the text’s own boundaries inside its pages, and in the Leroux slice (paragraphs set apart by blank lines, not indented) 2 of 5 such boundaries end a paragraph: two page gaps that end paragraphs are read as going on (each with a page-break-paragraph warning)',
  },
};

const realDir = join(sharedDir, 'reference', 'tei-real');
requireShared(realDir);
const books = generateBooks(readRealSources(realDir, WORDS_PER_FILE), { seed: SEED });
const runs: BookRun[] = books.map((book) => convertBook(book));
const byStyle = new Map(bookStyles.map((s) => [s.name, runs.filter((r) => r.book.style.name === s.name)]));

function figures(styleRuns: readonly BookRun[]): string {
  const t = sumScores(styleRuns.map((r) => r.score));
  return `notes at call ${t.notesAtCall}/${t.notes} (lost ${t.notesLost}, silently ${t.notesLostSilently}); page breaks ${percent(t.pageBreaksRight, t.pageBreaks).toFixed(1)} % (${t.pageBreaksExtra} extra, @n right ${t.pageNumbersRight}/${t.pageNumbers}); paragraphs ${percent(t.paragraphsRight, t.paragraphs).toFixed(1)} %; cut words ${percent(t.cutsRight, t.cuts).toFixed(2)} % of ${t.cuts}, ${t.falseJoins} false joins; words lost ${t.wordsLost} of ${t.words}`;
}

function failures(styleRuns: readonly BookRun[], kind: string): string {
  return styleRuns
    .flatMap((r) => r.score.failures.filter((f) => f.startsWith(kind)).map((f) => `${r.book.name} (${r.book.encoding}): ${f}`))
    .slice(0, 8)
    .join('\n');
}

test('the corpus: every French prose file of tei-real, in every style, with notes, cut words and pages to score', () => {
  const files = new Set(books.map((b) => b.file));
  assert.ok(files.size >= 12, `${files.size} source files`);
  assert.deepEqual(
    [...byStyle.keys()].filter((s) => (byStyle.get(s) ?? []).length !== files.size),
    [],
  );
  for (const [style, styleRuns] of byStyle) {
    const t = sumScores(styleRuns.map((r) => r.score));
    assert.ok(t.pageBreaks > 2 * files.size && t.cuts > 10 * files.size, `${style}: ${t.pageBreaks} pages, ${t.cuts} cuts`);
    if (styleRuns[0]?.book.style.notes !== 'none') assert.ok(t.notes >= 30, `${style}: ${t.notes} notes`);
  }
  assert.ok(
    books.some((b) => b.encoding.startsWith('windows-1252')) && books.some((b) => b.encoding.endsWith('crlf')),
    'Windows-1252 and CRLF variants',
  );
});

test("the layout is a book's: every line within the measure, pages of the book's length, calls and bodies where the answer says, the same bytes from the same seed", () => {
  for (const book of books) {
    const lines = book.text.split('\n');
    const over = lines.filter((l) => [...l].length > book.measures.width && l.trim().includes(' '));
    assert.deepEqual(over, [], `${book.name}: lines wider than ${book.measures.width} columns`);
    // Between page gaps: at most the page's lines (one more or less than the book's), the running head and its blank line, a rule; a long note may overflow the last page.
    const pages = book.text.split(/\n{4,}/u).slice(0, -1);
    for (const page of pages)
      assert.ok(
        page.split('\n').length <= book.measures.pageLines + 4,
        `${book.name}: a page of ${page.split('\n').length} lines (book: ${book.measures.pageLines})`,
      );
    // The answer's lines (where a warning about a note must stand) are where the call and the body's mark are printed.
    for (const note of book.expected.notes) {
      assert.ok(
        (lines[note.callLine - 1] ?? '').includes(callText(book.style, note.n).trim()),
        `${book.name}: note ${note.n}'s call at line ${note.callLine}`,
      );
      assert.ok(
        (lines[note.bodyLine - 1] ?? '').startsWith(bodyMarkText(book.style, note.n)),
        `${book.name}: note ${note.n}'s body at line ${note.bodyLine}`,
      );
    }
  }
  const again = generateBooks(readRealSources(realDir, WORDS_PER_FILE), { seed: SEED });
  assert.ok(
    again.every((b, i) => Buffer.from(b.bytes).equals(Buffer.from(books[i]?.bytes ?? []))),
    'deterministic',
  );
});

test("the page-foot styles show what issue 16 lists: calls on a page's last line, bodies going on at the next page's foot, notes of several paragraphs", () => {
  for (const style of bookStyles.filter((s) => s.notes === 'foot')) {
    const f = (byStyle.get(style.name) ?? []).map((r) => r.book.expected.features);
    const sum = (k: keyof (typeof f)[number]) => f.reduce((n, x) => n + x[k], 0);
    assert.ok(
      sum('callsOnLastLine') > 0 && sum('bodiesContinued') > 0 && sum('notesWithParagraphs') > 0,
      `${style.name}: ${JSON.stringify({ callsOnLastLine: sum('callsOnLastLine'), bodiesContinued: sum('bodiesContinued'), notesWithParagraphs: sum('notesWithParagraphs') })}`,
    );
  }
});

test('STYLES_AWAITING_PAGE_FOOTNOTES names styles of the generator', () => {
  assert.deepEqual(
    STYLES_AWAITING_PAGE_FOOTNOTES.filter((name) => !bookStyles.some((s) => s.name === name)),
    [],
  );
});

test('no conversion throws', () => {
  assert.deepEqual(
    runs.filter((r) => r.thrown !== undefined).map((r) => `${r.book.name}: ${r.thrown}`),
    [],
  );
});

for (const style of bookStyles.filter((s) => !STYLES_AWAITING_PAGE_FOOTNOTES.includes(s.name))) {
  const styleRuns = byStyle.get(style.name) ?? [];
  const shortfalls = KNOWN_SHORTFALLS[style.name] ?? {};
  test(`${style.name} (${style.describe}): issue 16's targets`, (t) => {
    const s = sumScores(styleRuns.map((r) => r.score));
    t.diagnostic(figures(styleRuns));
    for (const [target, why] of Object.entries(shortfalls)) t.diagnostic(`not held today — ${target}: ${why}`);
    // A target is held unless it is a known shortfall; a known shortfall that is met now fails, so that its entry is removed.
    const stale: string[] = [];
    const hold = (target: Target, check: () => void) => {
      if (shortfalls[target] === undefined) return check();
      try {
        check();
        stale.push(target);
      } catch {
        // still short: printed above
      }
    };
    hold('notes', () => {
      assert.equal(s.notesAtCall, s.notes, `notes at their call\n${failures(styleRuns, 'note')}`);
    });
    // Even where notes are missed, none may be lost without a warning.
    hold('notes lost silently', () => assert.equal(s.notesLostSilently, 0, `notes lost without a warning\n${failures(styleRuns, 'note')}`));
    hold('page breaks', () => assert.equal(s.pageBreaksRight, s.pageBreaks, `page breaks\n${failures(styleRuns, 'page break')}`));
    assert.equal(s.pageNumbersRight, s.pageNumbers, `pb/@n: the printed page number, else counted\n${failures(styleRuns, 'page number')}`);
    hold('paragraphs', () =>
      assert.ok(
        percent(s.paragraphsRight, s.paragraphs) >= 99,
        `paragraphs ${s.paragraphsRight}/${s.paragraphs}\n${failures(styleRuns, 'paragraph')}`,
      ),
    );
    hold('cut words', () => {
      assert.ok(percent(s.cutsRight, s.cuts) >= 99.5, `cut words ${s.cutsRight}/${s.cuts}\n${failures(styleRuns, 'cut word')}`);
      assert.equal(s.falseJoins, 0, failures(styleRuns, 'false join'));
    });
    hold('words', () => assert.equal(s.wordsLost, 0, failures(styleRuns, 'word lost')));
    assert.deepEqual(stale, [], `targets met now: remove them from KNOWN_SHORTFALLS['${style.name}']`);
  });
}

// Only while a style awaits: with none, there is nothing to print.
if (STYLES_AWAITING_PAGE_FOOTNOTES.length > 0)
  test(`styles awaiting page footnotes and notes.convention "auto" (${STYLES_AWAITING_PAGE_FOOTNOTES.join(', ')}): scored and printed, not yet held to the targets`, (t) => {
    for (const name of STYLES_AWAITING_PAGE_FOOTNOTES) t.diagnostic(`${name}: ${figures(byStyle.get(name) ?? [])}`);
    assert.ok(STYLES_AWAITING_PAGE_FOOTNOTES.every((name) => (byStyle.get(name) ?? []).length > 0));
  });

test('every TEI of the corpus is valid against the official tei_all.rng (jing)', (t) => {
  const skip = skipWithoutJing();
  if (skip) return t.skip(skip);
  const documents = Object.fromEntries(runs.map((r) => [`${r.book.name.replace('/', '--')}.xml`, r.xml ?? '']));
  assert.deepEqual(jingValidate(teiAllSchema, documents), []);
});
