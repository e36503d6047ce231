/**
 * §5 and portal.md "Case bodies are rendered through an allowlist": a case body may hold
 * nothing that runs code, loads from another host or embeds an object.
 *
 * One allowlist (`caseBodySchema`, for hast-util-sanitize) serves twice: the check below
 * parses the body the way Astro's Markdown pipeline does (remark + GFM, raw HTML kept and
 * parsed by rehype-raw) and rejects the case when the sanitizer would remove anything; the
 * same schema runs in that pipeline (`caseBodyRehypePlugins`, astro.config.mjs), so what
 * renders is what was checked.
 */
import type { Element, Nodes, Root } from 'hast';
import GithubSlugger from 'github-slugger';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import { TEXT_BREAKS } from '../html.ts';
import { attachmentKey } from '../identifiers/attachments.ts';
import { attachmentUrl } from '../site/kinds.ts';

/**
 * An image may only show a file of the export's attachments/ folder (§5, like `cover`):
 * a relative path, no scheme, host, query, backslash, white space or dot segment (also
 * percent-encoded), which browsers would resolve elsewhere.
 */
const ATTACHMENT_IMAGE = /^(?!.*\/(?:\.|%2e))attachments\/[^\\:?#\s\x00-\x1f]+$/i;

/** GitHub's allowlist, narrowed to what a case needs and nothing that loads from elsewhere. */
const caseBodySchema: Schema = {
  ...defaultSchema,
  // <picture>/<source srcset> would load images from any host; <input> (GFM task lists)
  // would be an unlabelled form control (WCAG 1.3.1); <tt> and <strike> are obsolete, so the
  // page would not be valid HTML (<code> and <s> or <del> say the same).
  tagNames: defaultSchema.tagNames!.filter((tag) => !['picture', 'source', 'input', 'tt', 'strike'].includes(tag)),
  attributes: {
    ...defaultSchema.attributes,
    // tabindex and accesskey would take over the page's keyboard order and shortcuts.
    '*': defaultSchema.attributes!['*']!.filter((name) => name !== 'tabIndex' && name !== 'accessKey'),
    img: ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', ['src', ATTACHMENT_IMAGE]],
  },
  // Links: http(s), mailto, tel; relative links and anchors have no scheme and pass.
  protocols: { href: ['http', 'https', 'mailto', 'tel'], cite: ['http', 'https'] },
  // Dropped with their content when rendering (never shown as text).
  strip: ['script', 'style'],
  // A list item or a term outside its list is invalid HTML (the page must be valid, portal.md).
  ancestors: { ...defaultSchema.ancestors, li: ['ol', 'ul'], dt: ['dl'], dd: ['dl'] },
};

/**
 * The file of attachments/ an image's address names: an address, so each part percent-decoded, as
 * a browser and a server read it (Markdown writes ![](attachments/cases/封面.png) as
 * …/%E5%B0%81%E9%9D%A2.png, and `a%20c.png` asks for `a c.png`). Undefined when a part does not
 * decode, or decodes to a folder separator.
 */
export function imageFile(src: string): string | undefined {
  try {
    const parts = src.split('/').map(decodeURIComponent);
    return parts.some((part) => /[\\/]/.test(part)) ? undefined : parts.join('/');
  } catch {
    return undefined;
  }
}

/** Renders `attachments/…` image paths at the address where the site publishes their file (attachmentUrl). */
function publishedAttachmentImages() {
  return (tree: Root) => {
    const visit = (node: Nodes) => {
      if (node.type === 'element' && node.tagName === 'img' && typeof node.properties.src === 'string' && ATTACHMENT_IMAGE.test(node.properties.src)) {
        const file = imageFile(node.properties.src);
        if (file) node.properties.src = attachmentUrl(attachmentKey(file));
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}

/**
 * Gives every heading its anchor, slugged as GitHub and Astro do, behind the same prefix as the
 * ids the allowlist keeps: Astro would give `## main` the id "main", the page's own <main>,
 * and a case could take any other id of the page (a duplicate id, and a broken skip link).
 * A link of the body to one of its own anchors (`[上文](#主要做法)`) is pointed at the prefixed
 * id, which GitHub does with a script and a page without script must do in its markup.
 */
function userContentAnchors() {
  const prefix = caseBodySchema.clobberPrefix!;
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    const ids = new Set<string>();
    const links: Element[] = [];
    const text = (node: Nodes): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '');
    // The ids the body gives itself (`<a id="做法">`), which no heading's may repeat: `## 做法` then takes 做法-1.
    const given = new Set<string>();
    const collect = (node: Nodes) => {
      if (node.type === 'element' && typeof node.properties.id === 'string') given.add(node.properties.id);
      if ('children' in node) for (const child of node.children) collect(child);
    };
    collect(tree);
    const headingId = (node: Element) => {
      let id: string;
      do id = `${prefix}${slugger.slug(text(node))}`;
      while (given.has(id));
      return id;
    };
    const visit = (node: Nodes) => {
      if (node.type === 'element') {
        if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id !== 'string') node.properties.id = headingId(node);
        if (typeof node.properties.id === 'string') ids.add(node.properties.id);
        if (node.tagName === 'a' && typeof node.properties.href === 'string' && node.properties.href.startsWith('#')) links.push(node);
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
    for (const a of links) {
      const href = a.properties.href as string;
      let fragment: string;
      try {
        fragment = decodeURIComponent(href.slice(1));
      } catch {
        continue; // not a fragment anything can have
      }
      if (ids.has(`${prefix}${fragment}`)) a.properties.href = `#${prefix}${href.slice(1)}`;
    }
  };
}

/**
 * Puts each table in a box that scrolls sideways, as the site's data tables are (site.css
 * .prose-table): on a phone a wide table would otherwise squeeze its figures until 92.4% wraps.
 * The box can take focus, so that it scrolls by keyboard, and is a region named by its number,
 * each region's name being unique. After the allowlist, which drops every tabindex of the body.
 */
function scrollableTables() {
  return (tree: Root) => {
    let n = 0;
    const visit = (node: Root | Element) => {
      node.children.forEach((child, i) => {
        if (child.type !== 'element') return;
        if (child.tagName !== 'table') return visit(child);
        node.children[i] = { type: 'element', tagName: 'div', properties: { className: ['prose-table'], role: 'region', ariaLabel: `表格${++n}`, tabIndex: 0 }, children: [child] };
      });
    };
    visit(tree);
  };
}

/** Astro's Markdown pipeline: raw HTML parsed, then the same allowlist (astro.config.mjs). */
export const caseBodyRehypePlugins: (Plugin<any[], Root> | [Plugin<any[], Root>, Schema])[] = [rehypeRaw, [rehypeSanitize, caseBodySchema], publishedAttachmentImages, userContentAnchors, scrollableTables];

/** Markdown as Astro's unified processor parses it (GFM on, raw HTML parsed into elements). */
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

const MDX_ESM = /^\s*(import|export)\s/;
/** Far beyond any real case (a long one is a few thousand characters); parsing cost grows faster than length. */
const MAX_BODY_CHARS = 100_000;
/**
 * Far beyond any real case too (a quote of a list of a list of emphasised links is about ten).
 * A fixed bound, not the stack: a body this check could still parse with the stack it had
 * (`>` 1,500 times) overflowed Astro's renderer, which had less, and failed the build.
 */
const MAX_DEPTH = 64;

export interface BodyProblem {
  /** Line in the body, from 0. */
  offsetLine: number;
  message: string;
}

export interface CaseBodyCheck {
  problems: BodyProblem[];
  /** `attachments/…` files of the images the body shows (imageFile): the pipeline checks and publishes them like a cover. */
  images: { src: string; offsetLine: number }[];
  /** The links the body keeps (`href` as written): the pipeline checks those to a record's page. */
  links: { href: string; offsetLine: number }[];
  /**
   * The text a reader sees, run by run (a paragraph, an item, a cell…: html.ts TEXT_BREAKS), with
   * the line each starts on, and each kept attribute's value on its own: markup within a run
   * (`370102*1990*01011231`, an entity, a link, <tt>) shows one run of characters, which the
   * pipeline searches for personal numbers as it searches the body as written.
   */
  texts: { text: string; offsetLine: number }[];
}

export function checkCaseBody(body: string, format: 'md' | 'mdx'): CaseBodyCheck {
  const found: BodyProblem[] = [];
  const images: CaseBodyCheck['images'] = [];
  const links: CaseBodyCheck['links'] = [];
  const texts: CaseBodyCheck['texts'] = [];
  // MDX is rendered as Markdown, but ESM lines and {…} expressions would be code if it ever were not.
  if (format === 'mdx') body.split(/\r?\n/).forEach((line, i) => {
    if (MDX_ESM.test(line)) found.push({ offsetLine: i, message: 'MDX 中不允许使用 import / export 语句' });
  });
  if (body.length > MAX_BODY_CHARS) return { problems: [...found, { offsetLine: 0, message: `正文过长（${body.length} 字符，上限 ${MAX_BODY_CHARS} 字符），不予检查和公示` }], images, links, texts };
  try {
    found.push(...allowlistProblems(body, format, { images, links, texts }));
  } catch (e) {
    // A body nested thousands deep overflows the parser's stack: not checkable, so not published.
    found.push({ offsetLine: 0, message: e instanceof RangeError ? '正文嵌套层级过深，无法检查，不予公示' : `正文无法解析：${(e as Error).message}` });
  }
  return { problems: found.sort((a, b) => a.offsetLine - b.offsetLine), images, links, texts };
}

/** The line of a node nested deeper than MAX_DEPTH (or of its nearest placed ancestor), walked without recursion: the tree may be thousands deep. */
function tooDeep(tree: Root): number | undefined {
  const stack: { node: Nodes; depth: number; line: number }[] = [{ node: tree, depth: 0, line: 0 }];
  while (stack.length) {
    const top = stack.pop()!;
    const line = top.node.position?.start?.line ? top.node.position.start.line - 1 : top.line;
    if (top.depth > MAX_DEPTH) return line;
    if ('children' in top.node) for (const child of top.node.children) stack.push({ node: child, depth: top.depth + 1, line });
  }
  return undefined;
}

function allowlistProblems(body: string, format: 'md' | 'mdx', { images, links, texts }: Omit<CaseBodyCheck, 'problems'>): BodyProblem[] {
  const found: BodyProblem[] = [];
  const tree = parser.runSync(parser.parse(body)) as Root;
  const deep = tooDeep(tree);
  if (deep !== undefined) return [{ offsetLine: deep, message: `正文嵌套层级过深（超过 ${MAX_DEPTH} 层），不予公示` }];
  // Every node gets a mark in `data`, which the sanitizer copies: a mark missing from its
  // output is a node it removed; a mark present shows which attributes it kept.
  let marks = 0;
  const mark = (node: Nodes) => {
    node.data = { ...node.data, caseBodyMark: marks++ } as typeof node.data;
    if ('children' in node) for (const child of node.children) mark(child);
  };
  mark(tree);
  const kept = new Map<number, Nodes>();
  const collect = (node: Nodes) => {
    kept.set((node.data as { caseBodyMark: number }).caseBodyMark, node);
    if ('children' in node) for (const child of node.children) collect(child);
  };
  collect(sanitize(tree, caseBodySchema));

  const ids = new Set<string>();
  const walk = (node: Nodes, line: number, inCode: boolean, parent?: string) => {
    const here = node.position?.start?.line ? node.position.start.line - 1 : line;
    const after = kept.get((node.data as { caseBodyMark: number }).caseBodyMark);
    if (node.type === 'comment' && !after) found.push({ offsetLine: here, message: '不允许使用 HTML 注释' });
    if (node.type === 'doctype' && !after) found.push({ offsetLine: here, message: '不允许使用 <!DOCTYPE>' });
    if (node.type === 'text' && format === 'mdx' && !inCode && /[{}]/.test(node.value)) found.push({ offsetLine: here, message: 'MDX 中不允许使用 {…} 表达式' });
    if (node.type === 'element') {
      if (!after || after.type !== 'element') found.push({ offsetLine: here, message: removedElement(node.tagName) });
      else {
        // The allowlist keeps ids (prefixed): two alike, or one with a space, would be invalid HTML, and a link to one would find either.
        const id = node.properties.id;
        const shown = typeof id === 'string' && id.length > 60 ? `${id.slice(0, 60)}…` : id;
        // HTML forbids ASCII white space in an id (a fullwidth space is a character like any other).
        if (typeof id === 'string' && /[\t\n\f\r ]/.test(id)) found.push({ offsetLine: here, message: `id 不能含空白字符：${shown}` });
        else if (typeof id === 'string' && !ids.has(id)) ids.add(id);
        else if (typeof id === 'string') found.push({ offsetLine: here, message: `id 重复：${shown}` });
        // The allowlist's ancestors are any ancestor; valid HTML wants the list as the parent (a <td> between them is not).
        const within = LIST_PARENTS[node.tagName];
        if (within && !within.includes(parent ?? '')) found.push({ offsetLine: here, message: removedElement(node.tagName) });
        // And a list holds its items only: text or a paragraph directly in it is invalid HTML.
        const holds = LIST_CHILDREN[node.tagName];
        const stray = holds && node.children.find((c) => (c.type === 'text' ? c.value.trim() !== '' : c.type === 'element' && !holds.includes(c.tagName)));
        if (stray) found.push({ offsetLine: here, message: `<${node.tagName}> 中只能直接放 ${holds.map((t) => `<${t}>`).join('、')}` });
        for (const message of removedAttributes(node, after)) found.push({ offsetLine: here, message });
        if (after.tagName === 'img' && typeof after.properties.src === 'string') {
          const file = imageFile(after.properties.src);
          if (file) images.push({ src: file, offsetLine: here });
          else found.push({ offsetLine: here, message: `图片地址无法解读为 attachments/ 下的文件：${after.properties.src.length > 60 ? `${after.properties.src.slice(0, 60)}…` : after.properties.src}` });
        }
        if (after.tagName === 'a' && typeof after.properties.href === 'string') links.push({ href: after.properties.href, offsetLine: here });
      }
    }
    // An element the allowlist unwraps (an unknown tag) leaves its children to its own parent.
    const parentOfChildren = node.type === 'element' ? (after?.type === 'element' ? node.tagName : parent) : undefined;
    if ('children' in node) for (const child of node.children) walk(child, here, inCode || (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')), parentOfChildren);
  };
  walk(tree, 0, false);
  texts.push(...shownText(tree, kept));
  return found;
}

/**
 * The text the sanitized body shows, run by run (CaseBodyCheck.texts). Walks the parsed tree
 * for its lines; a text the sanitizer removed (within script or style) shows nothing, an element
 * it unwrapped (an unknown tag) shows its kept children in place. A break inside a run ends the
 * text before it. An attribute the sanitizer kept is on the page too (an alt, a tooltip, a link).
 */
function shownText(tree: Root, kept: ReadonlyMap<number, Nodes>): CaseBodyCheck['texts'] {
  const blocks: CaseBodyCheck['texts'] = [];
  const isKept = (node: Nodes) => kept.has((node.data as { caseBodyMark: number }).caseBodyMark);
  // The element as the sanitizer kept it: its attributes are those the page has.
  const keptAs = (node: Element) => kept.get((node.data as { caseBodyMark: number }).caseBodyMark) as Element;
  const visit = (node: Nodes, block: { text: string; offsetLine: number }, line: number) => {
    const here = node.position?.start?.line ? node.position.start.line - 1 : line;
    if (node.type === 'text') {
      if (isKept(node)) block.text += node.value;
      return;
    }
    if (!('children' in node)) return;
    if (node.type === 'element' && isKept(node)) {
      // Every attribute the allowlist kept is on the page, its entities decoded: an alt, a title, a tel: link, a cite.
      for (const value of Object.values(keptAs(node).properties)) {
        const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : undefined;
        if (text) blocks.push({ text, offsetLine: here });
      }
    }
    const own = node.type === 'root' || (node.type === 'element' && isKept(node) && TEXT_BREAKS.has(node.tagName)) ? { text: '', offsetLine: here } : undefined;
    if (own) blocks.push(own);
    for (const child of node.children) visit(child, own ?? block, here);
    if (own) block.text += '\n';
  };
  visit(tree, { text: '', offsetLine: 0 }, 0);
  return blocks.filter((b) => b.text.trim() !== '');
}

/** The parents a list item or a term may have in valid HTML (a <div> groups a <dl>'s terms). */
const LIST_PARENTS: Record<string, readonly string[]> = { li: ['ol', 'ul'], dt: ['dl', 'div'], dd: ['dl', 'div'] };
/** What a list may hold directly in valid HTML. */
const LIST_CHILDREN: Record<string, readonly string[]> = { ol: ['li'], ul: ['li'], dl: ['dt', 'dd', 'div'] };

/** Why the allowlist took an element out. */
function removedElement(tag: string): string {
  if (tag === 'input') return '不允许使用任务列表（- [ ]、- [x]）或 <input> 标签';
  const within = caseBodySchema.ancestors?.[tag];
  return within ? `<${tag}> 标签只能用在 ${within.map((t) => `<${t}>`).join('、')} 之中` : `不允许使用 <${tag}> 标签`;
}

/** What the sanitizer took from an element it kept: a message per attribute or value. */
function removedAttributes(before: Element, after: Element): string[] {
  const messages: string[] = [];
  for (const [key, value] of Object.entries(before.properties)) {
    if (value === null || value === undefined || value === false) continue;
    const kept = after.properties[key];
    const values = Array.isArray(value) ? value : [value];
    const keptValues = new Set((Array.isArray(kept) ? kept : kept === undefined ? [] : [kept]).map(String));
    // Kept, or kept with the anti-clobbering prefix (id="x" renders as id="user-content-x").
    const removed = values.filter((v) => !keptValues.has(String(v)) && !keptValues.has(`${caseBodySchema.clobberPrefix}${v}`));
    if (removed.length === 0) continue;
    messages.push(attributeMessage(before.tagName, key, String(removed[0])));
  }
  return messages;
}

function attributeMessage(tag: string, key: string, value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  if (/^on/i.test(key)) return '不允许使用内联事件处理属性（on…=）';
  if (key === 'href') {
    // Browsers ignore white space and control characters in a scheme: java\tscript: is javascript:.
    const scheme = value.replace(/[\s\x00-\x1f]/g, '').toLowerCase();
    if (scheme.startsWith('javascript:')) return '不允许使用 javascript: 链接';
    return `链接只能是 http(s)、mailto、tel、相对地址或页内锚点：${shown}`;
  }
  if (tag === 'img' && key === 'src') return `图片只能引用导出包 attachments/ 下的文件：${shown}`;
  return `不允许使用 <${tag}> 的 ${find(html, key).attribute} 属性`;
}
