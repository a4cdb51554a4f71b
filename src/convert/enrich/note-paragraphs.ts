/**
 * Edits of a note's paragraphs that the note stages share (the notes after a text, and the notes
 * at each page's foot): the editor's marker, a text node replaced in place.
 */
import type { NoteConventions } from '../../lib/config/types.js';
import { placedAfter, type Inline, type Paragraph } from '../model/document.js';

/** A note ending with the editor's marker (`[N.E.]`) is the editor's: the marker is removed, `resp` says whose. */
export function readEditorMarker(
  noteParagraphs: readonly Paragraph[],
  conventions: NoteConventions | undefined,
): { paragraphs: Paragraph[]; resp?: string } {
  const paragraphs = [...noteParagraphs];
  const editorMarker = conventions?.editorMarker;
  const lastIndex = paragraphs.length - 1;
  const last = paragraphs[lastIndex];
  if (!editorMarker || !last) return { paragraphs };
  const textIndex = findLastIndex(last.content, (i) => i.kind === 'text');
  const lastNode = last.content[textIndex];
  if (lastNode?.kind !== 'text' || !lastNode.value.trimEnd().endsWith(editorMarker)) return { paragraphs };
  const trimmed = lastNode.value.trimEnd();
  paragraphs[lastIndex] = {
    ...last,
    content: replaceText(last.content, textIndex, trimmed.slice(0, trimmed.length - editorMarker.length).trimEnd(), 0),
  };
  return { paragraphs, resp: conventions?.editorResp ?? 'editor' };
}

export function replaceText(content: readonly Inline[], index: number, value: string, shift: number): Inline[] {
  return content.map((inline, i) => {
    if (i !== index || inline.kind !== 'text') return inline;
    return { ...inline, value, ...placedAfter(inline, shift) };
  });
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}
