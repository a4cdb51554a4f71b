/**
 * A profile of the HTML stylesheet by stylesheet line (a developer's tool, not a test): runs the
 * text pages of an edition (or the texts' summaries) in this thread with a copy of SaxonJS whose
 * instructions are timed, and prints the lines that cost most, in ms per text, with their
 * inclusive time and how many times each ran.
 *
 *   node dist/bench/probe/xslt-profile.js <edition folder> [--texts N] [--summaries] [--top N]
 *
 * The edition folder holds edition.json and tei/ (the bench corpus: `node dist/bench/run.js
 * --write-corpus <dir>`, then `tei-edition convert` in it). Only instructions that write output
 * (SaxonJS "push" instructions: templates' bodies, elements, value-of, apply-templates…) are
 * timed; an XPath expression or a function counts in the instruction that evaluates it, a global
 * variable in the first instruction that reads it. The timing costs about a fifth more time; the
 * shares are what matters. SaxonJS is patched in memory at one place (where it caches an
 * instruction's code): another SaxonJS build may not have it, and the tool then says so.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledStylesheet } from '../../src/publish/xslt/compile-stylesheet.js';
import { HTML_STYLESHEET } from '../../src/publish/xslt/stylesheet-paths.js';

interface SefNode {
  readonly N: string;
  readonly line?: string;
  readonly module?: string;
  readonly parentNode?: SefNode;
}

type PushCode = (context: unknown, output: unknown) => unknown;

interface LineCost {
  self: number;
  inclusive: number;
  count: number;
}

const costs = new Map<string, LineCost>();
const childTime: number[] = [];

function lineOf(node: SefNode): string {
  let line: string | undefined;
  for (let n: SefNode | undefined = node; n !== undefined; n = n.parentNode) {
    line ??= n.line;
    if (n.module !== undefined) return `${basename(n.module)}:${line ?? '?'} ${node.N}`;
  }
  return `?:${line ?? '?'} ${node.N}`;
}

function timed(node: SefNode, code: PushCode): PushCode {
  const key = lineOf(node);
  return (context, output) => {
    const start = performance.now();
    childTime.push(0);
    try {
      return code(context, output);
    } finally {
      const elapsed = performance.now() - start;
      const children = childTime.pop() ?? 0;
      if (childTime.length > 0) childTime[childTime.length - 1] = (childTime[childTime.length - 1] ?? 0) + elapsed;
      const cost = costs.get(key) ?? { self: 0, inclusive: 0, count: 0 };
      cost.self += elapsed - children;
      cost.inclusive += elapsed;
      cost.count += 1;
      costs.set(key, cost);
    }
  };
}

/** Where SaxonJS 2.7 caches the code of a push instruction (the only place it makes one). */
const PUSH_CACHE =
  'if(I=p[f.N])f.PUSH=I=I(f);else{const D=ld.elaborate(f);f.PUSH=I=function(r,c){D(r).forEachItem(d=>c.append(d))}}return I';
const PUSH_CACHE_TIMED =
  'if(I=p[f.N])f.PUSH=I=globalThis.__teiEditionTimed(f,I(f));else{const D=ld.elaborate(f);f.PUSH=I=globalThis.__teiEditionTimed(f,function(r,c){D(r).forEachItem(d=>c.append(d))})}return I';

interface SaxonApi {
  transform(options: Record<string, unknown>, mode: 'async'): Promise<{ principalResult?: unknown }>;
  getResource(options: Record<string, unknown>): Promise<unknown>;
}

/** SaxonJS, loaded from its source with the push cache timed. */
function timedSaxon(): SaxonApi {
  const require = createRequire(import.meta.url);
  const path = require.resolve('saxon-js');
  return loadPatched(path, (source) => {
    if (!source.includes(PUSH_CACHE))
      throw new Error(`${path}: this SaxonJS build does not cache its instructions where the profiler expects (written for SaxonJS 2.7)`);
    return source.replace(PUSH_CACHE, PUSH_CACHE_TIMED);
  });
}

