/**
 * A note carried to the next page when nothing sets the feet off (layout/page-footnotes.ts,
 * `restAfterCutText`): its rest, printed straight after that page's text, is found where the text
 * ends on a cut word that the line below does not finish but the next page's first line does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertText } from '../support/convert-text.js';
import { all, first, text } from '../support/xml-query.js';

const gap = '\n\n\n\n';
const page1 =
  'Titre\n\nUn jeune soldat a pu rencontrer un aumônier, et puis d’autres\nsoldats de la Jeunesse catholique française1 ; il s’en réjouit :\n1 En juillet 1914 la Jeunesse Catholique comptait dans ses\ngroupes cent mille adhérents. Après les';
const page3 = 'mande. Il me semble que je suis moins seul.\n';

test("the rest of a note after the next page's text is found when that text ends on a word cut across the notes", () => {
  const raw = `${page1}${gap}« J’ai trouvé avec grand plaisir quelques collègues dans la section que je com-\navoir vus à l’œuvre deux ans sous les obus, le cardinal leur rend ce\ntémoignage.${gap}${page3}`;
  const { tei, printed } = convertText(raw, {});
  const notes = all(first(tei, 'body'), 'note');
  assert.equal(notes.length, 1, printed);
  assert.match(
    text(notes[0]!).replace(/\s+/gu, ' '),
    /Après les avoir vus à l’œuvre deux ans sous les obus, le cardinal leur rend ce témoignage\.$/u,
  );
  assert.match(text(first(tei, 'body'), ['note']).replace(/\s+/gu, ' '), /la section que je commande\. Il me semble/u);
});

test('without that evidence the rest stays text, and the cut note is reported', () => {
  const raw = `${page1}${gap}« J’ai trouvé avec grand plaisir quelques collègues dans la section que je\navoir vus à l’œuvre deux ans sous les obus, le cardinal leur rend ce\ntémoignage.${gap}commande. Il me semble que je suis moins seul.\n`;
  const { tei, messages, printed } = convertText(raw, {});
  assert.equal(all(first(tei, 'body'), 'note').length, 1, printed);
  assert.ok(
    messages.some((m) => m.rule === 'tei-edition/note-continuation-missing'),
    printed,
  );
});
