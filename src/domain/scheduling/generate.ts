/**
 * Realistic scheduling instances for tests and benchmarks. Every generated meeting is first
 * placed in a hidden schedule that respects all constraints, so each instance can hold all of
 * its meetings — the question is only how few breaks it can have.
 *
 * - `brokerage`: two-sided buyer/seller event: sellers host at their own table, buyers request
 *   popular sellers more often (Zipf-like), some delegates arrive late or leave early, some
 *   meetings are for the morning or afternoon, a few are fixed, a few follow up on others.
 * - `forum`: shaped like the technology-park forums of Bofill et al. (JAIR 74, 2022): tens of
 *   participants meeting anyone, morning/afternoon sessions, participants present for one
 *   session only, sizes 42–78 participants, 125–302 meetings, 8–22 slots, 12–27 tables.
 * - `planted`: a two-sided event built around a schedule without a single break, so the optimum
 *   (0 breaks) is known at any size, where no proof is affordable.
 */
import type { Assignment, Instance, Meeting, Participant, Session } from './instance';
import { createRandom, type Random } from './random';

export interface BrokerageOptions {
  buyers: number;
  sellers: number;
  meetings: number;
  slots: number;
  /** Default: one table per seller. */
  tables?: number;
  seed?: number;
  /** Share of delegates who arrive late or leave early (default 0.15). */
  partialDays?: number;
  /** Share of meetings bound to the morning or the afternoon (default 0.2). */
  sessionBound?: number;
  /** Share of meetings fixed in their slot (default 0.01). */
  fixedShare?: number;
  /** Share of meetings that must follow another of the same buyer (default 0.01). */
  followUpShare?: number;
}

export interface ForumOptions {
  participants: number;
  meetings: number;
  slots: number;
  tables: number;
  seed?: number;
  /** Share of participants present for one session only (default 0.25). */
  oneSession?: number;
  /** Share of meetings bound to a session (default 0.15). */
  sessionBound?: number;
}

interface Plan {
  T: number;
  L: number;
  morning: number;
  busy: Uint8Array;
  load: Int32Array;
  available: Uint8Array;
}

function makePlan(participants: number, T: number, L: number): Plan {
  return {
    T,
    L,
    morning: Math.floor(T / 2),
    busy: new Uint8Array(participants * T),
    load: new Int32Array(T),
    available: new Uint8Array(participants * T).fill(1),
  };
}

/** Slots where both can meet in the hidden schedule, restricted to a session. */
function freeSlots(plan: Plan, a: number, b: number, session: Session): number[] {
  const out: number[] = [];
  const from = session === 'afternoon' ? plan.morning : 0;
  const to = session === 'morning' ? plan.morning : plan.T;
  for (let s = from; s < to; s++) {
    if (plan.load[s]! >= plan.L) continue;
    if (!plan.available[a * plan.T + s] || !plan.available[b * plan.T + s]) continue;
    if (plan.busy[a * plan.T + s] || plan.busy[b * plan.T + s]) continue;
    out.push(s);
  }
  return out;
}

function book(plan: Plan, a: number, b: number, s: number): void {
  plan.busy[a * plan.T + s] = 1;
  plan.busy[b * plan.T + s] = 1;
  plan.load[s]!++;
}

/** Marks slots a delegate is away: late arrival, early departure or one session only. */
function restrictDay(plan: Plan, p: number, random: Random, kind: 'late' | 'early' | 'morning' | 'afternoon'): void {
  const { T, morning } = plan;
  const cut = 1 + random.below(Math.max(1, Math.floor(T / 3)));
  for (let s = 0; s < T; s++) {
    const away =
      (kind === 'late' && s < cut) ||
      (kind === 'early' && s >= T - cut) ||
      (kind === 'morning' && s >= morning) ||
      (kind === 'afternoon' && s < morning);
    if (away) plan.available[p * T + s] = 0;
  }
}

function unavailableOf(plan: Plan, p: number): number[] | undefined {
  const out: number[] = [];
  for (let s = 0; s < plan.T; s++) if (!plan.available[p * plan.T + s]) out.push(s + 1);
  return out.length > 0 ? out : undefined;
}

function pickSession(random: Random, share: number): Session {
  if (random.next() >= share) return 'any';
  return random.next() < 0.5 ? 'morning' : 'afternoon';
}

