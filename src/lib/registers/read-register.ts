/**
 * Reads a register of the edition (tei/persons.xml, tei/places.xml, tei/periodicals.xml): a TEI
 * file whose text holds entries with an xml:id, one standard form and variant forms. Pure: text in,
 * entries and messages out (the file is read by read-register-file.ts).
 *
 * The kind of each entry comes from its element, as the TEI Guidelines encode them: `person` in a
 * `listPerson` (§13.3.2), `place` in a `listPlace` or a `place` (§13.3.4), and, for periodicals,
 * `bibl` in a `listBibl` with a journal title `title[@level="j"]` (§3.12.2.2), `org` in a
 * `listOrg` (§13.3.3). The lists are read where TEI keeps them: the `text`, the `standOff`
 * (§16.10) and the `teiHeader` (particDesc, settingDesc…), of the TEI or of a teiCorpus and its
 * TEI documents; a bibl in the header's sourceDesc describes the source and is not an entry.
 */
import { XMLValidator } from 'fast-xml-parser';
import { diagnostic, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';
import { offsetOfValidatorPosition } from './text-location.js';
import { lineColumnLocator as textLocator } from '../diagnostics/location.js';
import { childElements, parseElements, textContent, type XmlElement } from '../xml/element-tree.js';

export type RegisterKind = 'person' | 'place' | 'periodical' | 'organisation';

export interface RegisterEntry {
  readonly kind: RegisterKind;
  readonly id: string;
  readonly standard: string;
  /** Every form to look for in the texts, standard included, as written in the register. */
  readonly forms: readonly string[];
  readonly birth?: string;
  readonly death?: string;
  readonly description?: string;
}

export interface RegisterResult {
  readonly entries: RegisterEntry[];
  readonly messages: Diagnostic[];
}

export const TEI_NAMESPACE = 'http://www.tei-c.org/ns/1.0';
/** The form of ids the edition uses (lower case, so that `#lenine` is easy to type and to read). */
export const REGISTER_ID = /^[a-z][a-z0-9-]*$/;

interface KindRule {
  readonly kind: RegisterKind;
  readonly element: string;
  readonly parents: readonly string[];
  /** How the standard form is written, for messages. */
  readonly standardTag: string;
  readonly isForm: (element: XmlElement) => boolean;
}

const kindRules: readonly KindRule[] = [
  {
    kind: 'person',
    element: 'person',
    parents: ['listPerson'],
    standardTag: '<persName type="standard">',
    isForm: (e) => e.name === 'persName',
  },
  {
    kind: 'place',
    element: 'place',
    parents: ['listPlace', 'place'],
    standardTag: '<placeName type="standard">',
    isForm: (e) => e.name === 'placeName',
  },
  {
    kind: 'periodical',
    element: 'bibl',
    parents: ['listBibl'],
    standardTag: '<title level="j" type="standard">',
    isForm: (e) => e.name === 'title' && e.attrs.level === 'j',
  },
  {
    kind: 'organisation',
    element: 'org',
    parents: ['listOrg'],
    standardTag: '<orgName type="standard">',
    isForm: (e) => e.name === 'orgName',
  },
];

/** An element that is an entry, found where its kind is encoded. */
interface Candidate {
  readonly rule: KindRule;
  readonly element: XmlElement;
}

/** Reads a register; `file` is only used in message positions. */
export function readRegister(xml: string, file: string): RegisterResult {
  // A BOM is not content: offsets and columns count from the first character after it.
  const text = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  const locate = textLocator(text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // Some errors (e.g. an empty file) come without a column.
    const at = locate(offsetOfValidatorPosition(text, valid.err.line ?? 1, valid.err.col ?? 1));
    return { entries: [], messages: [notWellFormed(valid.err.msg, { file, ...at })] };
  }
  let root: XmlElement | undefined;
  try {
    root = parseElements(text)[0];
  } catch (error) {
    // The parser has limits the validator does not check (e.g. the depth of nesting).
    return { entries: [], messages: [notWellFormed(error instanceof Error ? error.message : String(error), { file, line: 1, column: 1 })] };
  }
  if (root === undefined) return { entries: [], messages: [notWellFormed('no root element', { file, line: 1, column: 1 })] };
  const where = (element: XmlElement): SourcePosition => ({ file, ...locate(element.offset), xpath: element.xpath });
  const messages = checkRoot(root, where);
  if (messages.some((m) => m.fatal)) return { entries: [], messages };
  const firstHolders = checkUniqueIds(root, where, messages);
  const entries: RegisterEntry[] = [];
  const elementOf = new Map<RegisterEntry, XmlElement>();
  for (const candidate of findCandidates(root)) {
    const entry = readEntry(candidate, firstHolders, where, messages);
    if (entry === undefined) continue;
    entries.push(entry);
    elementOf.set(entry, candidate.element);
  }
  checkSharedForms(entries, elementOf, where, messages);
  return { entries, messages };
}

/** The root must be TEI (fatal otherwise); outside the TEI namespace it is still read, with a warning. */
function checkRoot(root: XmlElement, where: (e: XmlElement) => SourcePosition): Diagnostic[] {
  if (root.name !== 'TEI' && root.name !== 'teiCorpus') {
    return [
      diagnostic(
        'error',
        'register-not-tei',
        `found <${root.name}> as the root element, expected <TEI> (or <teiCorpus>) in the TEI namespace`,
        where(root),
        {
          fatal: true,
          hint: `a register is a TEI document: <TEI xmlns="${TEI_NAMESPACE}">`,
        },
      ),
    ];
  }
  if (declaresTeiNamespace(root)) return [];
  return [
    diagnostic(
      'warning',
      'register-namespace',
      `found <${root.name}> outside the TEI namespace, expected xmlns="${TEI_NAMESPACE}"`,
      where(root),
    ),
  ];
}

function notWellFormed(reason: string, position: SourcePosition): Diagnostic {
  return diagnostic(
    'error',
    'register-not-well-formed',
    `found XML that is not well-formed (${reason}), expected a well-formed TEI register`,
    position,
    {
      fatal: true,
      hint: 'no entry of the register is read until the file is well-formed',
    },
  );
}

function declaresTeiNamespace(root: XmlElement): boolean {
  return Object.entries(root.attrs).some(([name, value]) => (name === 'xmlns' || name.startsWith('xmlns:')) && value === TEI_NAMESPACE);
}

/** xml:id must be unique in the whole document; returns, per id, the element that holds it first. */
function checkUniqueIds(root: XmlElement, where: (e: XmlElement) => SourcePosition, messages: Diagnostic[]): Map<string, XmlElement> {
  const first = new Map<string, XmlElement>();
  const visit = (element: XmlElement): void => {
    const id = element.attrs['xml:id'];
    if (id !== undefined) {
      const holder = first.get(id);
      if (holder === undefined) first.set(id, element);
      else messages.push(duplicateId(id, holder, element, where));
    }
    for (const child of childElements(element)) visit(child);
  };
  visit(root);
  return first;
}

function duplicateId(id: string, holder: XmlElement, element: XmlElement, where: (e: XmlElement) => SourcePosition): Diagnostic {
  return diagnostic(
    'error',
    'register-duplicate-id',
    `found xml:id "${id}" a second time (first on <${holder.name}> at line ${where(holder).line}), expected each xml:id once`,
    where(element),
    { hint: 'give this element its own id: a reference #' + id + ' in the texts would otherwise be ambiguous' },
  );
}

function findCandidates(root: XmlElement): Candidate[] {
  const found: Candidate[] = [];
  const visitOutsideBibls = (element: XmlElement): void => {
    for (const child of childElements(element)) {
      if (child.name === 'bibl' || child.name === 'biblStruct' || child.name === 'biblFull') continue;
      const rule = kindRules.find((r) => r.element === child.name && r.parents.includes(element.name));
      if (rule) found.push({ rule, element: child });
      visitOutsideBibls(child);
    }
  };
  const visit = (element: XmlElement): void => {
    for (const child of childElements(element)) {
      // A bibl in sourceDesc describes the source (TEI P5 §2.2.7): not an entry.
      if (child.name === 'sourceDesc') {
        visitOutsideBibls(child);
        continue;
      }
      const rule = kindRules.find((r) => r.element === child.name && r.parents.includes(element.name));
      if (rule) found.push({ rule, element: child });
      visit(child);
    }
  };
  for (const part of registerParts(root)) visit(part);
  return found;
}

/**
 * Where a register keeps its lists: the text, the standOff (TEI P5 §16.10), the teiHeader
 * (particDesc, settingDesc, sourceDesc…); in a teiCorpus, its own and its TEI documents'.
 */
function registerParts(root: XmlElement): XmlElement[] {
  return childElements(root).flatMap((e) =>
    e.name === 'text' || e.name === 'standOff' || e.name === 'teiHeader'
      ? [e]
      : root.name === 'teiCorpus' && (e.name === 'TEI' || e.name === 'teiCorpus')
        ? registerParts(e)
        : [],
  );
}

function readEntry(
  { rule, element }: Candidate,
  firstHolders: ReadonlyMap<string, XmlElement>,
  where: (e: XmlElement) => SourcePosition,
  messages: Diagnostic[],
): RegisterEntry | undefined {
  const names = childElements(element).filter(rule.isForm);
  if (rule.kind === 'periodical' && names.length === 0) {
    messages.push(
      diagnostic(
        'warning',
        'register-not-periodical',
        'found a <bibl> in <listBibl> without <title level="j">, expected a periodical (a journal title); not read',
        where(element),
      ),
    );
    return undefined;
  }
  const id = element.attrs['xml:id'];
  if (id === undefined || id.trim() === '') {
    messages.push(
      diagnostic(
        'error',
        'register-missing-id',
        `found <${element.name}> without xml:id, expected an id such as "lenine"`,
        where(element),
        {
          hint: 'the texts refer to register entries by id (ref="#lenine")',
        },
      ),
    );
    return undefined;
  }
  if (firstHolders.get(id) !== element) return undefined; // reported as a duplicate id
  if (!REGISTER_ID.test(id)) {
    messages.push(
      diagnostic(
        'warning',
        'register-id-form',
        `found xml:id "${id}", expected lower-case letters, digits and hyphens, starting with a letter`,
        where(element),
      ),
    );
  }
  const standard = standardForm(rule, element, names, id, where, messages);
  if (standard === undefined) return undefined;
  return {
    kind: rule.kind,
    id,
    standard,
    forms: unique([standard, ...names.map(formText).filter((f) => f !== '')]),
    ...lifeDates(rule, element),
    ...description(element),
  };
}

function standardForm(
  rule: KindRule,
  element: XmlElement,
  names: readonly XmlElement[],
  id: string,
  where: (e: XmlElement) => SourcePosition,
  messages: Diagnostic[],
): string | undefined {
  const standards = names
    .filter((n) => n.attrs.type === 'standard')
    .map(formText)
    .filter((f) => f !== '');
  const expected = rule.standardTag;
  if (standards.length === 0) {
    messages.push(
      diagnostic(
        'error',
        'register-no-standard-form',
        `found <${element.name} xml:id="${id}"> without a standard form, expected one ${expected}`,
        where(element),
        {
          hint: 'the standard form is the one the edition prints; the entry is not read without it',
        },
      ),
    );
    return undefined;
  }
  if (standards.length > 1) {
    messages.push(
      diagnostic(
        'error',
        'register-several-standard-forms',
        `found ${standards.length} standard forms in <${element.name} xml:id="${id}"> (${standards.map((s) => `“${s}”`).join(', ')}), expected one ${expected}`,
        where(element),
        { hint: 'mark the others type="variant"; the first is used meanwhile' },
      ),
    );
  }
  return standards[0];
}

/** A form as written, with its white space (line breaks, indentation) collapsed; NFC like the texts. */
function formText(element: XmlElement): string {
  return textContent(element).replace(/\s+/gu, ' ').trim().normalize('NFC');
}

function unique(forms: readonly string[]): string[] {
  return [...new Set(forms)];
}

function lifeDates(rule: KindRule, element: XmlElement): { birth?: string; death?: string } {
  if (rule.kind !== 'person') return {};
  const birth = childElements(element, 'birth')[0]?.attrs.when;
  const death = childElements(element, 'death')[0]?.attrs.when;
  return { ...(birth === undefined ? {} : { birth }), ...(death === undefined ? {} : { death }) };
}

function description(element: XmlElement): { description?: string } {
  const note = childElements(element, 'note')[0];
  const text = note === undefined ? '' : textContent(note).replace(/\s+/gu, ' ').trim();
  return text === '' ? {} : { description: text };
}

/**
 * How forms are compared: the texts are searched with accents and apostrophes ignored (see
 * src/convert/enrich/gazetteer.ts), so `Kamenev` and `Kaménev` are one form there, and must be here.
 */
export function formKey(form: string): string {
  return form.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’ʼ]/gu, "'").replace(/\s+/gu, ' ').trim();
}

/** A form that names two entries cannot be resolved in the texts: reported on the second entry. */
function checkSharedForms(
  entries: readonly RegisterEntry[],
  elementOf: ReadonlyMap<RegisterEntry, XmlElement>,
  where: (e: XmlElement) => SourcePosition,
  messages: Diagnostic[],
): void {
  const owner = new Map<string, RegisterEntry>();
  for (const entry of entries) {
    for (const form of entry.forms) {
      const key = formKey(form);
      const first = owner.get(key);
      if (first === undefined) {
        owner.set(key, entry);
        continue;
      }
      if (first === entry) continue;
      const firstElement = elementOf.get(first);
      const element = elementOf.get(entry);
      if (element === undefined) continue;
      messages.push(
        diagnostic(
          'error',
          'register-shared-form',
          `found the form “${form}” in "${entry.id}" and already in "${first.id}"${firstElement ? ` (line ${where(firstElement).line})` : ''}, expected each form to name one entry (accents and apostrophes aside)`,
          where(element),
          { hint: 'remove it from one of them, or make it more specific (with a first name or an initial)' },
        ),
      );
    }
  }
}
