<?xml version="1.0" encoding="UTF-8"?>
<!--
  Typst syntax: text of the TEI as Typst markup that prints literally, and Typst strings.

  In markup, these characters mean something and are escaped with a backslash:
    \ # $ * _ @ < > ` [ ] ~ / = + - ' "
  ( / starts comments and URLs, = + - and "1." start headings and lists at a line start, ~ is a
  no-break space, - makes dashes and soft hyphens, ' and " become smart quotes.) Dots are
  escaped where they could be read as "..." (an ellipsis) or as a list number ("1.").
  Whitespace (newlines included) becomes one space: a blank line would start a paragraph. (Spaces
  are named one by one: SaxonJS's \s also matches the no-break spaces typography added.)
  Every inline function call ends with ";", so that the text after it (a "(" or a ".") is text.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all">

  <!-- Text as Typst markup. -->
  <xsl:function name="t:markup" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="spaced" select="replace(string($s), '[ &#9;&#10;&#13;]+', ' ')"/>
    <xsl:variable name="escaped" select="replace($spaced, '([\\#$*_@&lt;&gt;`\[\]~/=+''&quot;-])', '\\$1')"/>
    <xsl:variable name="dots" select="if (contains($escaped, '..')) then replace($escaped, '\.', '\\.') else $escaped"/>
    <xsl:sequence select="replace($dots, '^( ?\d+)\.', '$1\\.')"/>
  </xsl:function>

  <!-- Text as a Typst string literal, quotes included. -->
  <xsl:function name="t:string" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="'&quot;' || replace(replace(normalize-space($s), '\\', '\\\\'), '&quot;', '\\&quot;') || '&quot;'"/>
  </xsl:function>

  <!-- Text as a content block [..]. -->
  <xsl:function name="t:content" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="'[' || t:markup(normalize-space($s)) || ']'"/>
  </xsl:function>

  <!-- French typography for print: the narrow no-break space before ; : ! ? and inside « ». -->
  <xsl:function name="t:typo" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="french" as="xs:boolean"/>
    <xsl:variable name="html" select="f:typo($s, $french)" xmlns:f="urn:x-tei-edition:functions"/>
    <xsl:sequence select="if ($french and contains($html, '&#xA0;'))
      then replace(replace($html, '&#xA0;([:»])', '&#x202F;$1'), '«&#xA0;', '«&#x202F;')
      else $html"/>
  </xsl:function>

</xsl:stylesheet>