export function generateBrokerage(options: BrokerageOptions): Instance {
  const random = createRandom(options.seed ?? 1);
  const { buyers, sellers, slots: T } = options;
  const P = buyers + sellers;
  const L = options.tables ?? sellers;
  const plan = makePlan(P, T, L);
  const kinds = ['late', 'early', 'morning', 'afternoon'] as const;
  for (let p = 0; p < P; p++) {
    if (random.next() < (options.partialDays ?? 0.15)) restrictDay(plan, p, random, kinds[random.below(4)]!);
  }
  // Popular sellers attract more requests: weight 1/(rank+1)^0.8.
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < sellers; i++) cumulative.push((sum += 1 / Math.pow(i + 1, 0.8)));
  const pickSeller = (): number => {
    const r = random.next() * sum;
    let lo = 0;
    let hi = sellers - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return buyers + lo;
  };
  const meetings: Meeting[] = [];
  const met = new Set<number>();
  const lastOfBuyer = new Map<number, { id: string; slot: number }>();
  let attempts = 0;
  while (meetings.length < options.meetings && attempts < options.meetings * 30) {
    attempts++;
    const a = random.below(buyers);
    const b = pickSeller();
    if (met.has(a * P + b)) continue;
    const session = pickSession(random, options.sessionBound ?? 0.2);
    const free = freeSlots(plan, a, b, session);
    if (free.length === 0) continue;
    const s = free[random.below(free.length)]!;
    book(plan, a, b, s);
    met.add(a * P + b);
    const meeting: Meeting = { id: `m${meetings.length + 1}`, a: `p${a + 1}`, b: `p${b + 1}` };
    if (session !== 'any') meeting.session = session;
    if (random.next() < (options.fixedShare ?? 0.01)) meeting.fixedSlot = s + 1;
    const earlier = lastOfBuyer.get(a);
    if (earlier && earlier.slot < s && random.next() < (options.followUpShare ?? 0.01)) meeting.after = [earlier.id];
    if (random.next() < 0.1) meeting.weight = 2;
    lastOfBuyer.set(a, { id: meeting.id, slot: s });
    meetings.push(meeting);
  }
  const participants: Participant[] = [];
  for (let p = 0; p < P; p++) {
    const participant: Participant = { id: `p${p + 1}` };
    const unavailable = unavailableOf(plan, p);
    if (unavailable) participant.unavailable = unavailable;
    if (p >= buyers) participant.host = true;
    participants.push(participant);
  }
  return { slots: T, tables: L, morningSlots: plan.morning, participants, meetings };
}

export function generateForum(options: ForumOptions): Instance {
  const random = createRandom(options.seed ?? 1);
  const { participants: P, slots: T, tables: L } = options;
  const plan = makePlan(P, T, L);
  for (let p = 0; p < P; p++) {
    if (random.next() < (options.oneSession ?? 0.25)) restrictDay(plan, p, random, random.next() < 0.5 ? 'morning' : 'afternoon');
    else if (random.next() < 0.1) restrictDay(plan, p, random, random.next() < 0.5 ? 'late' : 'early');
  }
  // Activity varies a lot between participants: a few want many meetings.
  const activity = Array.from({ length: P }, () => 0.3 + random.next() * random.next() * 3);
  const totalActivity = activity.reduce((x, y) => x + y, 0);
  const pick = (): number => {
    let r = random.next() * totalActivity;
    for (let p = 0; p < P; p++) if ((r -= activity[p]!) <= 0) return p;
    return P - 1;
  };
  const meetings: Meeting[] = [];
  const met = new Set<number>();
  let attempts = 0;
  while (meetings.length < options.meetings && attempts < options.meetings * 100) {
    attempts++;
    const a = pick();
    const b = pick();
    if (a === b || met.has(Math.min(a, b) * P + Math.max(a, b))) continue;
    const session = pickSession(random, options.sessionBound ?? 0.15);
    const free = freeSlots(plan, a, b, session);
    if (free.length === 0) continue;
    book(plan, a, b, free[random.below(free.length)]!);
    met.add(Math.min(a, b) * P + Math.max(a, b));
    const meeting: Meeting = { id: `m${meetings.length + 1}`, a: `p${a + 1}`, b: `p${b + 1}` };
    if (session !== 'any') meeting.session = session;
    meetings.push(meeting);
  }
  const participants: Participant[] = [];
  for (let p = 0; p < P; p++) {
    const participant: Participant = { id: `p${p + 1}` };
    const unavailable = unavailableOf(plan, p);
    if (unavailable) participant.unavailable = unavailable;
    participants.push(participant);
  }
  return { slots: T, tables: L, morningSlots: plan.morning, participants, meetings };
}

/**
 * 20 forum-shaped sizes spanning the published ranges. How full a participant's day is varies
 * from a third to three quarters of the slots; `tableUse` is the share of all table-slots
 * taken (0.6 by default; at 0.8 tables become the bottleneck and breaks unavoidable).
 */
