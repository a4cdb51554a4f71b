<?xml version="1.0" encoding="UTF-8"?>
<!--
  Very long texts as several pages (docs/decisions/long-text-pages.md): which elements start a
  part, which part holds a node, and the page a link to a node goes to. The text page and the
  summaries (whose mentions the register pages link) both ask here, so that every link into a
  split text lands on the part that holds its target.

  A text is split when its body holds more than $split-threshold characters (string-length) and
  at least two divisions at $split-level. A division with no head whose elements are divisions
  (ELTeC's div type="group" holding the chapters) is a grouping, not a level: its divisions count
  at its own level. A division above the split level with no divisions of its own is a part
  itself, and a division at the split level that alone holds more than the threshold (and two
  divisions or more) is split again at the next level. front and back are parts of their own.
  A node of the body outside every part (a page break between chapters, the head of a division
  above the split level) goes with the part after it (else the body's last part). A text whose
  content is a group of texts (a journal volume of issues) is split at them. A teiCorpus is
  never split.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  exclude-result-prefixes="#all">

  <!-- (Numbers: a JavaScript caller's are doubles.) -->
  <xsl:param name="split-level" as="xs:numeric" select="($edition?html?splitLevel[. instance of xs:numeric], 1)[1]"/>
  <xsl:param name="split-threshold" as="xs:numeric" select="($edition?html?splitThreshold[. instance of xs:numeric], 400000)[1]"/>

  <xsl:function name="f:is-division" as="xs:boolean">
    <xsl:param name="el" as="node()"/>
    <xsl:sequence select="exists($el[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3
      or self::tei:div4 or self::tei:div5 or self::tei:div6 or self::tei:div7])"/>
  </xsl:function>

  <xsl:function name="f:is-grouping" as="xs:boolean">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="empty($div/tei:head) and exists($div/*[f:is-division(.)])
      and empty($div/*[not(f:is-division(.) or self::tei:pb or self::tei:lb or self::tei:cb or self::tei:milestone or self::tei:anchor)])"/>
  </xsl:function>

  <!--
    string-length($s) gt $n, without string-length(): SaxonJS counts the characters of a string by
    copying it into an array of one-character strings (about 2–6 ms and as much garbage for the
    30,000-character body of a bench text, on every page and summary); a regular expression only
    scans it. (Code points, as string-length() counts them; a very large or odd $n takes string-length().)
  -->
  <xsl:function name="f:longer-than" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="n" as="xs:numeric"/>
    <xsl:sequence select="if ($n ge 0 and $n lt 100000000) then matches($s, '^.{' || (xs:integer(floor($n)) + 1) || '}', 's')
      else string-length($s) gt $n"/>
  </xsl:function>

  <!-- The divisions of a container at a level (1: its own, through groupings). -->
  <xsl:function name="f:split-elements" as="element()*">
    <xsl:param name="container" as="element()"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:for-each select="$container/*[f:is-division(.)]">
      <xsl:choose>
        <xsl:when test="f:is-grouping(.)">
          <xsl:sequence select="f:split-elements(., $level)"/>
        </xsl:when>
        <!-- (A division at the level that alone is above the threshold is split again, at the next level.) -->
        <xsl:when test="empty(*[f:is-division(.)]) or ($level le 1 and (count(*[f:is-division(.)]) lt 2 or not(f:longer-than(., $split-threshold))))">
          <xsl:sequence select="."/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="f:split-elements(., $level - 1)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- The elements that start a part, in document order; empty: the text is one page. -->
  <xsl:function name="f:parts" as="element()*">
    <xsl:param name="root" as="node()?"/>
    <xsl:variable name="text" select="$root/tei:TEI/tei:text"/>
    <!-- (A text whose content is a group of texts, TEI P5 §4.3.1, is split at those texts.) -->
    <xsl:variable name="body" select="($text/tei:body, $text/tei:group)[1]"/>
    <xsl:variable name="split" select="if (count($body) = 1 and f:longer-than($body, $split-threshold))
      then (if ($body/self::tei:group) then $body/(tei:text | tei:group) else f:split-elements($body, max((1, xs:integer($split-level))))) else ()"/>
    <xsl:sequence select="if (count($split) ge 2) then ($text/tei:front[* or normalize-space()], $split, $text/tei:back[* or normalize-space()]) else ()"/>
  </xsl:function>

  <!-- The part (1, 2…) that holds a node, 0 when the text is not split ($parts: f:parts of its document). -->
  <xsl:function name="f:part-of" as="xs:integer">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="parts" as="element()*"/>
    <xsl:choose>
      <xsl:when test="empty($parts)">
        <xsl:sequence select="0"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="in" select="($node/ancestor-or-self::* intersect $parts)[1]"/>
        <xsl:variable name="after" select="if ($in) then () else $parts[. >> $node][1]"/>
        <xsl:variable name="part" select="if ($in) then $in
          else if ($after and not($after/self::tei:back and $node/ancestor::*[self::tei:body or self::tei:group])) then $after
          else ($parts[. &lt;&lt; $node][last()], $after)[1]"/>
        <xsl:sequence select="(for $i in 1 to count($parts) return $i[$parts[$i] is $part], count($parts))[1]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The page of a part: <id>.html (0: the text is one page), else <id>-<n>.html. -->
  <xsl:function name="f:part-file" as="xs:string">
    <xsl:param name="text-id" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n = 0) then $text-id || '.html' else $text-id || '-' || $n || '.html'"/>
  </xsl:function>

  <!-- Where a link to a node's anchor goes: <id>.html#anchor or <id>-<n>.html#anchor. -->
  <xsl:function name="f:href-of" as="xs:string">
    <xsl:param name="text-id" as="xs:string"/>
    <xsl:param name="node" as="node()"/>
    <xsl:param name="parts" as="element()*"/>
    <xsl:param name="anchor" as="xs:string"/>
    <xsl:sequence select="f:part-file($text-id, f:part-of($node, $parts)) || '#' || $anchor"/>
  </xsl:function>

</xsl:stylesheet>
