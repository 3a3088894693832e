/**
 * Two strings joined by a separator, each text made once and shared: the same few pairs of zones,
 * clusters or namespaces repeat over 100,000 rows. With a limit, at most `limit × limit` texts are
 * kept (a table kept for the life of the page must not grow with every answer).
 */
export class PairTexts {
  private readonly byFirst = new Map<string, Map<string, string>>();

  constructor(
    private readonly separator: string,
    private readonly limit = Infinity
  ) {}

  of(a: string, b: string): string {
    let byB = this.byFirst.get(a);
    if (!byB) {
      if (this.byFirst.size >= this.limit) {
        this.byFirst.clear();
      }
      byB = new Map();
      this.byFirst.set(a, byB);
    }
    let text = byB.get(b);
    if (text === undefined) {
      text = `${a}${this.separator}${b}`;
      if (byB.size < this.limit) {
        byB.set(b, text);
      }
    }
    return text;
  }
}
