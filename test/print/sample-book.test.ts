/**
 * The print edition of the sample, as a reader gets it: `tei-edition convert` then `tei-edition
 * pdf` in a copy of the sample edition, and the PDF read back page by page (pdfjs-dist):
 *   • each note's text is at the foot of the page where its call is;
 *   • the index lists every person and place mentioned, with exactly pages that show the name;
 *   • the table of contents gives the page where each chapter and index opens;
 *   • the source's page breaks are margin markers [p. N], in the outer margin;
 *   • the fonts are embedded (pdffonts, from poppler-utils);
 * and the first pages, a page with notes and the index are rendered to PNG in
 * test/artifacts/print/ (pdftoppm) to be looked at.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseNamespacedTree, type NamespacedElement } from '../../src/lib/xml/namespaced-tree.js';
import { repoRoot } from '../support/paths.js';
import { pdfPages, type PdfPage } from '../support/pdf-text.js';
import { runTeiEdition, sampleEditionCopy } from '../support/run-cli.js';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';
const ARTIFACTS = join(repoRoot, 'test', 'artifacts', 'print');

/** A poppler-utils program, or why the check that needs it is skipped (never in CI). */
function poppler(program: string): string | false {
  try {
    execFileSync(program, ['-v'], { stdio: 'ignore' });
    return false;
  } catch {
    if (process.env.CI)
      throw new Error(`${program} is not installed, but CI must run this check (.ci/run installs Debian's poppler-utils)`);
    return `${program} is not installed (Debian package poppler-utils; .ci/run installs it): skipped here`;
  }
}

// ===== What the TEI says (the reading text, as the book prints it) =====

interface NoteFact {
  readonly label: string;
  readonly wordBefore: string;
  readonly words: string;
}
interface Mention {
  readonly kind: 'person' | 'place';
  readonly id: string;
  readonly text: string;
}

const squeeze = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\s\u00A0\u202F\u2009]+/gu, ' ')
    .trim();

/** Walks a text's TEI as the reading text: corrections and regularisations, no deletions, words joined at lb break="no". */
function readTei(xml: string): { notes: NoteFact[]; mentions: Mention[]; pbs: string[] } {
  const notes: NoteFact[] = [];
  const mentions: Mention[] = [];
  const pbs: string[] = [];
  let before = '';
  let count = 0;
  const text = (el: NamespacedElement): string => {
    let out = '';
    for (const child of el.children) {
      if (typeof child === 'string') {
        out += child;
        continue;
      }
      if (child.ns !== TEI_NS) continue;
      out += visit(child, (s) => s);
    }
    return out;
  };
  const visit = (el: NamespacedElement, sink: (s: string) => string): string => {
    switch (el.name) {
      case 'teiHeader':
      case 'del':
      case 'fw':
        return '';
      case 'lb':
        return el.attributes.break === 'no' ? '' : ' ';
      case 'pb':
        pbs.push(el.attributes.n ?? '');
        return '';
      case 'choice': {
        const kept = el.children.find((c): c is NamespacedElement => typeof c !== 'string' && ['corr', 'reg', 'expan'].includes(c.name));
        return kept ? text(kept) : '';
      }
      case 'note': {
        count++;
        const words = squeeze(text(el)).split(' ').slice(0, 5).join(' ');
        const wordBefore = squeeze(before).split(' ').pop() ?? '';
        notes.push({ label: el.attributes.n ?? String(count), wordBefore, words });
        return '';
      }
      default: {
        const inner = text(el);
        const ref = el.attributes.ref?.split('#')[1];
        if (ref !== undefined && (el.name === 'persName' || el.name === 'placeName'))
          mentions.push({ kind: el.name === 'persName' ? 'person' : 'place', id: ref, text: squeeze(inner) });
        return sink(inner);
      }
    }
  };
  const root = parseNamespacedTree(xml);
  // Document order, with `before` the reading text so far (for the word each note call follows).
  const walk = (el: NamespacedElement): void => {
    for (const child of el.children) {
      if (typeof child === 'string') {
        before += child;
        continue;
      }
      if (child.ns !== TEI_NS || child.name === 'teiHeader') continue;
      if (['note', 'lb', 'pb', 'choice', 'del', 'fw', 'persName', 'placeName'].includes(child.name)) before += visit(child, (s) => s);
      else walk(child);
      if (child.name === 'persName' || child.name === 'placeName') continue;
    }
  };
  walk(root);
  return { notes, mentions, pbs };
}

/** The ids of a register's entries (person or place elements with an xml:id). */
function registerIds(file: string, element: 'person' | 'place'): Set<string> {
  return new Set(
    [...readFileSync(file, 'utf8').matchAll(new RegExp(`<${element}\\b[^>]*\\sxml:id="([^"]+)"`, 'gu'))].map((m) => m[1] as string),
  );
}

