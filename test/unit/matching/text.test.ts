import { describe, expect, it } from 'vitest';
import { conceptsIn, stagesNamedBy } from '../../../src/domain/matching/lexicon';
import { normaliseUrdu, stemEnglish, tokenise } from '../../../src/domain/matching/text';

describe('tokenise', () => {
  it('segments Chinese into dictionary words instead of one unbroken run', () => {
    const tokens = tokenise('我们生产磷酸铁锂电池和三轮车');
    expect(tokens).toContain('电池');
    expect(tokens).toContain('三轮车');
    expect(tokens).not.toContain('我们生产磷酸铁锂电池和三轮车');
  });

  it('rejoins single characters the segmenter leaves apart, so 电动 meets 电动', () => {
    expect(tokenise('电动三轮车')).toContain('电动');
  });

  it('drops English stop words and folds plurals', () => {
    expect(tokenise('We are looking for the batteries and chargers')).toEqual(['battery', 'charger']);
    expect(stemEnglish('buses')).toBe('bus');
    expect(stemEnglish('process')).toBe('process');
  });

  it('reads full-width Latin from Chinese input methods as ordinary Latin', () => {
    expect(tokenise('ＬＦＰ')).toEqual(['lfp']);
  });
});

describe('normaliseUrdu', () => {
  it('folds Arabic yeh, kaf and heh onto the Urdu letters', () => {
    // "یوریا کھاد" typed with Arabic yeh (U+064A) and Arabic kaf (U+0643).
    const arabicKeyboard = '\u064A\u0648\u0631\u064A\u0627 \u0643\u06BE\u0627\u062F';
    expect(normaliseUrdu(arabicKeyboard)).toBe('یوریا کھاد');
    expect(normaliseUrdu('\u0631\u06A9\u0634\u0647')).toBe('رکشہ');
  });

  it('removes short vowels, tatweel and zero-width joiners', () => {
    expect(normaliseUrdu('بَیٹری')).toBe('بیٹری');
    expect(normaliseUrdu('بیـٹری')).toBe('بیٹری');
    expect(normaliseUrdu('بیٹ\u200Cری')).toBe('بیٹری');
  });

  it('turns Urdu and Arabic-Indic digits into ASCII digits', () => {
    expect(normaliseUrdu('۸۵۰۷۶۰')).toBe('850760');
    expect(normaliseUrdu('٨٥٠٧')).toBe('8507');
  });

  it('makes the same Urdu word typed two ways produce the same token', () => {
    expect(tokenise('رکشه')).toEqual(tokenise('رکشہ'));
  });
});

describe('domain lexicon', () => {
  it('finds the same concepts in English, Chinese and Urdu', () => {
    const english = conceptsIn('LFP cells');
    expect(english).toEqual(['lfp', 'cell']);
    expect(conceptsIn('磷酸铁锂电芯')).toEqual(english);
    expect(conceptsIn('لیتھیم آئرن فاسفیٹ سیل')).toEqual(english);
  });

  it('knows rickshaw, three-wheeler, 三轮车 and رکشہ are one thing', () => {
    for (const text of ['rickshaw', 'three-wheeler', '3-wheelers', '三轮车', 'رکشہ']) expect(conceptsIn(text)).toEqual(['rickshaw']);
  });

  it('knows charger, charge point and 充电桩 are one thing', () => {
    for (const text of ['chargers', 'charge point', '充电桩']) expect(conceptsIn(text)).toEqual(['charger']);
  });

  it('prefers the longest phrase', () => {
    expect(conceptsIn('solar panels')).toEqual(['pv_module']);
  });

  it('reads the stage from the most telling word of a phrase', () => {
    expect(stagesNamedBy(conceptsIn('e-rickshaw battery packs'))).toEqual(['packs']);
    expect(stagesNamedBy(conceptsIn('e-rickshaws'))).toEqual(['ev_assembly']);
    expect(stagesNamedBy(conceptsIn('charge point operators'))).toEqual(['charging']);
  });
});
