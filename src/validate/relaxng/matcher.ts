/**
 * Matches the events of one document against a compiled grammar and words the errors, with the
 * error recovery of jing (so that the same documents give errors on the same lines): after an
 * error the matcher goes on from the most plausible state, and errors that only follow from an
 * earlier one are not reported.
 */
import type { CompiledGrammar } from './compile-schema.js';
import { isBlank } from './datatypes.js';
import {
  type DataFailure,
  dataDeriv,
  emptyAfter,
  endAttributes,
  endTagDeriv,
  type EventName,
  ignoreMissingAttributes,
  mixedTextDeriv,
  recoverAfter,
  startDeriv,
  textOnly,
} from './derivatives.js';
import { expectedAttributes, expectedContent, type FormatName, formatNameList, possibleNames, requiredNames } from './expected.js';
import { nameClassSpecificity } from './name-class.js';
import { ContentType, type Pattern, type PatternBuilder } from './patterns.js';

/** Per compiled grammar: the union of element patterns for a name, used when an element is out of context. */
const recoveryTables = new WeakMap<CompiledGrammar, Map<string, Pattern>>();

function findElement(grammar: CompiledGrammar, name: EventName): Pattern {
  let table = recoveryTables.get(grammar);
  if (table === undefined) recoveryTables.set(grammar, (table = new Map()));
  const found = table.get(name.key);
  if (found !== undefined) return found;
  const b = grammar.builder;
  let best = -1;
  let pattern = b.notAllowed;
  for (const element of grammar.elements) {
    const s = nameClassSpecificity(element.nameClass!, name.ns, name.local);
    if (s > best) {
      best = s;
      pattern = element.content;
    } else if (s === best && s >= 0) pattern = b.choice(pattern, element.content);
  }
  table.set(name.key, pattern);
  return pattern;
}

