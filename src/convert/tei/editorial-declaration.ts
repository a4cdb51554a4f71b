/**
 * `encodingDesc/editorialDecl`: the conversion rules this file was made with, in words, so that
 * a reader of the TEI alone knows how to get back to the source. TEI P5 §2.3.3.
 */
import type { XmlElementWriter } from '../../lib/xml/xml-writer.js';
import type { HeaderContext } from './header-context.js';
import { close, element } from './write-body.js';

export function editorialDeclaration(parent: XmlElementWriter, ctx: HeaderContext, depth: number): void {
  const { source } = ctx;
  const decl = element(parent, 'editorialDecl', {}, depth);
  const para = (container: XmlElementWriter, text: string) => element(container, 'p', {}, depth + 2).txt(text);

  const correction = element(decl, 'correction', { method: 'markup' }, depth + 1);
  const corrections = source.corrections ?? [];
  para(
    correction,
    corrections.length === 0
      ? 'No misprint is corrected. Misprints are never corrected silently: a correction is listed in the edition config and encoded as choice/sic/corr.'
      : `Misprints listed in the edition config (${corrections.length}) are encoded as choice/sic (the source reading) and corr (the correction): ${corrections.map((c) => `“${c.sic}” → “${c.corr}”`).join('; ')}. Nothing else is corrected.`,
  );
  close(correction, depth + 1);

  const normalization = element(decl, 'normalization', { method: 'markup' }, depth + 1);
  para(
    normalization,
    'Characters are normalised to Unicode NFC and line ends to LF. Drop caps set in capitals and glued to the next word in the transcription (“LE29”, “JE ne”) are encoded as choice/orig (as transcribed) and reg (normalised). Typographic apostrophes and quotation marks are kept as transcribed.',
  );
  close(normalization, depth + 1);

  const hyphenation = element(decl, 'hyphenation', { eol: 'some' }, depth + 1);
  para(
    hyphenation,
    'Every source line begins with lb, whose @n is the line number in the raw transcription file. A word cut by a typographic hyphen at the line end is joined in the text and the hyphen is recorded on the break: lb[@break="no"][@rend="hyphen"]. A hyphen that belongs to a compound and falls at the line end stays in the text, followed by lb[@break="no"]. The decision uses the document’s own vocabulary first (the compound or the joined word written elsewhere in the text), then a French word list (an-array-of-french-words); undecided cases are joined and reported as warnings by the converter.',
  );
  close(hyphenation, depth + 1);

  const segmentation = element(decl, 'segmentation', {}, depth + 1);
  para(segmentation, segmentationRule(ctx));
  para(segmentation, pageRule(ctx));
  close(segmentation, depth + 1);

  const interpretation = element(decl, 'interpretation', {}, depth + 1);
  const notes = para(interpretation, noteRule(ctx));
  appendLegend(notes, ctx);
  para(
    interpretation,
    'Names: every form listed in the edition’s registers (persons.xml, places.xml, periodicals.xml, organisations.xml) is tagged where it occurs, as persName, placeName, title[@level="j"] or orgName with @ref pointing to the register entry; forms are compared without accents and apostrophe variants, as whole words, the longest form first, and may run across line and page breaks. Nothing is tagged from capitals alone.',
  );
  para(interpretation, dateRule(ctx));
  close(interpretation, depth + 1);
  close(decl, depth);
}

function segmentationRule(ctx: HeaderContext): string {
  const { source, doc } = ctx;
  if (source.layout.profile === 'columns') {
    const moved =
      doc.facts.movedHeadFromLine === undefined
        ? ''
        : ` The heading printed at line ${doc.facts.movedHeadFromLine} is moved to the start of its text.`;
    return `Layout profile “columns”: each line of the transcription is a printed line and blank lines are extraction artefacts. Text blocks start at an indented line, at a footnote body or where the lines get clearly wider; blocks of the same width are one text. The interleaved texts are put in reading order (one div each); the lb/@n line numbers give the order of the transcription.${moved} A paragraph ends on a line that closes a sentence and is clearly shorter than its column. Indented first lines in capitals are drop caps.`;
  }
  return 'Layout profile “prose”: paragraphs are separated by a blank line in the transcription; a run of three or more blank lines is a page break, which never splits a paragraph or a word; a blank run that contains a line of spaces separates two sections (div[@type="section"]). A first block without final punctuation is a heading; a first paragraph that opens with a form of address is the letter’s opener, a last one that opens with a closing formula its closer.';
}

