import type { SizeBand } from '../organisation';
import { productById } from './catalogue';
import type { GeneratedOrganisation } from './organisations';
import type { SeededRandom } from './random';
import type { DemoDelegate, DemoMeetingRequest, DemoMeetingRequestStatus } from './types';

/** FACTS [57]: about 3,000 one-on-one meetings for about 900 enterprises. */
const ACCEPTED_PER_ORGANISATION = 3000 / 900;
/** A delegate can hardly hold more meetings than this in one day and still talk sense. */
export const MAX_ACCEPTED_PER_DELEGATE = 12;
/**
 * Replies at the end of the request window: most requests accepted, some still waiting, a few
 * declined or withdrawn.
 */
const STATUS_SHARES: readonly (readonly [DemoMeetingRequestStatus, number])[] = [
  ['accepted', 0.68],
  ['pending', 0.17],
  ['declined', 0.1],
  ['cancelled', 0.05],
];
/** Larger companies draw more requests. */
const ATTRACTION: Record<SizeBand, number> = { micro: 0.4, small: 0.7, medium: 1, large: 1 };

/** A way two organisations of different countries can do business: `product` flows to the buyer. */
interface Opportunity {
  partner: number;
  product: string;
  /** true when the requester buys the product, false when it sells it. */
  buying: boolean;
}

interface Participants {
  organisations: readonly GeneratedOrganisation[];
  delegates: readonly (readonly DemoDelegate[])[];
}

function opportunities(organisations: readonly GeneratedOrganisation[]): Opportunity[][] {
  const offeredBy = new Map<string, number[]>();
  const requestedBy = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, key: string, org: number): void => {
    const list = index.get(key);
    if (list) list.push(org);
    else index.set(key, [org]);
  };
  organisations.forEach((o, org) => {
    for (const p of o.offers) add(offeredBy, `${o.country}:${p}`, org);
    for (const p of o.requests) add(requestedBy, `${o.country}:${p}`, org);
  });
  return organisations.map((o) => {
    const abroad = o.country === 'PK' ? 'CN' : 'PK';
    const seen = new Set<number>();
    const found: Opportunity[] = [];
    const add = (partner: number, product: string, buying: boolean): void => {
      if (seen.has(partner)) return;
      seen.add(partner);
      found.push({ partner, product, buying });
    };
    for (const p of o.requests) for (const j of offeredBy.get(`${abroad}:${p}`) ?? []) add(j, p, true);
    for (const p of o.offers) for (const j of requestedBy.get(`${abroad}:${p}`) ?? []) add(j, p, false);
    return found;
  });
}

type Deal = 'goods' | 'service' | 'partnership';

function dealOf(productId: string): Deal {
  const product = productById(productId);
  if (['joint_venture', 'investment', 'distribution'].includes(product.partnershipTypes[0] ?? '')) return 'partnership';
  return product.hsCodes.length > 0 ? 'goods' : 'service';
}

/** Opening lines by deal and by who writes: `t` is the quoted item title, `n` the sender, `c` its city. */
const MESSAGES: Record<Deal, Record<'buying' | 'selling', readonly ((t: string, n: string, c: string) => string)[]>> = {
  goods: {
    buying: [
      (t) => `About your offer ${t}: this is what we are sourcing. Could we meet to discuss volumes, prices and delivery?`,
      (t, _n, c) => `We are looking for ${t} for our operations in ${c}. We would like to hear about your capacity and lead times.`,
      (t) => `Your offer ${t} caught our attention. We would like to understand specifications, certification and payment terms.`,
      (t, n) => `Hello from ${n}. We plan to buy ${t} this year and would welcome a meeting.`,
    ],
    selling: [
      (t, n) => `You are looking for ${t}. ${n} supplies this and would like to present our offer.`,
      (t) => `We saw your request for ${t}. We can share specifications and references, and would welcome a meeting.`,
      (t, n, c) => `Hello from ${n} in ${c}. We supply ${t}; shall we meet at the conference?`,
    ],
  },
  service: {
    buying: [
      (t) => `We need ${t} and would like to discuss scope, rates and references.`,
      (t, n) => `Hello from ${n}. Your offer ${t} fits our plans for this year; could we meet?`,
    ],
    selling: [
      (t, n) => `We saw your request for ${t}. ${n} can help and would like to show you how we work.`,
      (t, n, c) => `Hello from ${n} in ${c}. We offer ${t}; shall we meet at the conference?`,
    ],
  },
  partnership: {
    buying: [
      (t) => `We are looking for a partner for ${t} and think your company could be the one. Could we explore this together?`,
      (t, n) => `Hello from ${n}. Your offer ${t} is what we came to Beijing for; can we meet?`,
    ],
    selling: [
      (t) => `We saw your interest in ${t}. We are open to a partnership and would like to meet.`,
      (t, n, c) => `Hello from ${n} in ${c}. We can offer ${t}; shall we talk at the conference?`,
    ],
  },
};

function message(rng: SeededRandom, from: GeneratedOrganisation, delegate: DemoDelegate, opportunity: Opportunity): string {
  const title = `“${productById(opportunity.product).title}”`;
  const templates = MESSAGES[dealOf(opportunity.product)][opportunity.buying ? 'buying' : 'selling'];
  const text = rng.pick(templates)(title, from.shortName, from.organisation.city);
  // Some delegates add a line in their own language.
  if (delegate.language === 'zh' && rng.chance(0.25)) return `${text} 期待与您面谈。`;
  if (delegate.language === 'ur' && rng.chance(0.2)) return `${text} آپ سے ملاقات کا منتظر ہوں۔`;
  return text;
}

