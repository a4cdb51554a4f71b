/**
 * Streams one XML document through saxes (a conforming, non-validating parser that never reads
 * a DTD) and, when a grammar is given, through the RELAX NG matcher. Well-formedness errors are
 * fatal for the file; schema errors are reported at jing's positions (just after the start or end
 * tag concerned; for stray text, on each line that has some) so that both tools point at the same lines.
 */
import type { SaxesTagNS } from 'saxes';
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { NamespaceParser } from '../../lib/xml/namespace-parser.js';
import type { CompiledGrammar } from './compile-schema.js';
import type { EventName } from './derivatives.js';
import type { FormatName } from './expected.js';
import { GrammarMatcher } from './matcher.js';
import type { QualifiedName } from './name-class.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const SCHEMA_RULE = 'schema';
export const WELL_FORMED_RULE = 'well-formed';
export const ELEMENT_DEPTH_RULE = 'element-depth';

/**
 * How deep elements may nest. Real TEI nests a few dozen deep; the limit is far above that and
 * below what the later steps hold: the Schematron engine (SaxonJS) builds its tree recursively and
 * runs out of stack near 8,000 levels, and every open level costs the RELAX NG matcher about
 * 1.4 KB (a 50 MB file could otherwise open millions of levels and exhaust memory).
 */
export const DEFAULT_MAX_ELEMENT_DEPTH = 5_000;

/** Event names are interned (namespace → local name → name), so that derivatives are memoised on one key object per name. */
const nameCache = new Map<string, Map<string, EventName>>();
function eventName(ns: string, local: string): EventName {
  let byLocal = nameCache.get(ns);
  if (byLocal === undefined) nameCache.set(ns, (byLocal = new Map()));
  let name = byLocal.get(local);
  if (name === undefined) {
    name = { ns, local, key: `${ns}\u0000${local}` };
    if (byLocal.size < 100_000) byLocal.set(local, name);
  }
  return name;
}

interface OpenElement {
  readonly name: EventName;
  /** The default namespace in scope. */
  readonly defaultNs: string;
  /** The namespace declarations of this element or of its nearest ancestor that has some. */
  readonly declarations: Declarations | undefined;
  dataText: string;
}

/** Namespace declarations, one link per declaring element: shared, never copied, so depth costs nothing. */
interface Declarations {
  readonly prefixes: Readonly<Record<string, string>>;
  readonly outer: Declarations | undefined;
}

/** How many declaring ancestors a name's prefix is looked for in (a message names it `{uri}local` beyond). */
const PREFIX_SEARCH_LIMIT = 64;

/** The prefix to show for a namespace: the outermost in-scope prefix bound to it, as the whole map of prefixes gave before. */
function prefixFor(ns: string, declarations: Declarations | undefined): string | undefined {
  const seen = new Set<string>();
  let found: string | undefined;
  let d = declarations;
  for (let steps = 0; d !== undefined && steps < PREFIX_SEARCH_LIMIT; steps += 1, d = d.outer) {
    let firstHere: string | undefined;
    for (const prefix in d.prefixes) {
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      if (prefix !== '' && d.prefixes[prefix] === ns) firstHere ??= prefix;
    }
    found = firstHere ?? found;
  }
  return found;
}

function declaresAny(ns: Readonly<Record<string, string>>): boolean {
  for (const prefix in ns) if (prefix !== undefined) return true;
  return false;
}

export interface ParseOutcome {
  readonly messages: Diagnostic[];
  /** False when the document is not well-formed (parsing stopped at the first error). */
  readonly wellFormed: boolean;
}

/** Options for a document: where its messages point, and the grammar to check it against (none: well-formedness only). */
export interface DocumentCheck {
  readonly file: string;
  readonly grammar?: CompiledGrammar;
  /** Called with each DOCTYPE declaration; returns a message to stop on it (DTDs are never read). */
  readonly onDoctype?: (doctype: string) => Diagnostic | undefined;
  /** Elements nested deeper than this stop the check with a fatal message (default DEFAULT_MAX_ELEMENT_DEPTH). */
  readonly maxDepth?: number;
}

