/**
 * The structure tree of a tagged PDF (PDF/UA-1, ISO 14289), built as react-pdf draws the
 * laid-out tree: the render patch (react-pdf-render.patch) calls `enter` and `leave`
 * around each node, `decoration` around its background and borders and `content` around
 * what it draws itself. So the tree follows the laid-out tree, in the order a page is
 * drawn, which is the order a page is read: prep-pack places nothing out of flow but the
 * running header and footer, which are artifacts.
 *
 * A node says what it is with a `tag` prop (`tagProps`): a painted paragraph is a `P`
 * unless it says `H1`…`H3`, `LI` (a list item: consecutive items in one parent are one
 * `L`), `TH`/`TD` (a table cell) or `Artifact`; a View may be a container (`Sect`, `L`,
 * `Table`, `TR`: consecutive rows in one parent are one `Table`).
 * Each sheet with an outline item opens a `Sect` under the `Document`. Everything else a
 * node draws (borders, backgrounds, ruled grids, boxes drawn on canvases) is an artifact;
 * a ruled grid to fill in by hand (`tableCells`) is an artifact too, followed by a `TR`
 * of empty `TD`s per row, in the table its header row starts (a cell with a drawn tick
 * says so in its `/Alt`).
 *
 * Text is marked run by run (the render patch calls `run` around each run and
 * `runDecoration` around what is drawn with the runs), each run's glyphs in the marked
 * content of the element it belongs to: the words in the text's element, a list item's
 * marker (a run with the role `Lbl`, pdf-text-lines.ts) in the item's `Lbl` and the rest
 * in its `LBody`, a linked run in a `Link` element inside the text's, which holds both the
 * words (MCID) and the link annotation (OBJR). Dot leaders (runs with the role
 * `Artifact`), shades behind runs, underlines, ruled writing lines and tick boxes drawn
 * with the text are artifacts between the text's marked-content sequences (never inside
 * them: PDF/UA-1 forbids artifacts inside tagged content). A new sequence starts only where
 * what is drawn changes element. A react-pdf <Link> is a `Link` element holding the text
 * it covers. A form field's widget is a `Form` element holding it. A text drawn with
 * letter-spacing carries `/ActualText` (`actualText` prop): its words, which a reader
 * would otherwise get letter by letter.
 *
 * pdfkit (0.20) writes the tree: `struct`, `markStructureContent`, `markContent`.
 */

/**
 * False when PREP_PACK_UNTAGGED=1: the engine then builds the same PDF without tagging (no
 * structure tree, no marked content, not marked tagged), for one purpose only: measuring
 * what tagging costs (`npm run bench`; issue 15 holds it to 10 % of a build's time). Read
 * here and nowhere else; a batch counts it among a pack's inputs, so that an untagged
 * build is never kept as an unchanged tagged one. Read for each build, from that build's
 * environment: a build worker (src/workers/) runs builds with the environments they bring.
 */
export function buildsTagged(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PREP_PACK_UNTAGGED !== '1';
}

export type StructureRole = 'Sect' | 'Div' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD' | 'Form' | 'Link' | 'Artifact';

/** Spread onto a node (a <View>, or the Canvas of a painted paragraph) to give it its role. */
export function tagProps(tag: StructureRole | undefined): object {
  return tag ? { tag } : {};
}

interface PdfStructElement {
  add(child: unknown): PdfStructElement;
  end(): void;
}

type LinkMethod = (x: number, y: number, width: number, height: number, target: unknown, options?: Record<string, unknown>) => unknown;

/** What the tree needs of pdfkit's document. */
export interface TaggingContext {
  /** `children` given: the element is ended with them (an empty TD: `[]`). */
  struct(type: string, options?: Record<string, unknown> | unknown[], children?: unknown[]): PdfStructElement;
  addStructure(element: PdfStructElement): unknown;
  markContent(tag: string, options?: Record<string, unknown> | null): unknown;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): unknown;
  goTo: LinkMethod;
  link: LinkMethod;
  annotate(x: number, y: number, width: number, height: number, options: Record<string, unknown>): unknown;
}

interface DrawnNode {
  type: string;
  props?: Record<string, unknown>;
  style?: Record<string, unknown>;
  box?: { height: number };
}

/** An open element, and the list or table its last children formed (consecutive `LI` paragraphs, `TR` rows). */
interface Open {
  element: PdfStructElement;
  role: string;
  group?: { role: 'L' | 'Table'; element: PdfStructElement };
}

