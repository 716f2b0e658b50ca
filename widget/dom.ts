/**
 * The one DOM helper: creates elements with attributes and plain-text content. Text goes in via
 * `textContent` only, so shopper, agent and bot text can never become markup.
 *
 * @example
 *   el('button', { type: 'button', 'aria-label': 'Close chat', class: 'close' }, '×');
 */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  content?: string | ReadonlyArray<Node>,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (typeof content === 'string') node.textContent = content;
  else if (content) node.append(...content);
  return node;
}

/** Sets text only when it changed, so live regions are not re-announced for nothing. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Shows or hides; the stylesheet makes `[hidden]` win over any `display` rule. */
export function show(node: HTMLElement, visible: boolean): void {
  if (node.hidden === visible) node.hidden = !visible;
}
