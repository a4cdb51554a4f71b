/**
 * The `prose` layout profile (sources 000 and 003): paragraphs are separated by a blank line,
 * a run of three or more blank lines is a page break, and a blank run holding a line of spaces
 * separates sections. A page break inside a paragraph or a word does not split it.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { Line } from '../lines/split-lines.js';
import type { Lexicon } from '../../lib/lexicon/lexicon.js';
import { documentLineWords, isNoiseLine, matchRunningHead } from './forme.js';
import { classifyOverrides } from './overrides.js';
import { opensWithNoteMark } from './note-marks.js';
import { findPageFootnotes, footnoteMessages, type PageFootnotes } from './page-footnotes.js';
import { PageCounter } from './page-counter.js';
import { learnPageEvidence, type PageEvidence, readPageGap } from './page-gap.js';
import { closesSentence, endsWithHyphen, looksLikeHeading } from './text-rules.js';
import type { FormeLine, Layout, LayoutBlock, LayoutLine, LayoutSection, LayoutSettings, PageBreakMark } from './types.js';

interface Gap {
  blankLines: number;
  spaceOnly: boolean;
  firstBlank: number;
}

interface MutableBlock {
  role: LayoutBlock['role'];
  lines: LayoutLine[];
  opensTextBlock: boolean;
}

export function analyseProse(
  lines: readonly Line[],
  settings: LayoutSettings,
  lexicon: Lexicon,
  file: string,
  messages: Diagnostic[],
): Layout {
  const roles = classifyOverrides(lines, settings.overrides);
  const pages = new PageCounter(settings.firstPage);
  const sections: MutableBlock[][] = [];
  let section: MutableBlock[] = [];
  let block: MutableBlock | undefined;
  let previous: Line | undefined;
  let gap: Gap = { blankLines: 0, spaceOnly: false, firstBlank: 0 };
  let forme: FormeLine[] = [];
  let pendingPage: PageBreakMark | undefined;
  const front: MutableBlock[] = [];
  const forcedNotes: MutableBlock[] = [];
  const foot = settings.noteConvention === 'page-footnotes' ? findPageFootnotes(lines, settings, roles, lexicon) : undefined;
  if (foot) messages.push(...footnoteMessages(foot, file));
  // The measure and the paragraph openings are the text's: a page's footnotes are set apart.
  const textLines = foot ? lines.filter((l) => !foot.lines.has(l.n) && !foot.rules.has(l.n)) : lines;
  const pageEvidence = learnPageEvidence(textLines);
  const documentWords = settings.ocrNoise ? documentLineWords(lines) : undefined;

  const closeBlock = () => {
    if (block && block.lines.length > 0) section.push(block);
    block = undefined;
  };
  const closeSection = () => {
    closeBlock();
    if (section.length > 0) sections.push(section);
    section = [];
  };

  for (const line of lines) {
    if (line.kind !== 'text') {
      if (gap.blankLines === 0) gap.firstBlank = line.n;
      gap.blankLines += 1;
      gap.spaceOnly ||= line.kind === 'space-only';
      continue;
    }
    const role = roles.get(line.n);
    if (role === 'ignore') {
      forme.push({ kind: 'ignored', line });
      continue;
    }
    if (role === undefined && foot && takeFootLine(foot, line, forcedNotes, forme)) {
      if (foot.lines.has(line.n)) gap = { blankLines: 0, spaceOnly: false, firstBlank: 0 };
      continue;
    }
    if (role === 'front' || role === 'notes') {
      const target = role === 'front' ? front : forcedNotes;
      const last = target[target.length - 1];
      if (last && gap.blankLines === 0 && last.lines.length > 0) last.lines.push({ line });
      else target.push({ role: 'p', lines: [{ line }], opensTextBlock: false });
      gap = { blankLines: 0, spaceOnly: false, firstBlank: 0 };
      continue;
    }
    if (role !== 'body' && role !== 'head') {
      const head = settings.runningHeads.length > 0 ? matchRunningHead(line, settings.runningHeads) : undefined;
      if (head) {
        if (previous !== undefined || block !== undefined) pendingPage = pages.next(line.n, head.pageNumber);
        else pages.setCurrent(head.pageNumber);
        forme.push({ kind: 'running-head', line });
        continue;
      }
      if (settings.ocrNoise && isNoiseLine(line, previous, lexicon, documentWords)) {
        forme.push({ kind: 'noise', line });
        messages.push(
          diagnostic('warning', 'ocr-noise', `line looks like OCR noise, kept apart as <fw type="noise">: "${clip(line.text)}"`, {
            file,
            line: line.n,
            column: line.column,
          }),
        );
        continue;
      }
    }

    const { decision, doubt } =
      previous === undefined
        ? { decision: 'first' as const }
        : decideGap(previous, line, gap, settings, pendingPage !== undefined, pageEvidence);
    if (decision === 'section') closeSection();
    if (decision === 'page-paragraph' || decision === 'page-continue' || decision === 'page-note') {
      if (settings.runningHeads.length === 0) pendingPage = pages.next(gap.firstBlank);
      if (doubt !== undefined) messages.push(pageGapWarning(decision, doubt, file, line));
    }
    if (decision !== 'continue' && decision !== 'page-continue') closeBlock();
    if (!block)
      block = {
        role: role === 'head' ? 'head' : 'p',
        lines: [],
        opensTextBlock: line.indented || decision === 'first' || decision === 'section',
      };
    const entry: LayoutLine = {
      line,
      ...(pendingPage ? { pageBreak: pendingPage } : {}),
      ...(forme.length > 0 ? { formeBefore: forme } : {}),
    };
    block.lines.push(entry);
    pendingPage = undefined;
    forme = [];
    previous = line;
    gap = { blankLines: 0, spaceOnly: false, firstBlank: 0 };
  }
  closeSection();

  markHeadings(sections);
  const { body, notes } = splitOffNotes(sections, settings);
  return {
    flows: [{ appearance: 1, sections: body }],
    front,
    notes: notes ?? { blocks: forcedNotes, ...(foot ? { footnotes: foot.matches } : {}) },
    firstPage: pages.first(lines.find((l) => l.kind === 'text')?.n ?? 1),
    trailingForme: forme,
  };
}

type GapDecision = 'first' | 'continue' | 'paragraph' | 'section' | 'page-continue' | 'page-paragraph' | 'page-note';

interface GapReading {
  readonly decision: GapDecision;
  /** The page gap's paragraph boundary is a guess: what was assumed, for the warning. */
  readonly doubt?: string;
}

