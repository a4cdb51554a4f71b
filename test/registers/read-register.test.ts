/**
 * The register reader: kinds from the encoding, forms as written, and a message (with its
 * position) for each way a register can be wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRegister } from '../../src/lib/registers/read-register.js';
import { scaffoldEdition } from '../../src/cli/scaffold/scaffold-edition.js';

const NS = 'http://www.tei-c.org/ns/1.0';

/** A register whose body is `body`, one line per element so that line numbers are easy to read. */
function tei(
  body: string,
  header = '<teiHeader><fileDesc><titleStmt><title>R</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>',
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="${NS}">\n${header}\n<text><body>\n${body}\n</body></text>\n</TEI>\n`;
}

const rules = (xml: string) => readRegister(xml, 'r.xml').messages.map((m) => m.rule);

test('the empty register written by `tei-edition init` reads as zero entries, without a message', () => {
  const file = scaffoldEdition('Lettres de 1917').find((f) => f.path === 'tei/persons.xml');
  assert.ok(file);
  assert.match(file.content, /<listPerson>/u, 'the commented example is there');
  assert.deepEqual(readRegister(file.content, 'tei/persons.xml'), { entries: [], messages: [] });
});

test('kinds come from the encoding: person, place (nested too), periodical, organisation', () => {
  const xml = tei(
    [
      '<listPerson><person xml:id="lenine"><persName type="standard">Lénine</persName><persName type="variant">N. Lénine</persName>',
      '<birth when="1870-04-22"/><death when="1924-01-21"/><note>Bolshevik\n   leader.</note></person></listPerson>',
      '<listPlace><place xml:id="russie"><placeName type="standard">Russie</placeName>',
      '<place xml:id="moscou"><placeName type="standard">Moscou</placeName></place></place></listPlace>',
      '<listBibl><bibl xml:id="dielo-naroda"><title level="j" type="standard">Dielo Naroda</title><title level="j" type="variant">Diélo Naroda</title><title level="m">Not a form</title></bibl></listBibl>',
      '<listOrg><org xml:id="vikjel"><orgName type="standard">Vikjel</orgName></org></listOrg>',
    ].join('\n'),
  );
  const { entries, messages } = readRegister(xml, 'r.xml');
  assert.deepEqual(messages, []);
  assert.deepEqual(entries, [
    {
      kind: 'person',
      id: 'lenine',
      standard: 'Lénine',
      forms: ['Lénine', 'N. Lénine'],
      birth: '1870-04-22',
      death: '1924-01-21',
      description: 'Bolshevik leader.',
    },
    { kind: 'place', id: 'russie', standard: 'Russie', forms: ['Russie'] },
    { kind: 'place', id: 'moscou', standard: 'Moscou', forms: ['Moscou'] },
    { kind: 'periodical', id: 'dielo-naroda', standard: 'Dielo Naroda', forms: ['Dielo Naroda', 'Diélo Naroda'] },
    { kind: 'organisation', id: 'vikjel', standard: 'Vikjel', forms: ['Vikjel'] },
  ]);
});

test('forms as written: entities decoded, white space collapsed, nested markup read, NFC', () => {
  const xml = tei(
    [
      '<listPerson><person xml:id="lenine"><persName type="standard">L&#233;nine</persName>',
      '<persName type="variant">N.\n      L\u0065\u0301nine</persName>',
      '<persName type="full"><forename>Vladimir</forename> <forename>Ilitch</forename> <surname>Oulianov</surname></persName></person>',
      '<person xml:id="x"><persName type="standard">A &amp;#233; &amp; B</persName></person></listPerson>',
    ].join('\n'),
  );
  const { entries, messages } = readRegister(xml, 'r.xml');
  assert.deepEqual(messages, []);
  assert.deepEqual(entries[0]?.forms, ['Lénine', 'N. Lénine', 'Vladimir Ilitch Oulianov']);
  assert.equal(entries[1]?.standard, 'A &#233; & B', 'an escaped reference stays as written');
});

test('a bibl in the header (sourceDesc) is not an entry; a BOM is not content', () => {
  const header =
    '<teiHeader><fileDesc><titleStmt><title>R</title></titleStmt><publicationStmt><p/></publicationStmt>' +
    '<sourceDesc><listBibl><bibl xml:id="src"><title level="j" type="standard">Pravda</title></bibl></listBibl></sourceDesc></fileDesc></teiHeader>';
  const { entries, messages } = readRegister(`\uFEFF${tei('<p>Nothing yet.</p>', header)}`, 'r.xml');
  assert.deepEqual({ entries, messages }, { entries: [], messages: [] });
});

test("lists where TEI keeps them: the header (particDesc, settingDesc, sourceDesc persons) and standOff are read, the source's bibl is not", () => {
  const header =
    '<teiHeader><fileDesc><titleStmt><title>R</title></titleStmt><publicationStmt><p/></publicationStmt>' +
    '<sourceDesc><bibl xml:id="src"><title level="j" type="standard">Pravda</title></bibl>' +
    '<listPerson><person xml:id="trotski"><persName type="standard">Trotski</persName></person></listPerson></sourceDesc></fileDesc>' +
    '<profileDesc><particDesc><listPerson><person xml:id="lenine"><persName type="standard">Lénine</persName></person></listPerson></particDesc>' +
    '<settingDesc><listPlace><place xml:id="smolny"><placeName type="standard">Smolny</placeName></place></listPlace></settingDesc></profileDesc></teiHeader>';
  const xml = tei('<p/>', header).replace(
    '</TEI>',
    '<standOff><listOrg><org xml:id="vikjel"><orgName type="standard">Vikjel</orgName></org></listOrg></standOff>\n</TEI>',
  );
  const { entries, messages } = readRegister(xml, 'r.xml');
  assert.deepEqual(messages, []);
  assert.deepEqual(
    entries.map((e) => [e.kind, e.id]),
    [
      ['person', 'trotski'],
      ['person', 'lenine'],
      ['place', 'smolny'],
      ['organisation', 'vikjel'],
    ],
  );
});

test("a teiCorpus register: its own lists and its TEI documents'", () => {
  const xml =
    `<teiCorpus xmlns="${NS}"><teiHeader/><standOff><listPerson><person xml:id="a"><persName type="standard">A</persName></person></listPerson></standOff>` +
    '<TEI><teiHeader/><text><body><listPlace><place xml:id="b"><placeName type="standard">B</placeName></place></listPlace></body></text></TEI></teiCorpus>';
  const { entries, messages } = readRegister(xml, 'r.xml');
  assert.deepEqual(messages, []);
  assert.deepEqual(
    entries.map((e) => [e.kind, e.id]),
    [
      ['person', 'a'],
      ['place', 'b'],
    ],
  );
});

test('not well-formed: one fatal error at the line and column (code points) where the parser stopped', () => {
  const xml = `<TEI xmlns="${NS}">\n  <text><body><listPerson>\n    <person xml:id="a"><persName type="standard">𝔄𝔅</persName></persn>\n</listPerson></body></text></TEI>`;
  const { entries, messages } = readRegister(xml, 'r.xml');
  assert.deepEqual(entries, []);
  assert.equal(messages.length, 1);
  const [m] = messages;
  assert.equal(m?.rule, 'tei-edition/register-not-well-formed');
  assert.equal(m?.severity, 'error');
  assert.equal(m?.fatal, true);
  assert.match(m?.message ?? '', /closing tag 'persn'/u);
  // `</persn>` starts at code point 63 of line 3 (UTF-16 would say 65: 𝔄 and 𝔅 are two units each).
  assert.deepEqual(m?.position, { file: 'r.xml', line: 3, column: 63 });
});

test('not well-formed: an empty file, a stray ampersand', () => {
  assert.deepEqual(
    readRegister('', 'r.xml').messages.map((m) => [m.rule, m.position.line, m.position.column]),
    [['tei-edition/register-not-well-formed', 1, 1]],
  );
  const amp = readRegister(`<TEI xmlns="${NS}"><text><body><p>Liber & Dan</p></body></text></TEI>`, 'r.xml').messages;
  assert.deepEqual(
    amp.map((m) => [m.rule, m.position.line, m.position.column]),
    [['tei-edition/register-not-well-formed', 1, 63]],
  );
});

test('a root other than TEI: fatal error; TEI outside its namespace: warning', () => {
  const notTei = readRegister('<listPerson><person xml:id="a"><persName type="standard">A</persName></person></listPerson>', 'r.xml');
  assert.deepEqual(notTei.entries, []);
  assert.deepEqual(
    notTei.messages.map((m) => [m.rule, m.fatal, m.position.xpath]),
    [['tei-edition/register-not-tei', true, '/listPerson']],
  );
  const noNs = readRegister(
    '<TEI><text><body><listPerson><person xml:id="a"><persName type="standard">A</persName></person></listPerson></body></text></TEI>',
    'r.xml',
  );
  assert.deepEqual(
    noNs.messages.map((m) => [m.rule, m.severity]),
    [['tei-edition/register-namespace', 'warning']],
  );
  assert.equal(noNs.entries.length, 1);
});

test('duplicate xml:id: an error on the second, with its line and XPath; the first entry is kept', () => {
  const xml = tei(
    [
      '<listPerson>',
      '<person xml:id="dan"><persName type="standard">Dan</persName></person>',
      '<person xml:id="dan"><persName type="standard">Fiodor Dan</persName></person>',
      '</listPerson>',
    ].join('\n'),
  );
  const { entries, messages } = readRegister(xml, 'r.xml');
  assert.deepEqual(
    entries.map((e) => e.standard),
    ['Dan'],
  );
  assert.equal(messages.length, 1);
  const [m] = messages;
  assert.equal(m?.rule, 'tei-edition/register-duplicate-id');
  assert.match(m?.message ?? '', /"dan" a second time \(first on <person> at line 6\)/u);
  assert.deepEqual(m?.position, { file: 'r.xml', line: 7, column: 1, xpath: '/TEI/text[1]/body[1]/listPerson[1]/person[2]' });
});

test('an xml:id is unique across the whole file, not only among entries', () => {
  const header =
    '<teiHeader><fileDesc><titleStmt><title xml:id="kamenev">R</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>';
  const xml = tei('<listPerson><person xml:id="kamenev"><persName type="standard">Kamenev</persName></person></listPerson>', header);
  assert.deepEqual(rules(xml), ['tei-edition/register-duplicate-id']);
});

test('an entry without a standard form is an error and is not read; two standard forms: error, the first is used', () => {
  const none = tei('<listPerson>\n<person xml:id="rykov"><persName type="variant">Rykov</persName></person>\n</listPerson>');
  const read = readRegister(none, 'r.xml');
  assert.deepEqual(read.entries, []);
  assert.deepEqual(
    read.messages.map((m) => [m.rule, m.position.line]),
    [['tei-edition/register-no-standard-form', 6]],
  );
  assert.match(
    read.messages[0]?.message ?? '',
    /<person xml:id="rykov"> without a standard form, expected one <persName type="standard">/u,
  );
  const emptyStandard = tei('<listPlace><place xml:id="tver"><placeName type="standard">  </placeName></place></listPlace>');
  assert.deepEqual(rules(emptyStandard), ['tei-edition/register-no-standard-form']);
  const two = readRegister(
    tei(
      '<listBibl><bibl xml:id="p"><title level="j" type="standard">Pravda</title><title level="j" type="standard">Rabotchi Pout</title></bibl></listBibl>',
    ),
    'r.xml',
  );
  assert.deepEqual(
    two.messages.map((m) => m.rule),
    ['tei-edition/register-several-standard-forms'],
  );
  assert.equal(two.entries[0]?.standard, 'Pravda');
});

test('a form given by two entries is an error on the second, accents and apostrophes aside', () => {
  const xml = tei(
    [
      '<listPerson>',
      '<person xml:id="liber"><persName type="standard">Liber</persName><persName type="variant">Liber-Dan</persName></person>',
      '<person xml:id="dan"><persName type="standard">Dan</persName><persName type="variant">Liber-Dan</persName></person>',
      '<person xml:id="kamenev"><persName type="standard">Kamenev</persName></person>',
      '<person xml:id="kamenev-bis"><persName type="standard">Kaménev</persName></person>',
      '<person xml:id="lacis"><persName type="standard">Lacis</persName><persName type="variant">Lācis</persName></person>',
      '</listPerson>',
    ].join('\n'),
  );
  const { entries, messages } = readRegister(xml, 'r.xml');
  assert.equal(entries.length, 5, 'both entries are kept: the texts decide nothing');
  assert.deepEqual(
    messages.map((m) => [m.rule, m.position.line]),
    [
      ['tei-edition/register-shared-form', 7],
      ['tei-edition/register-shared-form', 9],
    ],
  );
  assert.match(messages[0]?.message ?? '', /“Liber-Dan” in "dan" and already in "liber" \(line 6\)/u);
  assert.match(messages[1]?.message ?? '', /“Kaménev” in "kamenev-bis" and already in "kamenev"/u);
});

test("an entry without xml:id: error, not read; an id not of the edition's form: warning", () => {
  const xml = tei(
    '<listPerson>\n<person><persName type="standard">Gorki</persName></person>\n<person xml:id="Gorki_2"><persName type="standard">Maxime Gorki</persName></person>\n</listPerson>',
  );
  const { entries, messages } = readRegister(xml, 'r.xml');
  assert.deepEqual(
    entries.map((e) => e.id),
    ['Gorki_2'],
  );
  assert.deepEqual(
    messages.map((m) => [m.rule, m.severity, m.position.line]),
    [
      ['tei-edition/register-missing-id', 'error', 6],
      ['tei-edition/register-id-form', 'warning', 7],
    ],
  );
});

test('a bibl in a listBibl without a journal title is not a periodical: warning', () => {
  const xml = tei('<listBibl><bibl xml:id="brochure"><title level="m">Les bolcheviks garderont-ils le pouvoir ?</title></bibl></listBibl>');
  const { entries, messages } = readRegister(xml, 'r.xml');
  assert.deepEqual(entries, []);
  assert.deepEqual(
    messages.map((m) => [m.rule, m.severity]),
    [['tei-edition/register-not-periodical', 'warning']],
  );
});

test('markup nested deeper than the parser allows is a message, not a crash', () => {
  const deep = `<TEI xmlns="${NS}"><text><body>${'<div>'.repeat(150)}${'</div>'.repeat(150)}</body></text></TEI>`;
  const { entries, messages } = readRegister(deep, 'r.xml');
  assert.deepEqual(entries, []);
  assert.deepEqual(
    messages.map((m) => [m.rule, m.fatal]),
    [['tei-edition/register-not-well-formed', true]],
  );
});