/** Roles of painted text: an element holding the text itself (a table cell too). */
const TEXT_ROLES = new Set(['H1', 'H2', 'H3', 'P', 'LI', 'Lbl', 'TH', 'TD', 'Artifact']);
/** What consecutive siblings of a role are grouped in. */
const GROUPED_IN = { LI: 'L', TR: 'Table' } as const;
const DECORATION_STYLES = ['backgroundColor', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth'];

export class StructureTree {
  private readonly open: Open[] = [];
  /** Inside an artifact (a node tagged `Artifact` and everything in it). */
  private artifactDepth = 0;
  /** The text node being drawn, run by run. */
  private text: DrawnText | undefined;
  /** The Link element of the linked run being drawn: its annotation goes in it. */
  private runLink: PdfStructElement | undefined;

  /** `describeLink` says where a link goes, for its element's /Alt and its annotation's /Contents ("Go to page 51"). */
  constructor(
    private readonly ctx: TaggingContext,
    private readonly describeLink: (target: unknown) => string,
  ) {
    const document = ctx.struct('Document');
    ctx.addStructure(document);
    this.open.push({ element: document, role: 'Document' });
    for (const method of ['goTo', 'link'] as const) {
      const draw = ctx[method].bind(ctx);
      ctx[method] = (x, y, width, height, target, options = {}) => {
        const where = describeLink(target);
        return this.linkIn(where, (structParent) => draw(x, y, width, height, target, { ...options, structParent, Contents: new String(where) }));
      };
    }
    // A form field's widget (src/forms/) is a Form element where it is drawn; its tooltip (TU) names it.
    const annotate = ctx.annotate.bind(ctx);
    ctx.annotate = (x, y, width, height, options) => {
      if (options.Subtype !== 'Widget' || options.structParent !== undefined) return annotate(x, y, width, height, options);
      const form = this.ctx.struct('Form');
      this.addToOpen(form);
      const widget = annotate(x, y, width, height, { ...options, structParent: form });
      form.end();
      return widget;
    };
  }

  enter(_ctx: unknown, node: DrawnNode): unknown {
    if (node.type === 'PAGE') {
      // A sheet with an outline item opens a section; the sheets it runs over onto continue it.
      if (node.props?.bookmark) this.openSection();
      return undefined;
    }
    const tag = node.props?.tag as string | undefined;
    if (tag === 'Artifact' && node.type !== 'TEXT') {
      if (this.artifactDepth++ === 0) this.ctx.markContent('Artifact');
      return ARTIFACT;
    }
    if (this.artifactDepth > 0) return undefined;
    const role = node.type === 'LINK' ? 'Link' : tag !== undefined && !TEXT_ROLES.has(tag) ? tag : undefined;
    if (!role) return undefined;
    const element = this.ctx.struct(role, role === 'Link' ? this.linkAlt(node) : {});
    this.addToOpen(element, role === 'TR' ? GROUPED_IN.TR : undefined);
    this.open.push({ element, role });
    return element;
  }

  /** A react-pdf <Link>'s element says where it goes, as a link drawn with a run does. */
  private linkAlt(node: DrawnNode): Record<string, unknown> {
    const href = node.props?.src ?? node.props?.href;
    if (typeof href !== 'string') return {};
    return { alt: this.describeLink(linkTarget(href)) };
  }

  leave(_ctx: unknown, _node: DrawnNode, entered: unknown): void {
    if (entered === ARTIFACT) {
      if (--this.artifactDepth === 0) this.ctx.endMarkedContent();
      return;
    }
    if (entered === undefined) return;
    const closed = this.open.pop()!;
    this.endGroup(closed);
    closed.element.end();
  }

  /** A node's background and borders: decoration. */
  decoration(_ctx: unknown, node: DrawnNode, draw: () => void): void {
    const decorated = this.artifactDepth === 0 && DECORATION_STYLES.some((key) => Boolean(node.style?.[key]));
    if (decorated) this.asArtifact(draw);
    else draw();
  }

  /** What a node draws itself: text is the content of its element; whatever a canvas paints is decoration. */
  content(_ctx: unknown, node: DrawnNode, draw: () => void): void {
    if (this.artifactDepth > 0 || node.type === 'LINK') return draw();
    if (node.type !== 'TEXT') {
      if (node.type !== 'CANVAS' && node.type !== 'SVG' && node.type !== 'IMAGE') return draw();
      this.asArtifact(draw);
      const cells = node.props?.tableCells as TableCells | undefined;
      if (cells) this.emptyRows(cells(node.box?.height ?? 0));
      return;
    }
    const role = (node.props?.tag as string | undefined) ?? 'P';
    if (role === 'Artifact') return this.asArtifact(draw);
    const actual = node.props?.actualText as string | undefined;
    const text: DrawnText = role === 'LI' ? new DrawnListItem(this, actual) : new DrawnText(this, role, actual);
    this.text = text;
    draw();
    this.text = undefined;
    text.end();
  }

  /** A run of the text being drawn, in the marked content of the element it belongs to. */
  run(_ctx: unknown, run: DrawnRun, draw: () => void): void {
    const text = this.text;
    if (!text) return draw();
    const { role, link } = run.attributes;
    if (role === 'Artifact') {
      text.markAsArtifact();
      return draw();
    }
    if (role === 'Lbl') {
      text.markAs(text.label());
      return draw();
    }
    if (!link) {
      text.markAs(text.body());
      return draw();
    }
    const element = text.link(link, () => this.describeLink(linkTarget(link)));
    text.markAs(element);
    this.runLink = element.element;
    draw();
    this.runLink = undefined;
  }

  /** What is drawn with the runs of a text but is none of its words (shades, underlines, ruled lines, tick boxes): an artifact. */
  runDecoration(_ctx: unknown, draw: () => void): void {
    this.text?.markAsArtifact();
    draw();
  }

  /** Ends every open element: the document is drawn. */
  finish(): void {
    while (this.open.length > 0) this.close();
  }

  private close(): void {
    const closed = this.open.pop()!;
    this.endGroup(closed);
    closed.element.end();
  }

  private openSection(): void {
    while (this.open.length > 1) this.close();
    const section = this.ctx.struct('Sect');
    this.addToOpen(section);
    this.open.push({ element: section, role: 'Sect' });
  }

  private get current(): Open {
    return this.open[this.open.length - 1]!;
  }

  /**
   * Adds an element to the open one, or to the list or table it is an item or row of (`in`):
   * anything else ends the list or table before it.
   */
  private addToOpen(element: PdfStructElement, into?: 'L' | 'Table'): void {
    const current = this.current;
    if (current.group && current.group.role !== into) this.endGroup(current);
    if (!into) {
      current.element.add(element);
      return;
    }
    if (!current.group) {
      current.group = { role: into, element: this.ctx.struct(into) };
      current.element.add(current.group.element);
    }
    current.group.element.add(element);
  }

  /** Adds a text's element where the text is drawn (an `LI` in the list its consecutive siblings share). */
  addText(element: PdfStructElement, role: string): void {
    this.addToOpen(element, role === 'LI' ? GROUPED_IN.LI : undefined);
  }

  struct(role: string, options?: Record<string, unknown>): PdfStructElement {
    return this.ctx.struct(role, options);
  }

  /** Starts marked content for `element`, or an artifact: what a text draws from here on. */
  beginMarked(target: Marked | typeof ARTIFACT): void {
    if (target === ARTIFACT) this.ctx.markContent('Artifact');
    else target.element.add(this.ctx.markStructureContent(target.role));
  }

  endMarked(): void {
    this.ctx.endMarkedContent();
  }

  /** A grid's rows (after its ruling, an artifact): a TR of empty TDs each, in the table the rows before it started. */
  private emptyRows({ rows, columns, marked }: ReturnType<TableCells>): void {
    for (let row = 0; row < rows; row += 1) {
      const tr = this.ctx.struct('TR');
      this.addToOpen(tr, GROUPED_IN.TR);
      for (let column = 0; column < columns; column += 1) tr.add(this.ctx.struct('TD', marked?.cells.has(cellKey(row, column)) ? { alt: marked.says } : {}, []));
      tr.end();
    }
  }

  private endGroup(open: Open): void {
    open.group?.element.end();
    delete open.group;
  }

  private asArtifact(draw: () => void): void {
    this.ctx.markContent('Artifact');
    draw();
    this.ctx.endMarkedContent();
  }

  /** A link annotation's element: the linked run's, the open <Link>'s, or a Link of its own in the element being drawn. */
  private linkIn(where: string, annotate: (structParent: PdfStructElement) => unknown): unknown {
    if (this.runLink) return annotate(this.runLink);
    if (this.current.role === 'Link') return annotate(this.current.element);
    const link = this.ctx.struct('Link', { alt: where });
    this.current.element.add(link);
    const annotation = annotate(link);
    link.end();
    return annotation;
  }
}

/** An element that marked content is added to, and the tag its sequences get. */
interface Marked {
  element: PdfStructElement;
  role: string;
}

/**
 * The rows and columns of a ruled grid, given the height its sheet's filling gave it (Grid.tsx): its empty
 * cells, but for the ones holding a drawn mark (a story's tick), which say so (`/Alt`).
 */
export type TableCells = (height: number) => { rows: number; columns: number; marked?: { cells: ReadonlySet<string>; says: string } };

/** A cell's key in `TableCells`' marked cells. */
export const cellKey = (row: number, column: number) => `${row}:${column}`;

interface DrawnRun {
  attributes: { role?: string; link?: string };
}

/**
 * A text node as it is drawn, run by run: its element, made at its first word (a text of
 * nothing but decoration adds no empty element), the Link elements of its linked runs,
 * and the marked-content sequence open now.
 */
class DrawnText {
  private marked: Marked | typeof ARTIFACT | undefined;
  private words: Marked | undefined;
  /** The Link of the last run, if it was linked: the next run with the same link continues it (a link broken over two lines). */
  private lastLink: { href: string; marked: Marked } | undefined;
  private readonly links: PdfStructElement[] = [];

  constructor(
    protected readonly tree: StructureTree,
    private readonly role: string,
    private readonly actual: string | undefined,
  ) {}

  body(): Marked {
    if (!this.words) {
      const element = this.tree.struct(this.role, this.actual ? { actual: this.actual } : {});
      this.place(element);
      this.words = { element, role: this.role };
    }
    return this.words;
  }

  /** A list item's marker: only an LI has one; elsewhere a run marked `Lbl` is words. */
  label(): Marked {
    return this.body();
  }

  link(href: string, describe: () => string): Marked {
    if (this.lastLink?.href === href) return this.lastLink.marked;
    const element = this.tree.struct('Link', { alt: describe() });
    this.body().element.add(element);
    const marked = { element, role: 'Link' };
    this.links.push(element);
    this.lastLink = { href, marked };
    return marked;
  }

  markAs(target: Marked): void {
    if (target.role !== 'Link') this.lastLink = undefined;
    if (this.marked === target) return;
    if (this.marked !== undefined) this.tree.endMarked();
    this.tree.beginMarked(target);
    this.marked = target;
  }

  markAsArtifact(): void {
    if (this.marked === ARTIFACT) return;
    if (this.marked !== undefined) this.tree.endMarked();
    this.tree.beginMarked(ARTIFACT);
    this.marked = ARTIFACT;
  }

  end(): void {
    if (this.marked !== undefined) this.tree.endMarked();
    for (const link of this.links) link.end();
    this.endElements();
  }

  /** Puts the text's element where the text is drawn. */
  protected place(element: PdfStructElement): void {
    this.tree.addText(element, this.role);
  }

  protected endElements(): void {
    this.words?.element.end();
  }
}

/** A list item: LI > Lbl (its marker), LBody (its words), each made when first drawn into. */
class DrawnListItem extends DrawnText {
  private item: PdfStructElement | undefined;
  private marker: Marked | undefined;

  constructor(tree: StructureTree, actual: string | undefined) {
    super(tree, 'LBody', actual);
  }

  override label(): Marked {
    if (!this.marker) {
      const element = this.tree.struct('Lbl');
      this.listItem().add(element);
      this.marker = { element, role: 'Lbl' };
    }
    return this.marker;
  }

  protected override place(element: PdfStructElement): void {
    this.listItem().add(element);
  }

  protected override endElements(): void {
    this.marker?.element.end();
    super.endElements();
    this.item?.end();
  }

  private listItem(): PdfStructElement {
    if (!this.item) {
      this.item = this.tree.struct('LI');
      this.tree.addText(this.item, 'LI');
    }
    return this.item;
  }
}

const ARTIFACT = Symbol('artifact');

/** What a link on a run or a <Link> goes to, as react-pdf passes it to pdfkit: `#id` is the named destination `id`. */
const linkTarget = (href: string) => (href.startsWith('#') ? href.slice(1) : href);