export function validateDocument(xml: string, check: DocumentCheck): ParseOutcome {
  const messages: Diagnostic[] = [];
  const parser = new NamespaceParser();
  const matcher = check.grammar === undefined ? undefined : new GrammarMatcher(check.grammar);
  const stack: OpenElement[] = [];
  // Where the last markup ended (text starts there): three numbers, not an object per event.
  let endPosition = 0;
  let endLine = 1;
  let endColumn = 0;
  let stopped: Diagnostic | undefined;
  const ids = new Map<string, { line: number; column: number }>();
  const idrefs: { value: string; line: number; column: number }[] = [];
  const idTypes = check.grammar?.idAttributes;
  const maxDepth = check.maxDepth ?? DEFAULT_MAX_ELEMENT_DEPTH;

  const formatName: FormatName = (name: QualifiedName, isAttribute: boolean) => {
    const top = stack[stack.length - 1];
    if (name.ns === '') return name.local;
    if (!isAttribute && (top?.defaultNs ?? '') === name.ns) return name.local;
    if (name.ns === XML_NS) return `xml:${name.local}`;
    const prefix = prefixFor(name.ns, top?.declarations);
    return prefix === undefined ? `{${name.ns}}${name.local}` : `${prefix}:${name.local}`;
  };
  const here = () => ({ file: check.file, line: parser.line, column: parser.column + 1 });
  const schemaError = (message: string | undefined, position = here()): void => {
    if (message !== undefined) messages.push(diagnostic('error', SCHEMA_RULE, message, position));
  };
  const markEnd = (): void => {
    endPosition = parser.position;
    endLine = parser.line;
    endColumn = parser.column;
  };

  /** Untyped text: checked as a whole, and when refused, reported on every line that has some (as jing does). */
  const untypedText = (text: string): void => {
    if (matcher === undefined) return;
    const message = matcher.untypedText(text, formatName);
    if (message === undefined) return;
    const raw = xml.slice(endPosition, Math.max(endPosition, parser.position - 1));
    const lines = raw.split('\n');
    let first = true;
    lines.forEach((line, i) => {
      if (!/[^\x20\t\r]/.test(line)) return;
      const lineNumber = endLine + i;
      const column = (i === 0 ? endColumn : 0) + line.length + 1;
      const again = first ? message : matcher.untypedText(line, formatName);
      first = false;
      schemaError(again, { file: check.file, line: lineNumber, column });
    });
  };

  /** IDs must be unique; IDREFs are checked at the end of the document (as jing does). */
  const checkId = (idType: 'ID' | 'IDREF' | 'IDREFS', value: string): void => {
    const at = { line: parser.line, column: parser.column + 1 };
    if (idType === 'ID') {
      const id = value.trim();
      const first = ids.get(id);
      if (first !== undefined) schemaError(`ID "${id}" has already been defined (first at line ${first.line})`);
      else ids.set(id, at);
    } else for (const ref of value.trim().split(/\s+/)) if (ref !== '') idrefs.push({ value: ref, ...at });
  };

  parser.on('doctype', (doctype) => {
    const refusal = check.onDoctype?.(doctype);
    if (refusal !== undefined) {
      stopped = refusal;
      throw new StopParsing();
    }
    markEnd();
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= maxDepth) {
      stopped = tooDeep(tag.name, stack.length + 1, maxDepth, here());
      throw new StopParsing();
    }
    const parent = stack[stack.length - 1];
    const name = eventName(tag.uri, tag.local);
    const declarations = declaresAny(tag.ns) ? { prefixes: tag.ns, outer: parent?.declarations } : parent?.declarations;
    if (matcher !== undefined) {
      if (parent !== undefined && matcher.textTyped && parent.dataText !== '') untypedText(parent.dataText);
      if (parent !== undefined) parent.dataText = '';
      matcher.textTyped = false;
    }
    stack.push({ name, defaultNs: tag.ns[''] ?? parent?.defaultNs ?? '', declarations, dataText: '' });
    if (matcher !== undefined) {
      schemaError(matcher.startTagOpen(name, formatName));
      const attributes = tag.attributes;
      for (const key in attributes) {
        const attr = attributes[key]!;
        if (attr.uri === XMLNS_NS || attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
        const attrName = eventName(attr.uri ?? '', attr.local ?? attr.name);
        schemaError(matcher.attributeName(attrName, formatName));
        schemaError(matcher.attributeValue(attrName, attr.value, formatName));
        const idType = idTypes?.get(attrName.key);
        if (idType !== undefined) checkId(idType, attr.value);
      }
      schemaError(matcher.startTagClose(name, formatName));
    }
    markEnd();
  });
  const onText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (matcher !== undefined && top !== undefined) {
      if (matcher.textTyped) top.dataText += text;
      else untypedText(text);
    }
    markEnd();
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const top = stack[stack.length - 1];
    if (matcher !== undefined && top !== undefined) {
      if (matcher.textTyped && top.dataText !== '') schemaError(matcher.dataText(top.dataText, top.name, formatName));
      schemaError(matcher.endTag(top.name, formatName));
      matcher.textTyped = false;
    }
    stack.pop();
    markEnd();
  });
  parser.on('comment', markEnd);
  // No handler for processing instructions: a seventh handler turns the parser object into a
  // slow dictionary-mode object in V8 (4× slower parsing). Text after a processing instruction
  // inside an element is rare; its error column may then count from the previous tag.

  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof StopParsing && stopped !== undefined) return { messages: [...messages, stopped], wellFormed: false };
    messages.push(wellFormednessError(e, check.file, parser, xml));
    return { messages, wellFormed: false };
  }
  for (const ref of idrefs)
    if (!ids.has(ref.value))
      schemaError(`IDREF "${ref.value}" without matching ID`, { file: check.file, line: ref.line, column: ref.column });
  return { messages, wellFormed: true };
}