export function forumSizes(tableUse = 0.6): ForumOptions[] {
  const sizes: ForumOptions[] = [];
  const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
  for (let i = 0; i < 20; i++) {
    const participants = 42 + Math.round((36 * ((i * 7) % 20)) / 19);
    const meetings = 125 + Math.round((177 * i) / 19);
    const fill = 0.35 + (0.4 * ((i * 3) % 20)) / 19;
    const degree = (2 * meetings) / participants;
    const slots = clamp(Math.max(Math.round(degree / fill), Math.ceil(meetings / (0.8 * 27))), 8, 22);
    const tables = clamp(Math.ceil(meetings / (tableUse * slots)), 12, 27);
    sizes.push({ participants, meetings, slots, tables, seed: 1000 + i });
  }
  return sizes;
}

export interface PlantedOptions {
  buyers: number;
  sellers: number;
  /** Meetings aimed at; the event gets somewhat fewer (days end when no partner is free). */
  meetings: number;
  slots: number;
  seed?: number;
}

/**
 * A brokerage event whose hidden schedule has no break: every delegate's day is one block.
 * Each delegate gets a wanted day length (sellers by popularity, buyers around the average)
 * and a start; slot by slot, the delegates whose day is running are paired buyer to seller
 * (never the same pair twice). Someone left without a partner ends their day there (or starts
 * later, if it had not begun), so every day stays one block. Some delegates then mark slots
 * outside their day unavailable. Returns the instance (meetings shuffled) and the schedule.
 */
export function generatePlanted(options: PlantedOptions): { instance: Instance; schedule: Assignment[] } {
  const random = createRandom(options.seed ?? 1);
  const { buyers: B, sellers: S, slots: T } = options;
  const P = B + S;
  const length = new Int32Array(P);
  const start = new Int32Array(P);
  const perBuyer = options.meetings / B;
  for (let p = 0; p < B; p++) length[p] = Math.max(1, Math.min(T, Math.round(perBuyer * (0.5 + random.next()))));
  // Popular sellers want longer days: share 1/(rank+1)^0.8, as in `brokerage`.
  let sum = 0;
  for (let i = 0; i < S; i++) sum += 1 / Math.pow(i + 1, 0.8);
  for (let i = 0; i < S; i++) {
    length[B + i] = Math.max(1, Math.min(T, Math.round((1.15 * options.meetings) / Math.pow(i + 1, 0.8) / sum)));
  }
  for (let p = 0; p < P; p++) start[p] = random.below(T - length[p]! + 1);
  const WAITING = 0;
  const RUNNING = 1;
  const DONE = 2;
  const phase = new Uint8Array(P);
  const held = new Int32Array(P);
  const first = new Int32Array(P).fill(-1);
  const last = new Int32Array(P).fill(-1);
  const met = new Set<number>();
  const planned: Array<{ a: number; b: number; slot: number }> = [];
  for (let s = 0; s < T; s++) {
    const buyers: number[] = [];
    const sellers: number[] = [];
    for (let p = 0; p < P; p++) {
      if (phase[p] === WAITING && start[p]! <= s) phase[p] = RUNNING;
      if (phase[p] === RUNNING) (p < B ? buyers : sellers).push(p);
    }
    shuffle(buyers, random);
    const paired = new Uint8Array(P);
    for (const b of buyers) {
      for (let attempt = 0; attempt < 30 && sellers.length > 0; attempt++) {
        const q = sellers[random.below(sellers.length)]!;
        if (paired[q] || met.has(b * P + q)) continue;
        paired[b] = paired[q] = 1;
        met.add(b * P + q);
        planned.push({ a: b, b: q, slot: s });
        break;
      }
    }
    for (const p of [...buyers, ...sellers]) {
      if (paired[p]) {
        held[p]!++;
        if (first[p]! < 0) first[p] = s;
        last[p] = s;
        if (held[p]! >= length[p]!) phase[p] = DONE;
      } else if (held[p]! > 0) phase[p] = DONE;
      else start[p] = s + 1;
    }
  }
  shuffle(planned, random);
  const meetings: Meeting[] = planned.map((m, k) => ({ id: `m${k + 1}`, a: `p${m.a + 1}`, b: `p${m.b + 1}` }));
  // Sellers sit at their own table, so the hidden schedule needs no more tables than sellers.
  const schedule: Assignment[] = planned.map((m, k) => ({ meeting: `m${k + 1}`, slot: m.slot + 1, table: m.b - B + 1 }));
  const participants: Participant[] = [];
  for (let p = 0; p < P; p++) {
    const participant: Participant = { id: `p${p + 1}` };
    if (p >= B) participant.host = true;
    if (first[p]! >= 0 && random.next() < 0.15) {
      const away: number[] = [];
      const late = random.next() < 0.5;
      for (let s = late ? 0 : last[p]! + 1; s < (late ? first[p]! : T); s++) away.push(s + 1);
      if (away.length > 0) participant.unavailable = away;
    }
    participants.push(participant);
  }
  return { instance: { slots: T, tables: S, morningSlots: Math.floor(T / 2), participants, meetings }, schedule };
}

function shuffle<T>(items: T[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
