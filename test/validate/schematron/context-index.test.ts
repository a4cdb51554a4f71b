/**
 * Rule contexts matched by index (context-pattern.ts, context-index.ts): which contexts are read
 * that way and which keep the walk, and, for each of them, that the nodes found from the index
 * are exactly the nodes of `//(context)` on documents made to tell them apart (positions, names
 * in other namespaces, attributes, nesting, the root element).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contextNodes, ruleContextNodes } from '../../../src/validate/schematron/build-xpath.js';
import { contextIndex } from '../../../src/validate/schematron/context-index.js';
import { cannotBePositional, contextPlan } from '../../../src/validate/schematron/context-pattern.js';
import { evaluate, parseDocument } from '../../../src/validate/schematron/saxon.js';
import { engineParam } from '../../../src/validate/schematron/xpath-text.js';
import { requireShared, teiAllSchema } from '../../support/paths.js';

const namespaces = { tei: 'http://www.tei-c.org/ns/1.0', x: 'urn:x' };

test('predicates that can never be a number are told from those that might be (and from position() and last())', () => {
  for (const p of [
    '@n',
    '@a or @b',
    "@type eq 'x'",
    'not(@n)',
    'parent::tei:l | parent::tei:lg',
    '@n = 1',
    'tei:a and tei:b[1]',
    "starts-with(@to, '#')",
    './/tei:g',
    '@to',
    '@*',
    'ancestor::tei:note',
    '(tei:a | tei:b)/tei:c',
  ]) {
    assert.equal(cannotBePositional(p), true, p);
  }
  for (const p of [
    '1',
    'last()',
    'position() = 1',
    '@n + 1',
    'count(tei:p)',
    '$n',
    'if (@a) then 1 else 2',
    'xs:integer(@n)',
    '@n cast as xs:integer',
    '@a, 1',
    "'text'",
    'tei:p[1] | 2',
  ]) {
    assert.equal(cannotBePositional(p), false, p);
  }
});

test('which contexts are read from the index: simple paths of name tests; the others keep the walk', () => {
  for (const c of [
    'tei:p',
    '@ref | @target',
    'tei:*[@when]',
    'tei:l//tei:p',
    'tei:rt/@target',
    '(tei:a | tei:b)/tei:c',
    'x:*',
    '@xml:id',
    'tei:p[@n][not(@rend)]',
  ]) {
    assert.ok(contextPlan(c, namespaces), c);
  }
  for (const c of [
    'tei:p[1]',
    'tei:p[last()]',
    '/tei:TEI',
    '//tei:p',
    'self::tei:p',
    '.',
    'node()',
    'text()',
    'tei:p/text()',
    'child::tei:p',
    '@n/..',
    'y:p',
    'tei:p[$n]',
    'tei:p[count(*)]',
    '@a/tei:b',
  ]) {
    assert.equal(contextPlan(c, namespaces), undefined, c);
  }
  assert.deepEqual(contextPlan('tei:*[@a or @b]', namespaces)?.candidates, [{ kind: 'element', local: '*', anyAttribute: ['a', 'b'] }]);
  assert.deepEqual(contextPlan('tei:*[@a and tei:x]', namespaces)?.candidates, [{ kind: 'element', local: '*', anyAttribute: ['a'] }]);
  assert.deepEqual(contextPlan('tei:*[not(@a)]', namespaces)?.candidates, [{ kind: 'element', local: '*', anyAttribute: [] }]);
});

const documents = [
  `<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x" n="0"><text><body>
    <p n="1" ref="#a">one <hi rend="b">two</hi></p><p>plain</p><x:p n="3"/>
    <lg><l n="1"><p when="1917">in a line</p><seg><p ref="#b" target="#c">deep</p></seg></l></lg>
    <div type="a"><div type="b" x:when="1"><p/></div><ab/><note n="1"><pb n="2"/></note></div>
    <rt target="#r" from="#f"/><x:rt target="#r"/>
    <listRef><ptr target="#p"/></listRef><classSpec><listRef><ptr target="#q"/><ref target="#s"/></listRef></classSpec>
    <p n="4" xml:id="p4"><date when="1917-11-07" calendar="#julian"/></p>
  </body></text></TEI>`,
  '<p xmlns="http://www.tei-c.org/ns/1.0" n="root" ref="#x"/>',
  '<x:p xmlns:x="urn:x" n="1"><p n="2"/></x:p>',
];

const contexts = [
  'tei:p',
  'tei:p[@n]',
  'tei:p[not(@n)]',
  '@ref | @target | @corresp',
  '@n',
  '@*',
  '@xml:id',
  'tei:*[@when]',
  'tei:*[@n or @ref]',
  'tei:*[@calendar and @when]',
  'tei:l//tei:p',
  'tei:lg/tei:l/tei:p',
  'tei:rt/@target',
  'tei:rt/@*',
  '(tei:listRef | tei:classSpec)/tei:ptr',
  '(tei:classSpec | tei:elementSpec)/tei:listRef/tei:ptr | (tei:classSpec)/tei:listRef/tei:ref',
  'x:p',
  'x:*',
  '*',
  'p',
  'tei:*',
  'tei:div[@type = "b"]',
  'tei:div[tei:p]',
  'tei:div//tei:pb',
  'tei:note[@n]//tei:pb[@n eq "2"]',
  'tei:p[ancestor::tei:l | ancestor::tei:div]',
  "tei:*[starts-with(@ref, '#')]",
  'tei:hi[@rend]/..',
  '@x:when',
  'tei:div[@x:when]',
];

test('the nodes found from the index are the nodes of //(context), in document order', async () => {
  for (const [k, xml] of documents.entries()) {
    const document = await parseDocument(xml, `file:///doc${k}.xml`);
    for (const context of contexts) {
      const plan = contextPlan(context, namespaces);
      if (plan === undefined) continue;
      const index = contextIndex([document], new Map([[context, plan.candidates]]));
      const walk = contextNodes(context);
      const indexed = ruleContextNodes(context, namespaces);
      const expression = `let $Q{urn:x-tei-edition:schematron}nodes := (/, /descendant::*) return let $a := ${walk}, $b := ${indexed} return (count($a), count($b), count($a intersect $b), deep-equal($a ! path(.), $b ! path(.)))`;
      const [a, b, both, same] = evaluate(expression, document, namespaces, { [engineParam('index')]: index, [engineParam('i')]: 1 });
      assert.ok(
        Number(a) === Number(b) && Number(a) === Number(both) && same === true,
        `${context} on document ${k}: walk ${a}, index ${b}, in both ${both}`,
      );
    }
  }
});

test('every rule context of tei_all.rng but one (an absolute path) is read from the index', () => {
  const text = readFileSync(requireShared(teiAllSchema), 'utf8');
  const found = [...text.matchAll(/<(?:sch:)?rule\b[^>]*?context="([^"]*)"/gsu)].map((m) =>
    m[1]!.replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&amp;', '&'),
  );
  const walked = found.filter(
    (c) =>
      contextPlan(c, { ...namespaces, sch: 'http://purl.oclc.org/dsdl/schematron', xs: 'http://www.w3.org/2001/XMLSchema' }) === undefined,
  );
  assert.ok(found.length > 90);
  assert.deepEqual(
    walked.map((c) => c.trim()),
    ['/*[ count( //tei:constraintDecl ) gt 1 ]'],
  );
});
