/** A set of small integers with O(1) add, delete and uniform random pick by index. */
export class IndexedSet {
  readonly items: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  has(x: number): boolean {
    return this.position[x]! >= 0;
  }

  add(x: number): void {
    if (this.position[x]! >= 0) return;
    this.position[x] = this.size;
    this.items[this.size++] = x;
  }

  delete(x: number): void {
    const i = this.position[x]!;
    if (i < 0) return;
    const last = this.items[--this.size]!;
    this.items[i] = last;
    this.position[last] = i;
    this.position[x] = -1;
  }
}
