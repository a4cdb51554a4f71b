<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared values and functions: the edition config, the interface strings, languages, the ids and
  links every page uses (paragraphs, notes, page breaks, register entries).

  Tunnel parameters used by the element templates (all optional, defaults false / 1):
    phrasing  the HTML being written only allows phrasing content (inside p, h1–h6, span, a…):
              block-like TEI elements then render as span with a class (CSS sets display)
    in-link   inside an HTML a: no nested links
    copy      a second rendering of content already on the page (the note popovers): no ids
    depth     the heading level of the enclosing container
    french    the text is French (French typography); set where xml:lang changes (core.xsl)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:h="urn:x-tei-edition:html"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- ===== The edition config ===== -->





  <!-- The site's stable address for "how to cite" (baseUrl; the config's own name for it is url). -->
  <xsl:variable name="base-url" as="xs:string" select="string(($edition?baseUrl, $edition?url, '')[1])"/>

  <!-- ===== Interface strings (French) ===== -->

  <xsl:variable name="L" as="map(xs:string, xs:string)" select="map {
    'skip': 'Aller au contenu',
    'site-nav': 'Navigation du site',
    'nav-index': 'Textes',
    'nav-persons': 'Personnes',
    'nav-places': 'Lieux',
    'nav-search': 'Recherche',
    'search': 'Rechercher',
    'search-label': 'Rechercher dans les textes',
    'persons': 'Index des personnes',
    'places': 'Index des lieux',
    'texts': 'Les textes',
    'introduction': 'Présentation',
    'notes': 'Notes',
    'author-notes': 'Notes du texte',
    'editor-notes': 'Notes de l’éditeur',
    'note': 'Note',
    'editor-note': 'Note de l’éditeur',
    'note-back': 'Retour à l’appel de note',
    'para': 'Paragraphe',
    'para-link': 'Lien vers le paragraphe',
    'page': 'p.',
    'page-image': 'Image de la page',
    'author': 'Auteur',
    'date': 'Date',
    'source': 'Source',
    'licence': 'Licence',
    'download': 'Télécharger le fichier TEI',
    'cite': 'Pour citer ce texte',
    'cite-para': 'Pour citer un paragraphe, ajoutez son ancre à l’adresse',
    'views': 'Affichage du texte',
    'view-reading': 'Texte de lecture',
    'view-source': 'Lignes de la source',
    'view-toggle': 'Lignes de la source',
    'pager': 'Textes voisins',
    'contents': 'Sommaire',
    'parts-pager': 'Parties du texte',
    'previous-part': 'Partie précédente',
    'next-part': 'Partie suivante',
    'part': 'Partie',
    'front': 'Pages liminaires',
    'back': 'Annexes',
    'previous': 'Texte précédent',
    'next': 'Texte suivant',
    'editors': 'Édition',
    'publisher': 'Éditeur',
    'mentions': 'Mentions',
    'no-mention': 'Aucune mention dans les textes.',
    'variants': 'Autres formes',
    'full-name': 'Nom complet',
    'authority': 'Référentiels',
    'title-mention': 'titre',
    'opener': 'formule d’appel',
    'closer': 'formule finale',
    'start': 'début du texte',
    'source-reading': 'Leçon de la source',
    'source-form': 'Forme de la source',
    'abbreviation': 'Abréviation de la source',
    'supplied': 'Ajouté par l’éditeur',
    'gap': 'Lacune',
    'unclear': 'Lecture incertaine',
    'deleted': 'Suppression',
    'added': 'Ajout',
    'figure': 'Illustration',
    'made-with': 'Édition électronique produite avec tei-edition (TEI P5, XSLT 3.0).',
    'tei-files': 'Fichiers TEI'
  }"/>

  <!-- ===== Languages ===== -->




  <!-- lang attribute for an element that carries xml:lang. -->
  <xsl:function name="h:lang-attr" as="attribute()?">
    <xsl:param name="el" as="element()"/>
    <xsl:if test="$el/@xml:lang and f:bcp47($el/@xml:lang) ne ''">
      <xsl:attribute name="lang" select="f:bcp47($el/@xml:lang)"/>
    </xsl:if>
  </xsl:function>

  <!-- ===== Classes, ids and links ===== -->

  <!-- A token usable in a class name or id. -->
  <xsl:function name="h:token" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(replace(normalize-space($s), '[^A-Za-z0-9_\-]+', '-'), '^-+|-+$', '')"/>
  </xsl:function>

  <!-- class attribute: the given classes plus tei-type-… for @type (sanitised). -->
  <xsl:function name="h:class" as="attribute(class)">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="classes" as="xs:string*"/>
    <xsl:attribute name="class" select="string-join(if ($el/@type) then distinct-values((
      $classes,
      for $t in tokenize($el/@type) return h:token($t)[. ne ''] ! ('type-' || .)
    )) else distinct-values($classes), ' ')"/>
  </xsl:function>


  <!-- Only http(s), mailto and relative addresses become links (no javascript:, data:…). -->
  <xsl:function name="h:safe-href" as="xs:string?">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($uri)"/>
    <xsl:sequence select="$u[. ne ''][not(contains(., ' '))]
      [matches(., '^(https?:|mailto:)', 'i') or not(matches(., '^[^/?#]*:'))]"/>
  </xsl:function>


  <!--
    The elements that can carry an anchor (p, ab, note, head, opener, closer) and the page breaks,
    in document order: one walk of the document (each walk costs SaxonJS several ms on a large
    text), filtered below.
  -->
  <xsl:function name="h:anchor-elements" as="element()*">
    <xsl:param name="root" as="node()?"/>
    <xsl:sequence select="$root/descendant::*[self::tei:p or self::tei:ab or self::tei:note or self::tei:head
      or self::tei:opener or self::tei:closer or self::tei:pb]"/>
  </xsl:function>

  <!--
    What anchor an element has on the text page: 'para' (the paragraphs numbered para-1, para-2…:
    p and ab of the body, not inside a note or another paragraph), 'note' (the notes rendered as
    calls and endnotes), 'head' (section headings of the body), 'opener', 'closer' (of the body;
    register mentions point to them too), or ''.
  -->
  <xsl:function name="h:anchor-kind" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="
      if ($el[self::tei:p or self::tei:ab][ancestor::tei:body]
        [not(ancestor::tei:note or ancestor::tei:p or ancestor::tei:ab or ancestor::tei:teiHeader or ancestor::tei:fw)]) then 'para'
      else if ($el[self::tei:note][not(@place = 'inline')][ancestor::tei:text][not(ancestor::tei:teiHeader)]) then 'note'
      else if ($el[self::tei:head or self::tei:opener or self::tei:closer][ancestor::tei:body][not(ancestor::tei:note)]) then
        (if ($el/self::tei:head) then 'head'[h:is-section-head($el)] else local-name($el), '')[1]
      else ''"/>
  </xsl:function>

  <xsl:function name="h:numbered-paragraphs" as="element()*">
    <xsl:param name="root" as="node()?"/>
    <xsl:sequence select="h:numbered-paragraphs-of(h:anchor-elements($root))"/>
  </xsl:function>

  <xsl:function name="h:numbered-paragraphs-of" as="element()*">
    <xsl:param name="els" as="element()*"/>
    <xsl:sequence select="$els[self::tei:p or self::tei:ab][h:anchor-kind(.) = 'para']"/>
  </xsl:function>

  <!-- The notes rendered as calls and endnotes (in document order). -->
  <xsl:function name="h:footnotes" as="element(tei:note)*">
    <xsl:param name="root" as="node()?"/>
    <xsl:sequence select="h:footnotes-of(h:anchor-elements($root))"/>
  </xsl:function>

  <xsl:function name="h:footnotes-of" as="element(tei:note)*">
    <xsl:param name="els" as="element()*"/>
    <xsl:sequence select="$els[self::tei:note][h:anchor-kind(.) = 'note']"/>
  </xsl:function>

  <xsl:function name="h:anchor-map" as="map(xs:string, xs:string)">
    <xsl:param name="root" as="node()?"/>
    <xsl:variable name="els" select="h:anchor-elements($root)"/>
    <xsl:sequence select="h:anchor-map-of($els, h:footnotes-of($els))"/>
  </xsl:function>

  <!-- generate-id → anchor id (para-3, note-2, head-1…), for the elements with an anchor. -->
  <xsl:function name="h:anchor-map-of" as="map(xs:string, xs:string)">
    <xsl:param name="els" as="element()*"/>
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:variable name="others" select="$els[self::tei:head or self::tei:opener or self::tei:closer] ! map { 'el': ., 'kind': h:anchor-kind(.) }"/>
    <xsl:sequence select="map:merge((
      h:numbering(h:numbered-paragraphs-of($els), 'para-'),
      h:numbering($notes, 'note-'),
      for $kind in ('head', 'opener', 'closer') return h:numbering($others[?kind = $kind]?el, $kind || '-')
    ))"/>
  </xsl:function>

  <!-- generate-id → prefix + position, for each node. -->
  <xsl:function name="h:numbering" as="map(*)*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:for-each select="$nodes">
      <xsl:sequence select="map:entry(generate-id(.), $prefix || position())"/>
    </xsl:for-each>
  </xsl:function>

  <!-- Page-break ids: p + @n, made unique (p3, p3_2…). -->
  <xsl:function name="h:pb-map" as="map(xs:string, xs:string)">
    <xsl:param name="pbs" as="element(tei:pb)*"/>
    <xsl:map>
      <xsl:for-each-group select="$pbs" group-by="h:pb-base(.)">
        <xsl:variable name="base" select="current-grouping-key()"/>
        <xsl:for-each select="current-group()">
          <xsl:map-entry key="generate-id(.)" select="if (position() = 1) then $base else $base || '_' || position()"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:function>

  <xsl:function name="h:pb-base" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="n" select="replace(normalize-space($pb/@n), '[^A-Za-z0-9.\-]+', '-')"/>
    <xsl:sequence select="if ($n ne '') then 'p' || $n else 'pb'"/>
  </xsl:function>

  <!-- The maps of the text page (evaluated only when there is a source document), from one walk of it. -->
  <xsl:variable name="anchor-elements" as="element()*" select="h:anchor-elements($source)"/>
  <xsl:variable name="note-list" as="element(tei:note)*" select="h:footnotes-of($anchor-elements)"/>
  <xsl:variable name="anchors" as="map(xs:string, xs:string)" select="h:anchor-map-of($anchor-elements, $note-list)"/>
  <!-- The page breaks of the text. -->
  <xsl:variable name="pb-list" as="element(tei:pb)*" select="$anchor-elements[self::tei:pb][ancestor::tei:text]"/>
  <xsl:variable name="pb-ids" as="map(xs:string, xs:string)" select="h:pb-map($pb-list)"/>

  <!--
    The id an element has on the text page ('' if none). generate-id() is slow in SaxonJS (about
    50 µs): it is only called for the elements that can have an anchor.
  -->
  <xsl:function name="h:html-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="
      if ($el[self::tei:p or self::tei:ab or self::tei:note or self::tei:head or self::tei:opener or self::tei:closer])
        then string(($anchors(generate-id($el)), h:tei-id($el))[1])
      else if ($el/self::tei:pb) then string($pb-ids(generate-id($el)))
      else h:tei-id($el)"/>
  </xsl:function>

  <xsl:function name="h:tei-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="string($el/@xml:id[h:token(.) ne ''] ! ('tei-' || h:token(.)))"/>
  </xsl:function>

  <!-- ===== Registers ===== -->


  <!--
    Is there a places page: the registers have places, or the text has (its standOff or header
    lists), or, on the collection pages, one of the texts has (their summaries' entries).
  -->
  <xsl:variable name="has-places-page" as="xs:boolean" select="exists($registers/descendant::tei:place[@xml:id][ancestor::tei:listPlace])
    or exists($source/descendant::tei:place[@xml:id][ancestor::tei:listPlace])
    or exists($summaries/h:summaries/h:text/h:entry[starts-with(@key, 'places ')])"/>

  <!--
    The register page of an entry, or '' (organisations and periodicals have none): persons and
    places of the registers, or of a text's own lists (its summary gives them to the register pages).
  -->
  <xsl:function name="h:register-page" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/@xml:id and ($entry/root() intersect $registers or f:is-entry($entry))) then
        if ($entry/self::tei:person) then 'persons.html'
        else if ($entry/self::tei:place and ($has-places-page or not($entry/root() intersect $registers))) then 'places.html'
        else ''
      else ''"/>
  </xsl:function>



</xsl:stylesheet>
