import { describe, expect, it } from 'vitest';
import { buildMatchIndex, renderReason, scorePair } from '../../../src/domain/matching/index';
import type { MatchReason } from '../../../src/domain/matching/index';
import { UI_LANGUAGES } from '../../../src/domain/organisation';
import { buildOrganisation } from './factories';

const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;

describe('renderReason', () => {
  const supplies: MatchReason = { kind: 'supplies', stageFrom: 'cells', stageTo: 'packs', hs: '850760', theirItem: 'LFP cells', yourItem: 'e-rickshaw packs' };

  it('says the value-chain reason in the words of the issue', () => {
    expect(renderReason(supplies, 'en')).toBe('They make LFP cells (HS 850760); you assemble e-rickshaw packs.');
  });

  it('says it in Chinese and Urdu, keeping items and the code', () => {
    const zh = renderReason(supplies, 'zh');
    expect(zh).toContain('对方生产');
    expect(zh).toContain('组装');
    expect(zh).toContain('HS 850760');
    const ur = renderReason(supplies, 'ur');
    expect(ur).toContain('بناتے ہیں');
    expect(ur).toContain('اسمبل کرتے ہیں');
    expect(ur).toContain('\u2068LFP cells\u2069');
    expect(ur).toContain('850760');
  });

  it('falls back to the stage name when an item is missing', () => {
    const bare: MatchReason = { kind: 'buys', stageFrom: 'pv_modules', stageTo: 'solar_epc' };
    expect(renderReason(bare, 'en')).toBe('You make solar panels; they install solar systems.');
    expect(renderReason(bare, 'zh')).toBe('您生产光伏组件；对方安装光伏系统。');
    expect(renderReason(bare, 'ur')).toContain('سولر پینل');
  });

  const everyKind: MatchReason[] = [
    supplies,
    { kind: 'buys', stageFrom: 'packs', stageTo: 'ev_assembly', theirItem: 'e-rickshaws', yourItem: 'packs' },
    { kind: 'same_chain', stageFrom: 'cathode_materials', via: 'cells', stageTo: 'packs' },
    { kind: 'offers_what_you_asked', theirItem: '充电桩', yourItem: 'DC chargers', hs: '850440' },
    { kind: 'asks_for_what_you_offer', theirItem: 'یوریا', yourItem: 'urea' },
    { kind: 'partnership', types: ['joint_venture', 'technology_transfer'] },
    { kind: 'shared_language', languages: ['en', 'zh'] },
    { kind: 'like_your_requests', stage: 'cells' },
  ];

  it('renders every kind of reason in all three languages, each in its own script', () => {
    for (const reason of everyKind) {
      const texts = UI_LANGUAGES.map((lang) => renderReason(reason, lang));
      expect(new Set(texts).size, reason.kind).toBe(3);
      expect(texts[0]).toMatch(/^[A-Z]/);
      expect(HAN.test(texts[2] ?? ''), `${reason.kind} zh`).toBe(true);
      expect(ARABIC.test(texts[1] ?? ''), `${reason.kind} ur`).toBe(true);
    }
  });

  it('names partnership types and languages in the reader’s language', () => {
    const partnership = everyKind[5]!;
    expect(renderReason(partnership, 'en')).toBe('You are both open to a joint venture and technology transfer.');
    expect(renderReason(partnership, 'zh')).toContain('合资、技术转让');
    expect(renderReason({ kind: 'shared_language', languages: ['zh'] }, 'ur')).toContain('چینی');
  });
});

describe('reasons of a recommendation', () => {
  it('tell which offer met which request, with the code and the value-chain step', () => {
    const packMaker = buildOrganisation({ country: 'PK', stages: ['packs'], offers: ['e-rickshaw battery packs'], requests: ['LFP cells'], requestHsCodes: ['850760'], partnershipTypes: ['supply'], languages: ['en', 'ur'] });
    const cellMaker = buildOrganisation({ country: 'CN', stages: ['cells'], hsCodes: ['850760'], offers: ['磷酸铁锂电芯'], partnershipTypes: ['supply'], languages: ['zh', 'en'] });
    const { reasons } = scorePair(buildMatchIndex([packMaker, cellMaker]), packMaker.id, cellMaker.id);
    expect(reasons[0]).toEqual({ kind: 'offers_what_you_asked', theirItem: '磷酸铁锂电芯', yourItem: 'LFP cells', hs: '850760' });
    expect(reasons).toContainEqual({ kind: 'supplies', stageFrom: 'cells', stageTo: 'packs', hs: '850760', theirItem: '磷酸铁锂电芯', yourItem: 'e-rickshaw battery packs' });
    expect(reasons).toContainEqual({ kind: 'partnership', types: ['supply'] });
    expect(reasons).toContainEqual({ kind: 'shared_language', languages: ['en'] });
  });
});
