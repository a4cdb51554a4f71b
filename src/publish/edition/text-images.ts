/**
 * The local images of the edition's texts (graphic/@url, pb/@facs naming files that exist): for
 * each text the stylesheets' `local-images` parameter, and the copies an output folder needs.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { localImages, localImagesParam, type LocalImage } from './local-images.js';
import type { SiteText } from './published-documents.js';

export interface TextsWithImages {
  readonly texts: SiteText[];
  /** One copy per output path. */
  readonly copies: LocalImage[];
}

export function withLocalImages(texts: readonly SiteText[]): TextsWithImages {
  const copies = new Map<string, LocalImage>();
  const out = texts.map((text) => {
    // Most texts have no image: no second parse for them.
    const images = /<(?:[\w.-]+:)?graphic[\s>/]|\sfacs\s*=/u.test(text.xml) ? localImages(text.xml, text.path) : [];
    for (const image of images) if (!copies.has(image.to)) copies.set(image.to, image);
    return images.length === 0
      ? { id: text.id, xml: text.xml, path: text.path }
      : { id: text.id, xml: text.xml, path: text.path, images: localImagesParam(images) };
  });
  return { texts: out, copies: [...copies.values()] };
}

/** Copies the images into an output folder (html/ or print/), at their paths. */
export async function copyImages(copies: readonly LocalImage[], folder: string): Promise<void> {
  for (const image of copies) {
    const target = join(folder, image.to);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(image.from, target);
  }
}
