/** Reads a chart's SVG as XML, for tests: is it well-formed, and what axes, texts and marks does it hold. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type Node = Record<string, unknown>;

/** The SVG's element tree; throws with the validator's message when the text is not well-formed XML. */
export function parseSvg(svg: string): Node[] {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
  return new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false }).parse(svg) as Node[];
}

/** The `<g>` elements whose class attribute holds every one of `classes`, in document order. */
export function groupsWithClass(tree: Node[], ...classes: string[]): Node[] {
  const found: Node[] = [];
  const visit = (nodes: Node[]): void => {
    for (const node of nodes) {
      const attributes = node[':@'] as Record<string, string> | undefined;
      const names = (attributes?.['@_class'] ?? '').split(' ');
      if ('g' in node && classes.every((name) => names.includes(name))) found.push(node);
      for (const [key, value] of Object.entries(node)) if (key !== ':@' && Array.isArray(value)) visit(value as Node[]);
    }
  };
  visit(tree);
  return found;
}

/** The child elements named `tag` of a group (a mark group's items: `path` for symbols and lines, `line` for rules). */
export function childElements(group: Node, tag: string): Node[] {
  return (group.g as Node[]).filter((child) => tag in child);
}

/** An element's attribute. */
export function attribute(element: Node, name: string): string | undefined {
  return (element[':@'] as Record<string, string> | undefined)?.[`@_${name}`];
}

/** The text of every `<text>` inside the groups with these classes (axis titles: `mark-text`, `role-axis-title`). */
export function textsIn(tree: Node[], ...classes: string[]): string[] {
  return groupsWithClass(tree, ...classes).flatMap((group) => childElements(group, 'text').map((text) => collectText(text.text as Node[])));
}

function collectText(nodes: Node[]): string {
  return nodes.map((node) => (typeof node['#text'] === 'string' || typeof node['#text'] === 'number' ? String(node['#text']) : Array.isArray(node.tspan) ? collectText(node.tspan as Node[]) : '')).join('');
}
