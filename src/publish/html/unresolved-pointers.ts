/**
 * Names whose pointer resolves nowhere, as the build's warnings. The stylesheet shows such a
 * name as plain text and never stops for it; each text's summary (xslt/html/modules/summaries.xsl)
 * lists the pointers of its names that designate no entry of a register file, of the text's own
 * lists (standOff, teiHeader: TEI P5 §13.3, §16.10) and no external address:
 *
 *   <f:text id="…"> … <f:unresolved target="#palm" count="2"/>* </f:text>
 *
 * This turns every summary of the edition into one warning per target (the same pointer in ten
 * texts is one warning), naming the first text that uses it. Pure: summaries in, messages out.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { childElements, parseElements, type XmlElement } from '../../lib/xml/element-tree.js';

/** An unresolved pointer of one text, as its summary gives it. */
export interface UnresolvedPointer {
  /** The pointer as the names write it (`#palm`, `persons.xml#x`, `pers:x`, or a @key such as `kbga-places-54`). */
  readonly target: string;
  readonly textId: string;
  /** How many names of the text have it. */
  readonly count: number;
}

/** Every text's unresolved pointers, in the order of the summaries (the edition's order) and of each text's names. */
export function unresolvedPointers(summaries: readonly string[]): UnresolvedPointer[] {
  const found: UnresolvedPointer[] = [];
  for (const xml of summaries) {
    for (const root of parseElements(xml)) {
      for (const text of childElements(root, 'text')) found.push(...ofText(text));
    }
  }
  return found;
}

function ofText(text: XmlElement): UnresolvedPointer[] {
  const textId = text.attrs.id ?? '';
  return childElements(text, 'unresolved').flatMap((u) => {
    const target = u.attrs.target ?? '';
    if (target === '') return [];
    const count = Number.parseInt(u.attrs.count ?? '1', 10);
    return [{ target, textId, count: Number.isFinite(count) && count > 0 ? count : 1 }];
  });
}

/**
 * One warning (rule `tei-edition/unresolved-pointer`) per unresolved target of the edition, in
 * the order targets first appear; its position is the first text using it (`fileOfText` gives
 * that text's file as messages show it; by default `<id>.xml`).
 */
export function unresolvedPointerWarnings(
  summaries: readonly string[],
  fileOfText: (textId: string) => string = (id) => `${id}.xml`,
): Diagnostic[] {
  const byTarget = new Map<string, { first: string; names: number; texts: Set<string> }>();
  for (const { target, textId, count } of unresolvedPointers(summaries)) {
    const seen = byTarget.get(target);
    if (seen === undefined) byTarget.set(target, { first: textId, names: count, texts: new Set([textId]) });
    else {
      seen.names += count;
      seen.texts.add(textId);
    }
  }
  return [...byTarget].map(([target, { first, names, texts }]) =>
    diagnostic(
      'warning',
      'unresolved-pointer',
      `found the pointer “${target}” on ${names === 1 ? 'a name' : `${names} names`} (first in text ${first}${texts.size > 1 ? `, in ${texts.size} texts` : ''}) ` +
        `designating nothing, expected an entry with that id in a register file, a standOff list or the header (listPerson, listPlace, listOrg, listBibl)`,
      { file: fileOfText(first) },
      { actual: target, hint: hintFor(target) },
    ),
  );
}

function hintFor(target: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}._-]*$/u.test(target) && !target.includes('.');
  return (
    'the names are shown as plain text; add the entry, or correct the pointer' +
    (bare
      ? ` (a @ref to an id is written with '#': "#${target}"; a @key is matched to an xml:id as it is)`
      : ' (a listPrefixDef in the header expands prefixes such as pers:)')
  );
}
