/** Binary max-heap of variables ordered by activity (the VSIDS decision order). */
export class VarHeap {
  private heap: Int32Array;
  private size = 0;
  private index: Int32Array;
  constructor(
    capacity: number,
    private readonly activity: () => Float64Array,
  ) {
    this.heap = new Int32Array(Math.max(16, capacity));
    this.index = new Int32Array(Math.max(16, capacity)).fill(-1);
  }

  grow(capacity: number): void {
    if (capacity <= this.heap.length) return;
    const heap = new Int32Array(capacity * 2);
    heap.set(this.heap);
    this.heap = heap;
    const index = new Int32Array(capacity * 2).fill(-1);
    index.set(this.index);
    this.index = index;
  }

  get empty(): boolean {
    return this.size === 0;
  }

  contains(v: number): boolean {
    return this.index[v]! >= 0;
  }

  insert(v: number): void {
    if (this.index[v]! >= 0) return;
    this.heap[this.size] = v;
    this.index[v] = this.size;
    this.size++;
    this.up(this.size - 1);
  }

  /** Call after v's activity increased. */
  increased(v: number): void {
    const i = this.index[v]!;
    if (i >= 0) this.up(i);
  }

  pop(): number {
    const top = this.heap[0]!;
    this.size--;
    this.index[top] = -1;
    if (this.size > 0) {
      const last = this.heap[this.size]!;
      this.heap[0] = last;
      this.index[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const act = this.activity();
    const v = this.heap[i]!;
    const a = act[v]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pv = this.heap[parent]!;
      if (act[pv]! >= a) break;
      this.heap[i] = pv;
      this.index[pv] = i;
      i = parent;
    }
    this.heap[i] = v;
    this.index[v] = i;
  }

  private down(i: number): void {
    const act = this.activity();
    const v = this.heap[i]!;
    const a = act[v]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && act[this.heap[child + 1]!]! > act[this.heap[child]!]!) child++;
      const cv = this.heap[child]!;
      if (act[cv]! <= a) break;
      this.heap[i] = cv;
      this.index[cv] = i;
      i = child;
    }
    this.heap[i] = v;
    this.index[v] = i;
  }
}
