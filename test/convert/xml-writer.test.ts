/**
 * The TEI writer's XML syntax (src/lib/xml/xml-writer.ts): what it escapes and how, what it refuses,
 * and that what it writes reads back exactly with a strict parser.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SaxesParser } from 'saxes';
import { escapeAttribute, MalformedXmlError, XmlWriter } from '../../src/lib/xml/xml-writer.js';
import { checkWellFormed } from '../../src/lib/xml/check-well-formed.js';

function written(build: (writer: XmlWriter) => void): string {
  const writer = new XmlWriter({ declaration: true });
  build(writer);
  return Buffer.concat(writer.end()).toString('utf8');
}

/** The root's attributes and text as a strict parser reads them. */
function readBack(xml: string): { attributes: Record<string, string>; text: string } {
  const parser = new SaxesParser({ xmlns: true });
  let attributes: Record<string, string> = {};
  let text = '';
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (depth++ === 0) attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
  });
  parser.on('closetag', () => {
    depth -= 1;
  });
  parser.on('text', (t) => {
    if (depth > 0) text += t;
  });
  parser.write(xml).close();
  return { attributes, text };
}

test('text and attribute values read back exactly: markup characters, entity-like text, quotes, tab, line feed, carriage return, C1 controls, astral characters', () => {
  const value = 'a & b &amp; &eacute; < > ]]> " \' \t \n \r \u0085 \u009f \u{1F600} \u{10FFFF} fin';
  const xml = written((w) => w.document.ele('root', { v: value }).txt(value));
  assert.equal(checkWellFormed([xml]), undefined);
  const read = readBack(xml);
  assert.equal(read.attributes.v, value);
  assert.equal(read.text, value);
});

test('a character XML cannot hold becomes g in text (recorded to be declared) and an error in an attribute', () => {
  const writer = new XmlWriter();
  writer.document.ele('p').txt('x\u0001y\uD800z\uFFFF');
  const xml = Buffer.concat(writer.end()).toString('utf8');
  assert.equal(xml, '<p>x<g ref="#char-U0001"/>y<g ref="#char-UD800"/>z<g ref="#char-UFFFF"/></p>');
  assert.deepEqual([...writer.undeclaredCharacters], [0x01, 0xd800, 0xffff]);
  assert.throws(
    () => escapeAttribute('a\u0002', 'n', 'pb'),
    (error: unknown) => error instanceof MalformedXmlError && /@n of <pb> would hold U\+0002/u.test(error.message),
  );
});

test('elements are written in document order: an element with nothing in it is empty, text closes open children, a closed element cannot be written to', () => {
  let closed: ReturnType<XmlWriter['document']['ele']> | undefined;
  const xml = written((w) => {
    const root = w.document.ele('r', { a: '1' });
    root.ele('empty');
    root.ele('blank').txt('');
    closed = root.ele('c');
    closed.ele('d').txt('x');
    root.txt('after');
  });
  assert.equal(xml, '<?xml version="1.0" encoding="UTF-8"?>\n<r a="1"><empty/><blank></blank><c><d>x</d></c>after</r>');
  assert.throws(() => closed?.txt('late'), MalformedXmlError);
});

test('a reserved place is filled at the end, between what was written before and after it', () => {
  const writer = new XmlWriter();
  const root = writer.document.ele('r');
  root.ele('a');
  const slot = writer.reserve(root);
  root.ele('b');
  const chunks = writer.end();
  writer.fill(slot, '<x/>');
  assert.equal(Buffer.concat(chunks).toString('utf8'), '<r><a/><x/><b/></r>');
});
