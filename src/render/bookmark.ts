/**
 * react-pdf builds the PDF outline from `bookmark` on any node, but its TypeScript
 * types only declare it on <Page>; spread this into a <View> to set it there.
 */
export function bookmark(title: string): object {
  return { bookmark: { title, fit: true } };
}
