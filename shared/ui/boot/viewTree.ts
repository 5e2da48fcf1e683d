/**
 * A rendered view as data, and back: the task pane's last queue is kept as an element tree (tags,
 * attributes, text) so the next start can show it before any JavaScript bundle has run (see
 * bootScript.ts). It is never HTML: text goes back as text nodes and attributes through setAttribute,
 * so a subject like `<img src=x onerror=alert(1)>` stays text. Elements and attributes that could run
 * code or fetch anything (scripts, event handlers, URLs) are left out both when capturing and when
 * building, so a tampered record cannot bring them in either.
 */

/** A text node, or `[tag, attributes, children]` (a fourth element `1` marks an SVG element). */
export type ViewNode = string | [tag: string, attributes: Record<string, string>, children: ViewNode[], svg?: 1];

const svgNamespace = 'http://www.w3.org/2000/svg';

// What the app's views are made of; anything else (script, style, iframe, img, a, form …) is dropped.
const htmlTags = new Set(
  'main section nav header aside div span p h1 h2 h3 h4 ul ol li dl dt dd strong em b i small time label button select option input table tbody tr th td hr br'.split(' '),
);
const svgTags = new Set('svg g path circle rect line polyline polygon defs title'.split(' '));

// Attributes that run code or name a resource to fetch or follow (on the elements above): never kept.
const refusedAttribute = /^(on|(form)?action$|(xlink:)?href$|src$|background$|is$)/i;
const validAttributeName = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

function keepAttribute(name: string): boolean {
  return validAttributeName.test(name) && !refusedAttribute.test(name);
}

/**
 * The element's subtree as data: allowed elements and attributes only, text as text. With `belowY`,
 * elements laid out entirely below that line (further down than a first screen shows) are left out: the
 * copy is a picture of the first screen, and the less of it there is, the sooner it is up.
 */
export function captureTree(element: Element, belowY = Infinity): ViewNode[] {
  const out: ViewNode[] = [];
  for (const child of Array.from(element.childNodes)) {
    const node = captureNode(child, belowY);
    if (node !== null) out.push(node);
  }
  return out;
}

function belowTheFold(element: Element, belowY: number): boolean {
  if (belowY === Infinity) return false;
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top >= belowY;
}

function captureNode(node: Node, belowY: number): ViewNode | null {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return null;
  const element = node as Element;
  const svg = element.namespaceURI === svgNamespace;
  const tag = svg ? element.localName : element.localName.toLowerCase();
  if (!(svg ? svgTags.has(tag.toLowerCase()) : htmlTags.has(tag))) return null;
  if (belowTheFold(element, belowY)) return null;
  const attributes: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes)) {
    if (keepAttribute(attribute.name)) attributes[attribute.name] = attribute.value;
  }
  const children = captureTree(element, belowY);
  return svg ? [tag, attributes, children, 1] : [tag, attributes, children];
}

/**
 * Builds `nodes` under `parent` with DOM calls only (no HTML parsing). Whatever a record holds that the
 * capture would not have produced (unknown tags, event-handler or URL attributes) is skipped. The copy
 * is a picture beside the live app, so it takes no `id` (they would clash with the app's) and its
 * `data-testid`s become `data-boot-testid` (tests and tools find the live element, not the picture).
 */
export function buildTree(parent: Node, nodes: readonly ViewNode[], doc: Document): void {
  for (const node of nodes) {
    if (typeof node === 'string') {
      parent.appendChild(doc.createTextNode(node));
      continue;
    }
    if (!Array.isArray(node)) continue;
    const [tag, attributes, children, svg] = node;
    if (typeof tag !== 'string' || !(svg === 1 ? svgTags.has(tag.toLowerCase()) : htmlTags.has(tag))) continue;
    const element = svg === 1 ? doc.createElementNS(svgNamespace, tag) : doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
      if (typeof value !== 'string' || !keepAttribute(name)) continue;
      if (name !== 'id') element.setAttribute(name === 'data-testid' ? 'data-boot-testid' : name, value);
    }
    if (Array.isArray(children)) buildTree(element, children, doc);
    parent.appendChild(element);
  }
}

const classPattern = /\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)/g;

/** Every class name used in `nodes`. */
export function classesOf(nodes: readonly ViewNode[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    for (const name of (node[1].class ?? '').split(/\s+/)) if (name) into.add(name);
    classesOf(node[2], into);
  }
  return into;
}

/** A rule's text if it can apply to an element with one of `used` (or names no class at all). */
function usedRuleText(rule: CSSRule, used: ReadonlySet<string>): string | null {
  if ('selectorText' in rule && typeof rule.selectorText === 'string') {
    const names = [...rule.selectorText.matchAll(classPattern)].map((m) => m[1] as string);
    return names.length === 0 || names.some((name) => used.has(name)) ? rule.cssText : null;
  }
  // @media and @supports: keep the block with the rules inside it that apply.
  if ('cssRules' in rule && 'conditionText' in rule && rule.cssRules) {
    const inner = Array.from(rule.cssRules as CSSRuleList)
      .map((r) => usedRuleText(r, used))
      .filter((text): text is string => text !== null);
    if (inner.length === 0) return null;
    const prelude = rule.cssText.slice(0, rule.cssText.indexOf('{'));
    return `${prelude}{${inner.join('')}}`;
  }
  return rule.cssText; // @keyframes, @font-face, …
}

/**
 * The page's own style rules that the captured tree can use, as text (Fluent's design tokens and
 * Griffel's atomic classes live in <style> elements), so the rebuilt tree looks as it did. Linked and
 * cross-origin sheets, and the boot view's own, are skipped.
 */
export function captureStyles(doc: Document, used: ReadonlySet<string>): string {
  const rules: string[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    const owner = sheet.ownerNode as Element | null;
    if (!owner || owner.nodeName !== 'STYLE' || owner.hasAttribute('data-boot-view')) continue;
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(list)) {
      const text = usedRuleText(rule, used);
      if (text !== null) rules.push(text);
    }
  }
  return rules.join('\n');
}
