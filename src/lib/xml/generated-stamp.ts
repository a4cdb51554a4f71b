/**
 * Hand edits are safe: every TEI file the converter writes carries, on the line after the XML
 * declaration, a processing instruction with the SHA-256 of the file without that line. If the
 * file on disk no longer matches its stamp (an editor changed it), or has no stamp (someone
 * else wrote it), `convert` refuses to overwrite it.
 */
import { createHash } from 'node:crypto';

const stampLine = /<\?tei-edition generated="sha256:([0-9a-f]{64})"\?>\n/u;

/** `xml` must start with the XML declaration on a line of its own. */
export function stampGenerated(xml: string): string {
  const afterDecl = xml.indexOf('\n') + 1;
  return `${xml.slice(0, afterDecl)}${stampLineFor(sha256(xml))}${xml.slice(afterDecl)}`;
}

/**
 * The same for a document in UTF-8 chunks (as the TEI writer gives it), without joining them:
 * the first chunk must be the XML declaration and its line feed; the stamp becomes the second.
 */
export function stampGeneratedChunks(chunks: readonly Uint8Array[]): Uint8Array[] {
  const first = chunks[0] ?? new Uint8Array(0);
  if (!/^<\?xml[^\n]*\?>\n$/u.test(Buffer.from(first).toString('utf8')))
    throw new Error('the first chunk must be the XML declaration on a line of its own');
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return [first, Buffer.from(stampLineFor(hash.digest('hex')), 'utf8'), ...chunks.slice(1)];
}

function stampLineFor(digest: string): string {
  return `<?tei-edition generated="sha256:${digest}"?>\n`;
}

export type StampState = 'unchanged' | 'edited' | 'not-generated';

/** Whether a file on disk is still exactly what the converter wrote. */
export function checkStamp(xml: string): StampState {
  const m = stampLine.exec(xml);
  if (!m) return 'not-generated';
  const without = xml.slice(0, m.index) + xml.slice(m.index + m[0].length);
  return sha256(without) === m[1] ? 'unchanged' : 'edited';
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
