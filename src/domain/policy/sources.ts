import type { SourceRef } from './model';

/**
 * The sources the tracker's figures come from, numbered as in the domain facts list
 * (reference/FACTS.md). Citations are copied from that list; a URL is given only where the list
 * gives a full address, otherwise a page shows the citation text without a link.
 */
function fact(ref: string, citation: string, address: string | null = null): SourceRef {
  return { ref, citation, url: address === null ? null : `https://${address}` };
}

export const SOURCES = {
  dawn1918321: fact('[1]', 'dawn.com/news/1918321', 'dawn.com/news/1918321'),
  brecorder40368907: fact('[2]', 'brecorder.com/news/40368907', 'brecorder.com/news/40368907'),
  techjuiceTargets: fact('[3]', 'techjuice.pk (NEV policy 2025-30 targets 2.2 million EVs)'),
  arynewsEbikeScheme: fact('[4]', 'arynews.tv (electric bike scheme, 25 July 2025)'),
  pid29447: fact('[5]', 'pid.gov.pk/site/press_detail/29447', 'pid.gov.pk/site/press_detail/29447'),
  theazbLottery: fact('[7]', 'theazb.com (first phase of e-bike lottery)'),
  techjuiceSubsidy: fact('[8]', 'techjuice.pk (Rs 100 billion subsidy NEV policy)'),
  dawnEditorial2021: fact('[15]', 'Dawn editorial, Feb 2021'),
  brecorder40372068: fact('[18]', 'brecorder.com/news/40372068', 'brecorder.com/news/40372068'),
  arabNewsEvs: fact('[21]', 'Arab News report on Pakistan EVs'),
  techcentralNaxtra: fact('[23]', 'techcentral.co.za (CATL sodium-ion brand)'),
  irenaSodiumIon: fact('[29]', 'IRENA outlook, second-hand summary'),
  argus2644130: fact('[30]', 'argusmedia.com 2644130'),
  bnefPackPrices: fact('[34]–[36]', 'BloombergNEF battery price surveys 2023–2025'),
  appBatteryPolicy: fact('[53]', 'app.com.pk (lithium-ion battery manufacturing policy)'),
  profitBatteryPolicy: fact('[54]', 'profit.pakistantoday.com.pk, 7 Jan 2026'),
  /** Licensed CC BY 4.0; the attribution wording is the one IEA asks for. */
  iea: {
    ref: 'IEA 2024',
    citation:
      'IEA (2024), Global EV Data Explorer, IEA, Paris (subset in reference/iea_global_ev_data_2024_subset.csv)',
    url: 'https://www.iea.org/data-and-statistics/data-tools/global-ev-data-explorer',
  },
} as const satisfies Record<string, SourceRef>;
