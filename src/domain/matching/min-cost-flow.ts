/**
 * Capacitated assignment as a min-cost flow, solved by successive shortest paths with
 * Dijkstra on reduced costs (Ahuja, Magnanti & Orlin, "Network Flows", ch. 9).
 *
 * Each requester i wants up to `wants[i]` partners, each partner j may be given to at most
 * `capacity[j]` requesters, each pair at most once. The result first maximises the number of
 * pairs given, then their total weight. Unfilled wants leave through a dummy arc whose cost
 * exceeds any augmenting path, so the flow problem stays feasible and every shortest path
 * from any requester keeps the flow optimal; searches stop as soon as the sink is settled,
 * which keeps them local to the few saturated partners a requester competes for.
 */

export interface AssignmentArc {
  requester: number;
  partner: number;
  /** Larger is better; any finite number. */
  weight: number;
}

export interface AssignmentProblem {
  wants: readonly number[];
  capacity: readonly number[];
  arcs: readonly AssignmentArc[];
}

/** For each requester, the arcs (indexes into `arcs`) chosen. */
export type Assignment = number[][];

/**
 * The residual network in compressed adjacency form: arcs come in pairs (e, e ^ 1), and each
 * node's arcs sit contiguously in `order`, which keeps the searches cache-friendly.
 */
class Network {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly residual: Int32Array;
  readonly cost: Float64Array;
  readonly start: Int32Array;
  readonly order: Int32Array;
  private size = 0;

  constructor(
    private readonly nodes: number,
    arcs: number,
  ) {
    this.from = new Int32Array(arcs * 2);
    this.to = new Int32Array(arcs * 2);
    this.residual = new Int32Array(arcs * 2);
    this.cost = new Float64Array(arcs * 2);
    this.start = new Int32Array(nodes + 1);
    this.order = new Int32Array(arcs * 2);
  }

  /** Adds an arc and its reverse; returns the forward arc's number (reverse is number ^ 1). */
  add(from: number, to: number, capacity: number, cost: number): number {
    const e = this.size;
    this.from[e] = from;
    this.to[e] = to;
    this.residual[e] = capacity;
    this.cost[e] = cost;
    this.from[e + 1] = to;
    this.to[e + 1] = from;
    this.residual[e + 1] = 0;
    this.cost[e + 1] = -cost;
    this.size += 2;
    return e;
  }

  /** Groups arcs by tail node; call once after the last add. */
  seal(): void {
    const count = new Int32Array(this.nodes + 1);
    for (let e = 0; e < this.size; e += 1) count[(this.from[e] ?? 0) + 1] = (count[(this.from[e] ?? 0) + 1] ?? 0) + 1;
    for (let v = 0; v < this.nodes; v += 1) count[v + 1] = (count[v + 1] ?? 0) + (count[v] ?? 0);
    this.start.set(count);
    const fill = count.slice();
    for (let e = 0; e < this.size; e += 1) {
      const v = this.from[e] ?? 0;
      this.order[fill[v] ?? 0] = e;
      fill[v] = (fill[v] ?? 0) + 1;
    }
  }
}

/** Binary min-heap of (distance, node) in typed arrays, with lazy deletion. */
class NodeHeap {
  private dist: Float64Array;
  private node: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.dist = new Float64Array(Math.max(16, capacity));
    this.node = new Int32Array(Math.max(16, capacity));
  }

  push(d: number, v: number): void {
    if (this.length === this.node.length) {
      const dist = new Float64Array(this.length * 2);
      const node = new Int32Array(this.length * 2);
      dist.set(this.dist);
      node.set(this.node);
      this.dist = dist;
      this.node = node;
    }
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pd = this.dist[parent] ?? 0;
      if (pd <= d) break;
      this.dist[i] = pd;
      this.node[i] = this.node[parent] ?? 0;
      i = parent;
    }
    this.dist[i] = d;
    this.node[i] = v;
  }

  /** Distance of the entry `pop` will return. */
  peekDist(): number {
    return this.dist[0] ?? 0;
  }

  pop(): number {
    const top = this.node[0] ?? 0;
    const n = --this.length;
    const d = this.dist[n] ?? 0;
    const v = this.node[n] ?? 0;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (this.dist[r] ?? 0) < (this.dist[l] ?? 0) ? r : l;
      if ((this.dist[c] ?? 0) >= d) break;
      this.dist[i] = this.dist[c] ?? 0;
      this.node[i] = this.node[c] ?? 0;
      i = c;
    }
    this.dist[i] = d;
    this.node[i] = v;
    return top;
  }
}

