<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every edition format says about the edition and each text: from the edition config when
  it gives it, else from the TEI header (fileDesc, profileDesc/creation; TEI P5 §2). Functions
  only. Expects $edition (edition-config.xsl) and $text-summaries (what the HTML edition's
  collection pages know of the texts, xslt/html/modules/summaries.xsl; may be empty).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:h="urn:x-tei-edition:html"
  exclude-result-prefixes="#all">

  <!-- The header that describes a document: its own (TEI or teiCorpus). -->
  <!-- The header that describes a document: its own (TEI or teiCorpus). -->
  <xsl:function name="f:header" as="element(tei:teiHeader)?">
    <xsl:param name="root" as="node()?"/>
    <xsl:sequence select="($root/descendant-or-self::*[self::tei:TEI or self::tei:teiCorpus][1]/tei:teiHeader)[1]"/>
  </xsl:function>

  <xsl:function name="f:text-title" as="xs:string">
    <xsl:param name="root" as="node()?"/>
    <xsl:variable name="stmt" select="f:header($root)/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="titles" select="$stmt/tei:title[normalize-space()]"/>
    <xsl:variable name="main" select="($titles[@type = 'main'], $titles[not(@type) or @type != 'sub'], $titles)[1]"/>
    <xsl:variable name="sub" select="$titles[@type = 'sub'][1]"/>
    <xsl:sequence select="(string-join((normalize-space($main), normalize-space($sub)[. ne '']), '. ')[. ne ''],
      normalize-space(($root//tei:text//tei:head)[1]), 'Sans titre')[. ne ''][1]"/>
  </xsl:function>

  <!-- What the config says of a text (a TEI source's title, author: the edition's "texts" by text id), a map; empty when nothing. -->
  <xsl:function name="f:config-of-text" as="map(*)?">
    <xsl:param name="id" as="xs:string?"/>
    <xsl:variable name="texts" select="$edition?texts"/>
    <xsl:sequence select="if ($texts instance of map(*) and normalize-space($id)) then $texts($id)[. instance of map(*)] else ()"/>
  </xsl:function>

  <!-- The title of the text `id`: the config's, over its header's. -->
  <xsl:function name="f:text-title" as="xs:string">
    <xsl:param name="root" as="node()?"/>
    <xsl:param name="id" as="xs:string?"/>
    <xsl:sequence select="(f:config-of-text($id)?title[. instance of xs:string][normalize-space()], f:text-title($root))[1]"/>
  </xsl:function>

  <!-- The authors of the text `id`: the config's, over its header's. -->
  <xsl:function name="f:text-authors" as="xs:string*">
    <xsl:param name="root" as="node()?"/>
    <xsl:param name="id" as="xs:string?"/>
    <xsl:variable name="author" select="f:config-of-text($id)?author[. instance of xs:string][normalize-space()]"/>
    <xsl:sequence select="if (exists($author)) then $author else f:text-authors($root)"/>
  </xsl:function>

  <xsl:function name="f:text-authors" as="xs:string*">
    <xsl:param name="root" as="node()?"/>
    <xsl:sequence select="f:header($root)/tei:fileDesc/tei:titleStmt/tei:author[normalize-space()]
      ! normalize-space(string-join((tei:persName, tei:name, .)[1]//text()[not(ancestor::tei:note)], ''))"/>
  </xsl:function>

  <!-- The date of the text: profileDesc/creation/date, else the source's date. -->
  <xsl:function name="f:text-date" as="element()?">
    <xsl:param name="root" as="node()?"/>
    <xsl:variable name="h" select="f:header($root)"/>
    <xsl:sequence select="($h/tei:profileDesc/tei:creation//tei:date,
      $h/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date,
      $h/tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:biblFull)//tei:date[@when or normalize-space()])[1]"/>
  </xsl:function>

  <!-- A sort key for the chronological order of the texts (Gregorian). -->
  <xsl:function name="f:date-key" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="string(($date/@when, $date/@notBefore, $date/@from, $date/@notAfter, $date/@to, '9999')[1])"/>
  </xsl:function>

  <xsl:function name="f:edition-title" as="xs:string">
    <xsl:param name="root" as="node()?"/>
    <xsl:sequence select="string(($edition?title,
      f:header($root)/tei:fileDesc/tei:seriesStmt/tei:title[normalize-space()] ! normalize-space(),
      $text-summaries/@series-title ! string(),
      if ($root) then f:text-title($root) else (),
      'Édition')[1])"/>
  </xsl:function>

  <!--
    Editors: { name, role } maps from the config, else the header's editor elements (the page's
    document, else the edition's first text that has a header).
  -->
  <xsl:function name="f:editors" as="map(*)*">
    <xsl:param name="root" as="node()?"/>
    <xsl:variable name="from-config" select="$edition?editors?*[. instance of map(*)]"/>
    <xsl:sequence select="if (exists($from-config) or map:contains($edition, 'editors')) then $from-config
      else if (exists(f:header($root))) then f:header-editors(f:header($root))
      else $text-summaries[@header][1]/h:editor ! map { 'name': string(@name), 'role': string(@role) }"/>
  </xsl:function>

  <xsl:function name="f:header-editors" as="map(*)*">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="for $e in $header/tei:fileDesc/tei:titleStmt/tei:editor[normalize-space()]
      return map { 'name': normalize-space($e), 'role': string($e/@role) }"/>
  </xsl:function>

  <!--
    Licence: { name, url, note } from the config, else the header's availability (as for the
    editors). An edition that says it has none of its own (licence null, editors []: TEI files of
    several origins published without a config) takes none from a text.
  -->
  <xsl:function name="f:licence" as="map(*)?">
    <xsl:param name="root" as="node()?"/>
    <xsl:variable name="l" select="$edition?licence"/>
    <xsl:sequence select="if ($l instance of map(*)) then $l
      else if (map:contains($edition, 'licence')) then ()
      else if (exists(f:header($root))) then f:header-licence(f:header($root))
      else $text-summaries[@header][1]/h:licence ! map:merge(@* ! map:entry(local-name(), string(.)))"/>
  </xsl:function>

  <!-- The licence of one text (its page, its chapter): its header's, else the edition's. -->
  <xsl:function name="f:text-licence" as="map(*)?">
    <xsl:param name="root" as="node()?"/>
    <xsl:sequence select="(f:header-licence(f:header($root)), f:licence($root))[1]"/>
  </xsl:function>

  <!-- The header's availability: its licence (name, address, the paragraphs about it), else its words. -->
  <xsl:function name="f:header-licence" as="map(*)?">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:variable name="av" select="$header/tei:fileDesc/tei:publicationStmt/tei:availability"/>
    <xsl:sequence select="if ($av/tei:licence) then map {
        'name': normalize-space(($av/tei:licence[normalize-space()], $av/tei:licence/@target)[1]),
        'url': string($av/tei:licence[1]/@target),
        'note': normalize-space(string-join(($av/tei:licence[1]/tei:p, $av/tei:p), ' ')) }
      else if (normalize-space($av)) then map { 'name': normalize-space($av) }
      else ()"/>
  </xsl:function>

  <!--
    The description of the source in sourceDesc that the pages show: the manuscript (msDesc: a
    bibl beside it locates the text in it), else bibl, biblStruct, biblFull, a bibl of a
    listBibl, else p.
  -->
  <xsl:function name="f:source-description" as="element()?">
    <xsl:param name="root" as="node()?"/>
    <xsl:variable name="sd" select="f:header($root)/tei:fileDesc/tei:sourceDesc"/>
    <xsl:sequence select="($sd/tei:msDesc[normalize-space(tei:msIdentifier)], $sd/tei:bibl, $sd/tei:biblStruct, $sd/tei:biblFull, $sd/tei:msDesc, $sd/tei:listBibl//tei:bibl, $sd/tei:p)[1]"/>
  </xsl:function>

  <!--
    A structured description of the source as one line (TEI P5 §2.2.7, §3.12.2.1, §10.4):
    a manuscript by its identifier (settlement, institution, repository, collection, idno,
    name) and its first item's title; a biblStruct or biblFull as author, title, imprint
    (place, publisher, date) and scope. Empty for bibl and p, which are shown as written.
  -->
  <xsl:function name="f:source-summary" as="xs:string">
    <xsl:param name="description" as="element()?"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:choose>
        <xsl:when test="$description/self::tei:msDesc">
          <xsl:variable name="id" select="$description/tei:msIdentifier"/>
          <xsl:sequence select="($id/(tei:country, tei:region, tei:settlement, tei:institution, tei:repository, tei:collection, tei:idno, tei:msName),
            $id/tei:altIdentifier/tei:idno, ($description/tei:msContents/tei:msItem/tei:title, $description/tei:head)[1]) ! normalize-space()"/>
        </xsl:when>
        <xsl:when test="$description/self::tei:biblStruct">
          <xsl:sequence select="(for $level in $description/(tei:analytic, tei:monogr, tei:series)
            return (string-join($level/(tei:author, tei:editor)[normalize-space()] ! normalize-space(), ', '),
              ($level/tei:title)[1] ! normalize-space(),
              $level/tei:imprint/(tei:pubPlace, tei:publisher, tei:date) ! normalize-space(),
              $level/(tei:biblScope, tei:imprint/tei:biblScope) ! normalize-space())),
            $description/tei:idno ! normalize-space()"/>
        </xsl:when>
        <xsl:when test="$description/self::tei:biblFull">
          <xsl:sequence select="$description/tei:titleStmt/(tei:author, tei:title[1]) ! normalize-space(),
            $description/tei:publicationStmt/(tei:pubPlace, tei:publisher, tei:date, tei:idno) ! normalize-space()"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="string-join($parts[. ne ''], ', ')"/>
  </xsl:function>

  <xsl:function name="f:publisher" as="xs:string?">
    <xsl:param name="root" as="node()?"/>
    <xsl:sequence select="if ($edition?publisher instance of xs:string) then $edition?publisher
      else if (map:contains($edition, 'publisher')) then ()
      else (f:header($root)/tei:fileDesc/tei:publicationStmt/tei:publisher[normalize-space()] ! normalize-space())[1]"/>
  </xsl:function>

</xsl:stylesheet>
