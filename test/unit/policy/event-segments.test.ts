import { describe, expect, it } from 'vitest';
import { segmentCoverage, segmentsServed } from '../../../src/domain/policy';

describe('which segments an event’s organisations serve', () => {
  it('reads segments from codes and from words in English, Urdu and Chinese', () => {
    expect(segmentsServed({ stages: ['ev_assembly'], hsCodes: ['871160'], text: 'We build e-bikes' })).toEqual(['two_wheeler']);
    expect(segmentsServed({ stages: ['packs'], hsCodes: ['850760'], text: '48V packs for e-rickshaws and loaders' })).toEqual(['three_wheeler']);
    expect(segmentsServed({ stages: ['packs'], hsCodes: [], text: 'رکشہ اور موٹر سائیکل کے لیے بیٹری' })).toEqual(['two_wheeler', 'three_wheeler']);
    expect(segmentsServed({ stages: ['cells'], hsCodes: [], text: '为电动公交和重卡提供磷酸铁锂电芯' })).toEqual(['bus', 'truck']);
    expect(segmentsServed({ stages: ['recycling'], hsCodes: ['854919'], text: 'Black mass from spent cells' })).toEqual([]);
  });

  it('counts organisations per segment and role', () => {
    const coverage = segmentCoverage([
      { stages: ['packs'], hsCodes: [], text: 'rickshaw packs' },
      { stages: ['ev_assembly'], hsCodes: [], text: 'electric rickshaw assembly' },
      { stages: ['charging'], hsCodes: ['850440'], text: 'DC chargers for buses' },
    ]);
    expect(coverage.organisations).toBe(3);
    expect(coverage.bySegment.three_wheeler).toMatchObject({ total: 2, packs: 1, ev_assembly: 1, charging: 0 });
    expect(coverage.bySegment.bus).toMatchObject({ total: 1, charging: 1 });
    expect(coverage.byRole).toMatchObject({ packs: 1, ev_assembly: 1, charging: 1, cells: 0 });
  });
});
