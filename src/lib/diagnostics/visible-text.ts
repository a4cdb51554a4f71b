/**
 * Text quoted from documents, made safe to print: messages quote attribute values, text and file
 * names as found, and a control character there would break or hijack the report. A line break
 * splits one message into two lines (and a line that starts with `::` is a workflow command to
 * GitHub Actions, whatever the report format); ESC starts a terminal escape sequence (window
 * title, colours, cursor moves); bidirectional controls reorder what the reader sees; and XML 1.0
 * cannot hold most C0 characters at all (a JUnit report with one is not well-formed). Each such
 * character is written as a visible escape, as JSON writes it: `\n`, `\t`, `\u001b`.
 */

/**
 * C0 controls, DEL, C1 controls (U+009B is a one-character CSI to some terminals), the line and
 * paragraph separators, bidirectional marks and overrides, the byte-order mark, the
 * non-characters XML 1.0 excludes (U+FFFE, U+FFFF), and lone surrogates (with the `u` flag a
 * surrogate pair is one code point, never matched here).
 */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]/gu;

/** The unsafe characters JSON.stringify writes raw (it escapes C0 controls and lone surrogates itself). */
const unsafeBeyondAscii = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/gu;

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text with every unsafe character as a visible escape (`\n`, `\u001b`); other text unchanged. */
export function visibleText(text: string): string {
  return text.replace(unsafe, (c) => named[c] ?? unicodeEscape(c));
}

/**
 * JSON text with the unsafe characters JSON.stringify leaves raw (C1 controls, bidirectional
 * controls, U+2028…) as `\uXXXX` too: still the same JSON value, now safe on a terminal.
 * (Outside strings, JSON text has none of these characters; its line breaks are left alone.)
 */
export function visibleJson(json: string): string {
  return json.replace(unsafeBeyondAscii, unicodeEscape);
}

/**
 * A file name at the start of a report line: visible, and never starting with `::` (a GitHub
 * Actions workflow command): such a relative name is shown as `./::…`, the same file.
 */
export function visibleFileName(file: string): string {
  const shown = visibleText(file);
  return shown.startsWith('::') ? `./${shown}` : shown;
}
