<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "core" (TEI P5 §3): text nodes, highlighting and quotation, editorial interventions
  (choice, sic/corr, orig/reg, abbr/expan, add, del, gap, unclear, supplied), links, lists,
  line, page and column breaks, milestones, verse (lg, l), bibliographic references. Notes are in
  notes.xsl, names and dates in namesdates.xsl.

  The two views: content for one view only carries the class reading-only or source-only; line
  breaks are <br class="lb"/> and recorded hyphens <span class="lb-hyphen">, shown only in the
  source view (edition.css).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:h="urn:x-tei-edition:html"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- ===== Text ===== -->

  <!--
    French typography; a page break that falls inside a word is written before the word.
    The tunnel parameter french says whether the text is French (set where xml:lang changes).
    (Every text node comes here: most need neither, and are written without a parameter or a
    variable; white space alone never does.)
  -->
  <xsl:template match="text()">
    <xsl:choose>
      <!-- (Only the few texts that host a page break look further: most texts are not one.) -->
      <xsl:when test="$has-pb-in-word and exists($pb-hosts[. is current()])">
        <xsl:call-template name="text-hosting-page-break"/>
      </xsl:when>
      <xsl:when test="matches(., '[&#x80;-&#x9F;;:!?«»]')">
        <xsl:call-template name="typographic-text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="."/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="typographic-text">
    <xsl:param name="french" as="xs:boolean" tunnel="yes" select="$source-french"/>
    <xsl:value-of select="f:typo(h:displayable(.), $french)"/>
  </xsl:template>

  <xsl:template name="text-hosting-page-break">
    <xsl:param name="french" as="xs:boolean" tunnel="yes" select="$source-french"/>
    <xsl:variable name="text" select="if (matches(., '[&#x80;-&#x9F;;:!?«»]')) then f:typo(h:displayable(.), $french) else string(.)"/>
    <!-- The node right after this text (if it ends its parent: after the nearest ancestor that has a next sibling). -->
    <xsl:variable name="sibling" select="following-sibling::node()[1]"/>
    <xsl:variable name="next" select="if ($sibling) then $sibling
      else ancestor::*[following-sibling::node()[1]][1]/following-sibling::node()[1]"/>
    <xsl:variable name="self" select="."/>
    <xsl:variable name="pb" select="$next[self::tei:pb][h:pb-host(.) is $self]"/>
    <xsl:choose>
      <xsl:when test="exists($pb)">
        <xsl:variable name="space" select="'[\s&#xA0;&#x202F;]'"/>
        <xsl:variable name="word" select="if (matches($text, $space)) then replace($text, '^.*' || $space, '', 's') else $text"/>
        <xsl:value-of select="substring($text, 1, string-length($text) - string-length($word))"/>
        <xsl:apply-templates select="$pb" mode="page-marker"/>
        <xsl:value-of select="$word"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where the language changes, so may the typography (every mode: the rule then goes on as usual). -->
  <xsl:template match="*[@xml:lang]" mode="#all" priority="20">
    <xsl:next-match>
      <xsl:with-param name="french" select="f:is-french-code(@xml:lang)" tunnel="yes"/>
    </xsl:next-match>
  </xsl:template>

  <xsl:variable name="source-french" as="xs:boolean" select="f:is-french-code($source-lang)"/>
  <xsl:variable name="has-pb-in-word" as="xs:boolean" select="exists($pb-list[h:pb-in-word(.)])"/>
  <!-- The text nodes a page break inside a word is moved into. -->
  <xsl:variable name="pb-hosts" as="text()*" select="if ($has-pb-in-word) then $pb-list ! h:pb-host(.) else ()"/>

  <!-- Text in code-like elements keeps its characters. -->
  <xsl:template match="text()[parent::tei:formula or parent::tei:idno or parent::tei:code or parent::tei:email]">
    <xsl:value-of select="h:displayable(.)"/>
  </xsl:template>

  <!-- C1 control characters (U+0080–U+009F, left by a wrong decoding) are not allowed in HTML: shown as U+FFFD. -->
  <xsl:function name="h:displayable" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (matches($s, '[&#x80;-&#x9F;]')) then replace($s, '[&#x80;-&#x9F;]', '&#xFFFD;') else $s"/>
  </xsl:function>

  <!-- ===== Rendition: the tokens of ../../shared/rendition.xsl, as classes rend-<token> ===== -->

  <xsl:function name="h:rend-classes" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="f:rendition($el) ! ('rend-' || .)"/>
  </xsl:function>

  <!-- The HTML element for a highlighted phrase; hi with no rendition at all is in italics (as in print). -->
  <xsl:function name="h:hi-element" as="xs:string">
    <xsl:param name="hi" as="element()"/>
    <xsl:param name="tokens" as="xs:string*"/>
    <xsl:sequence select="
      if (empty($hi/(@rend | @rendition | @style))) then 'i'
      else if ($tokens = 'superscript') then 'sup'
      else if ($tokens = 'subscript') then 'sub'
      else if ($tokens = 'italic') then 'i'
      else if ($tokens = 'bold') then 'b'
      else if ($tokens = 'underline') then 'u'
      else if ($tokens = 'strike') then 's'
      else 'span'"/>
  </xsl:function>

  <!-- ===== Highlighting and quotation (§3.3) ===== -->

  <xsl:template match="tei:hi">
    <xsl:variable name="tokens" select="f:rendition(.)"/>
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="h:hi-element(., $tokens)"/>
      <xsl:with-param name="class" select="'hi'"/>
      <xsl:with-param name="rend-classes" select="$tokens ! ('rend-' || .)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:emph">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'em'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:term | tei:mentioned | tei:gloss">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="if (self::tei:gloss) then 'span' else 'i'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:distinct | tei:soCalled | tei:said">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Quotations: a block quotation where blocks are allowed; the marks are those of the text. -->
  <xsl:template match="tei:q | tei:quote">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="if ($phrasing) then 'span' else 'blockquote'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cit">
    <xsl:call-template name="block"/>
  </xsl:template>

  <!-- ===== Editorial interventions (§3.5) ===== -->

  <!--
    choice: the edited reading (corr, reg, expan) in the reading view, with the source reading as
    its tooltip (title, and a focusable span so keyboards get it too); the source reading (sic,
    orig, abbr) in the source view. Other choices: the first alternative, the others in the tooltip.
  -->
  <xsl:template match="tei:choice">
    <xsl:variable name="edited" select="(tei:corr, tei:reg, tei:expan)[1]"/>
    <xsl:variable name="original" select="(tei:sic, tei:orig, tei:abbr)[1]"/>
    <span class="choice">
      <xsl:choose>
        <xsl:when test="$edited and $original">
          <xsl:variable name="label" select="if ($original/self::tei:sic) then $L?source-reading
            else if ($original/self::tei:orig) then $L?source-form else $L?abbreviation"/>
          <xsl:apply-templates select="$edited" mode="choice">
            <xsl:with-param name="view" select="'reading-only'"/>
            <xsl:with-param name="title" select="h:ui($label || ' : ' || normalize-space($original))"/>
          </xsl:apply-templates>
          <xsl:apply-templates select="$original" mode="choice">
            <xsl:with-param name="view" select="'source-only'"/>
          </xsl:apply-templates>
          <xsl:apply-templates select="* except ($edited, $original)" mode="choice">
            <xsl:with-param name="view" select="'choice-alternative'"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="*[1]" mode="choice">
            <xsl:with-param name="view" select="''"/>
            <xsl:with-param name="title" select="string-join(*[position() gt 1] ! normalize-space(), ' | ')"/>
          </xsl:apply-templates>
          <xsl:apply-templates select="*[position() gt 1]" mode="choice">
            <xsl:with-param name="view" select="'choice-alternative'"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="*" mode="choice">
    <xsl:param name="view" as="xs:string"/>
    <xsl:param name="title" as="xs:string" select="''"/>
    <span>
      <xsl:sequence select="h:class(., (local-name(), $view[. ne ''], h:rend-classes(.)))"/>
      <xsl:if test="$title ne ''">
        <xsl:attribute name="title" select="$title"/>
        <xsl:attribute name="tabindex" select="0"/>
      </xsl:if>
      <xsl:sequence select="h:lang-attr(.)"/>
      <xsl:apply-templates>
        <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <xsl:template match="tei:sic | tei:corr | tei:orig | tei:reg | tei:abbr | tei:expan | tei:unclear | tei:ex | tei:am">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
      <xsl:with-param name="attributes" as="attribute()*">
        <xsl:if test="self::tei:unclear">
          <xsl:attribute name="title" select="$L?unclear"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <span>
      <xsl:sequence select="h:class(., ('supplied', h:rend-classes(.))), h:lang-attr(.)"/>
      <xsl:attribute name="title" select="$L?supplied"/>
      <span class="bracket">[</span>
      <xsl:apply-templates>
        <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <span class="bracket">]</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'ins'"/>
      <xsl:with-param name="attributes" as="attribute()*">
        <xsl:attribute name="title" select="$L?added"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:del">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'del'"/>
      <xsl:with-param name="attributes" as="attribute()*">
        <xsl:attribute name="title" select="$L?deleted"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:variable name="what" select="string-join((@reason, (@quantity, @extent)[1], @unit) ! normalize-space(), ' ')"/>
    <span class="gap" title="{h:ui($L?gap || (if ($what) then ' : ' || $what else ''))}">[…<xsl:for-each select="tei:desc"><xsl:text> </xsl:text><span class="gap-desc"><xsl:sequence select="h:lang-attr(.)"/><xsl:apply-templates/></span></xsl:for-each>]</span>
  </xsl:template>

  <!-- ===== Links (§3.7) ===== -->

  <!-- The address a TEI pointer resolves to on the site, or empty. -->
  <xsl:function name="h:link-href" as="xs:string?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="p" select="tokenize(normalize-space($pointer), ' ')[1]"/>
    <xsl:variable name="entry" select="if (contains($p, '#')) then f:register-entry($p, $context) else ()"/>
    <xsl:choose>
      <xsl:when test="starts-with($p, '#')">
        <xsl:variable name="target" select="key('xml-id', substring($p, 2), root($context))[1]"/>
        <!-- (In a split text, the anchor may be on another part's page.) -->
        <xsl:sequence select="if ($target and $target/root() is $source and h:html-id($target) ne '') then
          (if (exists($parts) and f:part-of($target, $parts) ne f:part-of($context, $parts)) then f:href-of($page-text-id, $target, $parts, h:html-id($target))
          else '#' || h:html-id($target)) else ()"/>
      </xsl:when>
      <xsl:when test="$entry and h:register-page($entry) ne ''">
        <xsl:sequence select="h:register-page($entry) || '#' || $entry/@xml:id"/>
      </xsl:when>
      <xsl:when test="$entry">
        <xsl:sequence select="()"/>
      </xsl:when>
      <xsl:when test="replace(substring-before($p || '#', '#'), '\.xml$', '') = $text-ids">
        <xsl:sequence select="replace(substring-before($p || '#', '#'), '\.xml$', '') || '.html'
          || (substring-after($p, '#')[. ne ''] ! ('#tei-' || h:token(.)))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="h:safe-href($p)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A link where the pointer resolves on the site (never inside another link or around a note); ptr shows its target. -->
  <xsl:template match="tei:ref | tei:ptr">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="href" select="h:link-href(@target, .)"/>
    <xsl:choose>
      <xsl:when test="exists($href) and not($in-link) and empty(descendant::tei:note)">
        <a href="{$href}">
          <xsl:sequence select="h:class(., (local-name(), h:rend-classes(.))), h:lang-attr(.)"/>
          <xsl:apply-templates>
            <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
            <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:if test="not(node())">
            <xsl:value-of select="@target"/>
          </xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="block">
          <xsl:with-param name="name" select="'span'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Lists (§3.8): labels go into the item they label; other nodes into the next item ===== -->

  <xsl:template match="tei:list | tei:listBibl">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="ordered" select="@type = ('ordered', 'numbered') or f:rend-keywords(.) = ('numbered', 'ordered', 'decimal', 'arabic')"/>
    <xsl:apply-templates select="tei:head"/>
    <xsl:element name="{if ($phrasing) then 'span' else if ($ordered) then 'ol' else 'ul'}">
      <xsl:if test="not($copy) and h:html-id(.) ne ''">
        <xsl:attribute name="id" select="h:html-id(.)"/>
      </xsl:if>
      <xsl:sequence select="h:class(., (local-name(), h:rend-classes(.))), h:lang-attr(.)"/>
      <xsl:for-each-group select="node() except tei:head" group-ending-with="tei:item | tei:bibl | tei:biblStruct | tei:listBibl | tei:list[parent::tei:listBibl]">
        <xsl:if test="current-group()[self::* or normalize-space()]">
          <xsl:variable name="item" select="current-group()[self::tei:item][1]"/>
          <xsl:element name="{if ($phrasing) then 'span' else 'li'}">
            <xsl:if test="$item and not($copy) and h:html-id($item) ne ''">
              <xsl:attribute name="id" select="h:html-id($item)"/>
            </xsl:if>
            <xsl:attribute name="class" select="'item'"/>
            <xsl:sequence select="$item ! h:lang-attr(.)"/>
            <xsl:apply-templates select="current-group()" mode="list-member">
              <xsl:with-param name="phrasing" select="$phrasing" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:element>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:element>
  </xsl:template>

  <!-- Inside a list item: the item's own content, labels as spans. -->
  <xsl:template match="tei:item" mode="list-member">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="node()" mode="list-member">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="tei:label">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
    </xsl:call-template>
    <xsl:if test="parent::tei:list">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- An item outside a list (rare): a block. -->
  <xsl:template match="tei:item">
    <xsl:call-template name="block"/>
  </xsl:template>

  <!-- ===== Line, page and column breaks (§3.11.3) ===== -->

  <!--
    lb: a line break of the source, shown in the source view only. break="no" joins the words in
    the reading view; rend="hyphen" (or a hyphen recorded in @rend/@type) is the hyphen printed
    at the line end, shown in the source view. The first break of a block opens the block and is
    not written; breaks between blocks are not either.
  -->
  <xsl:template match="tei:lb">
    <xsl:variable name="before" select="preceding-sibling::node()[1]"/>
    <xsl:choose>
      <!--
        (Most breaks of a text: in a paragraph, nothing recorded on the break, right after a line of
        text that ends with white space. The rule line-break gives the same, at a higher cost.)
      -->
      <xsl:when test="parent::tei:p and empty(@break | @rend | @type) and $before instance of text() and matches($before, '\S\s+$')">
        <br class="lb"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="line-break">
          <xsl:with-param name="before" select="$before"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="line-break">
    <xsl:param name="before" as="node()?"/>
    <xsl:if test="(@rend or @type) and contains(lower-case(string-join((@rend, @type), ' ')), 'hyphen')">
      <span class="lb-hyphen">-</span>
    </xsl:if>
    <!--
      (A break right after text is not the first of its block; empty() stops at the nearest lb
      before, so only the first lb of its parent looks further back.)
    -->
    <xsl:variable name="opens-block" select="not($before/self::text()[normalize-space()]) and empty(preceding-sibling::tei:lb) and
      empty(preceding-sibling::node()[self::* or normalize-space()][not(self::tei:pb or self::tei:fw)])"/>
    <xsl:if test="not($opens-block) and exists(parent::*[not(self::tei:div or self::tei:div1 or self::tei:div2
      or self::tei:div3 or self::tei:div4 or self::tei:body or self::tei:front or self::tei:back or self::tei:text
      or self::tei:group or self::tei:list or self::tei:lg or self::tei:table or self::tei:row)])">
      <br class="lb"/>
      <!-- A break between words written without spaces around it still separates the words. -->
      <xsl:if test="not(@break = 'no')">
        <xsl:variable name="after" select="following-sibling::node()[1]"/>
        <xsl:variable name="text-before" select="if ($before/self::text()) then $before else h:skip-breaks($before, false())"/>
        <xsl:variable name="text-after" select="if ($after/self::text()) then $after else h:skip-breaks($after, true())"/>
        <xsl:if test="not($text-before/self::text()[matches(., '\s$')]) and not($text-after/self::text()[matches(., '^\s')])">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The nearest sibling that is not a page, column break, forme work or anchor (looking two nodes away at most). -->
  <xsl:function name="h:skip-breaks" as="node()?">
    <xsl:param name="node" as="node()?"/>
    <xsl:param name="forward" as="xs:boolean"/>
    <xsl:variable name="skip" select="$node[self::tei:pb or self::tei:fw or self::tei:cb or self::tei:anchor or self::tei:milestone]"/>
    <xsl:sequence select="if (empty($skip)) then $node
      else if ($forward) then $skip/following-sibling::node()[1] else $skip/preceding-sibling::node()[1]"/>
  </xsl:function>

  <!-- A page break inside a word: break="no", or next to a line break inside a word. -->
  <xsl:function name="h:pb-in-word" as="xs:boolean">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="$pb/@break = 'no'
      or exists($pb/following-sibling::node()[1][self::tei:lb[@break = 'no']])
      or exists($pb/preceding-sibling::node()[1][self::tei:lb[@break = 'no']])"/>
  </xsl:function>

  <!--
    The text node a page break inside a word is moved into (its marker goes before the word):
    the text just before the break (the previous sibling, or the last text of the previous
    sibling element), in the same note, choice or forme work as the break. Siblings only: the
    preceding axis costs too much on large documents.
  -->
  <xsl:function name="h:pb-host" as="text()?">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="before" select="$pb/preceding-sibling::node()[1]"/>
    <xsl:variable name="t" select="if ($before/self::text()) then $before else ($before/descendant::text())[last()]"/>
    <xsl:sequence select="$t[normalize-space()][h:pb-in-word($pb)]
      [empty(ancestor::*[self::tei:note or self::tei:choice or self::tei:fw or self::tei:app or self::tei:subst
        or self::tei:del or self::tei:teiHeader or self::tei:figDesc] except $pb/ancestor::*)]"/>
  </xsl:function>

  <xsl:template match="tei:pb">
    <xsl:if test="empty(h:pb-host(.))">
      <xsl:apply-templates select="." mode="page-marker"/>
    </xsl:if>
  </xsl:template>

  <!-- The page marker [p. N] (in the margin, edition.css). -->
  <xsl:template match="tei:pb" mode="page-marker">
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <span class="pb">
      <xsl:if test="not($copy) and h:html-id(.) ne ''">
        <xsl:attribute name="id" select="h:html-id(.)"/>
      </xsl:if>
      <xsl:if test="@ed">
        <xsl:attribute name="data-ed" select="@ed"/>
      </xsl:if>
      <xsl:variable name="facs" select="if (@facs) then h:facs-href(.) else ()"/>
      <xsl:choose>
        <xsl:when test="exists($facs) and not($in-link)">
          <a class="pb-facs" href="{$facs}" title="{$L?page-image}">[{$L?page}&#xA0;{(normalize-space(@n)[. ne ''], '–')[1]}]</a>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>[{$L?page}&#xA0;{(normalize-space(@n)[. ne ''], '–')[1]}]</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!--
    The page image of a page break (@facs): the site's copy of a local file (the parameter
    local-images, src/publish/edition/local-images.ts), a web address, or a relative path resolved against
    the TEI file when that is on the web; @facs may point to a surface or graphic of the document
    (#id, or a bare id as some projects write it), whose graphic is then the image. Empty when
    there is none: a link to a file of the machine that built the site would not work once published.
  -->
  <xsl:function name="h:facs-href" as="xs:string?">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="facs" select="tokenize(normalize-space($pb/@facs), ' ')[1]"/>
    <xsl:variable name="target" select="if (starts-with($facs, '#')) then key('xml-id', substring($facs, 2), root($pb))[1]
      else if (matches($facs, '^[\i][\c]*$') and not(contains($facs, ':'))) then key('xml-id', $facs, root($pb))[1] else ()"/>
    <xsl:variable name="address" select="normalize-space(if ($target) then ($target/descendant-or-self::tei:graphic/@url)[1] else $facs)"/>
    <xsl:variable name="base" select="string(base-uri($pb))"/>
    <xsl:sequence select="
      if ($address = '' or starts-with($address, '#')) then ()
      else if (f:local-image($address) ne '') then f:local-image($address)
      else if (matches($address, '^https?://', 'i')) then h:safe-href($address)
      else if (matches($address, '^[^/?#]*:')) then ()
      else if (matches($base, '^https?://', 'i') and not(contains($address, ' '))) then h:safe-href(string(resolve-uri($address, $base)))
      else ()"/>
  </xsl:function>

  <xsl:template match="tei:cb">
    <xsl:if test="@n">
      <span class="cb">[col.&#xA0;{normalize-space(@n)}]</span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:milestone">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="f:rend-keywords(.) = ('hr', 'line', 'rule') and not($phrasing)">
        <hr class="milestone"/>
      </xsl:when>
      <xsl:when test="f:rend-keywords(.) = ('hr', 'line', 'rule', 'asterisk', 'stars', 'asterism')">
        <span class="milestone" role="separator">* * *</span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Verse (§3.13) ===== -->

  <xsl:template match="tei:lg">
    <xsl:call-template name="block"/>
  </xsl:template>

  <xsl:template match="tei:l">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
      <xsl:with-param name="class" select="('l', @n ! 'numbered')"/>
      <xsl:with-param name="attributes" as="attribute()*">
        <xsl:if test="@n">
          <xsl:attribute name="data-n" select="@n"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== Bibliographic references (§3.12) ===== -->

  <xsl:template match="tei:bibl | tei:biblStruct">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="if (parent::tei:cit or parent::tei:listBibl or parent::*[self::tei:div or self::tei:body or self::tei:back or self::tei:front]) then 'p' else 'span'"/>
      <xsl:with-param name="class" select="'bibl'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:address">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
