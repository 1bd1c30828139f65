// A few lines of DOM building for the report page (no framework: a small bundle, no inline
// scripts or styles, text always set as text so nothing the server returns is parsed as HTML).

type Child = Node | string | null | undefined | false;

/** An element with attributes (strings; `true` for boolean attributes) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** Replaces the content of `root`. */
export function render(root: HTMLElement, ...children: Child[]): void {
  root.replaceChildren();
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    root.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}
