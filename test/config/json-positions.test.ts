import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineColumnLocator, parseJsonWithPositions, type JsonParseResult } from '../../src/lib/config/json-positions.js';

function parsed(text: string): Extract<JsonParseResult, { ok: true }> {
  const result = parseJsonWithPositions(text);
  assert.ok(result.ok, result.ok ? '' : `unexpected syntax error: ${JSON.stringify(result.error)}`);
  return result;
}

function syntaxError(text: string): string {
  const result = parseJsonWithPositions(text);
  assert.ok(!result.ok, `expected a syntax error in ${JSON.stringify(text)}`);
  const { line, column, found, expected, hint } = result.error;
  return `${line}:${column} found ${found}, expected ${expected}${hint === undefined ? '' : ` (${hint})`}`;
}

test('values equal JSON.parse on valid documents', () => {
  const samples = [
    '{"a": [1, -2.5e3, 0, true, false, null, "x\\u00e9\\n\\"\\\\\\/"], "b": {}, "c": []}',
    '  "just a string"  ',
    '-0.125E+2',
    '[[[]], {"": {"k": [{}]}}]',
    '{"dup": 1, "dup": 2}',
  ];
  for (const sample of samples) assert.deepEqual(parsed(sample).value, JSON.parse(sample));
});

test('maps JSON pointers to the line and column of values and keys', () => {
  const { positions } = parsed('{\n  "sources": [\n    { "id": "a" },\n    { "id": "b", "a/b~": 1 }\n  ]\n}');
  assert.deepEqual(positions.value(''), { line: 1, column: 1 });
  assert.deepEqual(positions.value('/sources'), { line: 2, column: 14 });
  assert.deepEqual(positions.value('/sources/1'), { line: 4, column: 5 });
  assert.deepEqual(positions.value('/sources/1/id'), { line: 4, column: 13 });
  assert.deepEqual(positions.key('/sources/1/id'), { line: 4, column: 7 });
  assert.deepEqual(positions.key('/sources/1/a~1b~0'), { line: 4, column: 18 });
  assert.equal(positions.value('/sources/2'), undefined);
  assert.equal(positions.key('/sources/0'), undefined);
});

test('columns count code points, so an astral character is one column', () => {
  // "𝔉" is two UTF-16 units; an editor shows it as one character.
  const { positions } = parsed('{"title": "𝔉eu", "x": 1}');
  assert.deepEqual(positions.key('/x'), { line: 1, column: 18 });
});

test('CRLF and lone CR end lines; a BOM is not a column', () => {
  const { positions } = parsed('\uFEFF{\r\n"a": 1,\r"b": 2}');
  assert.deepEqual(positions.value(''), { line: 1, column: 1 });
  assert.deepEqual(positions.key('/a'), { line: 2, column: 1 });
  assert.deepEqual(positions.value('/b'), { line: 3, column: 6 });
});

test('a key __proto__ is an ordinary key, not a prototype', () => {
  const value = parsed('{"__proto__": {"polluted": true}}').value;
  assert.deepEqual(Object.keys(value ?? {}), ['__proto__']);
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
});

test('syntax errors say where, what was found and what was expected', () => {
  assert.equal(syntaxError(''), '1:1 found end of file, expected a value (string, number, object, array, true, false or null)');
  assert.equal(
    syntaxError('{"a": 1,\n}'),
    '2:1 found "}", expected a key in double quotes (JSON does not allow a comma after the last member)',
  );
  assert.equal(
    syntaxError('[1, 2,]'),
    '1:7 found "]", expected a value (string, number, object, array, true, false or null) (JSON does not allow a comma after the last item)',
  );
  assert.equal(syntaxError('{"a": 1\n "b": 2}'), '2:2 found the string "b", expected "," or "}" (a comma is missing before this key)');
  assert.equal(syntaxError('{"a" 1}'), '1:6 found "1", expected ":" after the key');
  assert.equal(syntaxError("{'a': 1}"), '1:2 found "\'", expected a key in double quotes or "}" (JSON strings and keys use double quotes)');
  assert.equal(syntaxError('{a: 1}'), '1:2 found "a", expected a key in double quotes or "}" (strings and keys must be in double quotes)');
  assert.equal(
    syntaxError('{"a": True}'),
    '1:7 found "True", expected a value (string, number, object, array, true, false or null) (strings and keys must be in double quotes)',
  );
  assert.equal(syntaxError('{"a": 1} // done'), '1:10 found "/", expected the end of the file (JSON does not allow comments)');
  assert.equal(syntaxError('{"a": "é\n"}'), '1:9 found a line break, expected a closing quote (") before the end of the line');
  assert.equal(syntaxError('["abc'), '1:6 found end of file, expected a closing quote (")');
  assert.equal(
    syntaxError('["\\x"]'),
    '1:3 found "\\\\", expected an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u followed by four hex digits',
  );
  assert.equal(syntaxError('[1.]'), '1:4 found "]", expected a digit after the decimal point');
  assert.equal(syntaxError('[-]'), '1:3 found "]", expected a digit');
  assert.equal(
    syntaxError('["a\tb"]'),
    '1:4 found control character U+0009, expected an escape such as \\t instead of a control character',
  );
});

test('nesting too deep for the stack is a syntax error, not a crash', () => {
  assert.match(syntaxError('['.repeat(10_000)), /^1:258 found nesting deeper than 256 levels/);
});

test('the locator turns offsets into 1-based lines and code-point columns', () => {
  const locate = lineColumnLocator('ab\n😀x\r\ny');
  assert.deepEqual(locate(0), { line: 1, column: 1 });
  assert.deepEqual(locate(2), { line: 1, column: 3 });
  assert.deepEqual(locate(5), { line: 2, column: 2 });
  assert.deepEqual(locate(8), { line: 3, column: 1 });
});
