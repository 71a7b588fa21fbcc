/**
 * The learned layer's one way to turn a count or a share into a feature: which band between
 * `edges` a number falls in (0 at or below the first edge, edges.length above the last), so a
 * feature names a band ("m:overlap:2") rather than every value the model would see once.
 */
export function bucket(n: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && n > edges[i]!) i++;
  return i;
}
