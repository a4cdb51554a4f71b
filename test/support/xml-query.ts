/** A small read-only view of an XML document for assertions (fast-xml-parser, order preserved). */
import { XMLParser } from 'fast-xml-parser';

export interface El {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (El | string)[];
  readonly parent?: El;
}

type Raw = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignorePiTags: true,
});

export function parseXml(xml: string): El {
  const nodes = parser.parse(xml) as Raw[];
  const root: El = { name: '#document', attrs: {}, children: [] };
  (root.children as (El | string)[]).push(...convert(nodes, root));
  return root;
}

function convert(nodes: Raw[], parent: El): (El | string)[] {
  return nodes.map((node) => {
    if ('#text' in node) return String(node['#text']);
    const name = Object.keys(node).find((k) => k !== ':@') ?? '';
    const el: El = { name, attrs: (node[':@'] as Record<string, string> | undefined) ?? {}, children: [], parent };
    (el.children as (El | string)[]).push(...convert((node[name] as Raw[] | undefined) ?? [], el));
    return el;
  });
}

export function all(root: El, name: string): El[] {
  const out: El[] = [];
  const visit = (el: El) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(root);
  return out;
}

export function first(root: El, name: string): El {
  const found = all(root, name)[0];
  if (!found) throw new Error(`no <${name}>`);
  return found;
}

/** Text content; `skip` names elements whose text is left out (e.g. note, corr). */
export function text(el: El, skip: readonly string[] = []): string {
  return el.children.map((c) => (typeof c === 'string' ? c : skip.includes(c.name) ? '' : text(c, skip))).join('');
}

export function ancestors(el: El): El[] {
  const out: El[] = [];
  for (let p = el.parent; p; p = p.parent) out.push(p);
  return out;
}

/** The text just before an element inside its parent (for "the note stands after …"). */
export function textBefore(el: El): string {
  const siblings = el.parent?.children ?? [];
  const i = siblings.indexOf(el);
  return siblings
    .slice(0, i)
    .map((c) => (typeof c === 'string' ? c : text(c, ['note'])))
    .join('');
}
