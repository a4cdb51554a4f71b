/**
 * XML Schema regular expressions (XSD 1.0 Part 2, Appendix F) translated to JavaScript `u`-mode
 * regular expressions. XSD patterns are implicitly anchored, `.` excludes only line ends, `\s` is
 * XML white space, `\i`/`\c` are XML name characters and `\d` any Unicode digit.
 */

const nameStart =
  'A-Z_a-z:\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const nameChar = `${nameStart}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;

const escapesInClass: Record<string, string> = {
  s: '\\x20\\t\\n\\r',
  i: nameStart,
  c: nameChar,
  d: '\\p{Nd}',
  w: '\\p{L}\\p{M}\\p{N}\\p{S}',
};

const escapesOutsideClass: Record<string, string> = {
  s: '[\\x20\\t\\n\\r]',
  S: '[^\\x20\\t\\n\\r]',
  i: `[${nameStart}]`,
  I: `[^${nameStart}]`,
  c: `[${nameChar}]`,
  C: `[^${nameChar}]`,
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: '[\\p{L}\\p{M}\\p{N}\\p{S}]',
  W: '[^\\p{L}\\p{M}\\p{N}\\p{S}]',
};

/** Characters that may be escaped with a backslash in XSD and need no escape (or a different one) in JS. */
function singleCharEscape(c: string): string {
  if (c === 'n') return '\\n';
  if (c === 'r') return '\\r';
  if (c === 't') return '\\t';
  return `\\u{${c.codePointAt(0)?.toString(16) ?? '0'}}`;
}

export function xsdPatternToRegExp(pattern: string): RegExp {
  let out = '';
  let inClass = 0;
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '\\') {
      const e = chars[++i] ?? '';
      if (e === 'p' || e === 'P') {
        let j = i + 1;
        let body = '';
        while (j < chars.length && chars[j] !== '}') body += chars[j++];
        i = j;
        out += `\\${e}${body.replace(/^\{Is/, '{Script=')}}`;
      } else if (inClass > 0 && escapesInClass[e] !== undefined) out += escapesInClass[e];
      else if (inClass === 0 && escapesOutsideClass[e] !== undefined) out += escapesOutsideClass[e];
      else out += singleCharEscape(e);
    } else if (c === '[') {
      inClass += 1;
      out += c;
    } else if (c === ']') {
      inClass = Math.max(0, inClass - 1);
      out += c;
    } else if (c === '-' && inClass > 0 && chars[i + 1] === '[') {
      // Class subtraction [a-z-[aeiou]] becomes a lookahead in front of the class.
      throw new Error(`character class subtraction is not supported in pattern "${pattern}"`);
    } else if (c === '.' && inClass === 0) out += '[^\\n\\r]';
    else if (c === '^' && inClass === 0) out += '\\^';
    else if (c === '$') out += '\\$';
    else out += c;
  }
  return new RegExp(`^(?:${out})$`, 'u');
}