class StopParsing extends Error {}

function tooDeep(name: string, depth: number, limit: number, position: { file: string; line: number; column: number }): Diagnostic {
  const count = (n: number): string => n.toLocaleString('en-US');
  return diagnostic(
    'error',
    ELEMENT_DEPTH_RULE,
    `element "${name}" is nested ${count(depth)} deep, over the limit of ${count(limit)} nested elements; the file is not checked further`,
    position,
    {
      fatal: true,
      hint: 'real TEI nests a few dozen elements deep: look for start tags that are never closed, or a generator that nests instead of listing',
    },
  );
}

function wellFormednessError(e: unknown, file: string, parser: NamespaceParser, xml: string): Diagnostic {
  const raw = e instanceof Error ? e.message : String(e);
  const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(raw);
  const line = m ? Number(m[1]) : parser.line;
  const column = m ? Number(m[2]) : parser.column;
  let message = (m?.[3] ?? raw).replace(/\.$/, '');
  let hint: string | undefined;
  const before = xml.slice(0, parser.position);
  if (message === 'unexpected close tag') {
    const closing = /<\/([^\s>]+)\s*>?$/.exec(before)?.[1];
    message = `unexpected end tag${closing ? ` </${closing}>` : ''}: it does not match the element opened last (an element inside is not closed, or this end tag has no start tag)`;
  } else if (message === 'undefined entity') {
    const entity = /&([^;&\s]+);?$/.exec(before)?.[1];
    message = `undefined entity${entity ? ` &${entity};` : ''}: XML predefines only &lt; &gt; &amp; &quot; &apos;`;
    hint = 'write the character itself (the file is UTF-8) or a character reference such as &#233; (é)';
  }
  return diagnostic(
    'error',
    WELL_FORMED_RULE,
    `not well-formed XML: ${message}`,
    { file, line, column: column + 1 },
    { fatal: true, ...(hint === undefined ? {} : { hint }) },
  );
}
