<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: TEI P5 → Typst markup, XSLT 3.0 for SaxonJS. The Typst compiler then makes
  the PDF (src/publish/print/). The book's design is Typst code in book.typ; this stylesheet writes the
  book's content with the functions book.typ defines.

  Entry points (output: text)
    • a TEI document as source         → its chapter: #chapter(…)[…], and a secondary result
                                          "sort-key" (the chapter's place in the book)
    • initial template "front"         → book.typ, the book's settings, title page, contents
    • initial template "back"          → the indexes of persons and places
    (a chapter's secondary result "register-entries": the persons and places of the text's own
    lists, given to "back" as text-entries: modules/indexes.xsl)

  output/print/edition.typ = front + the chapters in chronological order + back.

  Modules: the book's parts (modules/front-matter.xsl, chapter.xsl, indexes.xsl; typst-syntax.xsl
  writes Typst markup and strings), then the text of a chapter (mode "typst"), one template per
  TEI element as the book.typ function or Typst markup it becomes, grouped by TEI module as in
  ../html/modules/: textstructure.xsl, core.xsl, notes.xsl, namesdates.xsl, transcr.xsl,
  figures.xsl, other-modules.xsl (drama, textcrit), fallback.xsl (any other element: its
  content); rendition.xsl sets any element's rendition around it. No two rules of mode "typst"
  match one node with the same priority, so the order of the modules does not matter.

  Tunnel parameters of mode "typst"
    french      French typography for the text (where xml:lang changes, it is set again)
    title-head  the heading already set as the chapter's title (not repeated)
    in-note     inside a footnote (no footnote in a footnote: its text follows in parentheses)
    depth       the heading level of the enclosing division (2 for the text's first level)

  Parameters (all optional)
    edition-json   JSON of the edition config's `edition` object (title, editors, licence,
                   notes { editorLabel, editorSeries }, print { paper, fonts, fontSize })
    registers      the register documents (persons.xml, places.xml…)
    text-entries   "back": the chapters' "register-entries" documents
    book-library   the text of book.typ (written at the top of the front matter)
    local-images   the local images copied next to edition.typ (map: graphic/@url as the TEI writes
                   it → the path images/…, src/publish/edition/local-images.ts); without it, figures print
                   their captions and descriptions only

  The reading text is the edited one: corr, reg and expan in place of sic, orig and abbr; words
  split at lb break="no" joined; del left out. The source's pages are margin markers [p. N].
  The functions both editions share (the config, languages, registers, titles, dates, French
  typography, note labels) are in ../shared: both editions say the same things.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:include href="../shared/edition-config.xsl"/>
  <xsl:include href="../shared/text-metadata.xsl"/>
  <xsl:include href="../shared/note-labels.xsl"/>
  <xsl:include href="../shared/dates.xsl"/>
  <xsl:include href="../shared/typography.xsl"/>
  <xsl:include href="../shared/rendition.xsl"/>
  <xsl:include href="../shared/local-images.xsl"/>
  <xsl:include href="modules/typst-syntax.xsl"/>
  <xsl:include href="modules/front-matter.xsl"/>
  <xsl:include href="modules/chapter.xsl"/>
  <xsl:include href="modules/textstructure.xsl"/>
  <xsl:include href="modules/core.xsl"/>
  <xsl:include href="modules/notes.xsl"/>
  <xsl:include href="modules/namesdates.xsl"/>
  <xsl:include href="modules/transcr.xsl"/>
  <xsl:include href="modules/figures.xsl"/>
  <xsl:include href="modules/other-modules.xsl"/>
  <xsl:include href="modules/fallback.xsl"/>
  <xsl:include href="modules/rendition.xsl"/>
  <xsl:include href="modules/indexes.xsl"/>

  <xsl:param name="edition-json" as="xs:string" select="'{}'"/>
  <xsl:param name="registers" as="document-node()*" select="()"/>
  <xsl:param name="local-images" as="map(*)" select="map {}"/>
  <xsl:param name="book-library" as="xs:string" select="''"/>
  <!-- (The shared modules' view of the other texts: the print edition makes one chapter per transform.) -->
  <xsl:variable name="text-summaries" as="element()*" select="()"/>

  <!-- The labels of the text's notes (generate-id → label). -->
  <xsl:variable name="note-labels" as="map(xs:string, xs:string)" select="f:note-labels(f:text-notes($source))"/>

  <xsl:mode name="typst" on-no-match="shallow-skip"/>

  <!-- A text: its chapter. -->
  <xsl:template match="/">
    <xsl:result-document href="sort-key" method="text">
      <xsl:value-of select="f:date-key(f:text-date(.)) || '&#9;' || f:sort-key(f:text-title(., $text-id))"/>
    </xsl:result-document>
    <xsl:call-template name="text-register-entries">
      <xsl:with-param name="doc" select="."/>
    </xsl:call-template>
    <xsl:apply-templates select="(tei:TEI, tei:teiCorpus, *)[1]" mode="typst"/>
  </xsl:template>

</xsl:stylesheet>
