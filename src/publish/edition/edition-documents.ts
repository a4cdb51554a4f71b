/**
 * What the publishing stages (html, pdf) start from, for an edition with a config: its texts (a
 * raw source's TEI in `tei/<id>.xml` beside the config, a TEI source as it is) and the registers
 * the config names, each under the file name the texts' `@ref` point to. A missing file is a
 * message, not an exception.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { isTeiSource } from '../../lib/config/sources.js';
import { checkStamp } from '../../lib/xml/generated-stamp.js';
import type { EditionText } from './edition-text.js';
import { readTeiSourceTexts, type TeiSourceEntry } from './tei-source-texts.js';
import type { EditionConfig } from '../../lib/config/types.js';
import type { RegisterKind } from '../../lib/registers/read-register.js';
import type { SiteRegister } from './published-documents.js';

export interface EditionDocuments {
  readonly texts: EditionText[];
  /** Every text's id, in config order: the texts read, and the raw sources left out (`leaveOut`). */
  readonly textIds: string[];
  readonly registers: SiteRegister[];
  readonly messages: Diagnostic[];
  /** The title of a teiCorpus source, for an edition without a title of its own. */
  readonly corpusTitle?: string;
}

export interface EditionFiles {
  readonly config: EditionConfig;
  readonly configPath: string;
  readonly configShown: string;
  /** Register files as messages show them (relative to `cwd`), and the names the texts point to. */
  readonly registers: { readonly files: Partial<Record<RegisterKind, string>>; readonly targets: Partial<Record<RegisterKind, string>> };
}

/** The rule of a source without its TEI file, after the command that needed it. */
const MISSING_TEI_RULE = { html: 'html-missing-tei', pdf: 'pdf-missing-tei', build: 'build-missing-tei' } as const;

/**
 * The edition's texts in config order. `converted`: the TEI of raw sources this run made (build
 * passes it, so that what is published is what it validated); otherwise read from `tei/<id>.xml`.
 * `leaveOut`: raw sources not to read (another shard's: build --shard); their ids are in `textIds`.
 */
export async function readEditionDocuments(
  edition: EditionFiles,
  cwd: string,
  shown: (path: string) => string,
  stage: keyof typeof MISSING_TEI_RULE,
  converted?: ReadonlyMap<string, EditionText>,
  leaveOut?: (sourceId: string) => boolean,
): Promise<EditionDocuments> {
  const base = dirname(edition.configPath);
  const messages: Diagnostic[] = [];
  const texts: EditionText[] = [];
  const textIds: string[] = [];
  let corpusTitle: string | undefined;
  for (const [index, source] of edition.config.sources.entries()) {
    if (isTeiSource(source)) {
      const entry: TeiSourceEntry = {
        path: resolve(base, source.tei),
        ...(source.id === undefined ? {} : { id: source.id }),
        ...(source.schema === undefined ? {} : { schema: resolve(base, source.schema) }),
        ...(source.title === undefined ? {} : { title: source.title }),
        ...(source.author === undefined ? {} : { author: source.author }),
        at: { file: edition.configShown },
      };
      const read = await readTeiSourceTexts([entry], shown);
      messages.push(
        ...read.messages.map((m) => (m.rule.endsWith('tei-source-missing') ? { ...m, message: `sources[${index}].tei: ${m.message}` } : m)),
      );
      texts.push(...read.texts);
      textIds.push(...read.texts.map((t) => t.id));
      corpusTitle ??= read.corpusHeader?.title;
      continue;
    }
    textIds.push(source.id);
    const made = converted?.get(source.id);
    if (made !== undefined) {
      texts.push(made);
      continue;
    }
    if (leaveOut?.(source.id) === true) continue;
    const path = resolve(base, 'tei', `${source.id}.xml`);
    try {
      const xml = await readFile(path, 'utf8');
      texts.push({ id: source.id, xml, path, shown: shown(path), origin: checkStamp(xml) === 'unchanged' ? 'converted' : 'hand-edited' });
    } catch {
      messages.push(
        diagnostic(
          'error',
          MISSING_TEI_RULE[stage],
          `no TEI file for source “${source.id}”: expected ${shown(path)}`,
          { file: shown(path) },
          { hint: 'run `tei-edition convert` (or `build`) first' },
        ),
      );
    }
  }
  const duplicates = texts.filter((t, i) => texts.findIndex((u) => u.id === t.id) !== i);
  for (const d of duplicates)
    messages.push(
      diagnostic(
        'error',
        'duplicate-text-id',
        `two texts of the edition have the id “${d.id}” (and the page ${d.id}.html); expected one id per text`,
        { file: d.shown },
        { hint: 'give the TEI source its own id in edition.json (`{ "tei": …, "id": … }`)' },
      ),
    );
  const registers: SiteRegister[] = [];
  for (const [kind, file] of Object.entries(edition.registers.files)) {
    const path = resolve(cwd, file);
    const target = edition.registers.targets[kind as RegisterKind] ?? basename(path);
    registers.push({ file: basename(target), xml: await readFile(path, 'utf8'), path });
  }
  return { texts, textIds, registers, messages, ...(corpusTitle === undefined ? {} : { corpusTitle }) };
}
