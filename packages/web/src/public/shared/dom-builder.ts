// DOM building for the public survey and transparency pages (no framework: a small bundle, no
// inline scripts or styles, text always set as text so nothing from the server is parsed as HTML).

/** What an element may contain. */
export type Child = Node | string | null | undefined | false;

/** An element with attributes (strings; `true` for boolean attributes) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) node.setAttribute(name, '');
    else if (typeof value === 'string') node.setAttribute(name, value);
  }
  appendAll(node, children);
  return node;
}

/** Appends children, skipping empty ones. */
export function appendAll(parent: Node & ParentNode, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces the content of `root`. */
export function replaceContent(root: HTMLElement, ...children: Child[]): void {
  root.replaceChildren();
  appendAll(root, children);
}

/** A page language, from the browser's unless the reader chose. */
export type PageLocale = 'en' | 'fr';

/** The browser's preferred language among English and French. */
export function browserLocale(): PageLocale {
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** A message lookup over two flat catalogues, with `{name}` placeholders. */
export function messages(
  catalogues: Record<PageLocale, Record<string, string>>,
  locale: () => PageLocale,
): (key: string, values?: Record<string, string | number>) => string {
  return (key, values = {}) => {
    const text = catalogues[locale()][key] ?? catalogues.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? ''));
  };
}