function decideGap(previous: Line, line: Line, gap: Gap, settings: LayoutSettings, pageSeen: boolean, evidence: PageEvidence): GapReading {
  const decision = decideGapByPunctuation(previous, line, gap, settings, pageSeen);
  if (decision !== 'page-continue' && decision !== 'page-paragraph') return { decision };
  // A line that ends with a hyphen goes on: a page break never splits a word, nor a compound (`Alsace-` / `Lorraine`).
  if (endsWithHyphen(previous.text)) return { decision: 'page-continue' };
  // Otherwise the page's evidence decides (./page-gap.ts).
  const reading = readPageGap(previous, line, evidence);
  return {
    decision: reading.kind === 'paragraph' ? 'page-paragraph' : 'page-continue',
    ...(reading.doubt !== undefined ? { doubt: reading.doubt } : {}),
  };
}

function pageGapWarning(decision: GapDecision, doubt: string, file: string, line: Line): Diagnostic {
  const hint =
    decision === 'page-paragraph'
      ? 'check the printed source; if the paragraph goes on across the page, merge the two <p> in the TEI by hand (convert then leaves the edited file alone)'
      : 'check the printed source; if a new paragraph starts on this page, split the <p> in the TEI by hand (convert then leaves the edited file alone)';
  return diagnostic('warning', 'page-break-paragraph', doubt, { file, line: line.n, column: line.column }, { hint });
}

