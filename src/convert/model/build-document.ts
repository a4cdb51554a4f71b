/**
 * Stage 4: layout → document model. Every source line becomes `<lb n/>` + its text; page
 * boundaries become `<pb/>` where they fall; forme work becomes `<fw>`; flows become divisions
 * in reading order. No text is changed here (enrichment does that, recording what it does).
 */
import type { FlowConfig } from '../../lib/config/types.js';
import type { FormeLine, Layout, LayoutBlock, LayoutFlow, LayoutLine, PageBreakMark } from '../layout/types.js';
import type { Block, Division, EditionDocument, FormeWork, Inline, Paragraph } from './document.js';

export interface BuildSettings {
  /** `div/@type` of the text when there is one flow. */
  readonly textType: string;
  /** Title from the config, supplied as the heading of a text that prints none. */
  readonly title: string;
  readonly flows: readonly FlowConfig[];
  readonly pageNumbering: EditionDocument['facts']['pageNumbering'];
}

export function buildDocument(layout: Layout, settings: BuildSettings): EditionDocument {
  const ordered = orderFlows(layout.flows, settings.flows);
  const body = ordered.map(({ flow, config }, i) =>
    buildFlow(flow, config, settings, i === 0 ? layout.firstPage : undefined, ordered.length),
  );
  const notesBlocks = layout.notes.blocks.map((b, i) => {
    const p = blockToParagraph(b);
    // Page breaks and forme work seen before the notes heading open the first note.
    if (i === 0 && layout.notes.heading)
      return { ...p, content: [...lineInlines(layout.notes.heading).filter((x) => x.kind !== 'lb' && x.kind !== 'text'), ...p.content] };
    return p;
  });
  const facts: EditionDocument['facts'] = {
    pageNumbering: settings.pageNumbering,
    ...(layout.notes.heading ? { notesHeading: layout.notes.heading.line.text } : {}),
    ...(ordered.some((o) => o.flow.movedHeadFromLine !== undefined)
      ? { movedHeadFromLine: ordered.find((o) => o.flow.movedHeadFromLine !== undefined)?.flow.movedHeadFromLine as number }
      : {}),
  };
  return {
    front: layout.front.map(blockToParagraph),
    body,
    trailing: layout.trailingForme.map(formeWork),
    noteArea: notesBlocks,
    ...(layout.notes.footnotes ? { footnotes: layout.notes.footnotes } : {}),
    facts,
  };
}

function orderFlows(flows: readonly LayoutFlow[], configs: readonly FlowConfig[]): { flow: LayoutFlow; config: FlowConfig | undefined }[] {
  const pairs = flows.map((flow, i) => ({
    flow,
    config:
      configs.find((c) => c.appearance === flow.appearance) ?? (configs.some((c) => c.appearance !== undefined) ? undefined : configs[i]),
  }));
  // Reading order: the config's order of flows; flows the config does not name follow, in file order.
  const rank = (c: FlowConfig | undefined) => (c === undefined ? configs.length : configs.indexOf(c));
  return pairs.sort((a, b) => rank(a.config) - rank(b.config) || a.flow.appearance - b.flow.appearance);
}

function buildFlow(
  flow: LayoutFlow,
  config: FlowConfig | undefined,
  settings: BuildSettings,
  firstPage: PageBreakMark | undefined,
  flowCount: number,
): Division {
  const sections = flow.sections.map((s) => s.blocks.map(blockToModel));
  const opening: Inline[] = firstPage ? [{ kind: 'pb', n: firstPage.n, inWord: false }] : [];
  let children: Block[] = sections.length === 1 ? (sections[0] ?? []) : numberSections(liftHeading(sections));
  const startsWithHead = children[0]?.kind === 'head';
  if (!startsWithHead && flowCount === 1) {
    children = [
      {
        kind: 'head',
        content: [
          {
            kind: 'phrase',
            element: 'supplied',
            attributes: { reason: 'title-not-in-source' },
            content: [{ kind: 'text', value: settings.title }],
          },
        ],
      },
      ...children,
    ];
  }
  if (opening.length > 0) children = prependToFirstSourceBlock(children, opening);
  return {
    kind: 'div',
    type: config?.type ?? (flowCount === 1 ? settings.textType : `text-${flow.appearance}`),
    ...(config?.resp ? { resp: config.resp } : {}),
    children,
  };
}

function numberSections(parts: (Block[] | Block)[]): Block[] {
  let n = 0;
  return parts.map((part) => (Array.isArray(part) ? { kind: 'div', type: 'section', n: String(++n), children: part } : part));
}

/** The heading of the first section heads the whole text when there are several sections. */
function liftHeading(sections: Block[][]): (Block[] | Block)[] {
  const first = sections[0] ?? [];
  if (first[0]?.kind !== 'head') return sections;
  return [first[0], first.slice(1), ...sections.slice(1)];
}

/** The first page break goes before the first line of the source, inside its first block. */
function prependToFirstSourceBlock(children: Block[], inlines: Inline[]): Block[] {
  const index = children.findIndex((b) => b.kind !== 'head' || !isSupplied(b.content));
  if (index < 0) return children;
  const target = children[index] as Block;
  const replaced: Block =
    target.kind === 'div'
      ? { ...target, children: prependToFirstSourceBlock([...target.children], inlines) }
      : { ...target, content: [...inlines, ...target.content] };
  return children.map((b, i) => (i === index ? replaced : b));
}

function isSupplied(content: readonly Inline[]): boolean {
  return content.length === 1 && content[0]?.kind === 'phrase' && content[0].element === 'supplied';
}

function blockToModel(block: LayoutBlock): Block {
  const content = block.lines.flatMap(lineInlines);
  return block.role === 'head'
    ? { kind: 'head', content, opensTextBlock: block.opensTextBlock }
    : { kind: 'p', content, opensTextBlock: block.opensTextBlock };
}

function blockToParagraph(block: LayoutBlock): Paragraph {
  return { kind: 'p', content: block.lines.flatMap(lineInlines), opensTextBlock: block.opensTextBlock };
}

/** `[pb] [fw…] <lb n/> text` — forme work printed before the page boundary comes before the `pb`. */
function lineInlines(entry: LayoutLine): Inline[] {
  const forme = entry.formeBefore ?? [];
  const page = entry.pageBreak;
  const before = page ? forme.filter((f) => f.line.n < page.atLine) : forme;
  const after = page ? forme.filter((f) => f.line.n >= page.atLine) : [];
  const out: Inline[] = before.map(formeWork);
  if (page) out.push({ kind: 'pb', n: page.n, inWord: false });
  out.push(...after.map(formeWork));
  out.push({ kind: 'lb', n: entry.line.n, wordBreak: 'none' });
  out.push({ kind: 'text', value: entry.line.text, line: entry.line.n, column: entry.line.column });
  return out;
}

function formeWork(f: FormeLine): FormeWork {
  return { kind: 'fw', type: f.kind === 'running-head' ? 'header' : f.kind, line: f.line.n, text: f.line.text };
}
