import { describe, expect, it } from 'vitest';
import { PARTNERSHIP_TYPES, SIZE_BANDS, UI_LANGUAGES } from '../../../src/domain/organisation';
import { SECTORS, isValueChainStage, stageById } from '../../../src/domain/value-chain';
import { MAX_ACCEPTED_PER_DELEGATE, generateDemoEvent, type DemoEvent } from '../../../src/domain/demo';
import { REAL_BRANDS } from '../../../src/domain/demo/organisation-names';

const event = generateDemoEvent();

function organisationOfDelegate(demo: DemoEvent): Map<string, string> {
  return new Map(demo.delegates.map((d) => [d.externalId, d.organisationExternalId]));
}

describe('demo event: determinism', () => {
  it('gives the identical event for the same seed', () => {
    expect(generateDemoEvent({ seed: 7 })).toEqual(generateDemoEvent({ seed: 7 }));
    expect(JSON.stringify(generateDemoEvent())).toBe(JSON.stringify(event));
  });

  it('gives a different event for a different seed', () => {
    const a = generateDemoEvent({ seed: 1 });
    const b = generateDemoEvent({ seed: 2 });
    expect(a.organisations.map((o) => o.name)).not.toEqual(b.organisations.map((o) => o.name));
    expect(a.meetingRequests).not.toEqual(b.meetingRequests);
  });

  it('generates 900 organisations well under a second', () => {
    generateDemoEvent({ seed: 3 });
    const started = performance.now();
    generateDemoEvent({ seed: 4 });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('demo event: the day', () => {
  it('is one day in Beijing', () => {
    expect(event.event.name).toBe('Pakistan–China Business Conference');
    expect(event.event.city).toBe('Beijing');
    expect(event.event.timeZone).toBe('Asia/Shanghai');
    expect(event.event.days).toEqual(['2025-09-04']);
  });

  it('has at least 16 meeting slots of 20 or 25 minutes, a lunch break and no overlaps', () => {
    const meetings = event.slots.filter((s) => !s.isBreak);
    expect(meetings.length).toBeGreaterThanOrEqual(16);
    for (const slot of meetings) {
      const minutes = (Date.parse(slot.end) - Date.parse(slot.start)) / 60_000;
      expect([20, 25]).toContain(minutes);
    }
    expect(event.slots.some((s) => s.isBreak && /lunch/i.test(s.label))).toBe(true);
    for (let i = 1; i < event.slots.length; i++) {
      const previous = event.slots[i - 1];
      const slot = event.slots[i];
      expect(Date.parse(slot?.start ?? '')).toBeGreaterThanOrEqual(Date.parse(previous?.end ?? ''));
    }
    expect(new Set(event.slots.map((s) => s.session))).toEqual(new Set(['morning', 'afternoon']));
  });

  it('stores UTC instants whose local time in the event zone matches the label', () => {
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: event.event.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const slot of event.slots) {
      expect(slot.start.endsWith('Z')).toBe(true);
      expect(slot.label).toContain(`${local.format(new Date(slot.start))}–${local.format(new Date(slot.end))}`);
    }
  });

  it('has 150 tables, a few virtual ones with https links on an example domain', () => {
    expect(event.tables).toHaveLength(150);
    expect(new Set(event.tables.map((t) => t.name)).size).toBe(150);
    const virtual = event.tables.filter((t) => t.virtualLink !== null);
    expect(virtual.length).toBeGreaterThan(0);
    expect(virtual.length).toBeLessThan(20);
    for (const table of virtual) expect(table.virtualLink).toMatch(/^https:\/\/[a-z0-9.-]+\.example\//);
    for (const table of event.tables) expect(table.capacity).toBeGreaterThanOrEqual(2);
  });
});

describe('demo event: organisations', () => {
  it('has about 900 organisations, 60% Pakistani and 40% Chinese', () => {
    expect(event.organisations).toHaveLength(900);
    const pakistani = event.organisations.filter((o) => o.country === 'PK').length;
    const chinese = event.organisations.filter((o) => o.country === 'CN').length;
    expect(pakistani + chinese).toBe(900);
    expect(pakistani / 900).toBeCloseTo(0.6, 2);
  });

  it('uses unique external ids, names and websites on example domains', () => {
    const ids = event.organisations.map((o) => o.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(event.organisations.map((o) => o.name)).size).toBe(ids.length);
    for (const o of event.organisations) expect(o.website).toMatch(/^https:\/\/[a-z0-9-]+\.example$/);
  });

  it('uses no real company names', () => {
    const brands = [...REAL_BRANDS, 'catl', 'byd', 'hubco', 'longi', 'jinko', 'huawei', 'sungrow', 'engro'];
    // The city prefix of a Chinese name is a place, not a brand.
    const words = (o: { name: string; city: string }): string[] =>
      o.name.toLowerCase().replace(o.city.toLowerCase(), ' ').split(/[^a-z]+/);
    const clashes = event.organisations.filter((o) => words(o).some((w) => brands.includes(w)));
    expect(clashes.map((o) => o.name)).toEqual([]);
  });

  it('covers every sector, with stages and partnership types from the shared vocabulary', () => {
    const sectors = new Set<string>();
    const problems: string[] = [];
    const partnershipTypes: readonly string[] = PARTNERSHIP_TYPES;
    for (const o of event.organisations) {
      if (o.stages.length === 0) problems.push(`${o.name}: no stage`);
      for (const stage of o.stages) {
        if (!isValueChainStage(stage)) problems.push(`${o.name}: stage ${stage}`);
        sectors.add(stageById(stage)?.sector ?? '');
      }
      const types = [...o.partnershipTypes, ...o.items.flatMap((i) => i.partnershipTypes)];
      for (const type of types) if (!partnershipTypes.includes(type)) problems.push(`${o.name}: ${type}`);
      if (!(SIZE_BANDS as readonly string[]).includes(o.sizeBand)) problems.push(`${o.name}: ${o.sizeBand}`);
    }
    expect(problems).toEqual([]);
    for (const sector of SECTORS) expect(sectors, sector).toContain(sector);
  });

  it('gives every organisation offers, requests and a description of two or more sentences', () => {
    for (const o of event.organisations) {
      expect(o.items.some((i) => i.kind === 'offer'), o.name).toBe(true);
      expect(o.items.some((i) => i.kind === 'request'), o.name).toBe(true);
      for (const item of o.items) {
        expect(item.title.length).toBeGreaterThan(3);
        expect(item.text.length).toBeGreaterThan(10);
      }
      const sentences = o.description.split(/[。۔]|\.(?:\s|$)/).filter((s) => s.trim() !== '');
      expect(sentences.length, o.description).toBeGreaterThanOrEqual(2);
      expect(sentences.length, o.description).toBeLessThanOrEqual(3);
    }
  });

  it('writes about 20% of Chinese and 10% of Pakistani descriptions in Chinese and Urdu', () => {
    const chinese = event.organisations.filter((o) => o.country === 'CN');
    const pakistani = event.organisations.filter((o) => o.country === 'PK');
    const inChinese = chinese.filter((o) => /[\u4e00-\u9fff]/.test(o.description));
    const inUrdu = pakistani.filter((o) => /[\u0600-\u06ff]/.test(o.description));
    expect(inChinese.length / chinese.length).toBeGreaterThan(0.1);
    expect(inChinese.length / chinese.length).toBeLessThan(0.3);
    expect(inUrdu.length / pakistani.length).toBeGreaterThan(0.05);
    expect(inUrdu.length / pakistani.length).toBeLessThan(0.16);
    for (const o of inChinese) expect(o.languages).toEqual(['zh', 'en']);
    for (const o of inUrdu) expect(o.languages).toEqual(['ur', 'en']);
    for (const o of chinese) expect(o.languages).toContain('zh');
  });

  it('puts Chinese organisations mostly upstream and Pakistani ones mostly downstream', () => {
    const upstream = new Set([
      'mining', 'refining', 'cathode_materials', 'anode_materials', 'other_cell_components', 'cells',
      'polysilicon', 'pv_cells', 'inverters',
    ]);
    const share = (country: string): number => {
      const list = event.organisations.filter((o) => o.country === country);
      return list.filter((o) => o.stages.some((s) => upstream.has(s))).length / list.length;
    };
    expect(share('CN')).toBeGreaterThan(2 * share('PK'));
    // …with exceptions both ways.
    expect(event.organisations.some((o) => o.country === 'PK' && o.stages.includes('cathode_materials'))).toBe(true);
    expect(event.organisations.some((o) => o.country === 'CN' && o.stages.includes('solar_epc'))).toBe(true);
  });
});

describe('demo event: delegates', () => {
  it('has about 2,500 delegates, 1 to 5 per organisation, typically 2 or 3', () => {
    expect(event.delegates.length).toBeGreaterThan(2300);
    expect(event.delegates.length).toBeLessThan(2700);
    const perOrganisation = new Map<string, number>();
    for (const d of event.delegates) {
      perOrganisation.set(d.organisationExternalId, (perOrganisation.get(d.organisationExternalId) ?? 0) + 1);
    }
    expect(perOrganisation.size).toBe(event.organisations.length);
    const counts = [...perOrganisation.values()];
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    expect(counts.filter((n) => n === 2 || n === 3).length / counts.length).toBeGreaterThan(0.5);
  });

  it('uses unique external ids and unique e-mails on example domains', () => {
    expect(new Set(event.delegates.map((d) => d.externalId)).size).toBe(event.delegates.length);
    const emails = event.delegates.map((d) => d.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of [...emails, ...event.logins.map((l) => l.email)]) {
      expect(email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.example$/);
    }
  });

  it('prefers Chinese for most Chinese delegates and Urdu for some Pakistani ones', () => {
    const country = new Map(event.organisations.map((o) => [o.externalId, o.country]));
    const chinese = event.delegates.filter((d) => country.get(d.organisationExternalId) === 'CN');
    const pakistani = event.delegates.filter((d) => country.get(d.organisationExternalId) === 'PK');
    expect(chinese.filter((d) => d.language === 'zh').length / chinese.length).toBeGreaterThan(0.7);
    expect(pakistani.some((d) => d.language === 'ur')).toBe(true);
    expect(pakistani.every((d) => d.language !== 'zh')).toBe(true);
    for (const d of event.delegates) expect(UI_LANGUAGES).toContain(d.language);
  });
});

describe('demo event: meeting requests', () => {
  const organisationOf = organisationOfDelegate(event);
  const country = new Map(event.organisations.map((o) => [o.externalId, o.country]));

  it('has about 3,000 accepted requests and a realistic mix of the others', () => {
    const byStatus = new Map<string, number>();
    for (const r of event.meetingRequests) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    expect(byStatus.get('accepted')).toBeGreaterThan(2700);
    expect(byStatus.get('accepted')).toBeLessThanOrEqual(3100);
    for (const status of ['pending', 'declined', 'cancelled']) expect(byStatus.get(status) ?? 0).toBeGreaterThan(50);
  });

  it('only links Pakistani with Chinese organisations, once per pair, never to oneself', () => {
    const pairs = new Set<string>();
    const problems: string[] = [];
    for (const r of event.meetingRequests) {
      const from = organisationOf.get(r.fromDelegateExternalId);
      const to = organisationOf.get(r.toDelegateExternalId);
      const key = [from, to].sort().join('|');
      if (!from || !to) problems.push(`unknown delegate in ${key}`);
      if (from === to) problems.push(`request within ${from}`);
      if (country.get(from ?? '') === country.get(to ?? '')) problems.push(`same country ${key}`);
      if (pairs.has(key)) problems.push(`duplicate ${key}`);
      if (r.message.length < 20) problems.push(`short message ${key}`);
      pairs.add(key);
    }
    expect(problems).toEqual([]);
  });

  it('follows the value chain: one side requests what the other offers', () => {
    const items = new Map(event.organisations.map((o) => [o.externalId, o.items]));
    const unrelated: string[] = [];
    for (const r of event.meetingRequests) {
      const a = items.get(organisationOf.get(r.fromDelegateExternalId) ?? '') ?? [];
      const b = items.get(organisationOf.get(r.toDelegateExternalId) ?? '') ?? [];
      const titles = (list: typeof a, kind: string): Set<string> => new Set(list.filter((i) => i.kind === kind).map((i) => i.title));
      const aWantsB = [...titles(a, 'request')].some((t) => titles(b, 'offer').has(t));
      const bWantsA = [...titles(b, 'request')].some((t) => titles(a, 'offer').has(t));
      if (!aWantsB && !bWantsA) unrelated.push(`${r.fromDelegateExternalId} → ${r.toDelegateExternalId}`);
    }
    expect(unrelated).toEqual([]);
  });

  it(`gives no delegate more than ${MAX_ACCEPTED_PER_DELEGATE} accepted meetings`, () => {
    const accepted = new Map<string, number>();
    for (const r of event.meetingRequests.filter((m) => m.status === 'accepted')) {
      for (const d of [r.fromDelegateExternalId, r.toDelegateExternalId]) accepted.set(d, (accepted.get(d) ?? 0) + 1);
    }
    expect(Math.max(...accepted.values())).toBeLessThanOrEqual(MAX_ACCEPTED_PER_DELEGATE);
    // Meetings are spread: most organisations have at least one.
    const organisations = new Set([...accepted.keys()].map((d) => organisationOf.get(d)));
    expect(organisations.size / event.organisations.length).toBeGreaterThan(0.95);
  });
});

describe('demo event: logins', () => {
  it('has one organiser and three delegates who are among the delegates', () => {
    expect(event.logins.filter((l) => l.role === 'organiser')).toHaveLength(1);
    const delegates = event.logins.filter((l) => l.role === 'delegate');
    expect(delegates).toHaveLength(3);
    const byEmail = new Map(event.delegates.map((d) => [d.email, d]));
    const organisations = new Map(event.organisations.map((o) => [o.externalId, o]));
    const profiles = delegates.map((login) => {
      const delegate = byEmail.get(login.email);
      expect(delegate, login.email).toBeDefined();
      expect(login.name).toBe(`${delegate?.firstName} ${delegate?.lastName}`);
      return organisations.get(delegate?.organisationExternalId ?? '');
    });
    const [rickshaw, cells, solar] = profiles;
    expect(rickshaw?.country).toBe('PK');
    expect(rickshaw?.stages).toContain('ev_assembly');
    const rickshawRequests = rickshaw?.items.filter((i) => i.kind === 'request').map((i) => i.title).join(' ');
    expect(rickshawRequests).toMatch(/48 V \/ 60 V/);
    expect(rickshawRequests).toMatch(/controller/i);
    expect(rickshaw?.items.some((i) => i.kind === 'offer' && /assembly|dealer/i.test(i.title))).toBe(true);
    expect(cells?.country).toBe('CN');
    expect(cells?.items.some((i) => i.kind === 'offer' && /^LFP .*cells/.test(i.title))).toBe(true);
    expect(solar?.country).toBe('PK');
    expect(solar?.stages).toContain('solar_epc');
  });

  it('opens the delegate logins on an agenda with accepted and pending meetings', () => {
    const byEmail = new Map(event.delegates.map((d) => [d.email, d.externalId]));
    for (const login of event.logins.filter((l) => l.role === 'delegate')) {
      const id = byEmail.get(login.email);
      const mine = event.meetingRequests.filter((r) => r.fromDelegateExternalId === id || r.toDelegateExternalId === id);
      expect(mine.filter((r) => r.status === 'accepted').length).toBeGreaterThanOrEqual(4);
      expect(mine.some((r) => r.status === 'pending' && r.toDelegateExternalId === id)).toBe(true);
    }
  });
});

describe('demo event: other sizes', () => {
  it.each([3, 12, 60])('works with %i organisations and keeps the logins', (organisations) => {
    const small = generateDemoEvent({ seed: 5, organisations });
    expect(small.organisations).toHaveLength(organisations);
    expect(small.logins.filter((l) => l.role === 'delegate')).toHaveLength(3);
    const emails = new Set(small.delegates.map((d) => d.email));
    for (const login of small.logins.filter((l) => l.role === 'delegate')) expect(emails).toContain(login.email);
  });

  it('scales accepted meetings with the number of organisations', () => {
    const small = generateDemoEvent({ seed: 5, organisations: 300 });
    const accepted = small.meetingRequests.filter((r) => r.status === 'accepted').length;
    expect(accepted).toBeGreaterThan(800);
    expect(accepted).toBeLessThanOrEqual(1000);
  });
});