function loadPatched(path: string, patch: (source: string) => string): SaxonApi {
  (globalThis as { __teiEditionTimed?: typeof timed }).__teiEditionTimed = timed;
  const internals = Module as unknown as { _nodeModulePaths(dir: string): string[] };
  const mod = new Module(path) as unknown as {
    filename: string;
    paths: string[];
    exports: SaxonApi;
    _compile(source: string, file: string): void;
  };
  mod.filename = path;
  mod.paths = internals._nodeModulePaths(dirname(path));
  mod._compile(patch(readFileSync(path, 'utf8')), path);
  return mod.exports;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

const dir = process.argv[2];
if (dir === undefined || dir.startsWith('--')) {
  console.error('usage: node dist/bench/probe/xslt-profile.js <edition folder> [--texts N] [--summaries] [--top N]');
  process.exit(2);
}
const count = option('--texts', 24);
const top = option('--top', 40);
const summaries = process.argv.includes('--summaries');

const saxon = timedSaxon();
const config = JSON.parse(await readFile(join(dir, 'edition.json'), 'utf8')) as { edition?: unknown; sources: { id: string }[] };
const texts = await Promise.all(
  config.sources.slice(0, count).map(async (s) => {
    const path = join(dir, 'tei', `${s.id}.xml`);
    return { id: s.id, xml: await readFile(path, 'utf8'), url: pathToFileURL(path).href };
  }),
);
const registers = await Promise.all(
  ['persons', 'places', 'periodicals', 'organisations'].map(async (name) => {
    const path = join(dir, 'tei', `${name}.xml`);
    return saxon.getResource({ text: await readFile(path, 'utf8'), type: 'xml', baseURI: pathToFileURL(path).href });
  }),
);
const { sef } = await compiledStylesheet(HTML_STYLESHEET);
const editionJson = JSON.stringify(config.edition ?? {});
const run = (options: Record<string, unknown>): Promise<{ principalResult?: unknown }> =>
  saxon.transform(
    {
      stylesheetInternal: sef,
      destination: 'serialized',
      deliverResultDocument: () => ({ destination: 'serialized' }),
      baseOutputURI: 'file:///profile/',
      ...options,
    },
    'async',
  );
const table = await run({ initialTemplate: 'register-table', stylesheetParams: { 'edition-json': editionJson, registers } });
const registerTable = await saxon.getResource({ text: String(table.principalResult), type: 'xml' });
const params = { 'edition-json': editionJson, registers, 'register-table': registerTable, 'text-ids': texts.map((t) => t.id) };

async function pass(): Promise<void> {
  if (summaries) {
    const docs = await Promise.all(texts.map((t) => saxon.getResource({ text: t.xml, type: 'xml', baseURI: t.url })));
    await run({ initialTemplate: 'text-summaries', stylesheetParams: { ...params, texts: docs } });
  } else {
    for (const t of texts) await run({ sourceText: t.xml, sourceBaseURI: t.url, stylesheetParams: { ...params, 'text-id': t.id } });
  }
}

await pass();
costs.clear();
const start = performance.now();
await pass();
const perText = (ms: number): string => (ms / texts.length).toFixed(2).padStart(8);
let total = 0;
for (const c of costs.values()) total += c.self;
console.log(
  `${summaries ? 'summaries' : 'text pages'} of ${texts.length} texts: ${perText(performance.now() - start).trim()} ms a text (timed), of which ${perText(total).trim()} ms in the timed instructions`,
);
console.log('    self  inclusive   count  line');
for (const [line, c] of [...costs].sort((a, b) => b[1].self - a[1].self).slice(0, top)) {
  console.log(`${perText(c.self)} ${perText(c.inclusive)} ${(c.count / texts.length).toFixed(0).padStart(7)}  ${line}`);
}
