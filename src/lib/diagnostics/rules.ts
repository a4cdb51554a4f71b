/**
 * Every rule id tei-edition emits, in one table: its severity, a one-line summary, the page of
 * the docs that explains it, and what an error of it does to the exit code. Messages are made
 * from it (`diagnostic()` takes a `RuleId` and only a severity the rule is registered with), and
 * the docs' rule table is generated from it (`npm run docs:rules`; a test fails when they differ).
 *
 * Ids are written without the `tei-edition/` prefix that every message carries.
 *
 * `severity`: one severity, or several when the same finding is reported at different severities
 * on purpose (the `severities` note says when). `exit`: what an error of this rule means for the
 * exit code — `input` (exit 1: the texts or TEI files have errors) or `usage` (exit 2: the command
 * could not be run as given: a usage error, a config, register, schema or output folder that cannot
 * be used, a bug). See `exitCodeFor` in src/cli/exit-codes.ts.
 */
export type Severity = 'error' | 'warning' | 'info';

export type ExitClass = 'input' | 'usage';

export interface RuleEntry {
  readonly severity: Severity | readonly Severity[];
  /** When `severity` lists several: which one is used when. */
  readonly severities?: string;
  readonly summary: string;
  /** `docs/<file>.md#<anchor>` where the rule is explained. */
  readonly doc: string;
  readonly exit: ExitClass;
  /** Which part of tei-edition emits it (the table's grouping). */
  readonly area: RuleArea;
}

export type RuleArea = 'convert' | 'registers' | 'config' | 'validate' | 'schematron' | 'publish' | 'cli';

const CONVERTER = 'docs/converter.md';
const VALIDATION = 'docs/validation.md';

