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
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:h="urn:x-tei-edition:html"
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

  <!--
    Registers where TEI keeps them (TEI P5 §13.3, §16.10): the entries of lists (listPerson,
    listPlace, listOrg, listBibl, listEvent, listNym, list) in the register files given
    ($registers), and in a text's own standOff, teiHeader (particDesc, settingDesc, sourceDesc…)
    or back, or a teiCorpus's. A bibl or biblStruct in sourceDesc describes the source: not an
    entry. (In a register file, an entry element with an id is an entry wherever it is.)
  -->
  <xsl:function name="f:is-entry" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:person or self::tei:place or self::tei:org or self::tei:bibl or self::tei:biblStruct
        or self::tei:personGrp or self::tei:event or self::tei:item or self::tei:nym])
      and empty($e[self::tei:bibl or self::tei:biblStruct]/ancestor::tei:sourceDesc)
      and (exists(root($e) intersect $registers)
        or exists($e/ancestor::*[self::tei:listPerson or self::tei:listPlace or self::tei:listOrg or self::tei:listBibl
          or self::tei:listEvent or self::tei:listNym or self::tei:list]))"/>
  </xsl:function>

  <!-- The entry with an xml:id in some documents (the first, in their order). -->
  <xsl:function name="f:entry-by-id" as="element()?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="docs" as="node()*"/>
    <xsl:sequence select="if ($id = '') then () else ($docs ! key('xml-id', $id, .))[f:is-entry(.)][1]"/>
  </xsl:function>

  <!-- The entry a URI designates: its xml:id, an idno or a @sameAs equal to the URI. -->
  <xsl:key name="entry-uri" match="tei:person | tei:place | tei:org | tei:bibl | tei:biblStruct | tei:personGrp | tei:event | tei:nym"
    use="(@xml:id, tei:idno, tokenize(normalize-space(@sameAs), ' ')) ! normalize-space(.)[. ne '']"/>

  <!-- A pointer with a prefix of the document's (or a register's) listPrefixDef expanded (§16.2.3); else as it is. -->
  <xsl:function name="f:expand-prefix" as="xs:string">
    <xsl:param name="p" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="prefix" select="substring-before($p, ':')"/>
    <xsl:variable name="rest" select="substring-after($p, ':')"/>
    <xsl:variable name="def" select="if ($prefix = '' or not(matches($prefix, '^[A-Za-z][A-Za-z0-9+.\-]*$'))) then ()
      else ((root($context), $registers)/descendant::tei:prefixDef[@ident = $prefix])[1]"/>
    <xsl:choose>
      <xsl:when test="empty($def)">
        <xsl:sequence select="$p"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:try select="if (matches($rest, string($def/@matchPattern))) then replace($rest, string($def/@matchPattern), string($def/@replacementPattern)) else $p">
          <xsl:catch select="$p"/>
        </xsl:try>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!--
    The register entry a pointer designates, if any: persons.xml#lenine (that register; a file
    that is no register: every register), #lenine (the document's own lists, then the registers),
    a URI (an entry with that xml:id, idno or sameAs, in the document, then the registers), a
    prefix of the header's listPrefixDef (pers:lenine, expanded, then as above).
  -->
  <xsl:function name="f:register-entry" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="first" select="tokenize(normalize-space($pointer), ' ')[1]"/>
    <xsl:variable name="p" select="if (matches($first, '^[A-Za-z][A-Za-z0-9+.\-]*:') and not(matches($first, '^(https?|urn|file):', 'i')))
      then f:expand-prefix($first, $context) else $first"/>
    <xsl:variable name="file" select="substring-before($p, '#')"/>
    <xsl:variable name="frag" select="substring-after($p, '#')"/>
    <xsl:choose>
      <xsl:when test="empty($p) or $p = ''">
        <xsl:sequence select="()"/>
      </xsl:when>
      <xsl:when test="starts-with($p, '#')">
        <xsl:sequence select="f:entry-by-id($frag, (root($context), $registers))"/>
      </xsl:when>
      <xsl:when test="matches($p, '^[A-Za-z][A-Za-z0-9+.\-]*:')">
        <xsl:sequence select="((root($context), $registers) ! key('entry-uri', $p, .))[f:is-entry(.)][1]"/>
      </xsl:when>
      <xsl:when test="$file ne ''">
        <xsl:variable name="by-name" select="$registers[f:file-name(.) = $file]"/>
        <xsl:sequence select="f:entry-by-id($frag, if (exists($by-name)) then $by-name else $registers)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="()"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The entry a @key designates (an xml:id, with or without '#'): in the document's lists, then the registers. -->
  <xsl:function name="f:key-entry" as="element()?">
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="k" select="replace(tokenize(normalize-space($key), ' ')[1], '^#', '')"/>
    <xsl:sequence select="if (empty($k) or $k = '') then () else f:entry-by-id($k, (root($context), $registers))"/>
  </xsl:function>

  <!--
    The pointer of a name (persName, placeName, orgName, name, rs, title…), as one string: its
    @ref's first pointer, else "@key " and its first key, else its @corresp's first pointer; ''
    when it has none.
  -->
  <xsl:function name="f:name-pointer" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/@ref) then f:first-pointer($name/@ref)
      else if ($name/@key) then (tokenize(normalize-space($name/@key), ' ')[1] ! ('@key ' || .), '')[1]
      else f:first-pointer($name/@corresp)"/>
  </xsl:function>

  <!-- The entry a name's pointer (f:name-pointer) designates. -->
  <xsl:function name="f:pointer-entry" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="if (starts-with($pointer, '@key ')) then f:key-entry(substring($pointer, 6), $context)
      else f:register-entry($pointer, $context)"/>
  </xsl:function>

  <!-- A name's pointer as written (for messages): "kbga-places-54", "#palm". -->
  <xsl:function name="f:pointer-label" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="if (starts-with($pointer, '@key ')) then substring($pointer, 6) else $pointer"/>
  </xsl:function>

  <!--
    Does a pointer resolve nowhere: no entry, no external address (http, https), and, for
    #id, nothing with that id in the document either.
  -->
  <xsl:function name="f:pointer-unresolved" as="xs:boolean">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="p" select="if (starts-with($pointer, '@key ')) then '' else f:expand-prefix($pointer, $context)"/>
    <xsl:sequence select="$pointer ne '' and empty(f:pointer-entry($pointer, $context))
      and not(matches($p, '^https?://', 'i'))
      and not(starts-with($p, '#') and exists(key('xml-id', substring($p, 2), root($context))))"/>
  </xsl:function>

  <!-- The first pointer of @ref ('' if none): tokenize() would cost a regular expression. -->
  <xsl:function name="f:first-pointer" as="xs:string">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:sequence select="substring-before(normalize-space($ref) || ' ', ' ')"/>
  </xsl:function>

  <!-- The elements that name (their pointers are looked up in the registers). -->
  <xsl:function name="f:is-name" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name or self::tei:rs
      or self::tei:title or self::tei:geogName or self::tei:settlement or self::tei:country or self::tei:region or self::tei:bloc
      or self::tei:district or self::tei:objectName])"/>
  </xsl:function>

  <!--
    The pointers of a text's names that resolve nowhere (f:pointer-unresolved), each once, in the
    order of the names, with how many names have it: <h:unresolved target="#x" count="2"/>*
    (the build's warnings: src/publish/html/unresolved-pointers.ts). $check: the pointers to look at (those
    known to resolve left out).
  -->
  <xsl:function name="f:unresolved-pointers" as="element()*">
    <xsl:param name="names" as="element()*"/>
    <xsl:param name="check" as="xs:string*"/>
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="unresolved" select="$check[. ne ''][f:pointer-unresolved(., $doc)]"/>
    <xsl:if test="exists($unresolved)">
      <xsl:for-each-group select="$names" group-by="f:name-pointer(.)">
        <xsl:if test="current-grouping-key() = $unresolved">
          <h:unresolved target="{f:pointer-label(current-grouping-key())}" count="{count(current-group())}"/>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:if>
  </xsl:function>

  <!-- A text's names with a pointer (the teiHeader aside). -->
  <xsl:function name="f:text-names" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="$doc/descendant::tei:text[not(ancestor::tei:text)]/descendant::*[@ref or @key or @corresp][f:is-name(.)][not(ancestor::tei:teiHeader)]"/>
  </xsl:function>

  <!-- The page of the registers an entry is listed on: 'persons', 'places', or ''. -->
  <xsl:function name="f:entry-page" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:person) then 'persons' else if ($entry/self::tei:place) then 'places' else ''"/>
  </xsl:function>

  <!-- The standard form of a register entry. -->
  <xsl:function name="f:standard-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:title | tei:name)"/>
    <!-- (Entries written as prose, <person><p><name>…</name></p>, have their name deeper.) -->
    <xsl:variable name="deeper" select="if (exists($names)) then () else ($entry/descendant::*[self::tei:persName or self::tei:placeName
      or self::tei:orgName or self::tei:title or self::tei:name][not(ancestor::tei:note)])[1]"/>
    <xsl:sequence select="normalize-space(string(($names[@type = 'standard'], $names[not(@type = ('variant', 'full'))], $names, $deeper, $entry/@xml:id)[1]))"/>
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
