<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates in French: ISO 8601 values (TEI att.datable.w3c, att.datable.custom) as words, and dual
  Old Style / New Style dates (TEI P5 §13.4.3, @when-custom with @datingMethod="#julian"),
  shown as the config's `calendar.display` says: old-style-first "1er (14) novembre 1917",
  new-style-first "14 (1er) novembre 1917", new-style-only "14 novembre 1917".
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:variable name="months" as="xs:string+" select="('janvier', 'février', 'mars', 'avril', 'mai', 'juin',
    'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre')"/>

  <xsl:variable name="calendar-display" as="xs:string" select="string(($edition?calendar?display, 'old-style-first')[1])"/>

  <xsl:function name="f:day" as="xs:string">
    <xsl:param name="d" as="xs:string"/>
    <xsl:sequence select="if (number($d) = 1) then '1er' else string(xs:integer($d))"/>
  </xsl:function>

  <xsl:function name="f:month" as="xs:string">
    <xsl:param name="m" as="xs:string"/>
    <xsl:sequence select="($months[xs:integer($m)], $m)[1]"/>
  </xsl:function>

  <xsl:function name="f:year" as="xs:string">
    <xsl:param name="y" as="xs:string"/>
    <xsl:sequence select="if (starts-with($y, '-')) then substring($y, 2) || ' av. J.-C.' else string(xs:integer($y))"/>
  </xsl:function>

  <!--
    (Digits are [0-9], not \d: the W3C date types are written with ASCII digits, and SaxonJS builds
    the Unicode digit class anew at each call.)
  -->

  <!-- '1917-11-17' → '17 novembre 1917'; '1917-11' → 'novembre 1917'; a day and month without year → '4 novembre'. -->
  <xsl:function name="f:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($iso)"/>
    <xsl:choose>
      <xsl:when test="matches($v, '^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T.*)?$')">
        <xsl:variable name="p" select="tokenize(replace($v, '^(-?[0-9]+)-([0-9][0-9])-([0-9][0-9]).*$', '$1 $2 $3'), ' ')"/>
        <xsl:sequence select="f:day($p[3]) || ' ' || f:month($p[2]) || ' ' || f:year($p[1])"/>
      </xsl:when>
      <xsl:when test="matches($v, '^-?[0-9]{4,}-(0[1-9]|1[0-2])$')">
        <xsl:variable name="p" select="tokenize(replace($v, '^(-?[0-9]+)-([0-9][0-9])$', '$1 $2'), ' ')"/>
        <xsl:sequence select="f:month($p[2]) || ' ' || f:year($p[1])"/>
      </xsl:when>
      <xsl:when test="matches($v, '^-?[0-9]{4,}$')">
        <xsl:sequence select="f:year($v)"/>
      </xsl:when>
      <xsl:when test="matches($v, '^--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')">
        <xsl:sequence select="f:day(substring($v, 6, 2)) || ' ' || f:month(substring($v, 3, 2))"/>
      </xsl:when>
      <xsl:when test="matches($v, '^--(0[1-9]|1[0-2])$')">
        <xsl:sequence select="f:month(substring($v, 3, 2))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$v"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="f:is-day" as="xs:boolean">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:sequence select="matches(normalize-space($iso), '^[0-9]{4}-[0-9][0-9]-[0-9][0-9]$')"/>
  </xsl:function>

  <!-- An Old Style and a New Style date of the same day, written as the config says. -->
  <xsl:function name="f:dual-date" as="xs:string">
    <xsl:param name="os" as="xs:string"/>
    <xsl:param name="ns" as="xs:string"/>
    <xsl:variable name="first" select="if ($calendar-display = 'new-style-first') then $ns else $os"/>
    <xsl:variable name="second" select="if ($calendar-display = 'new-style-first') then $os else $ns"/>
    <xsl:choose>
      <xsl:when test="$calendar-display = 'new-style-only'">
        <xsl:sequence select="f:format-iso($ns)"/>
      </xsl:when>
      <xsl:when test="not(f:is-day($os) and f:is-day($ns))">
        <xsl:sequence select="f:format-iso($first) || ' (' || f:format-iso($second) || ')'"/>
      </xsl:when>
      <xsl:when test="substring($os, 1, 7) = substring($ns, 1, 7)">
        <xsl:sequence select="f:day(substring($first, 9)) || ' (' || f:day(substring($second, 9)) || ') '
          || f:month(substring($ns, 6, 2)) || ' ' || f:year(substring($ns, 1, 4))"/>
      </xsl:when>
      <xsl:when test="substring($os, 1, 4) = substring($ns, 1, 4)">
        <xsl:sequence select="f:day(substring($first, 9)) || ' ' || f:month(substring($first, 6, 2)) || ' ('
          || f:day(substring($second, 9)) || ' ' || f:month(substring($second, 6, 2)) || ') ' || f:year(substring($ns, 1, 4))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:format-iso($first) || ' (' || f:format-iso($second) || ')'"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="f:is-julian" as="xs:boolean">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="exists($date/@when-custom) and
      (matches(string-join($date/(@datingMethod | @calendar), ' '), 'julian', 'i'))"/>
  </xsl:function>

  <!-- What a date element says, as a label: the dual date when it is Julian. -->
  <xsl:function name="f:date-label" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:choose>
      <xsl:when test="f:is-julian($date) and $date/@when">
        <xsl:sequence select="f:dual-date($date/@when-custom, $date/@when)"/>
      </xsl:when>
      <xsl:when test="f:is-julian($date)">
        <xsl:sequence select="f:format-iso($date/@when-custom) || ' (ancien style)'"/>
      </xsl:when>
      <xsl:when test="$date/@when">
        <xsl:sequence select="f:format-iso($date/@when)"/>
      </xsl:when>
      <xsl:when test="$date/@from and $date/@to">
        <xsl:sequence select="f:format-iso($date/@from) || ' – ' || f:format-iso($date/@to)"/>
      </xsl:when>
      <xsl:when test="normalize-space($date)">
        <xsl:sequence select="normalize-space($date)"/>
      </xsl:when>
      <xsl:when test="$date/@notBefore and $date/@notAfter">
        <xsl:sequence select="'entre ' || f:format-iso($date/@notBefore) || ' et ' || f:format-iso($date/@notAfter)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:format-iso(($date/@from, $date/@notBefore, $date/@to, $date/@notAfter)[1])"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The normalised value(s) of a date in the text, for its tooltip. -->
  <xsl:function name="f:date-title" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="gregorian" as="xs:string*">
      <xsl:choose>
        <xsl:when test="$date/@when">
          <xsl:sequence select="f:format-iso($date/@when)"/>
        </xsl:when>
        <xsl:when test="$date/@from or $date/@to">
          <xsl:sequence select="string-join(($date/@from ! ('de ' || f:format-iso(.)), $date/@to ! ('à ' || f:format-iso(.))), ' ')"/>
        </xsl:when>
        <xsl:when test="$date/@notBefore or $date/@notAfter">
          <xsl:sequence select="string-join(($date/@notBefore ! ('du ' || f:format-iso(.)), $date/@notAfter ! ('au ' || f:format-iso(.))), ' ')"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="if (f:is-julian($date))
      then f:format-iso($date/@when-custom) || ' (calendrier julien)' || (if (exists($gregorian)) then ' = ' || $gregorian || ' (calendrier grégorien)' else '')
      else string($gregorian)"/>
  </xsl:function>

  <!-- A valid HTML datetime value for a date element, or ''. -->
  <xsl:function name="f:datetime" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="w" select="normalize-space($date/@when)"/>
    <xsl:sequence select="if (matches($w, '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$')) then $w
      else if (matches($w, '^--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')) then substring($w, 3)
      else ''"/>
  </xsl:function>

</xsl:stylesheet>
