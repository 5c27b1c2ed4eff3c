// Tree elements are plain objects; VS Code's extension host matches an element-level refresh by
// object identity, so each tree hands out one canonical object per node id.

export class NodeCache<T extends object> {
  private readonly nodes = new Map<string, T>();

  constructor(private readonly keyOf: (node: T) => string) {}

  /** The canonical object for this node (the given one the first time its key is seen). */
  canonical(node: T): T {
    const key = this.keyOf(node);
    const existing = this.nodes.get(key);
    if (existing) return existing;
    this.nodes.set(key, node);
    return node;
  }

  clear(): void {
    this.nodes.clear();
  }
}
