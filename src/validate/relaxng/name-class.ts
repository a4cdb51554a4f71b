/**
 * RELAX NG name classes (spec §4.12–4.13, §9.3.6): which element or attribute names a pattern accepts.
 * A name is kept as its namespace URI and local name; `''` is the null namespace.
 */

export type NameClass =
  | { readonly kind: 'name'; readonly ns: string; readonly local: string }
  | { readonly kind: 'anyName'; readonly except?: NameClass }
  | { readonly kind: 'nsName'; readonly ns: string; readonly except?: NameClass }
  | { readonly kind: 'choice'; readonly a: NameClass; readonly b: NameClass };

export interface QualifiedName {
  readonly ns: string;
  readonly local: string;
}

export function nameClassContains(nc: NameClass, ns: string, local: string): boolean {
  switch (nc.kind) {
    case 'name':
      return nc.ns === ns && nc.local === local;
    case 'anyName':
      return nc.except === undefined || !nameClassContains(nc.except, ns, local);
    case 'nsName':
      return nc.ns === ns && (nc.except === undefined || !nameClassContains(nc.except, ns, local));
    case 'choice':
      return nameClassContains(nc.a, ns, local) || nameClassContains(nc.b, ns, local);
  }
}

/** How specifically a name class names `ns:local` (-1 not at all): used to recover from an element out of context. */
export function nameClassSpecificity(nc: NameClass, ns: string, local: string): number {
  switch (nc.kind) {
    case 'name':
      return nc.ns === ns && nc.local === local ? 2 : -1;
    case 'anyName':
      return nameClassContains(nc, ns, local) ? 0 : -1;
    case 'nsName':
      return nameClassContains(nc, ns, local) ? 1 : -1;
    case 'choice':
      return Math.max(nameClassSpecificity(nc.a, ns, local), nameClassSpecificity(nc.b, ns, local));
  }
}

/** The names a name class lists explicitly, and whether it also accepts open sets (for "expected …" messages). */
export interface NameSummary {
  readonly names: Map<string, QualifiedName>;
  open: boolean;
}

export function summariseNameClass(nc: NameClass, into: NameSummary): void {
  switch (nc.kind) {
    case 'name':
      into.names.set(`${nc.ns}\u0000${nc.local}`, { ns: nc.ns, local: nc.local });
      return;
    case 'anyName':
    case 'nsName':
      into.open = true;
      return;
    case 'choice':
      summariseNameClass(nc.a, into);
      summariseNameClass(nc.b, into);
  }
}

/** The one name a name class stands for, if it is a single name. */
export function singleName(nc: NameClass): QualifiedName | undefined {
  return nc.kind === 'name' ? { ns: nc.ns, local: nc.local } : undefined;
}