/** Cumulative weights so a weighted pick is a binary search, not a scan. */
function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

function pickCumulative(rng: SeededRandom, totals: readonly number[]): number {
  const target = rng.next() * (totals[totals.length - 1] ?? 0);
  let low = 0;
  let high = totals.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((totals[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

export function generateMeetingRequests(rng: SeededRandom, participants: Participants): DemoMeetingRequest[] {
  const { organisations, delegates } = participants;
  const reachable = opportunities(organisations);
  const accepted = new Map<string, number>();
  const pairs = new Set<string>();
  /** Requests sent or received, per organisation. */
  const involved: number[] = organisations.map(() => 0);
  const requests: DemoMeetingRequest[] = [];

  /** A delegate of `org`, the head of delegation more often, within the accepted cap if needed. */
  const chooseDelegate = (org: number, needsRoom: boolean, forced?: number): DemoDelegate | undefined => {
    const team = delegates[org] ?? [];
    const open = (d: DemoDelegate): boolean => !needsRoom || (accepted.get(d.externalId) ?? 0) < MAX_ACCEPTED_PER_DELEGATE;
    if (forced !== undefined) {
      const d = team[forced];
      return d && open(d) ? d : undefined;
    }
    // The head of delegation (first) counts double.
    let total = 0;
    for (let i = 0; i < team.length; i++) if (open(team[i] as DemoDelegate)) total += i === 0 ? 2 : 1;
    if (total === 0) return undefined;
    let r = rng.next() * total;
    for (let i = 0; i < team.length; i++) {
      const d = team[i] as DemoDelegate;
      if (!open(d)) continue;
      r -= i === 0 ? 2 : 1;
      if (r < 0) return d;
    }
    return undefined;
  };

  /** Records a request unless the pair already met or a delegate has no room; `…Seat` forces a delegate. */
  const tryRequest = (
    from: number,
    option: Opportunity,
    status: DemoMeetingRequestStatus,
    fromSeat?: number,
    toSeat?: number,
  ): boolean => {
    const to = option.partner;
    const key = from < to ? `${from}:${to}` : `${to}:${from}`;
    if (pairs.has(key)) return false;
    const needsRoom = status === 'accepted';
    const sender = chooseDelegate(from, needsRoom, fromSeat);
    const receiver = chooseDelegate(to, needsRoom, toSeat);
    const origin = organisations[from];
    if (!sender || !receiver || !origin) return false;
    pairs.add(key);
    involved[from] = (involved[from] ?? 0) + 1;
    involved[to] = (involved[to] ?? 0) + 1;
    if (needsRoom) {
      accepted.set(sender.externalId, (accepted.get(sender.externalId) ?? 0) + 1);
      accepted.set(receiver.externalId, (accepted.get(receiver.externalId) ?? 0) + 1);
    }
    requests.push({
      fromDelegateExternalId: sender.externalId,
      toDelegateExternalId: receiver.externalId,
      message: message(rng, origin, sender, option),
      status,
    });
    return true;
  };

  // The demo logins should open on a lively agenda: meetings they asked for, meetings asked of
  // them, one still waiting for their answer and one they declined.
  organisations.forEach((org, index) => {
    if (!org.isShowcase) return;
    const mine = rng.shuffle(reachable[index] ?? []);
    const outgoing: DemoMeetingRequestStatus[] = ['accepted', 'accepted', 'accepted', 'pending'];
    const incoming: DemoMeetingRequestStatus[] = ['accepted', 'accepted', 'accepted', 'pending', 'declined'];
    for (const status of outgoing) {
      for (let option = mine.pop(); option; option = mine.pop()) {
        if (tryRequest(index, option, status, 0)) break;
      }
    }
    for (const status of incoming) {
      for (let option = mine.pop(); option; option = mine.pop()) {
        const back = (reachable[option.partner] ?? []).find((o) => o.partner === index);
        if (back && tryRequest(option.partner, back, status, undefined, 0)) break;
      }
    }
  });

  const acceptedTarget = Math.round(organisations.length * ACCEPTED_PER_ORGANISATION);
  const total = Math.round(acceptedTarget / (STATUS_SHARES[0]?.[1] ?? 1));
  const statuses = rng.shuffle(
    STATUS_SHARES.flatMap(([status, share]) => Array.from({ length: Math.round(total * share) }, () => status)),
  );
  const already = new Map<DemoMeetingRequestStatus, number>();
  for (const r of requests) already.set(r.status, (already.get(r.status) ?? 0) + 1);
  // Organisations send requests in proportion to their delegation, if they have anyone to ask.
  const senders = cumulative(
    organisations.map((_, i) => ((reachable[i]?.length ?? 0) > 0 ? (delegates[i]?.length ?? 0) : 0)),
  );

  let attempts = 0;
  for (const status of statuses) {
    const skip = already.get(status) ?? 0;
    if (skip > 0) {
      already.set(status, skip - 1);
      continue;
    }
    while (attempts++ < total * 40) {
      // Of two candidate senders, the one with fewer requests so far goes first, so that
      // small delegations get their turn too.
      const first = pickCumulative(rng, senders);
      const second = pickCumulative(rng, senders);
      const from = (involved[second] ?? 0) < (involved[first] ?? 0) ? second : first;
      const choices = reachable[from] ?? [];
      if (choices.length === 0) continue;
      const option = rng.pick(choices);
      const partner = organisations[option.partner];
      if (!partner || !rng.chance(ATTRACTION[partner.organisation.sizeBand])) continue;
      if (tryRequest(from, option, status)) break;
    }
  }
  return requests;
}
