/**
 * react-pdf builds the PDF outline from `bookmark` on any node, but its TypeScript
 * types only declare it on <Page>; spread this into a <View> to set it there.
 * `ref` names an outline item so that later ones can nest under it with `parent`.
 */
export function bookmark(title: string, nesting: { ref?: string; parent?: string } = {}): object {
  return { bookmark: { title, fit: true, ...nesting } };
}
