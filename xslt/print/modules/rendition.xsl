<?xml version="1.0" encoding="UTF-8"?>
<!--
  How the source looked, in the book (mode "typst"): an element's output inside the Typst
  functions of its rendition tokens (../../shared/rendition.xsl, read once for both editions;
  the HTML edition writes the same tokens as classes).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!--
    Rendition (../../shared/rendition.xsl): the element's output inside the Typst functions of its
    tokens. Output that opens with a blank line is a block (paragraph, heading…): it stays one,
    and block tokens (center, right, blockquote) apply; inline output takes phrase tokens only.
    The phrase elements that have a default rendition (hi, emph…) apply theirs themselves.
  -->
  <xsl:template match="*[@rend or @rendition or @style][not(self::tei:hi or self::tei:emph or self::tei:foreign or self::tei:term
    or self::tei:mentioned or self::tei:title or self::tei:soCalled or self::tei:note or self::tei:pb or self::tei:lb or self::tei:cb
    or self::tei:milestone or self::tei:gap or self::tei:space or self::tei:anchor or self::tei:cell or self::tei:row
    or self::tei:table or self::tei:TEI or self::tei:teiCorpus or self::tei:text)]" mode="typst" priority="15">
    <xsl:variable name="tokens" select="f:rendition(.)"/>
    <xsl:choose>
      <xsl:when test="empty($tokens)">
        <xsl:next-match/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="inner" as="xs:string">
          <xsl:value-of>
            <xsl:next-match/>
          </xsl:value-of>
        </xsl:variable>
        <xsl:variable name="block" select="starts-with($inner, '&#10;&#10;')"/>
        <xsl:variable name="used" select="if ($block) then $tokens else $tokens[not(. = $f:block-renditions)]"/>
        <xsl:variable name="opening" select="string-join($used ! $t:rendition-open(.))"/>
        <xsl:sequence select="if ($opening eq '') then $inner else t:wrap($inner, $opening, count($used[$t:rendition-open(.) ne '']))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Typst for each rendition token (the closing is one "]" each). -->
  <xsl:variable name="t:rendition-open" as="map(xs:string, xs:string)" select="map {
    'superscript': '#super[', 'subscript': '#sub[', 'bold': '#strong[', 'italic': '#emph[',
    'roman': '#text(style: &quot;normal&quot;)[', 'small-caps': '#smallcaps[', 'uppercase': '#upper[',
    'lowercase': '#lower[', 'letterspaced': '#text(tracking: 0.12em)[', 'underline': '#underline[',
    'strike': '#strike[', 'overline': '#overline[', 'larger': '#text(size: 1.2em)[', 'smaller': '#text(size: 0.85em)[',
    'center': '#align(center)[', 'right': '#align(right)[', 'blockquote': '#quotation[', 'indent': '', 'no-indent': '' }"/>

  <!-- Output inside $count opened functions: a block stays a block (blank lines around), a phrase ends with ";". -->
  <xsl:function name="t:wrap" as="xs:string">
    <xsl:param name="inner" as="xs:string"/>
    <xsl:param name="opening" as="xs:string"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:variable name="closing" select="string-join((1 to $count) ! ']')"/>
    <xsl:sequence select="if (normalize-space($inner) eq '') then $inner
      else if (starts-with($inner, '&#10;&#10;'))
      then '&#10;&#10;' || $opening || replace($inner, '^[&#10;]+|[&#10;]+$', '') || $closing || '&#10;&#10;'
      else $opening || $inner || $closing || ';'"/>
  </xsl:function>

</xsl:stylesheet>
