/**
 * The rule registry (src/lib/diagnostics/rules.ts) against what uses it: the docs' rule table is
 * the one generated from it, every doc anchor it names exists, every rule is emitted somewhere in
 * the sources, and the project's Schematron rules are the ones schemas/tei-edition.sch declares.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, it } from 'node:test';
import { RULES, type RuleId, severitiesOf } from '../../src/lib/diagnostics/rules.js';
import { anchorsOf, headingAnchor, RULE_TABLE_DOC, ruleTable, ruleTableIn } from '../../src/lib/diagnostics/rule-table.js';
import { repoRoot } from '../support/paths.js';

const ids = Object.keys(RULES) as RuleId[];
const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the rule registry', () => {
  it('is the table in the docs (npm run docs:rules rewrites it)', () => {
    assert.equal(ruleTableIn(read(RULE_TABLE_DOC)), ruleTable(), `${RULE_TABLE_DOC}: run npm run docs:rules`);
  });

  it('names doc anchors that exist', () => {
    const missing = ids
      .filter((id) => {
        const [file = '', anchor = ''] = RULES[id].doc.split('#');
        return !anchorsOf(read(file)).has(anchor);
      })
      .map((id) => `${id}: ${RULES[id].doc}`);
    assert.deepEqual(missing, []);
  });

  it('makes anchors as GitHub does', () => {
    assert.equal(headingAnchor('Schematron rules: `schemas/tei-edition.sch`'), 'schematron-rules-schemastei-editionsch');
    assert.equal(headingAnchor('Names: persons, places, periodicals, organisations'), 'names-persons-places-periodicals-organisations');
  });

  it('has only rules that the sources emit', () => {
    const sources = sourceFiles('src')
      .filter((f) => f !== 'src/lib/diagnostics/rules.ts')
      .map(read)
      .join('\n');
    const schematron = read('schemas/tei-edition.sch');
    const unused = ids.filter((id) =>
      RULES[id].area === 'schematron' ? !schematron.includes(`id="${id}"`) : !sources.includes(`'${id}'`),
    );
    assert.deepEqual(unused, []);
  });

  it('has the Schematron rules of schemas/tei-edition.sch, with their roles as severities', () => {
    const schema = read('schemas/tei-edition.sch');
    const declared = [...schema.matchAll(/<(?:sch:)?(?:assert|report)\b[^>]*>/gu)]
      .map((m) => {
        const id = /\bid="([^"]+)"/u.exec(m[0])?.[1];
        const role = /\brole="([^"]+)"/u.exec(m[0])?.[1];
        return `${id} ${role}`;
      })
      .sort();
    const registered = ids
      .filter((id) => RULES[id].area === 'schematron')
      .map((id) => `${id} ${severitiesOf(RULES[id]).join(',')}`)
      .sort();
    assert.ok(declared.length > 0);
    assert.deepEqual(registered, declared);
  });

  it('agrees with the Schematron table of docs/validation.md', () => {
    const doc = read('docs/validation.md');
    const section = doc.slice(doc.indexOf('## Schematron rules'), doc.indexOf('## The RELAX NG engine'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \|/gmu)].map((m) => `${m[1]} ${m[2]}`).sort();
    const registered = ids
      .filter((id) => RULES[id].area === 'schematron')
      .map((id) => `${id} ${severitiesOf(RULES[id]).join(',')}`)
      .sort();
    assert.deepEqual(rows, registered);
  });

  it('says when a rule has several severities, and only then', () => {
    const wrong = ids.filter((id) => severitiesOf(RULES[id]).length > 1 !== 'severities' in RULES[id]);
    assert.deepEqual(wrong, []);
  });
});
