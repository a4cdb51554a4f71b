import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { didYouMean } from '../../src/lib/config/did-you-mean.js';
import { readablePath, type ConfigFinding } from '../../src/lib/config/json-path.js';
import { schemaErrorsToFindings, validateEditionSchema } from '../../src/lib/config/schema-validation.js';

function lines(findings: readonly ConfigFinding[]): string[] {
  return findings.map((f) => `${readablePath(f.path)}${f.memberKey === undefined ? '' : ` (key ${f.memberKey})`}: ${f.message}`);
}

test('anyOf and oneOf give one message each, not one per failed branch', () => {
  const validate = new Ajv2020({ allErrors: true, verbose: true }).compile({
    type: 'object',
    properties: {
      when: { anyOf: [{ type: 'string', pattern: '^\\d{4}$' }, { type: 'integer' }] },
      pick: { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] },
    },
  });
  assert.equal(validate({ when: 'soon', pick: 3 }), false);
  assert.deepEqual(lines(schemaErrorsToFindings(validate.errors ?? [])), [
    'when: found "soon", expected a string matching ^\\d{4}$ or a whole number',
    'pick: found 3, which fits more than one of the allowed forms, expected exactly one',
  ]);
});

test('a wrong type where an enum is expected gives the allowed values', () => {
  const result = validateEditionSchema({
    edition: {
      title: 'T',
      editors: [],
      publisher: null,
      licence: { name: 'L' },
      language: 'fr',
      calendar: { sourceCalendar: 'julian', display: 3 },
    },
    sources: [],
  });
  assert.ok(!result.ok);
  assert.deepEqual(lines(result.findings), [
    'edition.calendar.display: found 3, expected one of "old-style-first", "new-style-first", "new-style-only"',
  ]);
});

test('a config of the wrong shape altogether', () => {
  const result = validateEditionSchema(['edition']);
  assert.ok(!result.ok);
  assert.deepEqual(lines(result.findings), ['top level: found an array, expected an object']);
});

test('several missing keys of one object make one message', () => {
  const result = validateEditionSchema({ sources: [] });
  assert.ok(!result.ok);
  assert.deepEqual(lines(result.findings), ['top level: missing required key "edition"']);
  assert.equal(
    result.findings[0]?.hint,
    'edition: What the edition as a whole is: title, editors, publisher, licence, language, calendar.',
  );
  const more = validateEditionSchema({ edition: {}, sources: [] });
  assert.ok(!more.ok);
  assert.deepEqual(lines(more.findings), [
    'edition: missing required keys "title", "editors", "publisher", "licence", "language", "calendar"',
  ]);
});

test('numbers, empty strings and odd keys', () => {
  const result = validateEditionSchema({
    edition: {
      title: 'T',
      editors: [],
      publisher: null,
      licence: { name: 'L' },
      language: 'fr',
      calendar: { sourceCalendar: 'gregorian', display: 'new-style-only' },
    },
    sources: [
      {
        id: 'a',
        raw: 'a.txt',
        title: 'A',
        author: 'B',
        bibl: { text: 'x' },
        layout: { profile: 'prose' },
        firstPage: 0,
        corrections: [{ match: 'x', sic: '', corr: 'y', line: 1.5 }],
        'my key': 1,
      },
    ],
  });
  assert.ok(!result.ok);
  assert.deepEqual(lines(result.findings), [
    'sources[0] (key my key): found unknown key "my key", expected one of the keys id, raw, title, author, type, date, bibl, layout, firstPage, notes, responsibilities, corrections',
    'sources[0].firstPage: found 0, expected a number >= 1',
    'sources[0].corrections[0].sic: found "", expected a non-empty string',
    'sources[0].corrections[0].line: found 1.5, expected a whole number',
  ]);
});

test('did you mean: typos and case, but not unrelated words', () => {
  assert.equal(didYouMean('colums', ['prose', 'columns']), 'did you mean "columns"?');
  assert.equal(didYouMean('Prose', ['prose', 'columns']), 'did you mean "prose"?');
  assert.equal(didYouMean('redaction', ['ed']), undefined);
});
