/** The I/O edge: a register read from disk; failures are messages on the file, never exceptions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegisterFile } from '../../src/lib/registers/read-register-file.js';
import { repoRoot } from '../support/paths.js';

test('reads a register from disk, messages name the file as shown', async () => {
  const { entries, messages } = await readRegisterFile(join(repoRoot, 'tei', 'places.xml'), 'tei/places.xml');
  assert.deepEqual(messages, []);
  assert.ok(entries.some((e) => e.id === 'petrograd'));
});

test('a missing file: one fatal error, no entries', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tei-edition-register-'));
  try {
    const { entries, messages } = await readRegisterFile(join(dir, 'persons.xml'), 'tei/persons.xml');
    assert.deepEqual(entries, []);
    assert.deepEqual(
      messages.map((m) => [m.rule, m.fatal, m.position.file]),
      [['tei-edition/register-missing', true, 'tei/persons.xml']],
    );
    assert.match(messages[0]?.message ?? '', /^found no file at .*persons\.xml, expected a TEI register$/u);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that is not UTF-8: one fatal error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tei-edition-register-'));
  try {
    const path = join(dir, 'persons.xml');
    // “Lénine” in Latin-1.
    writeFileSync(path, Buffer.from('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>L\xe9nine</p></body></text></TEI>', 'latin1'));
    const { entries, messages } = await readRegisterFile(path);
    assert.deepEqual(entries, []);
    assert.deepEqual(
      messages.map((m) => [m.rule, m.position.file]),
      [['tei-edition/register-not-utf8', path]],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