function describeFailures(failures: readonly DataFailure[]): string {
  const unique = [...new Set(failures.map((f) => f.expected))];
  if (unique.length === 0) return '';
  const values = unique.filter((u) => u.startsWith('"')).sort();
  const types = unique.filter((u) => !u.startsWith('"'));
  const parts = [...(values.length > 0 ? [`equal to ${joinOr(values)}`] : []), ...types];
  return `; must be ${joinOr(parts)}`;
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

export class GrammarMatcher {
  private memo: Pattern;
  private hadError = false;
  private ignoreNextEndTagOrAttributeValue = false;
  /** The current element has data content: its text is collected and matched at the end tag. */
  textTyped = false;
  private readonly b: PatternBuilder;

  constructor(private readonly grammar: CompiledGrammar) {
    this.b = grammar.builder;
    this.memo = grammar.start;
  }

  private ignoreError(): boolean {
    return this.hadError && this.memo.notAllowed;
  }

  private report(message: string): string {
    this.hadError = true;
    return message;
  }

  startTagOpen(name: EventName, format: FormatName): string | undefined {
    const b = this.b;
    const d = startDeriv(b, this.memo, name, 'element');
    if (!d.notAllowed) {
      this.memo = d;
      return undefined;
    }
    let next = startDeriv(b, this.memo, name, 'recover');
    const ok = this.ignoreError();
    let message: string | undefined;
    const qname = `"${format(name, false)}"`;
    if (!next.notAllowed) {
      if (!ok) {
        const missing = requiredNames(this.memo, 'element');
        message =
          missing.size > 0
            ? `element ${qname} not allowed yet; missing required element${missing.size > 1 ? 's' : ''} ${formatNameList(missing.values(), false, format, 'and')}`
            : `element ${qname} not allowed yet${expectedContent(b, this.memo, format)}`;
      }
    } else {
      next = b.after(findElement(this.grammar, name), this.memo);
      if (!ok) message = `element ${qname} not allowed ${next.notAllowed ? 'anywhere' : 'here'}${expectedContent(b, this.memo, format)}`;
    }
    this.memo = next;
    return message === undefined ? undefined : this.report(message);
  }

  attributeName(name: EventName, format: FormatName): string | undefined {
    const d = startDeriv(this.b, this.memo, name, 'attribute');
    if (!d.notAllowed) {
      this.memo = d;
      return undefined;
    }
    this.ignoreNextEndTagOrAttributeValue = true;
    if (this.ignoreError()) return undefined;
    const qname = `"${format(name, true)}"`;
    const possible = possibleNames(this.memo, 'attribute');
    return this.report(
      possible.names.size === 0 && !possible.open
        ? `found attribute ${qname}, but no attributes allowed here`
        : `attribute ${qname} not allowed here${expectedAttributes(this.memo, format)}`,
    );
  }

  attributeValue(name: EventName, value: string, format: FormatName): string | undefined {
    if (this.ignoreNextEndTagOrAttributeValue) {
      this.ignoreNextEndTagOrAttributeValue = false;
      return undefined;
    }
    const failures: DataFailure[] = [];
    const d = dataDeriv(this.b, this.memo, value, failures);
    if (!d.notAllowed) {
      this.memo = d;
      return undefined;
    }
    const message = this.ignoreError()
      ? undefined
      : `value of attribute "${format(name, true)}" is invalid: found "${value}"${describeFailures(failures)}`;
    this.memo = recoverAfter(this.b, this.memo);
    return message === undefined ? undefined : this.report(message);
  }

  startTagClose(name: EventName, format: FormatName): string | undefined {
    const d = endAttributes(this.b, this.memo);
    let message: string | undefined;
    if (!d.notAllowed) this.memo = d;
    else {
      if (!this.ignoreError()) {
        const missing = requiredNames(this.memo, 'attribute');
        const qname = `"${format(name, false)}"`;
        message =
          missing.size === 0
            ? `element ${qname} missing one or more required attributes${expectedAttributes(this.memo, format)}`
            : `element ${qname} missing required attribute${missing.size > 1 ? 's' : ''} ${formatNameList(missing.values(), true, format, 'and')}`;
      }
      this.memo = ignoreMissingAttributes(this.b, this.memo);
    }
    this.textTyped = this.memo.contentType === ContentType.Data;
    return message === undefined ? undefined : this.report(message);
  }

  /** Text between tags, not collected as data: blank text is ignored. */
  untypedText(text: string, format: FormatName): string | undefined {
    if (isBlank(text)) return undefined;
    const d = mixedTextDeriv(this.b, this.memo);
    if (!d.notAllowed) {
      this.memo = d;
      return undefined;
    }
    if (this.ignoreError()) return undefined;
    return this.report(`text not allowed here${expectedContent(this.b, this.memo, format)}`);
  }

  /** The collected text of a data-typed element, at its end tag. */
  dataText(text: string, name: EventName, format: FormatName): string | undefined {
    this.ignoreNextEndTagOrAttributeValue = true;
    return this.setDataDeriv(text, name, format);
  }

  private setDataDeriv(text: string, name: EventName, format: FormatName): string | undefined {
    const b = this.b;
    this.textTyped = false;
    const textOnlyMemo = textOnly(b, this.memo);
    const failures: DataFailure[] = [];
    const d = dataDeriv(b, textOnlyMemo, text, failures);
    if (!d.notAllowed) {
      this.memo = d;
      return undefined;
    }
    const next = recoverAfter(b, this.memo);
    let message: string | undefined;
    if (!this.ignoreError() && (!next.notAllowed || dataDeriv(b, emptyAfter(b, textOnlyMemo), text, []).notAllowed)) {
      const qname = `"${format(name, false)}"`;
      const elements = possibleNames(this.memo, 'element');
      message =
        elements.names.size > 0 && isBlank(text)
          ? `empty content for element ${qname} not allowed${expectedContent(b, this.memo, format)}`
          : `character content of element ${qname} invalid: found "${text.length > 60 ? `${text.slice(0, 60)}…` : text}"${describeFailures(failures)}`;
    }
    this.memo = next;
    return message === undefined ? undefined : this.report(message);
  }

  endTag(name: EventName, format: FormatName): string | undefined {
    if (this.ignoreNextEndTagOrAttributeValue) {
      this.ignoreNextEndTagOrAttributeValue = false;
      return undefined;
    }
    if (this.textTyped) return this.setDataDeriv('', name, format);
    const b = this.b;
    const d = endTagDeriv(b, this.memo);
    if (!d.notAllowed) {
      this.memo = d;
      return undefined;
    }
    const next = recoverAfter(b, this.memo);
    let message: string | undefined;
    if (!this.ignoreError() && (!next.notAllowed || endTagDeriv(b, emptyAfter(b, this.memo)).notAllowed)) {
      const missing = requiredNames(this.memo, 'element');
      const qname = `"${format(name, false)}"`;
      message =
        missing.size > 0
          ? `element ${qname} incomplete; missing required element${missing.size > 1 ? 's' : ''} ${formatNameList(missing.values(), false, format, 'and')}`
          : `element ${qname} incomplete${expectedContent(b, this.memo, format)}`;
    }
    this.memo = next;
    return message === undefined ? undefined : this.report(message);
  }
}