export const RULES = {
  // convert: reading the raw text
  'input-empty': {
    severity: 'error',
    summary: 'the raw file is empty: it cannot be converted',
    doc: `${CONVERTER}#reading-input`,
    exit: 'input',
    area: 'convert',
  },
  'input-binary': {
    severity: 'error',
    summary: 'the raw file is binary: it cannot be converted',
    doc: `${CONVERTER}#reading-input`,
    exit: 'input',
    area: 'convert',
  },
  'input-missing': {
    severity: 'error',
    summary: 'the raw file of a source is not found: it cannot be converted',
    doc: `${CONVERTER}#reading-input`,
    exit: 'input',
    area: 'convert',
  },
  'input-encoding': {
    severity: 'warning',
    summary: 'not UTF-8: read as Windows-1252 (the whole file, or the passages that are not UTF-8)',
    doc: `${CONVERTER}#reading-input`,
    exit: 'input',
    area: 'convert',
  },
  'input-control-character': {
    severity: 'warning',
    summary: 'a control character in the raw text: recorded as `g` or a character reference',
    doc: `${CONVERTER}#reading-input`,
    exit: 'input',
    area: 'convert',
  },
  'internal-malformed-tei': {
    severity: 'error',
    summary: 'the TEI written would not be well-formed (a bug): nothing written',
    doc: `${CONVERTER}#nothing-is-lost-how-it-is-checked`,
    exit: 'input',
    area: 'convert',
  },
  // convert: layout
  'page-break-paragraph': {
    severity: 'warning',
    summary:
      'a page gap after a full line with final punctuation, before a line that opens like a paragraph, that neither the measure nor the indentation decides: what was assumed (new paragraph, or the paragraph goes on) and the document’s figures',
    doc: `${CONVERTER}#page-breaks`,
    exit: 'input',
    area: 'convert',
  },
  'columns-open-paragraph': {
    severity: 'warning',
    summary: 'a block ends mid-sentence but the text’s next block opens a paragraph',
    doc: `${CONVERTER}#layout-profiles`,
    exit: 'input',
    area: 'convert',
  },
  'columns-heading-moved': {
    severity: 'info',
    summary: 'a heading moved to the start of its text',
    doc: `${CONVERTER}#layout-profiles`,
    exit: 'input',
    area: 'convert',
  },
  'ocr-noise': {
    severity: 'warning',
    summary: 'a line set apart as OCR noise',
    doc: `${CONVERTER}#layout-profiles`,
    exit: 'input',
    area: 'convert',
  },
  'hyphenation-undecided': {
    severity: 'warning',
    summary: 'a cut word with no decisive evidence',
    doc: `${CONVERTER}#lines-and-hyphenation-lossless`,
    exit: 'input',
    area: 'convert',
  },
  'drop-cap': {
    severity: 'info',
    summary: 'a decision made: a drop capital joined to its word',
    doc: `${CONVERTER}#structure`,
    exit: 'input',
    area: 'convert',
  },
  'letter-opener': {
    severity: 'info',
    summary: 'a decision made: a letter’s salutation',
    doc: `${CONVERTER}#structure`,
    exit: 'input',
    area: 'convert',
  },
  'letter-closer': {
    severity: 'info',
    summary: 'a decision made: a letter’s closing',
    doc: `${CONVERTER}#structure`,
    exit: 'input',
    area: 'convert',
  },
  // convert: notes
  'note-moved': {
    severity: 'info',
    summary: 'a decision made: a note body moved to its call',
    doc: `${CONVERTER}#notes`,
    exit: 'input',
    area: 'convert',
  },
  'note-without-call': {
    severity: 'info',
    summary: 'the first note of a text that prints no heading, attached to the supplied title',
    doc: `${CONVERTER}#notes`,
    exit: 'input',
    area: 'convert',
  },
  'note-convention': {
    severity: 'info',
    summary: '`notes.convention` `auto`: the convention chosen, and how many bodies showed it',
    doc: `${CONVERTER}#notes`,
    exit: 'input',
    area: 'convert',
  },
  'notes-not-found': {
    severity: 'warning',
    summary: 'a note convention declared, no note bodies found',
    doc: `${CONVERTER}#notes`,
    exit: 'input',
    area: 'convert',
  },
  'note-unmatched-call': {
    severity: 'warning',
    summary:
      "a note call in the text with no note body: left as text (the hint names a line inside another note that opens with its mark); with `page-footnotes`, a call the series expects with no body at its page's foot or the next",
    doc: `${CONVERTER}#notes`,
    exit: 'input',
    area: 'convert',
  },
  'note-body-in-text': {
    severity: 'warning',
    summary: 'a line that opens like a note body but was not read as one: left as text',
    doc: `${CONVERTER}#notes`,
    exit: 'input',
    area: 'convert',
  },
  'note-continuation-missing': {
    severity: 'warning',
    summary:
      "`page-footnotes`: a note cut at a page's foot (hyphen or comma at its end, a last word that never ends a sentence: `de`, `les`, `et`…, or a full last line without final punctuation) whose rest is not found at the next page's foot: the note ends there",
    doc: `${CONVERTER}#notes`,
    exit: 'input',
    area: 'convert',
  },
  'note-unmatched-body': {
    severity: 'warning',
    summary:
      'a note body whose call is not in the text: attached to the text’s heading with `@anchored="false"`; with `page-footnotes`, a mark at a page\'s foot that no call on the page matches: left as text (or read as part of the note above)',
    doc: `${CONVERTER}#notes`,
    exit: 'input',
    area: 'convert',
  },
  // convert: corrections, names, dates
  correction: {
    severity: 'info',
    summary: 'a decision made: a listed correction applied',
    doc: `${CONVERTER}#corrections-and-normalisations`,
    exit: 'input',
    area: 'convert',
  },
  'correction-not-found': {
    severity: 'error',
    summary: 'a listed correction cannot be placed: its text is not found',
    doc: `${CONVERTER}#corrections-and-normalisations`,
    exit: 'input',
    area: 'convert',
  },
  'correction-ambiguous': {
    severity: 'error',
    summary: 'a listed correction cannot be placed: its text is found more than once',
    doc: `${CONVERTER}#corrections-and-normalisations`,
    exit: 'input',
    area: 'convert',
  },
  'possible-misprint': {
    severity: 'info',
    summary: '`--report` only: a token that looks like a misprint',
    doc: `${CONVERTER}#corrections-and-normalisations`,
    exit: 'input',
    area: 'convert',
  },
  'date-check': {
    severity: 'warning',
    summary: 'a dual date whose days do not match the calendars, or a day that does not exist',
    doc: `${CONVERTER}#dates-and-calendars`,
    exit: 'input',
    area: 'convert',
  },
  'unknown-name': {
    severity: 'info',
    summary: '`entities` only: a word that looks like a name and is in no register (exit 1 with `--strict`)',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'input',
    area: 'convert',
  },
  // convert: the command
  'hand-edited-tei': {
    severity: ['error', 'info'],
    severities: 'error in `convert` (not overwritten); info in `build`, which keeps and publishes it',
    summary: 'a TEI file edited by hand (or not ours) is not overwritten',
    doc: 'docs/existing-tei.md#build-with-tei-sources-and-tei-edited-by-hand',
    exit: 'input',
    area: 'convert',
  },
  'convert-target-is-input': {
    severity: 'error',
    summary: "a source's TEI would be written over a register, a raw text or the config (even with `--force`)",
    doc: 'docs/reliability.md#nothing-is-lost',
    exit: 'usage',
    area: 'convert',
  },
  'unknown-source': {
    severity: 'error',
    summary: 'a source id given on the command line is not in the config',
    doc: `${CONVERTER}#message-rules`,
    exit: 'usage',
    area: 'convert',
  },
  // registers
  'register-missing': {
    severity: 'error',
    summary: 'a register file named in the config is not found',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-not-utf8': {
    severity: 'error',
    summary: 'a register file is not UTF-8',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-not-well-formed': {
    severity: 'error',
    summary: 'a register file is not well-formed XML',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-not-tei': {
    severity: 'error',
    summary: 'a register file is not a TEI document',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-namespace': {
    severity: 'warning',
    summary: 'a register’s entries are not in the TEI namespace',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-missing-id': {
    severity: 'error',
    summary: 'a register entry has no `xml:id`',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-duplicate-id': {
    severity: 'error',
    summary: 'two register entries share an `xml:id`',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-id-form': {
    severity: 'warning',
    summary: 'a register entry’s `xml:id` is not in the recommended form',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-no-standard-form': {
    severity: 'error',
    summary: 'a register entry has no standard form of its name',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-several-standard-forms': {
    severity: 'error',
    summary: 'a register entry has more than one standard form',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-shared-form': {
    severity: 'error',
    summary: 'two register entries share a form of their names',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-not-periodical': {
    severity: 'warning',
    summary: 'an entry of the periodicals register does not describe a periodical',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'usage',
    area: 'registers',
  },
  'register-entry-unused': {
    severity: 'info',
    summary: '`entities` only: a register entry that no text mentions (listed, not printed as a message; exit 1 with `--strict`)',
    doc: `${CONVERTER}#names-persons-places-periodicals-organisations`,
    exit: 'input',
    area: 'registers',
  },
  // config
  'config-missing': {
    severity: 'error',
    summary: 'the edition config is not found',
    doc: 'docs/config.md#the-edition-config-editionjson',
    exit: 'usage',
    area: 'config',
  },
  'config-json': {
    severity: 'error',
    summary: 'the edition config is not JSON',
    doc: 'docs/config.md#the-edition-config-editionjson',
    exit: 'usage',
    area: 'config',
  },
  'config-schema': {
    severity: 'error',
    summary: 'the edition config does not match `schemas/edition.schema.json`',
    doc: 'docs/config.md#the-edition-config-editionjson',
    exit: 'usage',
    area: 'config',
  },
  'config-semantics': {
    severity: 'error',
    summary: 'the edition config matches the schema but cannot be used (e.g. a source id given twice)',
    doc: 'docs/config.md#the-edition-config-editionjson',
    exit: 'usage',
    area: 'config',
  },
  // validate: reading the files
  'well-formed': {
    severity: 'error',
    summary: '`validate`: the file is not well-formed XML (stops work on that file)',
    doc: `${VALIDATION}#validating-tei-tei-edition-validate`,
    exit: 'input',
    area: 'validate',
  },
  schema: {
    severity: 'error',
    summary: '`validate`: RELAX NG validation error',
    doc: `${VALIDATION}#the-relax-ng-engine`,
    exit: 'input',
    area: 'validate',
  },
  'element-depth': {
    severity: 'error',
    summary: '`validate`: elements nested deeper than 5,000 (checking stops there)',
    doc: 'docs/reliability.md#validation-under-hostile-input',
    exit: 'input',
    area: 'validate',
  },
  'doctype-refused': {
    severity: 'error',
    summary: '`validate`: a DOCTYPE that declares entities or refers to an external DTD',
    doc: 'docs/reliability.md#validation-under-hostile-input',
    exit: 'input',
    area: 'validate',
  },
  'not-xml': {
    severity: 'error',
    summary: '`validate`: the file is binary or does not start like XML',
    doc: `${VALIDATION}#validating-tei-tei-edition-validate`,
    exit: 'input',
    area: 'validate',
  },
  'xml-empty': {
    severity: 'error',
    summary: '`validate`: the file is empty or only white space',
    doc: `${VALIDATION}#validating-tei-tei-edition-validate`,
    exit: 'input',
    area: 'validate',
  },
  'xml-encoding': {
    severity: 'error',
    summary: '`validate`: the file is not UTF-8 (or UTF-16 with a byte-order mark), or declares another encoding',
    doc: `${VALIDATION}#validating-tei-tei-edition-validate`,
    exit: 'input',
    area: 'validate',
  },
  'file-too-large': {
    severity: 'error',
    summary: '`validate`: the file is larger than `--max-size`: not read',
    doc: 'docs/reliability.md#validation-under-hostile-input',
    exit: 'input',
    area: 'validate',
  },
  'symlink-dangling': {
    severity: 'warning',
    summary: '`validate`: a symbolic link in a folder leads nowhere: skipped',
    doc: 'docs/reliability.md#validation-under-hostile-input',
    exit: 'input',
    area: 'validate',
  },
  'symlink-loop': {
    severity: 'warning',
    summary: '`validate`: a symbolic link leads back to a folder that contains it: not followed',
    doc: 'docs/reliability.md#validation-under-hostile-input',
    exit: 'input',
    area: 'validate',
  },
  'not-a-file': {
    severity: 'warning',
    summary: '`validate`: a special file (FIFO, device, socket) or unreadable folder: skipped',
    doc: 'docs/reliability.md#validation-under-hostile-input',
    exit: 'input',
    area: 'validate',
  },
  'reached-twice': {
    severity: 'info',
    summary: '`validate`: the same file or folder reached again through a link: validated once',
    doc: 'docs/reliability.md#validation-under-hostile-input',
    exit: 'input',
    area: 'validate',
  },
  'file-unreadable': {
    severity: 'error',
    summary: '`validate`: a file given (or found) that cannot be read',
    doc: `${VALIDATION}#validating-tei-tei-edition-validate`,
    exit: 'usage',
    area: 'validate',
  },
  'schema-file': {
    severity: 'error',
    summary: '`validate`: the RELAX NG schema cannot be used',
    doc: `${VALIDATION}#the-relax-ng-engine`,
    exit: 'usage',
    area: 'validate',
  },
  'schematron-file': {
    severity: 'error',
    summary: '`validate`: the Schematron file cannot be read',
    doc: `${VALIDATION}#schematron-in-detail`,
    exit: 'usage',
    area: 'validate',
  },
  'schematron-schema': {
    severity: 'error',
    summary: '`validate`: a problem in the `.sch` itself (bad XPath, unknown role, missing id), on the `.sch` with its line and column',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'usage',
    area: 'validate',
  },
  'schematron-unsupported': {
    severity: 'warning',
    summary: '`validate`: an embedded Schematron pattern the engine cannot run (the others still run)',
    doc: `${VALIDATION}#which-rules-run`,
    exit: 'input',
    area: 'validate',
  },
  'schematron-runtime': {
    severity: 'error',
    summary: '`validate`: a Schematron pattern failed at run time on a document',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'input',
    area: 'validate',
  },
  // The project's Schematron rules (schemas/tei-edition.sch): ids and roles as the schema gives them.
  'ref-resolves': {
    severity: 'error',
    summary: '`validate`: every `#id` and `file.xml#id` pointer reaches an element with that `xml:id`',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'input',
    area: 'schematron',
  },
  'ref-register-available': {
    severity: 'error',
    summary: '`validate`: the register pointed into exists',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'input',
    area: 'schematron',
  },
  'iso-date': {
    severity: 'error',
    summary: '`validate`: date attributes are W3C dates',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'input',
    area: 'schematron',
  },
  'calendar-declared': {
    severity: 'error',
    summary: '`validate`: `@datingMethod`, `@calendar` point to a calendar declared in the header',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'input',
    area: 'schematron',
  },
  'calendar-consistent': {
    severity: 'error',
    summary: '`validate`: Julian `-custom` dates equal their Gregorian attributes',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'input',
    area: 'schematron',
  },
  'note-n-unique': {
    severity: 'error',
    summary: '`validate`: `note/@n` once per page',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'input',
    area: 'schematron',
  },
  'pb-n-increasing': {
    severity: 'warning',
    summary: '`validate`: numeric `pb/@n` increase',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'input',
    area: 'schematron',
  },
  'name-not-empty': {
    severity: 'warning',
    summary: '`validate`: `persName`, `placeName`, `orgName`, `date` have text',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'input',
    area: 'schematron',
  },
  'resp-declared': {
    severity: 'error',
    summary: '`validate`: `@resp` points to a respStmt, author, editor, person or org of the document',
    doc: `${VALIDATION}#schematron-rules-schemastei-editionsch`,
    exit: 'input',
    area: 'schematron',
  },
  // publish: reading the TEI, HTML, print, search
  'tei-source-missing': {
    severity: 'error',
    summary: 'a TEI file or folder given to `html`/`pdf`, or a `tei` source of the config, is not found',
    doc: 'docs/existing-tei.md#without-a-config',
    exit: 'usage',
    area: 'publish',
  },
  'tei-source-unreadable': {
    severity: 'error',
    summary: 'a TEI source that cannot be read',
    doc: 'docs/existing-tei.md#without-a-config',
    exit: 'input',
    area: 'publish',
  },
  'not-well-formed': {
    severity: 'error',
    summary: 'a TEI file to publish is not well-formed XML',
    doc: 'docs/existing-tei.md#without-a-config',
    exit: 'input',
    area: 'publish',
  },
  'duplicate-text-id': {
    severity: 'error',
    summary: 'two texts to publish would have the same id (and the same page)',
    doc: 'docs/existing-tei.md#without-a-config',
    exit: 'input',
    area: 'publish',
  },
  'build-missing-tei': {
    severity: 'error',
    summary: '`build`: no TEI file for a source',
    doc: 'docs/existing-tei.md#build-with-tei-sources-and-tei-edited-by-hand',
    exit: 'input',
    area: 'publish',
  },
  'html-missing-tei': {
    severity: 'error',
    summary: '`html`: no TEI file for a source (run `convert` or `build` first)',
    doc: 'docs/html.md#the-html-reading-edition',
    exit: 'input',
    area: 'publish',
  },
  'pdf-missing-tei': {
    severity: 'error',
    summary: '`pdf`: no TEI file for a source (run `convert` or `build` first)',
    doc: 'docs/print.md#the-print-edition-pdf',
    exit: 'input',
    area: 'publish',
  },
  stylesheet: {
    severity: 'error',
    summary: 'a compiled stylesheet (`.sef.json`) is missing or cannot be used',
    doc: 'docs/reliability.md#clear-errors-never-a-stack-trace',
    exit: 'usage',
    area: 'publish',
  },
  'html-transform': {
    severity: 'error',
    summary: 'the HTML transformation failed on a text',
    doc: 'docs/html.md#the-html-reading-edition',
    exit: 'input',
    area: 'publish',
  },
  'unresolved-pointer': {
    severity: 'warning',
    summary: 'a pointer in a text that reaches nothing published: rendered as plain text',
    doc: 'docs/html.md#the-html-reading-edition',
    exit: 'input',
    area: 'publish',
  },
  'search-index': {
    severity: 'warning',
    summary: 'the search index could not be built: the site works without search',
    doc: 'docs/search.md#how-it-works',
    exit: 'input',
    area: 'publish',
  },
  'pdf-transform': {
    severity: 'error',
    summary: 'the print transformation (TEI → Typst) failed on a text',
    doc: 'docs/print.md#the-print-edition-pdf',
    exit: 'input',
    area: 'publish',
  },
  typst: {
    severity: ['error', 'warning'],
    severities: 'as the Typst compiler gives it',
    summary: 'a message of the Typst compiler, on the Typst source (kept in print-failed/ when it failed)',
    doc: 'docs/print.md#the-print-edition-pdf',
    exit: 'input',
    area: 'publish',
  },
  // cli
  usage: {
    severity: 'error',
    summary: 'a command line that cannot be run: unknown command or option, missing argument, options that exclude each other',
    doc: 'docs/reliability.md#clear-errors-never-a-stack-trace',
    exit: 'usage',
    area: 'cli',
  },
  'jobs-bounded': {
    severity: 'warning',
    summary: '`--jobs` above twice the cores was lowered',
    doc: 'docs/performance.md#performance',
    exit: 'input',
    area: 'cli',
  },
  'output-refused': {
    severity: 'error',
    summary: 'an output folder that holds the sources, lies inside them, or was not written by tei-edition',
    doc: 'docs/reliability.md#nothing-is-lost',
    exit: 'usage',
    area: 'cli',
  },
  'file-system': {
    severity: 'error',
    summary: 'a file or folder that cannot be written: permission, full disk, name too long… (in `convert`, on that file: exit 1)',
    doc: 'docs/reliability.md#clear-errors-never-a-stack-trace',
    exit: 'usage',
    area: 'cli',
  },
  'internal-error': {
    severity: 'error',
    summary: 'a bug: one line, never a stack trace',
    doc: 'docs/reliability.md#clear-errors-never-a-stack-trace',
    exit: 'usage',
    area: 'cli',
  },
  'init-exists': {
    severity: 'error',
    summary: '`init`: a file already there, or a file where a folder must go; nothing written',
    doc: 'docs/existing-tei.md#without-a-config',
    exit: 'usage',
    area: 'cli',
  },
  'init-from-tei': {
    severity: 'error',
    summary: '`init --from-tei`: no TEI file found, or one that is not well-formed; nothing written',
    doc: 'docs/existing-tei.md#without-a-config',
    exit: 'usage',
    area: 'cli',
  },
  'port-in-use': { severity: 'error', summary: '`serve`: the port is taken', doc: 'docs/serve.md#the-server', exit: 'usage', area: 'cli' },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULES;

/** The severities a rule may be reported with. */
export type SeverityOf<R extends RuleId> = (typeof RULES)[R]['severity'] extends infer S
  ? S extends readonly Severity[]
    ? S[number]
    : S & Severity
  : never;

export const RULE_PREFIX = 'tei-edition/';

/** The registry entry of a message's rule (`tei-edition/<id>`), or undefined for a rule named by another Schematron. */
export function ruleEntry(rule: string): RuleEntry | undefined {
  if (!rule.startsWith(RULE_PREFIX)) return undefined;
  const id = rule.slice(RULE_PREFIX.length);
  return Object.hasOwn(RULES, id) ? RULES[id as RuleId] : undefined;
}

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

export function severitiesOf(entry: RuleEntry): readonly Severity[] {
  return typeof entry.severity === 'string' ? [entry.severity] : entry.severity;
}
