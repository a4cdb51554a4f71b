/**
 * `notes.convention: "auto"` (the default) recognises how a text's notes are written from the
 * matching of calls and bodies. On each text of the sample edition it picks the convention the
 * config names, and the TEI is the same byte for byte; an info says what it chose (none for a
 * text without notes). On the notes fixtures it picks what their configs name. A text without
 * notes gets none, and no message about notes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceConfig } from '../../src/lib/config/types.js';
import { convertSource } from '../../src/convert/convert-source.js';
import { splitLines } from '../../src/convert/lines/split-lines.js';
import { detectNoteConvention } from '../../src/convert/layout/note-convention.js';
import { convertSample, sampleConfig, sampleRegisters } from '../support/sample-edition.js';
import { convertText } from '../support/convert-text.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

for (const source of sampleConfig().sources) {
  test(`auto on the sample's ${source.id}: picks ${source.notes?.convention ?? 'none'}, as its config says, and gives the same TEI`, () => {
    const named = convertSample(source);
    const auto: SourceConfig = { ...source, notes: { ...source.notes, convention: 'auto' } };
    const result = convertSource({
      bytes: readFileSync(join(repoRoot, source.raw)),
      file: source.raw,
      source: auto,
      edition: sampleConfig().edition,
      registers: sampleRegisters(),
    });
    assert.ok(result.xml !== undefined && named.xml !== undefined);
    assert.equal(result.xml, named.xml, 'the TEI differs from the one converted with the config’s convention');
    const chosen = result.messages.filter((m) => m.rule === 'tei-edition/note-convention');
    const expected = source.notes?.convention ?? 'none';
    if (expected === 'none') assert.deepEqual(chosen, []);
    else {
      assert.equal(chosen.length, 1);
      assert.equal(chosen[0]?.severity, 'info');
      assert.match(chosen[0]?.message ?? '', new RegExp(`“auto” chose ${expected} \\(\\d+ note bod`, 'u'));
    }
    const others = (ms: typeof result.messages) => ms.filter((m) => m.rule !== 'tei-edition/note-convention').map((m) => JSON.stringify(m));
    assert.deepEqual(others(result.messages), others(named.messages));
  });
}

test('auto picks, on each notes fixture, the convention its source.json names (or page-footnotes where it names none)', () => {
  const folder = join(fixturesDir, 'notes');
  for (const name of readdirSync(folder).sort()) {
    const source = JSON.parse(readFileSync(join(folder, name, 'source.json'), 'utf8')) as Partial<SourceConfig>;
    const lines = splitLines(readFileSync(join(folder, name, 'input.txt'), 'utf8').split('\n'));
    const settings = {
      profile: source.layout?.profile ?? 'prose',
      runningHeads: [],
      ocrNoise: false,
      overrides: [],
      noteConvention: 'none',
      notesHeading: 'Notes',
    } as const;
    assert.equal(detectNoteConvention(lines, settings).convention, source.notes?.convention ?? 'page-footnotes', name);
  }
});

test('a text without notes gets none and no message about notes, whatever its numbers look like', () => {
  const text =
    'Le congrès de 1917\n\nLe 5 (18) octobre 1917, au 2e étage, 300 délégués1 lurent les pp.6-8 du\nBulletin, n° 7.\n\n1. Premier point : la paix.\n2. Second point : la terre.\n';
  const result = convertText(text, {});
  assert.deepEqual(
    result.messages.filter((m) => /note/u.test(m.rule)),
    [],
    result.printed,
  );
  assert.doesNotMatch(result.xml ?? '', /<note/u);
});

test('a convention named in the config is kept: page footnotes are not read when the config says none', () => {
  const text = 'Titre\n\nLe président lut le rapport du comité1 et la séance\nfut levée.\n\n1. Le rapport fut imprimé.\n';
  assert.match(convertText(text, {}).xml ?? '', /<note n="1"/u);
  const none = convertText(text, { notes: { convention: 'none' } });
  assert.doesNotMatch(none.xml ?? '', /<note/u);
  assert.deepEqual(
    none.messages.filter((m) => m.rule === 'tei-edition/note-convention'),
    [],
  );
});