function pageRule(ctx: HeaderContext): string {
  switch (ctx.doc.facts.pageNumbering) {
    case 'printed':
      return 'pb/@n gives the printed page numbers of the source.';
    case 'counted':
      return 'pb/@n counts the pages of the transcription from 1: the printed page numbers of the source are not known.';
    case 'none':
      return 'The transcription records no page boundaries, so there is no pb.';
  }
}

function noteRule(ctx: HeaderContext): string {
  const notes = ctx.source.notes;
  const convention = notes?.convention ?? 'none';
  const marker = notes?.editorMarker;
  const base =
    convention === 'parenthesised-footnotes'
      ? 'Footnotes: calls “(n)” in the text and bodies “(n) …” printed in blocks. Each note is moved to its call as note[@place="foot"] with @n, and the call is removed.'
      : convention === 'bracketed-endnotes'
        ? 'Endnotes: bodies “[n]. …” printed after a notes heading. Each note is moved to its call “[n]” as note[@place="foot"] with @n, and the call is removed; a note whose call is not in the text is attached to the text’s heading, with @anchored="false".'
        : convention === 'page-footnotes'
          ? 'Footnotes at the foot of each page: a line at a page’s foot is a note body when its mark (“1”, “1.”, “1)”, “(1)”, “[1]”, “*”) matches a call on that page or the previous one. Each note is moved to its call as note[@place="foot"] with @n as printed (numbering may restart on each page), and the call and the mark are removed; @rend records how they were printed: the call call-plain (“mot1”, “mot*”), call-paren (“(1)”), call-bracket (“[1]”) or call-superscript (“¹”), call-glued when no space precedes it, and the mark mark-plain (“1 …”), mark-dot (“1. …”), mark-close-paren (“1) …”), mark-paren, mark-bracket, mark-bracket-dot (“[1]. …”) or mark-superscript. The rule printed above the notes is kept as fw[@type="footnote-rule"]; a note that goes on at the foot of the next page is one note.'
          : 'The source has no notes.';
  const resp = marker
    ? ` A note ending with the marker “${marker}” is written by the editor: the marker is removed and note/@resp points to #${notes?.editorResp ?? 'editor'}.`
    : '';
  return base + resp;
}

function dateRule(ctx: HeaderContext): string {
  const { source, edition } = ctx;
  const calendar = source.date?.calendar ?? edition.calendar.sourceCalendar;
  const year = source.date ? (source.date.gregorian ?? source.date.value).slice(0, 4) : undefined;
  const julian =
    calendar === 'julian'
      ? ` The source dates in the Julian calendar${edition.calendar.julianUntil ? ` until ${edition.calendar.julianUntil} (Gregorian)` : ''}: a Julian date has @when (Gregorian), @when-custom (Julian, as written) and @datingMethod="#julian"; a Julian month has Gregorian @notBefore/@notAfter; a dual date “5 (18) octobre” is checked (the days must differ by the calendar offset of the century). Bare years are not converted.`
      : ' Dates are Gregorian.';
  return `Dates: French date expressions (day and month, with or without year; month and year; month ranges; years after a cue word; dual Old Style/New Style dates) are tagged as date with ISO 8601 values.${year ? ` A day and month without a year take the year of the source, ${year}.` : ''}${julian} Relative expressions (“hier”, “dimanche dernier”) are not resolved.`;
}

/** The source's notes heading and legend, quoted as printed (they are words of the source). */
function appendLegend(p: XmlElementWriter, ctx: HeaderContext): void {
  const { notesHeading, notesLegend } = ctx.doc.facts;
  if (notesHeading === undefined && (notesLegend ?? []).length === 0) return;
  p.txt(' In the source, the notes follow the heading ');
  p.ele('q', { type: 'source-notes-heading' }).txt(notesHeading ?? '');
  for (const legend of notesLegend ?? []) {
    p.txt(' and the legend ');
    p.ele('q', { type: 'source-notes-legend' }).txt(legend);
  }
  p.txt('.');
}
