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
 * node draws (borders, backgrounds, ruled grids, boxes drawn on canvases) is an artifact.
 * A link annotation drawn inside an element gets a `Link` element of its own there (its
 * OBJR); a react-pdf <Link> is a `Link` element holding the text it covers. A form
 * field's widget is a `Form` element holding it.
 *
 * pdfkit (0.20) writes the tree: `struct`, `markStructureContent`, `markContent`.
 */

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
  struct(type: string, options?: Record<string, unknown>): PdfStructElement;
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
  /** The element of the text being drawn: a link drawn with its runs goes in it. */
  private text: PdfStructElement | undefined;

  /** `describeLink` says where a link goes, for its element's /Alt and its annotation's /Contents ("Go to page 51"). */
  constructor(
    private readonly ctx: TaggingContext,
    describeLink: (target: unknown) => string,
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
    const element = this.ctx.struct(role);
    this.addToOpen(element, role === 'TR' ? GROUPED_IN.TR : undefined);
    this.open.push({ element, role });
    return element;
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
    if (node.type !== 'TEXT') return node.type === 'CANVAS' || node.type === 'SVG' || node.type === 'IMAGE' ? this.asArtifact(draw) : draw();
    const role = (node.props?.tag as string | undefined) ?? 'P';
    if (role === 'Artifact') return this.asArtifact(draw);
    const [leaf, outer] = role === 'LI' ? this.listItem() : this.leaf(role);
    const marked = this.ctx.markStructureContent(role === 'LI' ? 'LBody' : role);
    leaf.add(marked);
    this.text = leaf;
    draw();
    this.text = undefined;
    this.ctx.endMarkedContent();
    leaf.end();
    if (outer !== leaf) outer.end();
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

  private leaf(role: string): [PdfStructElement, PdfStructElement] {
    const element = this.ctx.struct(role);
    this.addToOpen(element);
    return [element, element];
  }

  /** LI > LBody, in the list its consecutive siblings share. */
  private listItem(): [PdfStructElement, PdfStructElement] {
    const item = this.ctx.struct('LI');
    this.addToOpen(item, GROUPED_IN.LI);
    const body = this.ctx.struct('LBody');
    item.add(body);
    return [body, item];
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

  /** A link annotation's element: the open <Link>'s, or a Link of its own in the text or element being drawn. */
  private linkIn(where: string, annotate: (structParent: PdfStructElement) => unknown): unknown {
    if (this.text === undefined && this.current.role === 'Link') return annotate(this.current.element);
    const link = this.ctx.struct('Link', { alt: where });
    (this.text ?? this.current.element).add(link);
    const annotation = annotate(link);
    link.end();
    return annotation;
  }
}

const ARTIFACT = Symbol('artifact');
