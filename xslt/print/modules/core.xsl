<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "core" (TEI P5 §3) in the book (mode "typst"): text nodes (the edited reading, Typst
  markup), changes of language, quotations and citations, verse, lists, highlighted phrases,
  choice, links, supplied text and gaps, line and page breaks, milestones. Blocks (paragraphs,
  headings, openers…) are separated by blank lines; phrases are inline calls ending with ";".
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- ===== Text ===== -->

  <xsl:template match="text()" mode="typst">
    <xsl:param name="french" as="xs:boolean" tunnel="yes" select="true()"/>
    <xsl:variable name="s" select="string(.)"/>
    <!-- A word split at lb break="no" (or a page break inside a word) is joined: no space at the seam. -->
    <xsl:variable name="s" select="if (following-sibling::node()[1][self::tei:lb[@break = 'no'] or self::tei:pb[@break = 'no']])
      then replace($s, '[ &#9;&#10;&#13;]+$', '') else $s"/>
    <xsl:variable name="s" select="if (preceding-sibling::node()[1][self::tei:lb[@break = 'no'] or self::tei:pb or self::tei:lb[preceding-sibling::node()[1][self::tei:pb]]])
      then replace($s, '^[ &#9;&#10;&#13;]+', '') else $s"/>
    <xsl:value-of select="t:markup(t:typo($s, $french))"/>
  </xsl:template>

  <!--
    Where xml:lang changes inside the text, so do the typography and Typst's language (hyphenation,
    quotes): #text(lang: "de")[…]. Notes keep the chapter's (their text is set in the footnote area).
  -->
  <xsl:template match="*[@xml:lang]" mode="typst" priority="20">
    <xsl:variable name="lang" select="lower-case(tokenize(f:bcp47(@xml:lang), '-')[1])"/>
    <xsl:variable name="outer" select="lower-case(tokenize(f:bcp47(string((../ancestor-or-self::*/@xml:lang)[last()])), '-')[1])"/>
    <xsl:choose>
      <xsl:when test="ancestor::tei:text and not(self::tei:note) and matches($lang, '^[a-z]{2,3}$') and $lang ne $outer">
        <xsl:variable name="inner" as="xs:string">
          <xsl:value-of>
            <xsl:next-match>
              <xsl:with-param name="french" select="f:is-french-code(@xml:lang)" tunnel="yes"/>
            </xsl:next-match>
          </xsl:value-of>
        </xsl:variable>
        <xsl:sequence select="t:wrap($inner, '#text(lang: ' || t:string($lang) || ')[', 1)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:next-match>
          <xsl:with-param name="french" select="f:is-french-code(@xml:lang)" tunnel="yes"/>
        </xsl:next-match>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:quote[tei:p | tei:lg | tei:l] | tei:q[tei:p | tei:lg]" mode="typst">
    <xsl:call-template name="t:block">
      <xsl:with-param name="function" select="'quotation'"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    A citation (TEI P5 §3.3.3): where blocks are (not in a paragraph, a line or a note), a block
    quotation whose reference follows on a line of its own; in running text, the quotation then
    the reference in parentheses.
  -->
  <xsl:template match="tei:cit" mode="typst">
    <xsl:param name="in-note" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="references" select="tei:bibl | tei:biblStruct | tei:ref[not(following-sibling::tei:quote)]"/>
    <xsl:choose>
      <xsl:when test="not($in-note or ancestor::tei:p or ancestor::tei:ab or ancestor::tei:l or ancestor::tei:head or ancestor::tei:item or ancestor::tei:cell)">
        <xsl:text>&#10;&#10;#quotation[</xsl:text>
        <xsl:apply-templates select="node() except $references" mode="typst"/>
        <xsl:for-each select="$references">
          <xsl:text> #linebreak(); #h(1fr);</xsl:text>
          <xsl:apply-templates mode="typst"/>
        </xsl:for-each>
        <xsl:text>]&#10;&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="node() except $references" mode="typst"/>
        <xsl:for-each select="$references">
          <xsl:text> (</xsl:text>
          <xsl:apply-templates mode="typst"/>
          <xsl:text>)</xsl:text>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A quotation set as a block inside a block citation: its paragraphs, without a second indentation. -->
  <xsl:template match="tei:cit/tei:quote[tei:p | tei:lg | tei:l]" mode="typst" priority="2">
    <xsl:apply-templates mode="typst"/>
  </xsl:template>

  <xsl:template match="tei:lg" mode="typst">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:l" mode="typst">
    <xsl:call-template name="t:block">
      <xsl:with-param name="function" select="'verse-line'"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    Lists (TEI P5 §3.8): ordered lists (@type ordered or numbered, or a numbering @rend) number
    their items (@n, else the count); gloss lists and lists with labels set each label before
    its item; the others are bulleted. Nodes between items go with the next item.
  -->
  <xsl:template match="tei:list | tei:listBibl | tei:listPerson | tei:listPlace" mode="typst">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates select="tei:head" mode="typst"/>
    <xsl:apply-templates select="node() except tei:head" mode="typst"/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:function name="t:ordered-list" as="xs:boolean">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="$list/@type = ('ordered', 'numbered', 'decimal') or f:rend-keywords($list) = ('numbered', 'ordered', 'decimal', 'arabic')"/>
  </xsl:function>

  <xsl:template match="tei:item | tei:listBibl/tei:bibl | tei:listBibl/tei:biblStruct | tei:person | tei:place" mode="typst">
    <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label]"/>
    <xsl:variable name="list" select="parent::*"/>
    <xsl:choose>
      <xsl:when test="$label or $list/@type = 'gloss'">
        <xsl:text>&#10;#gloss-item(label: [</xsl:text>
        <xsl:apply-templates select="$label/node()" mode="typst"/>
        <xsl:text>])[</xsl:text>
      </xsl:when>
      <xsl:when test="self::tei:item and t:ordered-list($list)">
        <xsl:text>&#10;#item(label: [{t:markup((normalize-space(@n)[. ne ''], string(count(preceding-sibling::tei:item) + 1) || '.')[1])}])[</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>&#10;#item()[</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <!-- A list label is written with its item. -->
  <xsl:template match="tei:list/tei:label[following-sibling::*[1][self::tei:item]]" mode="typst"/>

  <!-- ===== Phrases ===== -->

  <!--
    Highlighted phrases: their rendition tokens (../../shared/rendition.xsl), as in the HTML
    edition. hi with no rendition at all, emph, foreign, term, mentioned and titles (not of
    articles or unpublished items) are in italics, unless their rendition says roman; soCalled
    and a hi whose rendition nobody knows are set plainly.
  -->
  <xsl:template match="tei:hi | tei:emph | tei:foreign | tei:term | tei:mentioned | tei:title[not(@level = ('a', 'u'))] | tei:soCalled[@rend or @rendition or @style]" mode="typst">
    <xsl:variable name="given" select="if (@rend or @rendition or @style) then f:phrase-rendition(.) else ()"/>
    <xsl:variable name="tokens" select="
      if (self::tei:soCalled or (self::tei:hi and exists(@rend | @rendition | @style)) or $given = 'roman') then $given[. ne 'roman']
      else $f:rendition-order[. = ($given, 'italic')]"/>
    <xsl:choose>
      <xsl:when test="empty($tokens)">
        <xsl:apply-templates mode="typst"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="string-join($tokens ! $t:rendition-open(.))"/>
        <xsl:apply-templates mode="typst"/>
        <xsl:value-of select="string-join($tokens ! ']') || ';'"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The edited reading: corr, reg, expan; else the first alternative. -->
  <xsl:template match="tei:choice" mode="typst">
    <xsl:apply-templates select="((tei:corr, tei:reg, tei:expan)[1], *[1])[1]" mode="typst"/>
  </xsl:template>

  <!-- ===== Links (TEI P5 §3.7, §16.1) ===== -->

  <!-- The web address of a pointer (http, https, mailto), or empty: other pointers are not links in a book. -->
  <xsl:function name="t:link-url" as="xs:string?">
    <xsl:param name="target" as="attribute()?"/>
    <xsl:sequence select="tokenize(normalize-space($target), ' ')[1][matches(., '^(https?://|mailto:)[^\s&quot;\\]+$', 'i')]"/>
  </xsl:function>

  <!-- ref: its words, a link when it points to the web (not around a note: a footnote is no link's text). -->
  <xsl:template match="tei:ref" mode="typst">
    <xsl:variable name="url" select="t:link-url(@target)"/>
    <xsl:choose>
      <xsl:when test="exists($url) and empty(descendant::tei:note) and normalize-space()">
        <xsl:text>#link({t:string($url)})[</xsl:text>
        <xsl:apply-templates mode="typst"/>
        <xsl:text>];</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="typst"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ptr: the address it points to, when it is one on the web (a pointer within the text has no words to print). -->
  <xsl:template match="tei:ptr" mode="typst">
    <xsl:variable name="url" select="t:link-url(@target)"/>
    <xsl:if test="exists($url)">
      <xsl:text>#link({t:string($url)})[{t:markup($url)}];</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Supplied by the editor: in brackets (a whole heading supplied as a title: without). -->
  <xsl:template match="tei:supplied" mode="typst">
    <xsl:variable name="whole-head" select="parent::tei:head and empty(../node()[not(self::tei:note)] except .)"/>
    <xsl:if test="not($whole-head)">\[</xsl:if>
    <xsl:apply-templates mode="typst"/>
    <xsl:if test="not($whole-head)">\]</xsl:if>
  </xsl:template>

  <xsl:template match="tei:gap" mode="typst">
    <xsl:text>\[…\]</xsl:text>
  </xsl:template>

  <!-- ===== Breaks ===== -->

  <!-- A section break drawn in the source (milestone rend hr, asterisk…): three stars, as in the HTML edition. -->
  <xsl:template match="tei:milestone[f:rend-keywords(.) = ('hr', 'line', 'rule', 'asterisk', 'stars', 'asterism')]" mode="typst" priority="2">
    <xsl:choose>
      <xsl:when test="parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3 or parent::tei:body or parent::tei:front or parent::tei:back">
        <xsl:text>&#10;&#10;#align(center)[\* \* \*]&#10;&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text> \* \* \* </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A line break of the source: a space between words, nothing inside a word (nor right after a page marker, which has it before). -->
  <xsl:template match="tei:lb" mode="typst">
    <xsl:if test="not(@break = 'no') and not(preceding-sibling::node()[1][self::tei:pb])">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!--
    A page of the source begins: [p. N] in the margin (a word joiner on each side inside a word).
    Breaks that follow one another with nothing printed between (title pages, blank pages) share
    one marker, [p. 1, 2], instead of printing over each other.
  -->
  <xsl:template match="tei:pb" mode="typst">
    <xsl:variable name="before" select="preceding-sibling::node()[position() le 8][not(self::text()[not(normalize-space())] or self::tei:fw or self::tei:lb)][1]"/>
    <xsl:if test="not($before/self::tei:pb)">
      <xsl:variable name="after" select="following-sibling::node()[position() le 8][not(self::text()[not(normalize-space())] or self::tei:fw or self::tei:lb)]"/>
      <xsl:variable name="stop" select="(for $i in 1 to count($after) return $i[not($after[$i]/self::tei:pb)], count($after) + 1)[1]"/>
      <xsl:variable name="run" select="(., $after[position() lt $stop])"/>
      <xsl:variable name="in-word" select="@break = 'no' or exists(following-sibling::node()[1][self::tei:lb[@break = 'no']])
        or exists(preceding-sibling::node()[1][self::tei:lb[@break = 'no']])"/>
      <xsl:variable name="n" select="string-join($run ! (normalize-space(@n)[. ne ''], '–')[1], ', ')"/>
      <xsl:if test="$in-word">&#x2060;</xsl:if>
      <!-- The marker sticks to the next word: the space after the break goes before it (two spaces around an inline box would be two). -->
      <xsl:if test="not($in-word) and following-sibling::node()[1][self::tei:lb or self::text()[matches(., '^[ &#9;&#10;&#13;]')]]">
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:text>#pb({t:string($n)});</xsl:text>
      <xsl:if test="$in-word">&#x2060;</xsl:if>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
