/** The registers an edition may have: the config key, the kind of entries, the default file. */
import type { RegisterFiles } from '../config/types.js';
import type { RegisterKind } from './read-register.js';

export const registerFiles: readonly { readonly key: keyof RegisterFiles; readonly kind: RegisterKind; readonly defaultPath: string }[] = [
  { key: 'persons', kind: 'person', defaultPath: 'tei/persons.xml' },
  { key: 'places', kind: 'place', defaultPath: 'tei/places.xml' },
  { key: 'periodicals', kind: 'periodical', defaultPath: 'tei/periodicals.xml' },
  { key: 'organisations', kind: 'organisation', defaultPath: 'tei/organisations.xml' },
];
