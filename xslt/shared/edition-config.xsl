<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every edition format needs to know of the edition and of a text, whatever it writes:
  the edition config ($edition, from the edition-json parameter), languages, the register entry
  a pointer designates, standard names and sort keys, the text's notes. Functions only: no
  templates, no output format.

  Expects the parameters edition-json (string) and registers (register documents).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:html"
  exclude-result-prefixes="#all">

  <xsl:variable name="edition" as="map(*)">
    <xsl:variable name="value" select="if (normalize-space($edition-json)) then parse-json($edition-json) else map {}"/>
    <xsl:sequence select="if ($value instance of map(*)) then $value else map {}"/>
  </xsl:variable>

  <!-- The source document of a transformation; empty for the named entry points. -->
  <xsl:variable name="source" as="document-node()?">
    <xsl:try select="root(.)[. instance of document-node()]">
      <xsl:catch select="()"/>
    </xsl:try>
  </xsl:variable>

  <!-- Language of the interface (labels) and of the edition's own texts. -->
  <xsl:variable name="ui-lang" as="xs:string" select="(f:bcp47(string($edition?language)), 'fr')[. ne ''][1]"/>

  <!-- Language of the source text when nothing nearer says: the TEI root, the header, the config. -->
  <xsl:variable name="source-lang" as="xs:string"
    select="(($source/*/@xml:lang, ($source/*/tei:teiHeader/descendant::tei:langUsage/tei:language/@ident)[1])[normalize-space()]/string(), $edition?language, 'fr')[1]"/>

  <xsl:variable name="editor-label" as="xs:string" select="string(($edition?notes?editorLabel, 'N.d.É.')[1])"/>
  <xsl:variable name="editor-series" as="xs:boolean" select="$edition?notes?editorSeries = true()"/>

  <!-- A TEI language code as a BCP 47 tag (fre → fr, ger → de…); '' when unusable. -->
  <xsl:function name="f:bcp47" as="xs:string">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:variable name="c" select="normalize-space($code)"/>
    <xsl:variable name="primary" select="lower-case(tokenize($c, '[-_]')[1])"/>
    <xsl:variable name="rest" select="substring($c, string-length($primary) + 1)"/>
    <xsl:variable name="two" select="map {
      'fre': 'fr', 'fra': 'fr', 'ger': 'de', 'deu': 'de', 'eng': 'en', 'ita': 'it', 'lat': 'la',
      'spa': 'es', 'por': 'pt', 'pol': 'pl', 'rus': 'ru', 'dut': 'nl', 'nld': 'nl', 'gre': 'el',
      'ell': 'el', 'grc': 'grc', 'heb': 'he', 'ara': 'ar', 'gle': 'ga', 'cze': 'cs', 'ces': 'cs' }"/>
    <xsl:variable name="p" select="($two($primary), $primary)[1]"/>
    <xsl:sequence select="if (matches($c, '^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$'))
      then $p || replace($rest, '_', '-') else ''"/>
  </xsl:function>

  <!-- The xml:lang in force at a node of a TEI document. -->
  <xsl:function name="f:lang-of" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string((($node/ancestor-or-self::*/@xml:lang)[last()], $source-lang)[1])"/>
  </xsl:function>

  <xsl:function name="f:is-french-code" as="xs:boolean">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:sequence select="matches(normalize-space($code), '^(fr|fre|fra)([-_].*)?$', 'i')"/>
  </xsl:function>

  <xsl:function name="f:file-name" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="string(tokenize(string(base-uri($doc)), '/')[last()])"/>
  </xsl:function>

  <xsl:key name="xml-id" match="*[@xml:id]" use="@xml:id"/>

  <!-- The register entry a pointer (persons.xml#lenine, #lenine) designates, if any. -->
  <xsl:function name="f:register-entry" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="p" select="tokenize(normalize-space($pointer), ' ')[1]"/>
    <xsl:variable name="file" select="substring-before($p, '#')"/>
    <xsl:variable name="frag" select="substring-after($p, '#')"/>
    <xsl:variable name="by-name" select="$registers[f:file-name(.) = $file]"/>
    <xsl:variable name="docs" select="if ($file = '') then root($context) else if (exists($by-name)) then $by-name else $registers"/>
    <xsl:sequence select="if ($frag = '' or not($docs)) then () else
      ($docs ! key('xml-id', $frag, .))[self::tei:person or self::tei:place or self::tei:org or self::tei:bibl
        or self::tei:personGrp or self::tei:event or self::tei:item or self::tei:nym][1]"/>
  </xsl:function>

  <!-- The standard form of a register entry. -->
  <xsl:function name="f:standard-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:title | tei:name)"/>
    <xsl:sequence select="normalize-space(string(($names[@type = 'standard'], $names[not(@type = ('variant', 'full'))], $names, $entry/@xml:id)[1]))"/>
  </xsl:function>

  <!-- A sort key: accents and case removed. -->
  <xsl:function name="f:sort-key" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(normalize-unicode(lower-case(normalize-space($s)), 'NFD'), '[\p{M}\p{P}]', '')"/>
  </xsl:function>

  <!-- The text's notes shown as footnotes or endnotes (not place="inline", not in the header), in document order. -->
  <xsl:function name="f:text-notes" as="element(tei:note)*">
    <xsl:param name="root" as="node()?"/>
    <xsl:sequence select="$root/descendant::tei:text/descendant::tei:note[not(@place = 'inline')][not(ancestor::tei:teiHeader)]"/>
  </xsl:function>

</xsl:stylesheet>