export function solveAssignment(problem: AssignmentProblem): Assignment {
  const requesters = problem.wants.length;
  const partners = problem.capacity.length;
  const sink = requesters + partners;
  const nodes = sink + 1;
  const g = new Network(nodes, problem.arcs.length + requesters + partners);

  let maxWeight = 0;
  let minWeight = 0;
  problem.arcs.forEach((a, i) => {
    if (i === 0 || a.weight > maxWeight) maxWeight = a.weight;
    if (i === 0 || a.weight < minWeight) minWeight = a.weight;
  });
  const span = Math.max(maxWeight - minWeight, 1e-12);
  // Costs scaled to 0..1, so an augmenting path costs at most one per requester it passes.
  const unfilled = requesters + 2;

  const arcEdge = problem.arcs.map((a) => {
    if (a.requester < 0 || a.requester >= requesters || a.partner < 0 || a.partner >= partners) {
      throw new Error(`Arc ${a.requester}→${a.partner} is outside the problem`);
    }
    return g.add(a.requester, requesters + a.partner, 1, (maxWeight - a.weight) / span);
  });
  for (let j = 0; j < partners; j += 1) g.add(requesters + j, sink, Math.max(0, problem.capacity[j] ?? 0), 0);
  for (let i = 0; i < requesters; i += 1) g.add(i, sink, Math.max(0, problem.wants[i] ?? 0), unfilled);
  g.seal();

  const { to, residual, cost, start, order } = g;
  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes);
  const seen = new Int32Array(nodes);
  const done = new Int32Array(nodes);
  const via = new Int32Array(nodes);
  const settled: number[] = [];
  const heap = new NodeHeap(1024);
  let round = 0;

  for (let source = 0; source < requesters; source += 1) {
    for (let left = problem.wants[source] ?? 0; left > 0; ) {
      round += 1;
      heap.length = 0;
      settled.length = 0;
      dist[source] = 0;
      seen[source] = round;
      heap.push(0, source);
      let sinkDist = -1;
      while (heap.length > 0) {
        const du = heap.peekDist();
        const u = heap.pop();
        if (done[u] === round || du > (dist[u] ?? 0)) continue;
        done[u] = round;
        settled.push(u);
        if (u === sink) {
          sinkDist = du;
          break;
        }
        const pu = potential[u] ?? 0;
        const end = start[u + 1] ?? 0;
        for (let k = start[u] ?? 0; k < end; k += 1) {
          const e = order[k] ?? 0;
          if ((residual[e] ?? 0) <= 0) continue;
          const v = to[e] ?? 0;
          if (done[v] === round) continue;
          const reduced = (cost[e] ?? 0) + pu - (potential[v] ?? 0);
          const dv = du + (reduced > 0 ? reduced : 0);
          if (seen[v] !== round || dv < (dist[v] ?? 0)) {
            seen[v] = round;
            dist[v] = dv;
            via[v] = e;
            heap.push(dv, v);
          }
        }
      }
      if (sinkDist < 0) break;
      // Early exit: only nodes settled before the sink move; the rest shift by a common constant.
      for (const v of settled) potential[v] = (potential[v] ?? 0) + (dist[v] ?? 0) - sinkDist;
      // As many units as the path carries: one through a pair arc, all that are left when the
      // cheapest way out is the requester's own "unfilled" arc (then nothing better exists).
      let amount = left;
      for (let v = sink; v !== source; v = to[(via[v] ?? 0) ^ 1] ?? 0) amount = Math.min(amount, residual[via[v] ?? 0] ?? 0);
      for (let v = sink; v !== source; ) {
        const e = via[v] ?? 0;
        residual[e] = (residual[e] ?? 0) - amount;
        residual[e ^ 1] = (residual[e ^ 1] ?? 0) + amount;
        v = to[e ^ 1] ?? 0;
      }
      left -= amount;
    }
  }

  const chosen: Assignment = Array.from({ length: requesters }, () => []);
  arcEdge.forEach((e, i) => {
    if ((residual[e] ?? 1) === 0) chosen[problem.arcs[i]?.requester ?? 0]?.push(i);
  });
  return chosen;
}
