/**
 * The source tree is a map of the data flow (docs/architecture.md): `lib/` is what every stage
 * shares, `convert/`, `validate/` and `publish/` are the three stages, `cli/` drives them. These
 * tests read the TypeScript sources and hold the tree to it: no stage imports a later one or a
 * sibling, lib imports no stage, the output stages (html, print, search) share only
 * `publish/edition/` and `publish/xslt/`, and no module imports itself through a cycle (type-only
 * imports included).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../support/paths.js';

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)(['"])(\.{1,2}\/[^'"]*)\1/gm;

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(path));
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** Each source file and the source files it imports (relative specifiers, `.js` read as `.ts`). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles('src')) {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) =>
      posix.normalize(posix.join(posix.dirname(file), m[2] ?? '')).replace(/\.js$/, '.ts'),
    );
    graph.set(
      file,
      targets.filter((t) => t.startsWith('src/')),
    );
  }
  return graph;
}

/** `src/publish/html/render-pages.ts` → `publish`; with depth 2 → `publish/html`. */
function area(file: string, depth = 1): string {
  return file
    .split('/')
    .slice(1, 1 + depth)
    .join('/');
}

const STAGES = ['convert', 'validate', 'publish'];

/** Whether a module in `from` may import one in `to` (top-level folders). */
function mayImport(from: string, to: string): boolean {
  if (from === to || to === 'lib') return true;
  return from === 'cli';
}

describe('the source tree', () => {
  const graph = importGraph();

  it('has the three stages, what they share and the command line at its top, nothing else', () => {
    const top = readdirSync(join(repoRoot, 'src'), { withFileTypes: true })
      .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
      .sort();
    assert.deepEqual(top, ['cli/', 'convert/', 'lib/', 'publish/', 'validate/']);
  });

  it('imports only downwards: a stage from itself and lib/, lib/ from itself, cli/ from anything', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => !mayImport(area(file), area(t))).map((t) => `${file} → ${t}`),
    );
    assert.deepEqual(upward, []);
    // The rule has teeth: the stages are really distinct folders with code.
    for (const stage of STAGES)
      assert.ok(
        [...graph.keys()].some((f) => area(f) === stage),
        stage,
      );
  });

  it('keeps the output stages apart: html, print and search share only publish/edition and publish/xslt', () => {
    const shared = ['publish/edition', 'publish/xslt'];
    const sideways = [...graph].flatMap(([file, targets]) => {
      if (area(file) !== 'publish') return [];
      const from = area(file, 2);
      const allowed = shared.includes(from) ? shared : [from, ...shared];
      return targets.filter((t) => area(t) === 'publish' && !allowed.includes(area(t, 2))).map((t) => `${file} → ${t}`);
    });
    assert.deepEqual(sideways, []);
  });

  it('has no import cycle, type-only imports included', () => {
    assert.deepEqual(cycles(graph), []);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const made = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(cycles(made), [['a', 'b', 'c']]);
  });
});

/** Strongly connected components of more than one module (Tarjan), each sorted. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}
