/**
 * src/publish/edition/local-images.ts: the local image files a TEI document refers to (graphic/@url,
 * pb/@facs), those that exist only, each with the site path of its copy; web and data addresses,
 * pointers within the document and missing files are left out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageAddresses, localImages, localImagesParam, sitePath } from '../../src/publish/edition/local-images.js';
import { tempDir } from '../support/run-cli.js';

const TEI = `<?xml version="1.0"?>
<!DOCTYPE TEI SYSTEM "tei.dtd">
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>
<facsimile><surface xml:id="s1"><graphic url="scans/page%201.jpg"/></surface></facsimile>
<text><body>
<pb n="1" facs="#s1"/><pb n="2" facs="scans/p2.png"/><pb n="3" facs="https://example.org/p3.jpg"/><pb n="4" facs="scans/missing.png"/>
<figure><graphic url="../shared/fig.png"/></figure>
<figure><graphic url="data:image/png;base64,AAAA"/><graphic url="http://example.org/f.png"/><graphic url="  scans/p2.png  "/></figure>
<x:graphic xmlns:x="urn:other" url="scans/p2.png"/>
</body></text></TEI>`;

test('the addresses of graphic/@url and pb/@facs, in document order, each once', () => {
  assert.deepEqual(imageAddresses(TEI), [
    'scans/page%201.jpg',
    '#s1',
    'scans/p2.png',
    'https://example.org/p3.jpg',
    'scans/missing.png',
    '../shared/fig.png',
    'data:image/png;base64,AAAA',
    'http://example.org/f.png',
  ]);
});

test('only local files that exist, with the site path of their copy', () => {
  const root = tempDir();
  const texts = join(root, 'edition', 'tei');
  mkdirSync(join(texts, 'scans'), { recursive: true });
  mkdirSync(join(root, 'edition', 'shared'), { recursive: true });
  writeFileSync(join(texts, 'scans', 'page 1.jpg'), 'x');
  writeFileSync(join(texts, 'scans', 'p2.png'), 'x');
  writeFileSync(join(root, 'edition', 'shared', 'fig.png'), 'x');
  mkdirSync(join(texts, 'scans', 'missing.png', 'a-folder'), { recursive: true }); // a folder is not an image
  const teiPath = join(texts, 'letter-1.xml');
  const images = localImages(TEI, teiPath);
  assert.deepEqual(images, [
    { ref: 'scans/page%201.jpg', from: join(texts, 'scans', 'page 1.jpg'), to: 'images/letter-1/scans/page_1.jpg' },
    { ref: 'scans/p2.png', from: join(texts, 'scans', 'p2.png'), to: 'images/letter-1/scans/p2.png' },
    { ref: '../shared/fig.png', from: join(root, 'edition', 'shared', 'fig.png'), to: 'images/letter-1/_up/shared/fig.png' },
  ]);
  assert.deepEqual(localImagesParam(images), {
    'scans/page%201.jpg': 'images/letter-1/scans/page_1.jpg',
    'scans/p2.png': 'images/letter-1/scans/p2.png',
    '../shared/fig.png': 'images/letter-1/_up/shared/fig.png',
  });
});

test('the existence test can be given (the module reads nothing else)', () => {
  const seen: string[] = [];
  const images = localImages(TEI, '/e/tei/t.xml', (p) => {
    seen.push(p);
    return p.endsWith('p2.png');
  });
  assert.deepEqual(
    images.map((i) => i.to),
    ['images/t/scans/p2.png'],
  );
  assert.deepEqual(seen, ['/e/tei/scans/page 1.jpg', '/e/tei/scans/p2.png', '/e/tei/scans/missing.png', '/e/shared/fig.png']);
});

test('site paths are safe in a URL whatever the file names', () => {
  assert.equal(sitePath('/e/tei/a b/c#d?.png', '/e/tei/t x.xml'), 'images/t_x/a_b/c_d_.png');
  assert.equal(sitePath('/e/tei/Brief_Ä.jpg', '/e/tei/t.xml'), 'images/t/Brief_Ä.jpg');
});

test('a document that is not well-formed gives the images read before the error', () => {
  assert.deepEqual(imageAddresses('<TEI xmlns="http://www.tei-c.org/ns/1.0"><graphic url="a.png"/><p>'), ['a.png']);
});
