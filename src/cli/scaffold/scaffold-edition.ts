/**
 * `tei-edition init`: the files of a new edition, as data (the command writes them). The config
 * is valid as it stands and describes one example source, so that `build` works at once; the
 * scholar then replaces the example with their own texts. Its TEI file is read back by the
 * strict parser, like everything the toolkit writes: a failure is an error, not a bad file.
 */
import { fatal } from '../../lib/diagnostics/diagnostic.js';
import { checkWellFormed } from '../../lib/xml/check-well-formed.js';
import { escapeMarkup } from '../../lib/xml/xml-writer.js';

export interface ScaffoldFile {
  /** Path relative to the edition folder. */
  readonly path: string;
  readonly content: string;
}

export function scaffoldEdition(title: string): ScaffoldFile[] {
  const config = {
    $schema: './node_modules/tei-edition/schemas/edition.schema.json',
    edition: {
      title,
      editors: [{ id: 'editor', name: 'Your name', role: 'edition' }],
      publisher: null,
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      language: 'fr',
      calendar: { sourceCalendar: 'gregorian', display: 'new-style-only' },
    },
    sources: [
      {
        id: 'example',
        raw: 'tei/raw/example.txt',
        title: 'Example text (replace with your own)',
        author: 'Unknown',
        type: 'letter',
        bibl: {
          text: 'Describe the printed source here: author, title, publication, volume, pages.',
          unknown: ['everything: this is an example'],
        },
        layout: { profile: 'prose' },
        firstPage: null,
        notes: { convention: 'bracketed-endnotes', heading: 'Notes' },
        corrections: [],
      },
    ],
  };
  const files = [
    { path: 'edition.json', content: `${JSON.stringify(config, null, 2)}\n` },
    { path: 'tei/raw/example.txt', content: exampleRaw },
    { path: 'tei/persons.xml', content: emptyRegister(title) },
    { path: 'README.md', content: readme(title) },
  ];
  for (const file of files.filter((f) => f.path.endsWith('.xml'))) assertWellFormed(file);
  return files;
}

function assertWellFormed(file: ScaffoldFile): void {
  const error = checkWellFormed([file.content]);
  if (error) {
    throw fatal(
      'internal-malformed-tei',
      `the new ${file.path} would not be well-formed XML: ${error.message} (line ${error.line}, column ${error.column}); nothing was written`,
      { file: file.path },
      'a character XML cannot hold in --title? (a control character)',
    );
  }
}

const exampleRaw = `Chers amis,

Voici un exemple de texte brut : un paragraphe par bloc, séparés par
une ligne vide ; trois lignes vides marquent un changement de page. Un
mot coupé en fin de ligne, comme trans-
cription, est rejoint dans le texte[1].



Le texte reprend ici, sur une nouvelle page.

Salut Votre Nom

 

Notes

[1]. Les notes de fin sont rattachées à leur appel.
`;

function emptyRegister(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="fr">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>${escapeMarkup(title)}: register of persons</title></titleStmt>
      <publicationStmt><p>Part of the edition.</p></publicationStmt>
      <sourceDesc><p>Compiled by the editors.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="persons">
        <p>No person is registered yet. Add a listPerson here, one person per entry, for example:</p>
        <!--
        <listPerson>
          <person xml:id="lenine">
            <persName type="standard">Lénine</persName>
            <persName type="variant">N. Lénine</persName>
          </person>
        </listPerson>
        -->
      </div>
    </body>
  </text>
</TEI>
`;
}

function readme(title: string): string {
  return `# ${title}

A scholarly edition made with [tei-edition](https://www.npmjs.com/package/tei-edition).

- \`edition.json\`: the edition and its sources (validated against the tei-edition schema).
- \`tei/raw/\`: the raw transcriptions, UTF-8 plain text, one file per source.
- \`tei/\`: the TEI files that \`tei-edition convert\` writes (you may edit them by hand: convert will not overwrite your edits).
- \`tei/persons.xml\`: the register of persons.

Build with \`tei-edition build\`.
`;
}
