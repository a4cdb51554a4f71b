/**
 * `init` writes TEI like the converter does: read back by a strict parser before it is written.
 * A title is text whatever it holds; a title XML cannot hold is an error naming the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FatalError } from '../../src/lib/diagnostics/diagnostic.js';
import { scaffoldEdition } from '../../src/cli/scaffold/scaffold-edition.js';
import { checkWellFormed } from '../../src/lib/xml/check-well-formed.js';
import { parseNamespacedTree, ownText, type NamespacedElement } from '../../src/lib/xml/namespaced-tree.js';

function find(el: NamespacedElement, name: string): NamespacedElement | undefined {
  if (el.name === name) return el;
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

test('init: the register is well-formed and its title reads as given, `&amp;` and markup included', () => {
  const title = 'Lettres &amp; <notes> de “1917” & après ]]>';
  const persons = scaffoldEdition(title).find((f) => f.path === 'tei/persons.xml');
  assert.ok(persons);
  assert.equal(checkWellFormed([persons.content]), undefined);
  const tei = parseNamespacedTree(persons.content);
  assert.equal(ownText(find(tei, 'title') as NamespacedElement), `${title}: register of persons`);
});

test('init: a title XML cannot hold is an error on the file, not a bad file', () => {
  assert.throws(
    () => scaffoldEdition('Titre\u0001'),
    (error: unknown) => {
      assert.ok(error instanceof FatalError);
      assert.equal(error.diagnostic.rule, 'tei-edition/internal-malformed-tei');
      assert.equal(error.diagnostic.position.file, 'tei/persons.xml');
      return true;
    },
  );
});
