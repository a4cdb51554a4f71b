<?xml version="1.0" encoding="UTF-8"?>
<!--
  French typography, added at render time (the TEI keeps the spaces as transcribed):
    U+202F (narrow no-break space) before ; ! ?
    U+00A0 (no-break space) before : and inside « »
  An existing space is replaced, a missing one added. Not inside URLs, not in 10:30 (a colon or
  a question mark followed by a letter or digit is not punctuation of the sentence).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:html"
  exclude-result-prefixes="#all">

  <!-- Spaces that typography replaces (the ones it writes included, so it can run twice). -->
  <xsl:variable name="typo-ws" as="xs:string" select="'[ \t\r\n&#xA0;&#x202F;&#x2009;]'"/>
  <!-- What may follow sentence punctuation. -->
  <xsl:variable name="typo-after" as="xs:string" select="'([ \t\r\n&#xA0;&#x202F;&#x2009;]|$|[»)\]”’&quot;.,…;:!?])'"/>
  <xsl:variable name="typo-before" as="xs:string" select="'([^ \t\r\n&#xA0;&#x202F;&#x2009;(\[«“‘])'"/>
  <xsl:variable name="url-regex" as="xs:string" select="'(https?|ftp)://[^\s&lt;&gt;«»&quot;]+|www\.[^\s&lt;&gt;«»&quot;]+'"/>

  <xsl:function name="f:typo" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="french" as="xs:boolean"/>
    <xsl:choose>
      <xsl:when test="not($french) or not(matches($s, '[;:!?«»]'))">
        <xsl:sequence select="$s"/>
      </xsl:when>
      <xsl:when test="matches($s, $url-regex)">
        <xsl:variable name="parts" as="xs:string*">
          <xsl:analyze-string select="$s" regex="{$url-regex}">
            <xsl:matching-substring>
              <xsl:sequence select="."/>
            </xsl:matching-substring>
            <xsl:non-matching-substring>
              <xsl:sequence select="f:typo-fr(.)"/>
            </xsl:non-matching-substring>
          </xsl:analyze-string>
        </xsl:variable>
        <xsl:sequence select="string-join($parts, '')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:typo-fr($s)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="f:typo-fr" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="ws" select="$typo-ws"/>
    <!-- ; ! ? after a word: narrow no-break space -->
    <xsl:variable name="s1" select="replace($s, $typo-before || $ws || '*([;!?]+)' || $typo-after, '$1&#x202F;$2$3')"/>
    <xsl:variable name="s2" select="replace($s1, '^' || $ws || '+([;!?]+)' || $typo-after, '&#x202F;$1$2')"/>
    <!-- : after a word: no-break space -->
    <xsl:variable name="s3" select="replace($s2, $typo-before || $ws || '*:' || $typo-after, '$1&#xA0;:$2')"/>
    <xsl:variable name="s4" select="replace($s3, '^' || $ws || '+:' || $typo-after, '&#xA0;:$1')"/>
    <!-- « and » -->
    <xsl:variable name="s5" select="replace($s4, '«' || $ws || '*', '«&#xA0;')"/>
    <xsl:sequence select="replace($s5, $ws || '*»', '&#xA0;»')"/>
  </xsl:function>

</xsl:stylesheet>
