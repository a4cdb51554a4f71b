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
  xmlns:f="urn:x-tei-edition:functions"
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
      <xsl:when test="(contains($s, '://') or contains($s, 'www.')) and matches($s, $url-regex)">
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

  <!-- The patterns of f:typo-fr (built once). -->
  <xsl:variable name="typo-word-punct" as="xs:string" select="$typo-before || $typo-ws || '*([;!?]+)' || $typo-after"/>
  <xsl:variable name="typo-start-punct" as="xs:string" select="'^' || $typo-ws || '+([;!?]+)' || $typo-after"/>
  <xsl:variable name="typo-word-colon" as="xs:string" select="$typo-before || $typo-ws || '*:' || $typo-after"/>
  <xsl:variable name="typo-start-colon" as="xs:string" select="'^' || $typo-ws || '+:' || $typo-after"/>

  <!-- Each rule runs only when its punctuation is in the string (a regular expression costs SaxonJS several µs). -->
  <xsl:function name="f:typo-fr" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <!-- ; ! ? after a word: narrow no-break space -->
    <xsl:variable name="s2" select="if (matches($s, '[;!?]'))
      then replace(replace($s, $typo-word-punct, '$1&#x202F;$2$3'), $typo-start-punct, '&#x202F;$1$2') else $s"/>
    <!-- : after a word: no-break space -->
    <xsl:variable name="s4" select="if (contains($s, ':'))
      then replace(replace($s2, $typo-word-colon, '$1&#xA0;:$2'), $typo-start-colon, '&#xA0;:$1') else $s2"/>
    <!-- « and » -->
    <xsl:variable name="s5" select="if (contains($s, '«')) then replace($s4, '«' || $typo-ws || '*', '«&#xA0;') else $s4"/>
    <xsl:sequence select="if (contains($s, '»')) then replace($s5, $typo-ws || '*»', '&#xA0;»') else $s5"/>
  </xsl:function>

</xsl:stylesheet>
