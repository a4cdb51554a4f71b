/**
 * The loader against fixture files: each `fails-*.json` states its exact messages in a sibling
 * `fails-*.expected.messages.txt` (run with UPDATE=1 to rewrite them, then review the diff), and
 * a few cases are spelled out here too, so that the message format itself is pinned in code.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEditionConfig } from '../../src/lib/config/load-config.js';
import type { SourceConfig } from '../../src/lib/config/types.js';
import type { Diagnostic } from '../../src/lib/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/lib/diagnostics/format.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = 'test/fixtures/config';

/** Messages name the fixture by its path from the project root, as the CLI would from there. */
function loadFixture(name: string) {
  const file = `${fixtures}/${name}`;
  return loadEditionConfig(readFileSync(join(root, file), 'utf8'), file);
}

function formatted(messages: readonly Diagnostic[]): string {
  return messages.map((m) => `${formatDiagnostic(m)}\n`).join('');
}

const names = readdirSync(join(root, fixtures)).sort();

for (const name of names.filter((n) => /^valid-.*\.json$/.test(n))) {
  test(`${name} loads without messages`, () => {
    const { config, messages } = loadFixture(name);
    assert.equal(formatted(messages), '');
    assert.ok(config);
    assert.equal(config.edition.language, 'fr');
  });
}

for (const name of names.filter((n) => /^fails-.*\.json$/.test(n))) {
  test(`${name} gives the messages of its expected.messages.txt`, () => {
    const { config, messages } = loadFixture(name);
    assert.equal(config, undefined);
    assert.notEqual(messages.length, 0);
    const golden = join(root, fixtures, name.replace(/\.json$/, '.expected.messages.txt'));
    const actual = formatted(messages);
    if (process.env.UPDATE === '1') {
      writeFileSync(golden, actual);
      return;
    }
    assert.ok(existsSync(golden), `${golden} is missing; run the tests with UPDATE=1 to write it, then review it`);
    assert.equal(actual, readFileSync(golden, 'utf8'));
  });
}

test('the loaded config is the parsed JSON, typed', () => {
  const text = readFileSync(join(root, fixtures, 'valid-full.json'), 'utf8');
  const { config } = loadEditionConfig(text, 'edition.json');
  assert.deepEqual(config, JSON.parse(text));
});

// The message format, spelled out. Line 11 holds "𝔄" (two UTF-16 units): columns after it
// count it once, as an editor does.
const minimal = `{
  "edition": {
    "title": "Écrits",
    "editors": [{ "id": "ed", "name": "Équipe" }],
    "publisher": null,
    "licence": { "name": "CC BY 4.0" },
    "language": "fr",
    "calendar": { "sourceCalendar": "julian", "display": "old-style-first" }
  },
  "sources": [
    { "id": "a", "raw": "a.txt", "title": "𝔄", "author": "L", "bibl": { "text": "B" }, "layout": { "profile": "prose" } }
  ]
}
`;

function messagesFor(from: string, to: string): string {
  assert.ok(minimal.includes(from), from);
  const { config, messages } = loadEditionConfig(minimal.replace(from, to), 'edition.json');
  assert.equal(config, undefined);
  return formatted(messages);
}

test('a valid minimal config loads', () => {
  const { config, messages } = loadEditionConfig(minimal, 'edition.json');
  assert.deepEqual(messages, []);
  assert.equal((config?.sources[0] as SourceConfig | undefined)?.layout.profile, 'prose');
});

test('an unknown key: at the key, with the keys allowed there', () => {
  assert.equal(
    messagesFor('{ "profile": "prose" }', '{ "profile": "prose", "columns": 2 }'),
    'edition.json:11:120  error  sources[0].layout: found unknown key "columns", expected one of the keys profile, flows, runningHeads, ocr, overrides  tei-edition/config-schema\n',
  );
});

test('a wrong enum value: at the value, with the allowed values', () => {
  assert.equal(
    messagesFor('"profile": "prose"', '"profile": "verse"'),
    'edition.json:11:111  error  sources[0].layout.profile: found "verse", expected one of "prose", "columns"  tei-edition/config-schema\n',
  );
});

test('a missing required key: at the object that lacks it', () => {
  assert.equal(
    messagesFor('"author": "L", ', ''),
    'edition.json:11:5  error  sources[0]: missing required key "author"  tei-edition/config-schema\n    hint: author: Author of the text.\n',
  );
});

test('a bad id: at the value, with the pattern and what it means', () => {
  assert.equal(
    messagesFor('"id": "a"', '"id": "A 1"'),
    'edition.json:11:13  error  sources[0].id: found "A 1", expected lower-case letters, digits and hyphens (^[a-z0-9-]+$)  tei-edition/config-schema\n',
  );
});

test('a JSON syntax error: one fatal message where the parser stopped', () => {
  const { messages } = loadEditionConfig(minimal.replace('"language": "fr",', '"language": "fr"'), 'edition.json');
  assert.equal(messages.length, 1);
  assert.equal(messages[0]?.fatal, true);
  assert.equal(
    formatted(messages),
    'edition.json:8:5  error  invalid JSON: found the string "calendar", expected "," or "}"  tei-edition/config-json\n    hint: a comma is missing before this key\n',
  );
});

test('semantic checks wait for a config of the right shape', () => {
  // A wrong enum and a duplicate id: only the schema message, since the checks would run on bad types.
  const text = minimal
    .replace('"profile": "prose"', '"profile": "verse"')
    .replace('"editors": [{ "id": "ed", "name": "Équipe" }]', '"editors": [{ "id": "ed", "name": "A" }, { "id": "ed", "name": "B" }]');
  const rules = loadEditionConfig(text, 'edition.json').messages.map((m) => m.rule);
  assert.deepEqual(rules, ['tei-edition/config-schema']);
});