function decideGapByPunctuation(previous: Line, line: Line, gap: Gap, settings: LayoutSettings, pageSeen: boolean): GapDecision {
  // A word cut at the line end goes on, whatever the blank lines (OCR puts some inside words).
  const wordGoesOn = endsWithHyphen(previous.text) && /^\p{Ll}/u.test(line.text);
  const sentenceGoesOn = wordGoesOn || (!closesSentence(previous.text) && /^\p{Ll}/u.test(line.text));
  // Only OCR makes blank lines unreliable: running heads are printed by clean extractions too.
  const ocr = settings.ocrNoise;
  if (pageSeen && ocr) return sentenceGoesOn ? 'continue' : 'paragraph';
  if (gap.spaceOnly && !ocr && !wordGoesOn) return 'section';
  // A page that a running head opens is a page gap like any other: its evidence decides.
  if (pageSeen) return opensWithNoteMark(line.text, settings.noteConvention) ? 'page-note' : 'page-continue';
  if (gap.blankLines === 0) return 'continue';
  // In OCR, blank lines also fall inside paragraphs: a sentence that obviously goes on, goes on.
  if (ocr) return sentenceGoesOn ? 'continue' : 'paragraph';
  if (gap.blankLines >= 3) {
    // A page that opens with a note mark (`[5]. …`) opens a note body, or a paragraph that starts
    // with a call: joined to what precedes, a note would vanish into the previous one.
    if (opensWithNoteMark(line.text, settings.noteConvention)) return 'page-note';
    // Whether a paragraph ends here is for the page's evidence to say (decideGap, ./page-gap.ts).
    return 'page-continue';
  }
  return wordGoesOn ? 'continue' : 'paragraph';
}

/**
 * A line of a page's foot goes to the notes (a body's mark or an indent opens a paragraph), a
 * rule above them to the forme work: neither is text, so the page gap rule and a word cut at the
 * page's last line see past them.
 */
function takeFootLine(foot: PageFootnotes, line: Line, notes: MutableBlock[], forme: FormeLine[]): boolean {
  if (foot.rules.has(line.n)) {
    forme.push({ kind: 'footnote-rule', line });
    return true;
  }
  const role = foot.lines.get(line.n);
  if (role === undefined) return false;
  const last = notes[notes.length - 1];
  if (role === 'goes-on' && last) last.lines.push({ line });
  else notes.push({ role: 'p', lines: [{ line }], opensTextBlock: false });
  return true;
}

/** The first block of a section, when it has the shape of a heading, is one. */
function markHeadings(sections: MutableBlock[][]): void {
  for (const section of sections) {
    const first = section[0];
    if (first && first.role === 'p' && section.length > 1 && looksLikeHeading(first.lines.map((l) => l.line.text))) first.role = 'head';
  }
}

/** An endnotes section: a section whose first block is the notes heading alone (`Notes`). */
function splitOffNotes(sections: MutableBlock[][], settings: LayoutSettings): { body: LayoutSection[]; notes?: Layout['notes'] } {
  if (settings.noteConvention !== 'bracketed-endnotes') return { body: sections.map((blocks) => ({ blocks })) };
  const wanted = settings.notesHeading.trim().toLowerCase();
  const index = sections.findIndex((s) => {
    const first = s[0];
    return (
      first !== undefined && first.lines.length === 1 && (first.lines[0]?.line.text ?? '').replace(/[\s.:]+$/u, '').toLowerCase() === wanted
    );
  });
  if (index < 0) return { body: sections.map((blocks) => ({ blocks })) };
  const notesSection = sections[index] ?? [];
  const heading = notesSection[0]?.lines[0];
  const body = sections.filter((_, i) => i !== index).map((blocks) => ({ blocks }));
  // Page breaks and forme work before the heading stay with the notes' first paragraph.
  const rest = notesSection.slice(1);
  return { body, notes: { ...(heading ? { heading } : {}), blocks: rest } };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