describe('the print edition of the sample', () => {
  let dir = '';
  let pdf = '';
  let pages: PdfPage[] = [];
  let facts: ReturnType<typeof readTei>[] = [];
  const bodySize = (page: PdfPage): number => Math.max(...page.lines.map((l) => l.size).filter((s) => s < 12), 0);

  before(async () => {
    dir = sampleEditionCopy();
    assert.equal(runTeiEdition(['convert', '--quiet'], dir).code, 0);
    const run = runTeiEdition(['pdf'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /wrote output\/print\/edition\.typ and output\/print\/edition\.pdf \(\d+ pages\)/u);
    pdf = join(dir, 'output', 'print', 'edition.pdf');
    pages = await pdfPages(pdf);
    const teiDir = join(dir, 'tei');
    facts = readdirSync(teiDir)
      .filter((f) => f.startsWith('1917-'))
      .map((f) => readTei(readFileSync(join(teiDir, f), 'utf8')));
  });

  test('writes edition.typ and a PDF of the three chapters', () => {
    assert.ok(readFileSync(join(dir, 'output', 'print', 'edition.typ'), 'utf8').includes('#chapter('));
    assert.ok(readFileSync(pdf).subarray(0, 5).toString() === '%PDF-');
    assert.ok(pages.length >= 10, `${pages.length} pages`);
  });

  test('each note is at the foot of the page of its call', () => {
    const notes = facts.flatMap((f) => f.notes);
    assert.ok(notes.length >= 4, `${notes.length} notes`);
    for (const note of notes) {
      const call = squeeze(note.wordBefore + note.label);
      const withCall = pages.filter((p) => squeeze(p.text).includes(call));
      assert.equal(withCall.length, 1, `the call “${call}” is on pages ${withCall.map((p) => p.number).join(', ') || 'none'}`);
      const page = withCall[0] as PdfPage;
      const size = bodySize(page);
      const foot = squeeze(
        page.lines
          .filter((l) => l.size < size - 0.5)
          .map((l) => l.text)
          .join(' '),
      );
      assert.ok(
        foot.includes(note.words),
        `page ${page.number}: the note “${note.words}…” (call ${call}) is not at its foot: ${foot.slice(0, 200)}`,
      );
    }
  });

  test('the indexes list every person and place with the pages that show them', () => {
    for (const [kind, title, file] of [
      ['person', 'Index des personnes', 'persons.xml'],
      ['place', 'Index des lieux', 'places.xml'],
    ] as const) {
      const start = pages.findIndex((p) => p.lines.some((l) => l.text.trim() === title) && p.number > 4);
      assert.ok(start >= 0, `no page opens with ${title}`);
      const entries = new Map<string, number[]>();
      for (const page of pages.slice(start)) {
        if (page !== pages[start] && page.lines.some((l) => /^Index des/u.test(l.text.trim()) && l.size > 12)) break;
        // An entry longer than a line goes on indented (hanging indent): join it first.
        const body = page.lines.filter((l) => l.size < 12 && !/^\d+$/u.test(l.text.trim()));
        const left = Math.min(...body.map((l) => l.x));
        const joined: string[] = [];
        for (const line of body) {
          if (line.x > left + 3 && joined.length > 0) joined[joined.length - 1] += ` ${line.text}`;
          else joined.push(line.text);
        }
        for (const entry of joined) {
          const m = /^(.+?)(?: \(.*\))?, ([\d, ]+)$/u.exec(squeeze(entry));
          assert.ok(m, `${title}: an entry that does not read “name (details), pages”: ${entry}`);
          entries.set(m[1] as string, (m[2] as string).split(', ').map(Number));
        }
      }
      const mentions = facts.flatMap((f) => f.mentions).filter((m) => m.kind === kind);
      const ids = new Set(mentions.map((m) => m.id));
      const registered = registerIds(join(dir, 'tei', file), kind);
      const mentioned = [...ids].filter((id) => registered.has(id));
      assert.equal(entries.size, mentioned.length, `${title}: ${entries.size} entries for ${mentioned.length} ${kind}s mentioned`);
      // Each listed page shows a form of the name the texts use for that entry.
      const formsByName = new Map<string, string[]>();
      for (const id of mentioned) {
        const forms = mentions.filter((m) => m.id === id).map((m) => m.text);
        const name = [...entries.keys()].find(
          (n) =>
            forms.some((f) => f.split(' ').some((w) => w.length > 3 && n.includes(w))) || n.toLowerCase().includes(id.replace(/-/gu, ' ')),
        );
        assert.ok(name !== undefined, `${kind} ${id} (${forms.join(', ')}) is not in the ${title}`);
        formsByName.set(name, forms);
      }
      for (const [name, listed] of entries) {
        const forms = formsByName.get(name) ?? [];
        for (const n of listed) {
          const page = squeeze(pages[n - 1]?.text ?? '');
          assert.ok(
            forms.some((f) => f.split(' ').some((w) => w.length > 2 && page.includes(w))),
            `${title}: ${name} is listed on page ${n}, which shows none of ${forms.join(', ')}`,
          );
        }
      }
    }
  });

  test('the table of contents gives the page where each part opens', () => {
    const toc = pages.find((p) => p.lines.some((l) => l.text.trim() === 'Table des matières'));
    assert.ok(toc, 'no table of contents');
    const rows = toc.lines.map((l) => /^(.+?)[ .]*\s(\d+)$/u.exec(squeeze(l.text))).filter((m): m is RegExpExecArray => m !== null);
    assert.equal(rows.length, 5, `ToC rows: ${toc.lines.map((l) => l.text).join(' | ')}`);
    for (const row of rows) {
      const title = (row[1] as string).replace(/…$/u, '').trim();
      const page = pages[Number(row[2]) - 1];
      assert.ok(page, `page ${row[2]} does not exist`);
      const words = squeeze(title).split(' ').slice(0, 4).join(' ');
      assert.ok(squeeze(page.text).includes(words), `ToC: “${title}” on page ${row[2]}, which begins: ${page.text.slice(0, 120)}`);
      assert.ok(
        !squeeze(pages[Number(row[2]) - 2]?.text ?? '').includes(words) || Number(row[2]) === 1,
        `ToC: “${title}” opens before page ${row[2]}`,
      );
    }
  });

  test('the source pages are margin markers [p. N] in the outer margin', () => {
    const markers = pages.flatMap((p) =>
      p.items
        .filter((i) => /^\[p\.\s\S+\]$/u.test(squeeze(i.text)))
        .map((i) => ({ page: p.number, n: squeeze(i.text).slice(4, -1), x: i.x })),
    );
    const expected = facts.flatMap((f) => f.pbs);
    assert.deepEqual(markers.map((m) => m.n).sort(), [...expected].sort());
    // A5 (420 × 595 pt), outer margin 24 mm (68 pt): right of the text on rectos, left on versos.
    for (const m of markers) {
      if (m.page % 2 === 1)
        assert.ok(m.x > 420 - 68, `page ${m.page}: [p. ${m.n}] at x=${m.x.toFixed(0)}, not in the outer (right) margin`);
      else assert.ok(m.x < 68, `page ${m.page}: [p. ${m.n}] at x=${m.x.toFixed(0)}, not in the outer (left) margin`);
    }
  });

  test('a letter’s closer is set to the right', () => {
    const signature = pages.flatMap((p) => p.lines).find((l) => l.text.trim() === 'N. Lénine');
    assert.ok(signature, 'no line “N. Lénine”');
    assert.ok(signature.x > 250, `the signature starts at x=${signature.x.toFixed(0)}, not at the right of an A5 text block`);
  });

  test('the fonts are embedded', (t) => {
    const skip = poppler('pdffonts');
    if (skip) return t.skip(skip);
    const rows = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.ok(rows.length >= 2, 'no fonts listed');
    for (const row of rows) assert.match(row, /\s(?:yes)\s+(?:yes|no)\s+(?:yes|no)\s+\d+\s+\d+\s*$/u, `not embedded: ${row}`);
  });

  test('renders the first pages, a page with notes and the index to PNG (test/artifacts/print/)', (t) => {
    const skip = poppler('pdftoppm');
    if (skip) return t.skip(skip);
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    const withNotes =
      pages.find((p) => p.number > 4 && p.lines.some((l) => l.size < bodySize(p) - 0.5 && /^\d/u.test(l.text)))?.number ?? 5;
    const index = pages.find((p) => p.lines.some((l) => l.text.trim() === 'Index des personnes') && p.number > 4)?.number ?? pages.length;
    for (const [name, first, last] of [
      ['book', 1, 7],
      ['notes', withNotes, withNotes],
      ['index', index, index],
    ] as const) {
      execFileSync('pdftoppm', ['-r', '90', '-png', '-f', String(first), '-l', String(last), pdf, join(ARTIFACTS, name)]);
    }
    const made = readdirSync(ARTIFACTS).filter((f) => f.endsWith('.png'));
    assert.ok(made.length >= 9, made.join(', '));
    assert.ok(existsSync(join(ARTIFACTS, made[0] as string)));
  });
});
