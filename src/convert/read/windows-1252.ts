/**
 * Windows-1252 as the WHATWG Encoding Standard defines it (index-windows-1252): Latin-1, except
 * that bytes 0x80–0x9F are the typographic characters Windows put there (’ “ ” – — … œ €).
 * Written out here because Node's `TextDecoder('windows-1252')` decodes Latin-1 since Node
 * 20.18.3 / 22.13.0 (nodejs/node#60888): every apostrophe of such a file became U+0092.
 */

/** Bytes 0x80–0x9F; the five bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay C1 controls, as WHATWG says. */
const high = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
].map((codePoint) => String.fromCharCode(codePoint));

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/gu, (c) => high[c.charCodeAt(0) - 0x80] ?? c);
}
